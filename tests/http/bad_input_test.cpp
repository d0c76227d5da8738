// The bad-input catalogue: every malformed, mistyped, unknown, oversize or hostile input is
// refused with a JSON error naming what is wrong, and harmless-but-odd text is kept verbatim.
#include <algorithm>

#include "http/api_test_fixture.h"

namespace naskah::testing {
namespace {

using BadInputApi = ApiTest;

bool names(const std::vector<std::string>& fields, const std::string& field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::string fieldList(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& f : fields) out += (out.empty() ? "" : ", ") + f;
  return out;
}

TEST_F(BadInputApi, MalformedJsonAnswers400) {
  auto tu = as("tu");
  for (const std::string body : {R"({"channel": "surat",)", "{channel: surat}", "\xFF\xFE", "{\"a\":1}}"}) {
    auto response = tu.post("/api/v1/incoming-letters", body);
    EXPECT_EQ(response.status, 400) << body << " → " << response.body;
    EXPECT_EQ(response.errorCode(), "invalid_argument") << body;
  }
  auto empty = tu.post("/api/v1/incoming-letters", "");
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_EQ(tu.post("/api/v1/auth/login", "not json").status, 400);
}

TEST_F(BadInputApi, BodyThatIsNotAnObjectAnswers400) {
  auto tu = as("tu");
  for (const std::string body : {"[]", R"([{"channel":"surat"}])", "\"surat\"", "42", "null", "true"}) {
    auto response = tu.post("/api/v1/incoming-letters", body);
    EXPECT_EQ(response.status, 400) << body << " → " << response.body;
    EXPECT_EQ(response.errorCode(), "invalid_argument") << body;
  }
}

TEST_F(BadInputApi, EveryMissingRequiredFieldIsNamed) {
  auto tu = as("tu");
  auto response = tu.post("/api/v1/incoming-letters", "{}");
  ASSERT_EQ(response.status, 400) << response.body;
  auto fields = errorFields(response);
  for (const char* field : {"channel", "complaint_kind", "sender", "subject", "summary"})
    EXPECT_TRUE(names(fields, field)) << field << " missing from error.fields: " << fieldList(fields);

  auto partial = letterBody();
  partial->remove("sender");
  partial->remove("subject");
  partial->remove("summary");
  auto second = tu.post("/api/v1/incoming-letters", toJsonText(partial));
  ASSERT_EQ(second.status, 400) << second.body;
  EXPECT_EQ(errorFields(second), (std::vector<std::string>{"sender", "subject", "summary"}));

  auto blank = letterBody();
  blank->set("sender", "");
  EXPECT_EQ(errorFields(tu.post("/api/v1/incoming-letters", toJsonText(blank))), std::vector<std::string>{"sender"});
  EXPECT_EQ(tu.get("/api/v1/incoming-letters?year=2031").json()->getValue<int>("total"), 0);
}

TEST_F(BadInputApi, EveryBadFieldIsNamedInOneAnswer) {
  // Problems of every kind at once: a user fixes them in one round, not one kind per round.
  auto body = letterBody();
  body->remove("channel");
  body->remove("sender");
  body->set("perihal", "Bantuan PKH");
  body->set("subject", 5);
  body->set("scale", "raksasa");
  auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(body));
  ASSERT_EQ(response.status, 400) << response.body;
  auto fields = errorFields(response);
  for (const char* field : {"channel", "sender", "perihal", "subject", "scale"})
    EXPECT_TRUE(names(fields, field)) << field << " missing from error.fields: " << fieldList(fields);
}

TEST_F(BadInputApi, MistypedFieldsAreNamed) {
  auto body = letterBody();
  body->set("sender", 42);
  body->set("subject", true);
  body->set("summary", Poco::JSON::Object::Ptr(new Poco::JSON::Object));
  Poco::JSON::Array::Ptr channels = new Poco::JSON::Array;
  channels->add("surat");
  body->set("channel", channels);
  body->set("received_at", 20310302);
  Poco::JSON::Object::Ptr reporter = new Poco::JSON::Object;
  reporter->set("name", 7);
  reporter->set("phone", Poco::Int64(81274451203));
  body->set("reporter", reporter);
  auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(body));
  ASSERT_EQ(response.status, 400) << response.body;
  auto fields = errorFields(response);
  for (const char* field : {"sender", "subject", "summary", "channel", "received_at", "reporter.name", "reporter.phone"})
    EXPECT_TRUE(names(fields, field)) << field << " missing from error.fields: " << fieldList(fields);

  auto notAnObject = letterBody();
  notAnObject->set("reporter", "Syamsul Bahri");
  auto second = as("tu").post("/api/v1/incoming-letters", toJsonText(notAnObject));
  EXPECT_EQ(second.status, 400) << second.body;
  EXPECT_EQ(errorFields(second), std::vector<std::string>{"reporter"});
}

TEST_F(BadInputApi, UnknownEnumValuesAreNamed) {
  auto body = letterBody();
  body->set("channel", "merpati_pos");
  body->set("urgency", "kilat");
  body->set("complaint_kind", "keluhan");
  body->set("scale", "raksasa");
  body->getObject("reporter")->set("sex", "x");
  auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(body));
  ASSERT_EQ(response.status, 400) << response.body;
  auto fields = errorFields(response);
  for (const char* field : {"channel", "urgency", "complaint_kind", "scale", "reporter.sex"})
    EXPECT_TRUE(names(fields, field)) << field << " missing from error.fields: " << fieldList(fields);
  // The message lists the values that would have been accepted.
  EXPECT_NE(response.body.find("datang_langsung"), std::string::npos) << response.body;
  // Case matters: the wire names are exact.
  auto upper = letterBody();
  upper->set("channel", "SURAT");
  EXPECT_EQ(as("tu").post("/api/v1/incoming-letters", toJsonText(upper)).status, 400);
}

TEST_F(BadInputApi, UnknownFieldNamesAreNamed) {
  auto body = letterBody();
  body->set("perihal", "Bantuan PKH");
  body->set("agenda_number", "0001/SM/DINSOSDUKCAPIL/2031");
  body->getObject("reporter")->set("nik", "1571010101010001");
  auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(body));
  ASSERT_EQ(response.status, 400) << response.body;
  auto fields = errorFields(response);
  for (const char* field : {"perihal", "agenda_number", "reporter.nik"})
    EXPECT_TRUE(names(fields, field)) << field << " missing from error.fields: " << fieldList(fields);
}

TEST_F(BadInputApi, ImpossibleDatesAndBadFormatsAreNamed) {
  auto body = letterBody("2031-02-30T09:00:00");
  body->set("sender_letter_date", "30/02/2031");
  body->set("classification_code", "400.9; DROP");
  body->getObject("reporter")->set("email", "bukan-surel");
  auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(body));
  ASSERT_EQ(response.status, 400) << response.body;
  auto fields = errorFields(response);
  for (const char* field : {"received_at", "sender_letter_date", "classification_code", "reporter.email"})
    EXPECT_TRUE(names(fields, field)) << field << " missing from error.fields: " << fieldList(fields);
  auto longSubject = letterBody();
  longSubject->set("summary", std::string(20001, 'a'));
  EXPECT_EQ(errorFields(as("tu").post("/api/v1/incoming-letters", toJsonText(longSubject))),
            std::vector<std::string>{"summary"});
}

TEST_F(BadInputApi, OversizeBodyAnswers413TooLarge) {
  auto tu = as("tu");
  // Refused from Content-Length alone, before the body is read.
  auto announced = tu.requestAnnouncingBody("POST", "/api/v1/incoming-letters", (1 << 20) + 1, "application/json");
  EXPECT_EQ(announced.status, 413) << announced.body;
  EXPECT_EQ(announced.errorCode(), "too_large");
  // Without a length (chunked), refused once more than the limit has arrived.
  std::string huge = "{\"summary\":\"" + std::string((1 << 20) - 13, 'a') + "\"}";
  ASSERT_EQ(huge.size(), (1u << 20) + 1);
  auto chunked = tu.requestChunked("POST", "/api/v1/incoming-letters", huge, {{"Content-Type", "application/json"}});
  EXPECT_EQ(chunked.status, 413) << chunked.body.substr(0, 200);
  EXPECT_EQ(chunked.errorCode(), "too_large");
  // The server still answers the next request (on a new connection).
  EXPECT_EQ(tu.post("/api/v1/incoming-letters", toJsonText(letterBody())).status, 201);
  // Exactly at the limit the body is read and judged on its content: a summary that long is a 400.
  auto atLimit = letterBody();
  atLimit->set("summary", "");
  std::string text = toJsonText(atLimit);
  text.replace(text.find("\"summary\":\"\""), 12, "\"summary\":\"" + std::string((1 << 20) - text.size(), 'a') + "\"");
  ASSERT_EQ(text.size(), 1u << 20);
  auto judged = tu.post("/api/v1/incoming-letters", text);
  EXPECT_EQ(judged.status, 400) << judged.body.substr(0, 300);
  EXPECT_EQ(errorFields(judged), std::vector<std::string>{"summary"});
}

TEST_F(BadInputApi, BodyOnARouteThatTakesNoneIsNotReadAsTheNextRequest) {
  auto tu = as("tu");
  // A second request hidden in the body must not be served as if it came on its own.
  const std::string smuggled = "GET /api/v1/auth/logout HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tu.token() +
                               "\r\n\r\n";
  auto response = tu.request("GET", "/api/v1/incoming-letters?per_page=1", smuggled, {{"Content-Type", "text/plain"}});
  // Refusing the body (413: the route's limit is 0 bytes) or ignoring it are both fine.
  EXPECT_TRUE(response.status == 200 || response.status == 413) << response.status << " " << response.body;
  auto me = tu.get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 200) << "the smuggled logout ran: " << me.body;
}

TEST_F(BadInputApi, SqlAndHtmlLookingStringsAreStoredAndReturnedVerbatim) {
  const std::string sql = "'; DROP TABLE incoming_letters; --";
  const std::string html = "<script>alert(1)</script>";
  const std::string mixed = "Robert'); DELETE FROM audit_events WHERE ('1'='1 \"kutip\" \\garis\\ %_ 100% ✓ Jl. Sudirman";
  auto body = letterBody("2031-11-01T09:00:00");
  body->set("subject", sql);
  body->set("sender", html);
  body->set("summary", mixed + "\nbaris kedua\ttab");
  body->set("enclosures", "=HYPERLINK(\"http://x\")");
  body->getObject("reporter")->set("name", "O'Brien \"Bobby\" <b>Tables</b>");
  auto created = registerLetter(body);
  const std::string id = created->getValue<std::string>("id");
  auto tu = as("tu");
  auto read = tu.get("/api/v1/incoming-letters/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.header("Content-Type").rfind("application/json", 0), 0u);
  EXPECT_EQ(read.header("X-Content-Type-Options"), "nosniff");
  auto letter = read.json();
  EXPECT_EQ(letter->getValue<std::string>("subject"), sql);
  EXPECT_EQ(letter->getValue<std::string>("sender"), html);
  EXPECT_EQ(letter->getValue<std::string>("summary"), mixed + "\nbaris kedua\ttab");
  EXPECT_EQ(letter->getValue<std::string>("enclosures"), "=HYPERLINK(\"http://x\")");
  EXPECT_EQ(letter->getObject("reporter")->getValue<std::string>("name"), "O'Brien \"Bobby\" <b>Tables</b>");

  // The tables are still there, and the text is searchable as text.
  EXPECT_EQ(tu.get("/api/v1/incoming-letters?year=2026").json()->getValue<int>("total"), 65);
  EXPECT_EQ(tu.get("/api/v1/incoming-letters?year=2031&q=%27%3B%20DROP%20TABLE").json()->getValue<int>("total"), 1);
  EXPECT_EQ(tu.get("/api/v1/incoming-letters?year=2031&q=%3Cscript%3E").json()->getValue<int>("total"), 1);
  auto verify = as("auditor").get("/api/v1/audit/verify");
  EXPECT_TRUE(verify.json()->getValue<bool>("valid")) << verify.body;
  // In the CSV a formula-looking value is defused with a leading apostrophe.
  auto csv = tu.get("/api/v1/incoming-letters?year=2031&format=csv");
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv.body;
}

TEST_F(BadInputApi, NulCharacterIsRefusedOrKeptExactlyNeverCut) {
  auto body = letterBody();
  body->set("subject", std::string("Bantuan\0PKH", 11));
  auto tu = as("tu");
  auto response = tu.post("/api/v1/incoming-letters", toJsonText(body));
  if (response.status == 400) {
    EXPECT_EQ(errorFields(response), std::vector<std::string>{"subject"});
    return;
  }
  ASSERT_EQ(response.status, 201) << response.body;
  auto read = tu.get(response.header("Location")).json();
  EXPECT_EQ(read->getValue<std::string>("subject"), std::string("Bantuan\0PKH", 11));
}

TEST_F(BadInputApi, BadIdsInPathsAnswer400AndUnknownIds404) {
  auto tu = as("tu");
  for (const std::string id : {"abc", "0", "-1", "1.5", "99999999999999999999", "1e3", "%20"}) {
    auto response = tu.get("/api/v1/incoming-letters/" + id);
    EXPECT_EQ(response.status, 400) << id << " → " << response.body;
    EXPECT_EQ(response.errorCode(), "invalid_argument") << id;
  }
  auto unknown = tu.get("/api/v1/incoming-letters/999999");
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(unknown.errorCode(), "not_found");
  EXPECT_EQ(tu.post("/api/v1/incoming-letters/999999/void", R"({"reason":"x"})").status, 404);
  EXPECT_EQ(tu.request("PATCH", "/api/v1/incoming-letters/999999", R"({"changes":{"subject":"x"},"reason":"y"})").status,
            404);
  EXPECT_EQ(tu.get("/api/v1/incoming-letters/1/attachments/abc").status, 400);
}

TEST_F(BadInputApi, UnknownPathAnswers404Json) {
  auto tu = as("tu");
  for (const std::string path : {"/api/v1/nothing", "/", "/api/v2/incoming-letters", "/api/v1/incoming-letters/1/x",
                                 "/../../etc/passwd"}) {
    auto response = tu.get(path);
    EXPECT_EQ(response.status, 404) << path << " → " << response.body;
    EXPECT_EQ(response.errorCode(), "not_found") << path << " → " << response.body;
    EXPECT_EQ(response.header("Content-Type").rfind("application/json", 0), 0u) << path;
  }
  auto method = tu.request("DELETE", "/api/v1/incoming-letters");
  EXPECT_EQ(method.status, 405) << method.body;
  EXPECT_EQ(method.errorCode(), "method_not_allowed");
  EXPECT_NE(method.header("Allow").find("POST"), std::string::npos) << method.header("Allow");
}

TEST_F(BadInputApi, OverlongIdempotencyKeyAnswers400) {
  auto response = as("tu").post("/api/v1/incoming-letters", toJsonText(letterBody()),
                                {{"Idempotency-Key", std::string(201, 'k')}});
  EXPECT_EQ(response.status, 400) << response.body;
}

}  // namespace
}  // namespace naskah::testing