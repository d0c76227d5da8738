// Shared by the sign suites: a rendered reply letter, a demo PKI in a temporary folder, and
// running the poppler/qpdf tools on files.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "app/app_system.h"
#include "sign/pades_signer.h"
#include "sign/pades_verifier.h"
#include "sign/pki.h"
#include "support/temp_dir.h"

namespace naskah::signtest {

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

struct ToolRun {
  int exitCode;
  std::string output;  // stdout and stderr together
};

inline ToolRun runTool(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  int status = pclose(pipe);
  return ToolRun{WEXITSTATUS(status), output};
}

// The sample reply letter as our renderer writes it (rendered once per process).
inline const std::string& unsignedLetter() {
  static const std::string pdf = [] {
    std::string data = readFile(std::string(NASKAH_SOURCE_DIR) + "/samples/documents/surat_balasan.json");
    return app::AppRuntime().renderPdf("surat_balasan", data, "", "F4", cli::AppConfig{});
  }();
  return pdf;
}

constexpr const char* kPassphrase = "naskah-demo-2026";

inline sign::DemoPkiRequest demoRequest(const std::string& folder, sign::KeyKind kind = sign::KeyKind::kEcdsaP256) {
  sign::DemoPkiRequest request;
  request.folder = folder;
  request.officeName = "Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi Jambi";
  request.signer.commonName = "Drs. H. Ahmad Fauzi, M.Si.";
  request.signer.title = "Kepala Dinas";
  request.signer.serialNumber = "196805121993031004";
  request.passphrase = kPassphrase;
  request.keyKind = kind;
  return request;
}

inline ports::SignRequest letterRequest() {
  ports::SignRequest request;
  request.reason = "Surat balasan 400.9/1187/Dinsosdukcapil/2026";
  request.location = "Jambi";
  request.signingTime = "2026-11-23T09:15:00+07:00";
  return request;
}

}  // namespace naskah::signtest
