// Reading part of the archive back into a GraphStore, with every evidence
// row of what it holds and every source that evidence cites.
#pragma once

#include "pg.hpp"

#include <optional>
#include <string>
#include <vector>

namespace liaison::archive {

// Entities `ids` and, when `relationIds` is nullopt, every relation between
// them; otherwise exactly those relations (whose endpoints must be in `ids`).
GraphStore loadSlice(pg::Connection &conn, const std::vector<std::string> &ids,
                     const std::optional<std::vector<std::string>> &relationIds = std::nullopt);
// The whole archive.
GraphStore loadEverything(pg::Connection &conn);

} // namespace liaison::archive
