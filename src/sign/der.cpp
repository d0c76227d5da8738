#include "sign/der.h"

namespace naskah::sign {

std::optional<DerElement> readDerElement(std::string_view der, size_t offset) {
  if (offset + 2 > der.size()) return std::nullopt;
  DerElement element;
  element.offset = offset;
  element.tag = static_cast<unsigned char>(der[offset]);
  if ((element.tag & 0x1f) == 0x1f) return std::nullopt;  // high tag numbers do not occur in CMS
  auto first = static_cast<unsigned char>(der[offset + 1]);
  size_t position = offset + 2;
  if (first < 0x80) {
    element.contentLength = first;
  } else {
    size_t count = first & 0x7f;
    if (count == 0 || count > 4 || position + count > der.size()) return std::nullopt;  // indefinite or huge
    size_t length = 0;
    for (size_t i = 0; i < count; ++i) length = (length << 8) | static_cast<unsigned char>(der[position + i]);
    // DER: the shortest form, no leading zero byte, no long form below 128.
    if (static_cast<unsigned char>(der[position]) == 0 || length < 0x80) return std::nullopt;
    position += count;
    element.contentLength = length;
  }
  element.contentOffset = position;
  if (element.contentLength > der.size() - position) return std::nullopt;
  return element;
}

std::optional<std::vector<DerElement>> readDerChildren(std::string_view der, const DerElement& parent) {
  if (!(parent.tag & 0x20)) return std::nullopt;  // primitive: no children
  std::vector<DerElement> children;
  size_t position = parent.contentOffset;
  while (position < parent.end()) {
    auto child = readDerElement(der.substr(0, parent.end()), position);
    if (!child) return std::nullopt;
    children.push_back(*child);
    position = child->end();
  }
  return children;
}

}  // namespace naskah::sign
