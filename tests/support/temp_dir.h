// A fresh folder under /tmp for one test, removed afterwards.
#pragma once

#include <string>

namespace naskah::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace naskah::testing
