// The Boost graph behind a GraphStore. Private to core: vertex i is
// EntityIndex i, each edge carries its RelationIndex. Entities are only ever
// appended, so vecS descriptors stay valid (see STYLE.md on remove_vertex).
// Edges live in a vector too (no node per edge): relations are never removed.
#pragma once

#include "liaison/model.hpp"

#include <boost/graph/adjacency_list.hpp>

namespace liaison {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, RelationIndex, boost::no_property, boost::vecS>;

class GraphTopology {
public:
    BoostGraph graph;
};

} // namespace liaison
