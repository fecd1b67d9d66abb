// The inspector's content for the aggregated view: a group node (what it
// holds, its links strongest first, its members) and a rolled-up link (the
// relations beneath it, each with its evidence) — the drill-down of a
// roll-up. Plain lines, shared by the panel and --dump-inspector.
#pragma once

#include "inspector_model.hpp"

#include "liaison/aggregate_graph.hpp"

namespace liaison::viewer {

// How many relations beneath a link, and members of a group, are listed;
// the lines say how many more there are.
inline constexpr std::size_t kListedBeneath = 200;

// `node`: a group node of `aggregate` (built from `source`'s view with `grouping`).
std::vector<InspectorLine> buildGroupInspector(const GraphStore &source, const Grouping &grouping,
                                               const AggregateGraph &aggregate, EntityIndex node);
// `link`: a rolled-up relation of `aggregate`.
std::vector<InspectorLine> buildLinkInspector(const GraphStore &source, const AggregateGraph &aggregate,
                                              RelationIndex link);

} // namespace liaison::viewer
