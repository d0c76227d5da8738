// A real server with the demo office and its signing keys, and the reply letter's steps as
// one-line calls, so that each test reads as the cycle it walks.
#pragma once

#include <string>

#include "app/app_system.h"
#include "http/api_test_fixture.h"

namespace naskah::testing {

inline Poco::JSON::Array::Ptr jsonList(std::initializer_list<std::string> items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& item : items) a->add(item);
  return a;
}

class OutgoingTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    cli::PkiSubject subject{"Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi Jambi",
                            "Drs. H. Ahmad Fauzi, M.Si.", "Kepala Dinas", "196805121993031004"};
    ASSERT_TRUE(app::AppRuntime().createDemoPki(server().config(), subject));
    incomingId_ = registerLetter(letterBody())->getValue<std::int64_t>("id");
  }

  std::string path(std::int64_t id, const std::string& action = "") {
    return "/api/v1/outgoing-letters/" + std::to_string(id) + (action.empty() ? "" : "/" + action);
  }

  Poco::JSON::Object::Ptr draftBody(const std::string& amount = "Rp500.000,00") {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("incoming_letter_id", incomingId_);
    o->set("recipient", "Kepala Desa Sungai Duren");
    o->set("recipient_address", jsonList({"di", "Kabupaten Muaro Jambi"}));
    o->set("subject", "Tindak Lanjut Pengaduan Masyarakat");
    o->set("paragraphs",
           jsonList({"Menindaklanjuti surat pengaduan yang kami terima, bersama ini kami sampaikan hasil "
                     "pemeriksaan lapangan oleh petugas teknis.",
                     "Kami mohon Saudara memfasilitasi pemutakhiran data sehingga bantuan sebesar " + amount +
                         " per orang dapat disalurkan."}));
    o->set("tembusan", jsonList({"Camat Jambi Luar Kota", "Kepala Bidang Perlindungan dan Jaminan Sosial"}));
    o->set("reporter", "Sdr. Syamsul Bahri");
    o->set("classification_code", "400.9");
    o->set("urgency", "segera");
    o->set("enclosure_count", 1);
    return o;
  }

  // Drafted by the officer; fails the test unless 201.
  std::int64_t draft() {
    auto r = as("petugas").post("/api/v1/outgoing-letters", toJsonText(draftBody()));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()->getValue<std::int64_t>("id");
  }

  HttpResponse act(const std::string& user, std::int64_t id, const std::string& action, const std::string& body = "{}") {
    return as(user).post(path(id, action), body);
  }

  HttpResponse correct(const std::string& user, std::int64_t id, int base, const std::string& amount,
                       const std::string& note = "angka bantuan disesuaikan") {
    auto body = draftBody(amount);
    body->remove("incoming_letter_id");
    body->set("base_version", base);
    body->set("note", note);
    return as(user).request("PUT", path(id), toJsonText(body));
  }

  Poco::JSON::Object::Ptr letter(std::int64_t id) {
    auto r = as("kasi").get(path(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  // Draft → submit → kasi, kabid, sekretaris paraf: awaiting the head's signature.
  std::int64_t readyToSign() {
    auto id = draft();
    EXPECT_EQ(act("petugas", id, "submit").status, 200);
    for (const char* who : {"kasi", "kabid", "sekretaris"}) {
      auto r = act(who, id, "paraf");
      EXPECT_EQ(r.status, 200) << who << ": " << r.body;
    }
    return id;
  }

  std::int64_t incomingId_ = 0;
};

}  // namespace naskah::testing
