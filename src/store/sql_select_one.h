// Reading one row of an office by its id, the way every repository looks a record up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "Poco/Data/RecordSet.h"
#include "Poco/Data/Session.h"
#include "Poco/Data/Statement.h"

namespace naskah::store {

// Runs `select` (a SELECT whose WHERE clause is appended here, with the office and id column
// names given) and maps the first row with rowAt(RecordSet&, row); nullopt when there is none.
template <class RowAt>
auto selectOneOfOffice(Poco::Data::Session& session, const std::string& select, const std::string& officeColumn,
                       const std::string& idColumn, std::int64_t officeId, std::int64_t id, RowAt rowAt)
    -> std::optional<decltype(rowAt(std::declval<Poco::Data::RecordSet&>(), std::size_t{0}))> {
  using Poco::Data::Keywords::use;
  Poco::Int64 office = officeId, rowid = id;
  Poco::Data::Statement statement(session);
  statement << select + " WHERE " + officeColumn + " = ? AND " + idColumn + " = ?", use(office), use(rowid);
  statement.execute();
  Poco::Data::RecordSet rs(statement);
  if (rs.rowCount() == 0) return std::nullopt;
  return rowAt(rs, 0);
}

}  // namespace naskah::store
