// The undoable state of an open document: the store (immutable once shared;
// an edit makes a new one) and what the user changed about the view. Plain
// values: undo and redo swap whole states.
#pragma once

#include "liaison/graph_store.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>

namespace liaison::viewer {

// Entities are named by id, not index, so view edits survive a store rebuild
// (a merge renumbers entities).
struct Focus {
    std::string id;
    int depth = 1;
    bool operator==(const Focus &) const = default;
};

struct ViewEdits {
    std::set<std::string> hidden;   // never shown
    std::set<std::string> expanded; // their neighbours are shown
    std::set<std::string> pinned;   // always shown, whatever filters and focus say
    std::optional<Focus> focus;     // show only this entity's ego network
    // Aggregated view: groups (EntityGroup ids, "group:country:ru") shown as
    // their members. Undoable like any view edit; ignored in the entity view.
    std::set<std::string, std::less<>> expandedGroups;
    bool operator==(const ViewEdits &) const = default;
};

struct DocState {
    std::shared_ptr<const GraphStore> store; // never null once a document is open
    ViewEdits edits;
};

} // namespace liaison::viewer
