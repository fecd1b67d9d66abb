// The optional "positions" section of Liaison JSON v1: where each entity was
// drawn, so layouts hold still across filters, edits, re-imports and
// sessions. Older readers keep it as an unknown top-level key (which they
// preserve on save), so a file with positions stays a valid v1 document.
//
//   "positions": {
//     "unit": "pt",              // points (1/72 inch); the only unit
//     "engine": "sfdp",          // engine that produced them, informational
//     "entities": {              // entity id -> centre, y up (as Graphviz reports)
//       "person:chuang-ming-fen": {"x": 120.5, "y": -33, "pinned": true}
//     }
//   }
//
// "pinned" (default false) marks a position the user chose (drag): an
// incremental layout keeps it fixed. Ids of merged-away entities still
// resolve through GraphStore::findById. See docs/liaison-json.md.
#pragma once

#include "liaison/graph_store.hpp"

#include <map>
#include <string>
#include <string_view>

namespace liaison {

inline constexpr std::string_view kPositionsKey = "positions";

struct EntityPosition {
    double x = 0, y = 0; // centre in points, y up
    bool pinned = false;
    bool operator==(const EntityPosition &) const = default;
};

struct Positions {
    std::string engine; // "" when unknown
    std::map<std::string, EntityPosition, std::less<>> entities; // by entity id
    bool empty() const { return entities.empty(); }
    bool operator==(const Positions &) const = default;
};

// The store's positions section (from the file it was read from, or set by
// storePositions); empty when it has none. Throws UserError naming the
// section, the entity and what was expected when the section is malformed.
Positions readPositions(const GraphStore &store);

// Replaces the store's positions section (removes it when `positions` is
// empty); saveLiaisonJsonFile writes it with the document.
void storePositions(GraphStore &store, const Positions &positions);

} // namespace liaison
