// The workflow between JSON and the services: case views, transitions, dispositions, inbox,
// overdue list and the monthly recap (docs/api.md, "Workflow").
#pragma once

#include <string>
#include <vector>

#include "Poco/JSON/Array.h"
#include "Poco/JSON/Object.h"
#include "services/workflow_service.h"

namespace naskah::json {

// Each reader throws one kInvalidArgument naming every unknown, mistyped or missing field.
std::string profileAssignmentFromJson(const Poco::JSON::Object& object);  // {"profile"}
services::TransitionInput transitionFromJson(const Poco::JSON::Object& object);
services::DispositionInput dispositionFromJson(const Poco::JSON::Object& object);

Poco::JSON::Object::Ptr toJson(const services::CaseView& view);
Poco::JSON::Object::Ptr toJson(const ports::DispositionRecord& disposition);
Poco::JSON::Array::Ptr toJson(const std::vector<ports::DispositionRecord>& dispositions);
Poco::JSON::Object::Ptr toJson(const services::Inbox& inbox);
Poco::JSON::Object::Ptr toJson(const std::vector<services::OverdueCase>& overdue);
Poco::JSON::Object::Ptr toJson(const services::Recap& recap);

// The recap as the CLI prints it: a few aligned tables in plain text.
std::string recapText(const services::Recap& recap);

}  // namespace naskah::json
