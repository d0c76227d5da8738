// Small PDF syntax helpers shared by the signer and the verifier: text strings and dates.
#pragma once

#include <string>

namespace naskah::sign {

// A PDF text string for UTF-8 `text`: a literal string "(…)" when it is printable ASCII,
// otherwise a UTF-16BE hex string with a byte-order mark. Throws kInvalidArgument for invalid UTF-8.
std::string pdfTextString(const std::string& text);

// A PDF date "D:YYYYMMDDHHmmSS+HH'mm'" from "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+HH:MM" /
// "-HH:MM"; "" gives the current UTC time. Throws kInvalidArgument for anything else.
std::string pdfDate(const std::string& isoTime);

// "YYYY-MM-DDTHH:MM:SS+HH:MM" from a PDF date; the input unchanged when it is not one.
std::string isoFromPdfDate(const std::string& pdfDateText);

// Lowercase hex of bytes.
std::string toHex(const std::string& bytes);

}  // namespace naskah::sign
