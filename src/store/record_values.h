// Reading one value of a Poco::Data RecordSet row, as the repositories' row mappers do.
#pragma once

#include <cstddef>
#include <string>

#include "Poco/Data/RecordSet.h"

namespace naskah::store {

// The column's text; "" for NULL.
inline std::string text(Poco::Data::RecordSet& rs, std::size_t col, std::size_t row) {
  return rs.isNull(col, row) ? "" : rs.value(col, row).convert<std::string>();
}

inline Poco::Int64 integer(Poco::Data::RecordSet& rs, std::size_t col, std::size_t row) {
  return rs.value(col, row).convert<Poco::Int64>();
}

}  // namespace naskah::store
