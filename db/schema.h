// The database schema as an ordered list of migrations. Migration i (0-based)
// takes a database from PRAGMA user_version i to i+1. Migrations are only ever
// appended: a released one is never edited, so every database can be brought
// forward from whatever version it has.
#ifndef BUBBLEWATCH_DB_SCHEMA_H_
#define BUBBLEWATCH_DB_SCHEMA_H_

#include <string_view>
#include <vector>

namespace bw::db {

const std::vector<std::string_view>& Migrations();

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_SCHEMA_H_
