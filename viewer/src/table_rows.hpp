// The rows of the Tables panel (Cytoscape's node and edge tables): the
// entities and relations of the current view, so the filters apply, in the
// order a user expects from clicking a column header. Pure functions (tested
// without a window); panel_tables.cpp draws them.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <cstdint>
#include <vector>

namespace liaison::viewer {

enum class EntityColumn { Name, Kind, Degree, Id };
enum class RelationColumn { From, Kind, To, Evidence };

// Text columns compare without regard to ASCII case ("alice" before "Bob"),
// counts as numbers. Equal keys keep the name order A to Z (then id) in
// either direction, so a sort by degree lists each tie alphabetically.
// Degree counts the view's relations only: what the table shows.
std::vector<EntityIndex> entityRows(const GraphStore &store, const View &view, EntityColumn column,
                                    bool descending);
// Relations sort the same way; ties by source name, then target name.
std::vector<RelationIndex> relationRows(const GraphStore &store, const View &view, RelationColumn column,
                                        bool descending);

// The panel's rows, sorted again only when the view, the store or the
// clicked column changes: sorting 100k folded names every frame would cost
// a frame's time. Part of AppState; UI thread only.
struct TablesState {
    const GraphStore *store = nullptr;
    std::uint64_t viewGeneration = 0;
    int entitySort = -1, relationSort = -1; // column * 2 + descending; -1 = not sorted yet
    std::vector<EntityIndex> entities;
    std::vector<RelationIndex> relations;
};

} // namespace liaison::viewer
