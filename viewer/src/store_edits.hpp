// Edits the viewer makes to a document's data. Each returns a new store and
// leaves the input untouched (the old one stays on the undo stack).
#pragma once

#include "liaison/graph_store.hpp"

#include <string>
#include <vector>

namespace liaison::viewer {

// Merges and splits are core's identity operations (liaison/identity.hpp),
// the same the CLI runs.

// Replaces the data of entity `target` by `edited` (same id required; the
// kind may change). Throws UserError when the id differs.
GraphStore editEntity(const GraphStore &store, EntityIndex target, const Entity &edited);

} // namespace liaison::viewer
