// Content-addressed files under a root folder: <root>/ab/abcdef… named by SHA-256.
#pragma once

#include <string>

#include "ports/platform.h"

namespace naskah::store {

class FileBlobStore : public ports::BlobStore {
 public:
  // Creates the root when missing.
  explicit FileBlobStore(std::string root);
  // Writes to a temporary file, fsyncs it, renames it into place and fsyncs the folder, so
  // after put() returns the file survives a crash. Storing the same content twice is a no-op.
  std::string put(std::string_view content) override;
  std::string get(const std::string& sha256) const override;

 private:
  std::string pathOf(const std::string& sha256) const;
  std::string root_;
};

}  // namespace naskah::store
