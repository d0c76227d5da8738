// Outgoing letters between JSON and the domain (the HTTP API's shapes, docs/api.md).
#pragma once

#include <string>
#include <vector>

#include "Poco/JSON/Object.h"
#include "services/outgoing_service.h"

namespace naskah::json {

// The letter's content from a request body. Every bad, mistyped or unknown field is added to
// violations; keys in allowedExtra are left to the caller. "closing" defaults to the usual
// penutup, "urgency" to biasa, "signer_capacity" to own.
domain::OutgoingContent outgoingContentFromJson(const Poco::JSON::Object& object, Violations& violations,
                                                const std::vector<std::string>& allowedExtra);

// An integer member (JSON number or digits); 0 and a violation when present but not one.
std::int64_t integerMember(const Poco::JSON::Object& object, const std::string& name, Violations& violations,
                           bool required);

// A list of strings; a violation when present but not an array of strings.
std::vector<std::string> stringListMember(const Poco::JSON::Object& object, const std::string& name,
                                          Violations& violations);

Poco::JSON::Object::Ptr toJson(const domain::OutgoingContent& content);
// The letter as GET answers it: status, number (null before signing), content of the current
// version, paraf steps, dispatch records and the addressees still to dispatch to.
Poco::JSON::Object::Ptr toJson(const domain::OutgoingLetter& letter);
Poco::JSON::Object::Ptr toJson(const domain::OutgoingVersion& version);
Poco::JSON::Object::Ptr toJson(const services::OutgoingDiff& diff);

}  // namespace naskah::json
