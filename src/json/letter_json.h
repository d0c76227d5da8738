// Incoming letters between JSON and the domain.
#pragma once

#include "Poco/JSON/Object.h"
#include "domain/letters/incoming_letter.h"
#include "domain/letters/letter_fields.h"
#include "services/registration_service.h"

namespace naskah::json {

Poco::JSON::Object::Ptr toJson(const domain::IncomingLetter& letter);
Poco::JSON::Object::Ptr toJson(const domain::Attachment& attachment);

// Reads the letter fields of a JSON object: top-level names and a nested "reporter" object.
// Every value must be a string. Unknown keys and mistyped values are added to violations
// with their field names; keys listed in allowedExtra are skipped.
domain::FieldValues letterFieldsFromJson(const Poco::JSON::Object& object, Violations& violations,
                                         const std::vector<std::string>& allowedExtra = {});

// The fields of a new registration; throws one kInvalidArgument naming every bad, unknown,
// mistyped or missing field.
domain::FieldValues registrationFromJson(const Poco::JSON::Object& object);

// A required or optional string member; a non-string value is a violation.
std::string stringMember(const Poco::JSON::Object& object, const std::string& name, Violations& violations,
                         bool required);

}  // namespace naskah::json
