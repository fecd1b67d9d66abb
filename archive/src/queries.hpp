// Queries run in the server: entity resolution, name search, and the slices
// that who-met-whom and shortest paths need (see Archive).
#pragma once

#include "pg.hpp"

#include <set>
#include <string>
#include <vector>

namespace liaison::archive {

std::string resolveReference(pg::Connection &conn, const std::string &reference);
std::vector<std::string> searchIds(pg::Connection &conn, const std::string &text, const ViewFilter &filter);
// Entities one hop from any of `ids`, in either direction.
std::set<std::string> neighbours(pg::Connection &conn, const std::set<std::string> &ids);
GraphStore metSliceOf(pg::Connection &conn, const std::string &personId);
GraphStore pathSliceOf(pg::Connection &conn, const std::string &a, const std::string &b, const ViewFilter &filter,
                       int maxDepth);
// The entities on every chain of at most `length` steps between a and b
// (kinds and relation kinds honoured) and the countries they are tied to
// (Archive::corridorSlice). Throws ArchiveError when more than `maxEntities`
// entities lie that close to a or b.
Corridor corridorSliceOf(pg::Connection &conn, const std::string &a, const std::string &b, const ViewFilter &filter,
                         int length, std::size_t maxEntities);
// Countries tied to any of `ids` by a relation in either direction.
std::set<std::string> countryTies(pg::Connection &conn, const std::set<std::string> &ids);
// "name (id)" lines of these entities, for error messages listing candidates.
std::string describeEntities(pg::Connection &conn, const std::vector<std::string> &ids, std::size_t limit = 10);

} // namespace liaison::archive
