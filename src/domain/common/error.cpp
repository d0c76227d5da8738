#include "domain/common/error.h"

namespace naskah {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kFailedPrecondition: return "failed_precondition";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kInvalidDocument: return "invalid_document";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error::Error(ErrorCode code, const std::string& message, std::vector<FieldViolation> violations)
    : std::runtime_error(message), code_(code), violations_(std::move(violations)) {}

void Violations::add(std::string field, std::string message) {
  items_.push_back({std::move(field), std::move(message)});
}

void Violations::throwIfAny(std::string_view what) const {
  if (items_.empty()) return;
  std::string message = std::string(what) + ": ";
  for (size_t i = 0; i < items_.size(); ++i) {
    if (i > 0) message += "; ";
    message += items_[i].field + " " + items_[i].message;
  }
  throw Error(ErrorCode::kInvalidArgument, message, items_);
}

}  // namespace naskah
