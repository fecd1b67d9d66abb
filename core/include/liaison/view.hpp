// A View is a subset of a store's entities and relations: what a layout,
// an export or the viewer canvas shows. Views are cheap value types.
#pragma once

#include "liaison/graph_store.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace liaison {

struct View {
    std::vector<EntityIndex> entities;   // sorted, unique
    std::vector<RelationIndex> relations; // sorted, unique; both endpoints in `entities`
};

// What to keep. Empty sets mean "no restriction".
struct ViewFilter {
    std::set<std::string, std::less<>> kinds;          // entity kinds
    std::set<std::string, std::less<>> relationKinds;  // relation kinds
    std::set<std::string, std::less<>> sources;        // source ids in evidence
    // Country entity ids: keep these countries, entities related to one of
    // them (represents, located_in, held_in...), and entities related to no
    // country at all; drop entities tied only to other countries.
    std::set<std::string, std::less<>> countries;
    std::optional<std::string> from; // ISO date: drop events ending before it
    std::optional<std::string> to;   // ISO date: drop events starting after it
    // After the other filters, drop entities left without any relation
    // (applyFilter; an ego network has no isolated entity but its centre).
    bool hideIsolated = false;
};

View wholeGraph(const GraphStore &store);
// Keeps the entities and relations of `view` that pass `filter`; relations
// whose endpoints were dropped go too.
View applyFilter(const GraphStore &store, const View &view, const ViewFilter &filter);
// Whether one entity / relation passes the filter on its own (kind, source,
// date window), regardless of its neighbours.
bool passesEntityFilter(const GraphStore &store, EntityIndex entity, const ViewFilter &filter);
bool passesRelationFilter(const GraphStore &store, RelationIndex relation, const ViewFilter &filter);

// Drops the entities of `view` that no relation of `view` touches, except
// those in `keep` (what the user asked for by name: a focus, pinned entities).
void dropIsolated(const GraphStore &store, View &view, const std::vector<EntityIndex> &keep = {});

// Relations between the given entities (inclusive of both endpoints).
View induced(const GraphStore &store, std::vector<EntityIndex> entities);

// A new store holding only the view's entities and relations (with the
// store's sources and document extras), e.g. to save a focused subgraph.
// Its identity record is the store's minus what names an entity the view left
// out: the judgements whose ids both resolve into the view (or to nothing),
// the redirects whose survivor is in the view, each with the relations it
// brought between entities of the view. So a merge in the extract can be
// split and a "different" judgement keeps those two apart there; a whole
// view keeps every judgement and redirect.
GraphStore extractView(const GraphStore &store, const View &view);

} // namespace liaison
