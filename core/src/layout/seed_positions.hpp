// Incremental layouts: entities with a known position (LayoutOptions::seed)
// stay where they are; new ones are placed near their neighbours.
#pragma once

#include "layout/build_graph.hpp"

namespace liaison::graphviz {

// The engine a seeded layout runs with: fdp stays fdp, anything else becomes
// neato (sfdp, dot, twopi and circo ignore pinned positions). Unseeded: `chosen`.
LayoutEngine seededEngine(LayoutEngine chosen, const LayoutOptions &options);

// Gives every node a starting "pos": "x,y!" (pinned) for seeded entities,
// the mean of its seeded neighbours (plus a small fixed offset so new
// siblings do not start on one point) for the others; keeps Graphviz from
// translating the drawing or pushing pinned nodes apart.
void applySeed(const Lock &lock, const GraphStore &store, const View &view, const LayoutOptions &options,
               BuiltGraph &built);

// After the layout: seeded entities exactly at their seed, the others
// shifted by the drawing's residual offset; an edge whose ends moved is
// drawn straight. Recomputes the bounding box.
void holdSeededPositions(const GraphStore &store, const View &view, const LayoutOptions &options,
                         LayoutResult &result);

} // namespace liaison::graphviz
