// Content-addressed files under a root folder: <root>/ab/abcdef… named by SHA-256.
#pragma once

#include <string>

#include "ports/platform.h"

namespace naskah::store {

// Writes content to a temporary file beside path, fsyncs it, renames it to path and fsyncs
// folder (path's parent, created when missing): once this returns the file survives a crash
// or power cut. Throws kUnavailable (and leaves no temporary file) when any step fails.
void writeFileDurably(const std::string& folder, const std::string& path, std::string_view content);

class FileBlobStore : public ports::BlobStore {
 public:
  // Creates the root when missing.
  explicit FileBlobStore(std::string root);
  // Writes to a temporary file, fsyncs it, renames it into place and fsyncs the folder, so
  // after put() returns the file survives a crash. Storing the same content twice is a no-op.
  std::string put(std::string_view content) override;
  std::string get(const std::string& sha256) const override;
  std::string filePath(const std::string& sha256) const override;

 private:
  std::string pathOf(const std::string& sha256) const;
  std::string root_;
};

}  // namespace naskah::store
