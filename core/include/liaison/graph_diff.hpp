// What changed between two versions of a graph: entities, relations, sources
// and evidence added, removed and changed (`liaison diff`, the viewer's
// "changes since FILE"). Entities are matched by id (a merged-away id of the
// old graph that the new one redirects counts as the survivor); relations by
// kind and endpoints; evidence by all its fields.
#pragma once

#include "liaison/graph_store.hpp"

#include <string>
#include <vector>

namespace liaison {

// One changed entity or relation: what differs, in words a user reads
// ("aliases +1", "evidence +2 -0", "attribute title: 副處長 -> 處長").
struct ChangedItem {
    std::string key;                   // entity id, or "kind from -> to"
    std::vector<std::string> changes;
    std::vector<Evidence> evidenceAdded, evidenceRemoved;
};

struct GraphDiff {
    std::vector<std::string> sourcesAdded, sourcesRemoved;             // source ids
    std::vector<std::string> entitiesAdded, entitiesRemoved;           // entity ids
    std::vector<ChangedItem> entitiesChanged;
    std::vector<std::string> relationsAdded, relationsRemoved;         // "kind from -> to"
    std::vector<ChangedItem> relationsChanged;
    bool empty() const;
};

// Lists are sorted by key, so the output is stable.
GraphDiff diffGraphs(const GraphStore &before, const GraphStore &after);

// "spoke_at person:a -> event:b"
std::string relationKey(const Relation &relation);

} // namespace liaison
