// The archive root on disk: <root>/ab/abcdef….pdf, each file named by the SHA-256 of its bytes.
#pragma once

#include <string>

#include "ports/archive.h"

namespace naskah::store {

class ArchiveFileStore : public ports::ArchiveFiles {
 public:
  // Creates the root when missing.
  explicit ArchiveFileStore(std::string root);

  std::string put(std::string_view content, const std::string& contentType) override;
  std::string get(const std::string& sha256, const std::string& contentType) const override;
  std::vector<StoredFile> list() const override;
  std::string hashOf(const std::string& path) const override;
  std::string pathOf(const std::string& sha256, const std::string& contentType) const override {
    return relativePath(sha256, contentType);
  }

  const std::string& root() const { return root_; }
  // "ab/abcdef….pdf": where the content with this digest and type lives, relative to the root.
  static std::string relativePath(const std::string& sha256, const std::string& contentType);

 private:
  std::string root_;
};

}  // namespace naskah::store
