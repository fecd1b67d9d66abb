// The aggregated view as a graph of its own: one node per group (see
// grouping.hpp), sized by its members, and one link per pair of groups
// weighted by the relations beneath it; expanded groups show their members
// instead. The viewer draws it like any graph; the links remember the
// relations they stand for, so a link can be drilled into.
//
// Threading: pure function of its arguments; any thread, concurrently.
#pragma once

#include "liaison/grouping.hpp"

#include <set>
#include <string>
#include <vector>

namespace liaison {

// Kinds of what aggregateGraph makes (never in a document).
inline constexpr std::string_view kGroupKind = "group";               // a group node
inline constexpr std::string_view kRolledUpRelation = "rolled_up";    // relations beneath, counted
inline constexpr std::string_view kGroupMemberRelation = "in_group";  // expanded group -> its member

struct AggregateGraph {
    // Group nodes: kind "group", id the group's id, name "Russia (1234)"
    // (members in brackets; "Russia (expanded, 1234)" when expanded),
    // attributes members, grouped_by, internal_relations (relations of the
    // view inside the group, which no link shows) and anchor (the country's
    // or organisation's id, when there is one).
    // Members of expanded groups: copies of the source's entities (same ids).
    // Links: between two nodes that stand for different groups or members,
    // one "rolled_up" relation (from the smaller id to the larger) with
    // attribute weight = the number of relations beneath and kinds = their
    // kinds with counts ("attended 12, works_for 3"); between two members,
    // the source's relations themselves; from an expanded group to each of
    // its members, one "in_group" relation (the incremental layout places the
    // members around the group, which keeps its place).
    GraphStore store;
    // Per relation of `store`: the relations of the source view it stands for
    // (ascending; a copied relation: itself; "in_group": none).
    std::vector<std::vector<RelationIndex>> beneath;
    // Per entity of `store`: its group (index into Grouping::groups) for
    // group nodes, kNoGroup for members.
    std::vector<std::uint32_t> groupOfNode;
};

// `expanded` holds group ids (EntityGroup::id); ids of no group are ignored.
// Every entity and relation of `view` is accounted for: in a group's count,
// under a link, inside a group, or drawn.
AggregateGraph aggregateGraph(const GraphStore &store, const View &view, const Grouping &grouping,
                              const std::set<std::string, std::less<>> &expanded = {});

} // namespace liaison
