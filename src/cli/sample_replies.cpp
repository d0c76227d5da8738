#include "cli/sample_replies.h"

#include <filesystem>
#include <map>

#include "Poco/JSON/Array.h"
#include "cli/sample_json.h"
#include "domain/common/error.h"
#include "json/outgoing_letter_json.h"

namespace naskah::cli {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The office's users as the actors they sign in as.
class People {
 public:
  explicit People(System& system) {
    auto office = system.directory().officeOrOnly("");
    for (const auto& u : system.directory().listUsers(system.directory().operatorOf(office)))
      byName_[u.username] = domain::Actor{u.id, office.id, u.username, u.role};
  }
  const domain::Actor& named(const std::string& username) const {
    auto it = byName_.find(username);
    if (it == byName_.end())
      throw Error(ErrorCode::kInvalidArgument, "no user \"" + username + "\" in the office (office.json)");
    return it->second;
  }

 private:
  std::map<std::string, domain::Actor> byName_;
};

// The incoming item whose subject is exactly `subject`; the subject is what an admin reading
// incoming.json sees, where an id would depend on the order items were registered in.
std::int64_t incomingWithSubject(System& system, const domain::Actor& registrar, const std::string& subject) {
  ports::LetterFilter filter;
  filter.text = subject;
  filter.perPage = 500;
  std::int64_t found = 0;
  for (const auto& letter : system.registration().list(registrar, filter).items) {
    if (letter.fields.subject != subject) continue;
    if (found) throw Error(ErrorCode::kInvalidArgument, "answers: two incoming items have the subject \"" + subject + "\"");
    found = letter.id;
  }
  if (!found) throw Error(ErrorCode::kInvalidArgument, "answers: no incoming item has the subject \"" + subject + "\"");
  return found;
}

Object::Ptr objectMember(const Object::Ptr& o, const std::string& name) {
  auto member = o->getObject(name);
  if (!member) throw Error(ErrorCode::kInvalidArgument, name + ": must be an object");
  return member;
}

Array::Ptr arrayMember(const Object::Ptr& o, const std::string& name) {
  if (!o->has(name)) return new Array;
  auto member = o->getArray(name);
  if (!member) throw Error(ErrorCode::kInvalidArgument, name + ": must be a list");
  return member;
}

domain::OutgoingContent contentOf(const Object& fields, const std::string& where) {
  Violations v;
  auto content = json::outgoingContentFromJson(fields, v, {});
  v.throwIfAny(where + " is not a valid letter");
  return content;
}

// base with the members of changes put over it: a correction names only what it changes.
Object::Ptr overlaid(const Object::Ptr& base, const Object::Ptr& changes) {
  Object::Ptr out = new Object(*base);
  for (const auto& [key, value] : *changes) out->set(key, value);
  return out;
}

std::string walkOne(System& system, const People& people, const Object::Ptr& reply) {
  auto& outgoing = system.outgoing();
  const auto& drafter = people.named(sampleString(reply, "drafted_by", "drafted_by"));
  const auto& registrar = people.named(sampleString(reply, "dispatched_by", "dispatched_by"));
  const auto& head = people.named(sampleString(reply, "signed_by", "signed_by"));

  services::NewOutgoingDraft draft;
  draft.incomingLetterId = incomingWithSubject(system, registrar, sampleString(reply, "answers", "answers"));
  auto fields = objectMember(reply, "draft");
  draft.content = contentOf(*fields, "draft");
  auto letter = outgoing.draft(drafter, draft);

  std::vector<std::string> chain;
  auto paraf = arrayMember(reply, "paraf");
  for (size_t i = 0; i < paraf->size(); ++i) chain.push_back(paraf->getElement<std::string>(i));
  letter = outgoing.submit(drafter, letter.id, chain);

  auto corrections = arrayMember(reply, "corrections");
  for (unsigned i = 0; i < corrections->size(); ++i) {
    auto correction = corrections->getObject(i);
    std::string where = "corrections[" + std::to_string(i) + "]";
    if (!correction) throw Error(ErrorCode::kInvalidArgument, where + ": must be an object");
    fields = overlaid(fields, objectMember(correction, "changes"));
    services::OutgoingEdit edit{letter.currentVersion, sampleString(correction, "note", where),
                                contentOf(*fields, where + ".changes")};
    letter = outgoing.edit(people.named(sampleString(correction, "by", where)), letter.id, edit);
  }

  // The chain the service set up (named or the drafter's line), each official in turn.
  while (const auto* next = domain::nextParafStep(letter)) letter = outgoing.paraf(people.named(next->username), letter.id);
  letter = outgoing.sign(head, letter.id);

  auto dispatches = arrayMember(reply, "dispatch");
  for (unsigned i = 0; i < dispatches->size(); ++i) {
    auto d = dispatches->getObject(i);
    std::string where = "dispatch[" + std::to_string(i) + "]";
    if (!d) throw Error(ErrorCode::kInvalidArgument, where + ": must be an object");
    domain::DispatchRecord record;
    record.recipient = sampleString(d, "recipient", where);
    record.channel = sampleString(d, "channel", where);
    record.proof = sampleString(d, "proof", where);
    letter = outgoing.dispatch(registrar, letter.id, record);
  }
  return letter.number;
}

}  // namespace

ReplySummary walkSampleReplies(System& system, const std::string& samplesDir) {
  ReplySummary summary;
  const std::string file = samplesDir + "/replies.json";
  if (!std::filesystem::exists(file)) return summary;
  auto root = readSampleJson(file);
  auto doc = root.type() == typeid(Object::Ptr) ? root.extract<Object::Ptr>() : nullptr;
  auto replies = doc ? doc->getArray("replies") : nullptr;
  if (!replies) throw Error(ErrorCode::kInvalidArgument, file + ": must hold an object with a \"replies\" list");
  People people(system);
  for (unsigned i = 0; i < replies->size(); ++i) {
    std::string where = file + " replies[" + std::to_string(i) + "]";
    auto reply = replies->getObject(i);
    if (!reply) throw Error(ErrorCode::kInvalidArgument, where + ": not an object");
    try {
      summary.numbers.push_back(walkOne(system, people, reply));
    } catch (const Error& e) {
      throw Error(e.code(), where + ": " + e.what(), e.violations());
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::kInvalidArgument, where + ": " + e.displayText());
    }
  }
  return summary;
}

}  // namespace naskah::cli
