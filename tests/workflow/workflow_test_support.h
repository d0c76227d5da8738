// What the workflow API suites share: registering an item at a fixed time, reading a case,
// and taking a transition at a fixed office time, so that due times are exact on the sample calendar.
#pragma once

#include <string>

#include "Poco/JSON/Array.h"
#include "http/api_test_fixture.h"

namespace naskah::testing {

class WorkflowApiTest : public ApiTest {
 protected:
  // Registers an item received at `receivedAt` by `channel`; returns its case id.
  std::int64_t registerCase(const std::string& receivedAt, const std::string& channel = "surat",
                            const std::string& scale = "menengah") {
    auto body = letterBody(receivedAt);
    body->set("channel", channel);
    body->set("scale", scale);
    return registerLetter(body)->getValue<std::int64_t>("case_id");
  }
  std::string casePath(std::int64_t caseId) const { return "/api/v1/cases/" + std::to_string(caseId); }
  Poco::JSON::Object::Ptr getCase(std::int64_t caseId, const std::string& user = "tu") {
    auto r = as(user).get(casePath(caseId));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  HttpResponse move(const std::string& user, std::int64_t caseId, const std::string& from,
                    const std::string& condition, const std::string& at) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("from", from);
    o->set("condition", condition);
    o->set("at", at);
    o->set("note", "langkah " + condition);
    return as(user).post(casePath(caseId) + "/transitions", toJsonText(o));
  }
  // Takes the move and checks where the case went and when that step is due ("" = no due time).
  void expectMove(const std::string& user, std::int64_t caseId, const std::string& from, const std::string& condition,
                  const std::string& at, const std::string& step, const std::string& due) {
    auto r = move(user, caseId, from, condition, at);
    ASSERT_EQ(r.status, 200) << user << " " << from << " " << condition << ": " << r.body;
    auto o = r.json();
    EXPECT_EQ(o->getValue<std::string>("step"), step) << condition;
    if (due.empty())
      EXPECT_TRUE(o->isNull("due_at")) << step;
    else
      EXPECT_EQ(o->getValue<std::string>("due_at"), due) << step;
  }
  std::int64_t userId(const std::string& username) {
    auto r = as(username).get("/api/v1/auth/me");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()->getValue<std::int64_t>("id");
  }
};

}  // namespace naskah::testing
