// What the archive records of a signed reply beyond its text: the channel of the complaint it
// answers, so that an auditor's channel filter finds replies as well as scans.
#include "outgoing/outgoing_fixture.h"

namespace naskah::testing {
namespace {

class ReplyArchive : public OutgoingTest {
 protected:
  // Walks a draft to the head's signature; returns the archive id of the signed final.
  std::int64_t signedReply(std::int64_t id) {
    EXPECT_EQ(act("petugas", id, "submit").status, 200);
    for (const char* who : {"kasi", "kabid", "sekretaris"}) EXPECT_EQ(act(who, id, "paraf").status, 200) << who;
    auto r = act("kadis", id, "sign");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getValue<std::int64_t>("archive_id");
  }
};

TEST_F(ReplyArchive, TheSignedReplyCarriesTheChannelOfTheComplaintItAnswers) {
  auto bySurat = signedReply(draft());
  auto sms = letterBody("2031-03-03T10:00:00");
  sms->set("channel", "sms");
  incomingId_ = registerLetter(sms)->getValue<std::int64_t>("id");
  auto bySms = signedReply(draft());

  EXPECT_EQ(as("auditor").get("/api/v1/archive/" + std::to_string(bySurat)).json()->getValue<std::string>("channel"),
            "surat");
  auto found = [&](const std::string& channel, const std::string& status) {
    auto r = as("auditor").get("/api/v1/archive/search?kind=surat_balasan&channel=" + channel + "&status=" + status);
    std::vector<std::int64_t> ids;
    auto items = r.json()->getArray("items");
    for (size_t i = 0; items && i < items->size(); ++i) ids.push_back(items->getObject(i)->getValue<std::int64_t>("id"));
    EXPECT_EQ(totalOf(r), static_cast<std::int64_t>(ids.size()));
    return ids;
  };
  EXPECT_EQ(found("surat", "final"), std::vector<std::int64_t>{bySurat});
  EXPECT_EQ(found("sms", "final"), std::vector<std::int64_t>{bySms});
  EXPECT_EQ(found("sms", "konsep").size(), 1u);  // the versions carry it too
  EXPECT_TRUE(found("whatsapp", "final").empty());
}

}  // namespace
}  // namespace naskah::testing
