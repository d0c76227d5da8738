#include "json/outgoing_letter_json.h"

#include <algorithm>

#include "Poco/JSON/Array.h"
#include "json/letter_json.h"

namespace naskah::json {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const std::vector<std::string>& contentKeys() {
  static const std::vector<std::string> kKeys{
      "recipient", "recipient_address", "subject",     "paragraphs",      "closing",      "tembusan",
      "enclosure_count", "enclosure_unit", "classification_code", "urgency", "reporter", "signer_capacity",
      "on_behalf_of", "intermediary"};
  return kKeys;
}

Array::Ptr array(const std::vector<std::string>& items) {
  Array::Ptr a = new Array;
  for (const auto& item : items) a->add(item);
  return a;
}

}  // namespace

std::int64_t integerMember(const Object& object, const std::string& name, Violations& v, bool required) {
  if (!object.has(name) || object.isNull(name)) {
    if (required) v.add(name, "is required");
    return 0;
  }
  const auto& value = object.get(name);
  if (value.isInteger()) return value.convert<std::int64_t>();
  if (value.isString()) {
    std::string text = value.convert<std::string>();
    if (!text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string::npos)
      return std::stoll(text);
  }
  v.add(name, "must be a whole number");
  return 0;
}

std::vector<std::string> stringListMember(const Object& object, const std::string& name, Violations& v) {
  std::vector<std::string> out;
  if (!object.has(name) || object.isNull(name)) return out;
  auto list = object.getArray(name);
  if (!list) {
    v.add(name, "must be a list of strings");
    return out;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const auto& item = list->get(i);
    if (!item.isString()) {
      v.add(name + "[" + std::to_string(i) + "]", "must be a string");
      continue;
    }
    out.push_back(item.convert<std::string>());
  }
  return out;
}

domain::OutgoingContent outgoingContentFromJson(const Object& object, Violations& v,
                                                const std::vector<std::string>& allowedExtra) {
  for (const auto& [key, value] : object) {
    const auto& keys = contentKeys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end() &&
        std::find(allowedExtra.begin(), allowedExtra.end(), key) == allowedExtra.end())
      v.add(key, "is not a field of an outgoing letter");
  }
  domain::OutgoingContent c;
  c.recipient = stringMember(object, "recipient", v, true);
  c.recipientAddress = stringListMember(object, "recipient_address", v);
  c.subject = stringMember(object, "subject", v, true);
  c.paragraphs = stringListMember(object, "paragraphs", v);
  if (object.has("closing")) c.closing = stringMember(object, "closing", v, true);
  else c.closing = domain::kDefaultClosing;
  c.tembusan = stringListMember(object, "tembusan", v);
  c.enclosureCount = static_cast<int>(integerMember(object, "enclosure_count", v, false));
  if (object.has("enclosure_unit")) c.enclosureUnit = stringMember(object, "enclosure_unit", v, true);
  c.classificationCode = stringMember(object, "classification_code", v, true);
  if (object.has("urgency")) {
    std::string urgency = stringMember(object, "urgency", v, true);
    if (auto parsed = domain::parseUrgency(urgency))
      c.urgency = *parsed;
    else if (!urgency.empty())
      v.add("urgency", "has unknown value; use one of: " + domain::allUrgencyNames());
  }
  c.reporter = stringMember(object, "reporter", v, false);
  if (object.has("signer_capacity")) {
    std::string capacity = stringMember(object, "signer_capacity", v, true);
    if (auto parsed = domain::parseSignerCapacity(capacity))
      c.capacity = *parsed;
    else if (!capacity.empty())
      v.add("signer_capacity", "has unknown value; use one of: own, an, ub, plt, plh");
  }
  c.onBehalfOf = stringMember(object, "on_behalf_of", v, false);
  c.intermediary = stringMember(object, "intermediary", v, false);
  return c;
}

Object::Ptr toJson(const domain::OutgoingContent& c) {
  Object::Ptr o = new Object;
  o->set("recipient", c.recipient);
  o->set("recipient_address", array(c.recipientAddress));
  o->set("subject", c.subject);
  o->set("paragraphs", array(c.paragraphs));
  o->set("closing", c.closing);
  o->set("tembusan", array(c.tembusan));
  o->set("enclosure_count", c.enclosureCount);
  o->set("enclosure_unit", c.enclosureUnit);
  o->set("classification_code", c.classificationCode);
  o->set("urgency", std::string(domain::toString(c.urgency)));
  o->set("reporter", c.reporter);
  o->set("signer_capacity", std::string(domain::toString(c.capacity)));
  o->set("on_behalf_of", c.onBehalfOf);
  o->set("intermediary", c.intermediary);
  return o;
}

Object::Ptr toJson(const domain::OutgoingLetter& l) {
  Object::Ptr o = new Object;
  o->set("id", l.id);
  o->set("case_id", l.caseId);
  o->set("incoming_letter_id", l.incomingLetterId);
  o->set("unit_code", l.unitCode);
  o->set("status", std::string(domain::toString(l.status)));
  o->set("version", l.currentVersion);
  o->set("drafter", l.drafter);
  o->set("created_at", l.createdAt);
  if (l.number.empty()) {
    o->set("number", Poco::Dynamic::Var());
  } else {
    o->set("number", l.number);
    o->set("sequence", l.sequence);
    o->set("year", l.year);
    o->set("letter_date", l.letterDate);
    o->set("signed_by", l.signedBy);
    o->set("signed_at", l.signedAt);
    o->set("archive_id", l.archiveId);
    o->set("archive_pending", l.archiveId == 0);
  }
  if (!l.returnReason.empty()) {
    o->set("return_reason", l.returnReason);
    o->set("returned_by", l.returnedBy);
  }
  o->set("content", toJson(l.content));
  Array::Ptr paraf = new Array;
  for (const auto& s : l.paraf) {
    Object::Ptr step = new Object;
    step->set("order", s.order);
    step->set("username", s.username);
    step->set("position", s.position);
    step->set("state", s.state == domain::ParafState::kGiven ? "given" : "pending");
    if (!s.givenAt.empty()) step->set("given_at", s.givenAt);
    paraf->add(step);
  }
  o->set("paraf_round", l.parafRound);
  o->set("paraf", paraf);
  if (const auto* next = domain::nextParafStep(l); next && (l.status == domain::OutgoingStatus::kInCorrection ||
                                                            l.status == domain::OutgoingStatus::kAwaitingParaf))
    o->set("next_paraf", next->username);
  Array::Ptr dispatches = new Array;
  std::vector<std::string> pending = domain::addressees(l.content);
  for (const auto& d : l.dispatches) {
    Object::Ptr r = new Object;
    r->set("id", d.id);
    r->set("recipient", d.recipient);
    r->set("channel", d.channel);
    r->set("proof", d.proof);
    r->set("dispatched_by", d.dispatchedBy);
    r->set("dispatched_at", d.dispatchedAt);
    dispatches->add(r);
    pending.erase(std::remove(pending.begin(), pending.end(), d.recipient), pending.end());
  }
  o->set("dispatches", dispatches);
  o->set("addressees", array(domain::addressees(l.content)));
  o->set("awaiting_dispatch", array(pending));
  return o;
}

Object::Ptr toJson(const domain::OutgoingVersion& v) {
  Object::Ptr o = new Object;
  o->set("version", v.number);
  o->set("author", v.author);
  o->set("author_role", std::string(domain::toString(v.authorRole)));
  o->set("created_at", v.createdAt);
  o->set("note", v.note);
  o->set("content", toJson(v.content));
  return o;
}

Object::Ptr toJson(const services::OutgoingDiff& diff) {
  Object::Ptr o = new Object;
  o->set("from", diff.from);
  o->set("to", diff.to);
  Array::Ptr runs = new Array;
  int inserted = 0, deleted = 0;
  for (const auto& run : diff.runs) {
    Object::Ptr r = new Object;
    r->set("op", std::string(domain::toString(run.op)));
    r->set("text", run.text);
    r->set("words", run.words);
    runs->add(r);
    if (run.op == domain::DiffOp::kInsert) inserted += run.words;
    if (run.op == domain::DiffOp::kDelete) deleted += run.words;
  }
  o->set("runs", runs);
  o->set("words_inserted", inserted);
  o->set("words_deleted", deleted);
  return o;
}

}  // namespace naskah::json
