// Edits the viewer makes to a document's data. Each returns a new store and
// leaves the input untouched (the old one stays on the undo stack). They use
// only GraphStore's public API; they belong in core once it grows removal.
#pragma once

#include "liaison/graph_store.hpp"

#include <string>
#include <vector>

namespace liaison::viewer {

struct MergeOutcome {
    GraphStore store;
    std::vector<std::string> messages; // attribute conflicts reported by mergeInto
};

// Merges entity `gone` into `keep`: names, aliases, attributes and evidence
// are united (keep's values win), every relation of `gone` is re-pointed to
// `keep`, and `gone` disappears. Throws UserError when both are the same.
MergeOutcome mergeEntities(const GraphStore &store, EntityIndex keep, EntityIndex gone);

// Replaces the data of entity `target` by `edited` (same id required; the
// kind may change). Throws UserError when the id differs.
GraphStore editEntity(const GraphStore &store, EntityIndex target, const Entity &edited);

} // namespace liaison::viewer
