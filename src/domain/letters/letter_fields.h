// The registered fields of an incoming letter by their wire names ("subject", "reporter.name"),
// so that JSON, CSV, corrections and the audit trail share one table of names and rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/common/error.h"
#include "domain/letters/incoming_letter.h"

namespace naskah::domain {

// Every field name in display order.
const std::vector<std::string_view>& letterFieldNames();
bool isLetterField(std::string_view name);
bool isReporterField(std::string_view name);

// The field's value as text (enums by their wire names).
std::string getField(const IncomingLetterFields& fields, std::string_view name);
// Sets one field from text; an unknown name or enum value is added to violations.
void setField(IncomingLetterFields& fields, std::string_view name, const std::string& value, Violations& violations);

using FieldValues = std::vector<std::pair<std::string, std::string>>;

// Builds the fields of a new registration. Required: channel, sender, subject, complaint_kind,
// summary. Defaults: urgency biasa, scale kecil, received_at = defaultReceivedAt.
// Throws Error(kInvalidArgument) naming every bad field.
IncomingLetterFields fieldsForRegistration(const FieldValues& values, const std::string& defaultReceivedAt);

// The names whose values differ, in display order.
std::vector<std::string> changedFields(const IncomingLetterFields& before, const IncomingLetterFields& after);

// Recognises the stored scan's type from its first bytes: "application/pdf", "image/png",
// "image/jpeg", or "" when it is none of these.
std::string sniffContentType(std::string_view content);

// A client-supplied file name kept only as a label: throws kInvalidArgument for an empty
// name, path separators, "..", control characters or more than 200 bytes.
void validateAttachmentName(const std::string& name);

}  // namespace naskah::domain
