// A strict reader of DER (tag, definite minimal length, contents) for the few outer layers of a
// CMS SignedData that OpenSSL parses leniently or leaves unchecked.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace naskah::sign {

struct DerElement {
  unsigned char tag = 0;
  size_t offset = 0;          // of the tag byte
  size_t contentOffset = 0;   // of the first content byte
  size_t contentLength = 0;
  size_t end() const { return contentOffset + contentLength; }
  // The whole element, tag to last content byte.
  std::string_view bytes(std::string_view der) const { return der.substr(offset, end() - offset); }
  std::string_view content(std::string_view der) const { return der.substr(contentOffset, contentLength); }
};

// The element starting at `offset`; nullopt when the tag is multi-byte, the length is
// indefinite or not minimal, or the contents run past the end of `der`.
std::optional<DerElement> readDerElement(std::string_view der, size_t offset);

// The elements that exactly fill the contents of `parent`; nullopt when they do not.
std::optional<std::vector<DerElement>> readDerChildren(std::string_view der, const DerElement& parent);

}  // namespace naskah::sign
