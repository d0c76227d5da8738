// A real store and archive folder in a temporary directory, with the archive services over them.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>

#include "platform/system_clock.h"
#include "services/archive_search_service.h"
#include "services/archive_service.h"
#include "store/archive_file_store.h"
#include "store/sql_archive_repository.h"
#include "store/store_fixture.h"

namespace naskah::testing {

inline domain::Actor actorAs(domain::Role role, std::int64_t officeId, const std::string& username = "") {
  return domain::Actor{1, officeId, username.empty() ? std::string(domain::toString(role)) : username, role};
}

// A letter's metadata every field of which is valid; tests change what they are about.
inline ports::ArchiveMetadata letter(const std::string& subject, const std::string& text,
                                     const std::string& date = "2026-03-10") {
  ports::ArchiveMetadata m;
  m.kind = "surat_balasan";
  m.outgoingNumber = "400.9/17/DINSOS/III/2026";
  m.agendaNumber = "0012/SM/DINSOS/2026";
  m.letterDate = date;
  m.subject = subject;
  m.sender = "Dinas Sosial Provinsi Jambi";
  m.recipient = "Ketua RT 07 Kelurahan Simpang IV Sipin";
  m.signer = "Drs. Ahmad Fauzi, M.Si.";
  m.classificationCode = "400.9.1";
  m.status = "final";
  m.tembusan = {"Gubernur Jambi", "Inspektur Provinsi Jambi"};
  m.text = text;
  return m;
}

class ArchiveFixture {
 public:
  ArchiveFixture()
      : root(store.dir.path() + "/archive"),
        records(*store.database),
        files(root),
        archive(records, files, clock),
        search(records) {}

  std::int64_t officeId() const { return store.officeId; }
  domain::Actor as(domain::Role role) const { return actorAs(role, store.officeId); }
  // Archives as the head; the content is derived from the subject unless given.
  ports::ArchiveRecord add(ports::ArchiveMetadata m, std::string content = "") {
    if (content.empty()) content = "%PDF-1.7\n% " + m.subject + "\n" + m.text + "\n%%EOF\n";
    return archive.archive(as(domain::Role::kHead), std::move(m), content).record;
  }
  std::string pathOf(const ports::ArchiveRecord& r) const {
    return root + "/" + store::ArchiveFileStore::relativePath(r.sha256, r.metadata.contentType);
  }

  StoreFixture store;
  std::string root;
  platform::SystemClock clock;
  store::SqlArchiveRepository records;
  store::ArchiveFileStore files;
  services::ArchiveService archive;
  services::ArchiveSearchService search;
};

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void writeFile(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

}  // namespace naskah::testing
