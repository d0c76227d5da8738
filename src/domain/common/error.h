// The one error vocabulary of Naskah: every failure carries a code a caller can act on
// and a message written for the user. Thrown where found; caught only at the edges
// (HTTP base handler, CLI application, background loops).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace naskah {

enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kTooLarge,
  // The request is well formed but the document it carries is refused (a received PDF whose
  // signature does not verify): fixing the request will not help, another document might.
  kInvalidDocument,
  kUnavailable,
  kInternal,
};

// lower_snake name used in JSON ("invalid_argument", "not_found", ...).
std::string_view errorCodeName(ErrorCode code);

// One problem with one input field.
struct FieldViolation {
  std::string field;
  std::string message;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::vector<FieldViolation> violations = {});

  ErrorCode code() const { return code_; }
  // Every bad field when the error comes from validation; empty otherwise.
  const std::vector<FieldViolation>& violations() const { return violations_; }

 private:
  ErrorCode code_;
  std::vector<FieldViolation> violations_;
};

// Gathers every field problem of one input, then throws them together (kInvalidArgument).
class Violations {
 public:
  void add(std::string field, std::string message);
  bool empty() const { return items_.empty(); }
  const std::vector<FieldViolation>& items() const { return items_; }
  // Throws Error(kInvalidArgument) listing all violations when there is at least one.
  void throwIfAny(std::string_view what) const;

 private:
  std::vector<FieldViolation> items_;
};

}  // namespace naskah
