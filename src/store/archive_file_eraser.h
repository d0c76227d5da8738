// Removing a disposed record's content from the archive root (ArchiveFileStore's layout).
#pragma once

#include <string>

#include "ports/retention.h"

namespace naskah::store {

class ArchiveFileEraser : public ports::ArchiveContentEraser {
 public:
  explicit ArchiveFileEraser(std::string root) : root_(std::move(root)) {}
  void erase(const std::string& sha256, const std::string& contentType) override;

 private:
  std::string root_;
};

}  // namespace naskah::store
