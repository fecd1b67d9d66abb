// The archive's schema, versioned: migration N takes a database at version
// N-1 to N. Applied in order, each in its own transaction, and recorded in
// liaison.schema_version. Documented in docs/archive.md.
#pragma once

#include "pg.hpp"

#include <functional>
#include <string>
#include <vector>

namespace liaison::archive {

struct Migration {
    int version;
    std::string description;
    std::string sql;
    // Runs after `sql` in the same transaction (fills derived data), or empty.
    std::function<void(pg::Connection &)> backfill;
};

const std::vector<Migration> &migrations();

// The version recorded in the database; 0 when there is no archive schema.
int currentVersion(pg::Connection &conn);
// Applies every migration above the current version up to `target`, under
// an advisory lock; returns their descriptions.
std::vector<std::string> applyMigrations(pg::Connection &conn, int target);

} // namespace liaison::archive
