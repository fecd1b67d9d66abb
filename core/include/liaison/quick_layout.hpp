// A placement of Liaison's own that always finishes: a force-directed pass
// (Fruchterman-Reingold with grid-bucketed repulsion, so each step is linear
// in nodes plus edges) with straight edges. Used where Graphviz cannot finish
// in time (large views, engines past their limit), and to place new nodes
// around nodes that must keep still (incremental expansion in the viewer).
//
// Threading: pure function of its arguments; any thread, concurrently.
#pragma once

#include "liaison/layout.hpp"

#include <chrono>
#include <vector>

namespace liaison {

struct QuickLayoutOptions {
    // Refinement stops when this is spent; the placement is returned anyway.
    std::chrono::milliseconds budget{2000};
    // Optional, in the order of View::entities (empty: none). `start` gives a
    // node's first position (points, y up as Graphviz); `pinned` nodes keep
    // their start position and only push and pull the others.
    std::vector<Point> start;
    std::vector<char> pinned;
    const std::atomic<bool> *cancel = nullptr; // stops refining early when raised
};

// Node sizes follow Graphviz's defaults for a 14pt label (at least 54 x 36
// points, wider for long names); edges are straight 4-point splines from
// centre to centre. LayoutResult::placedQuickly is set; `messages` holds one
// line saying that this placement was used. Deterministic for the same input.
LayoutResult quickLayout(const GraphStore &store, const View &view, const QuickLayoutOptions &options = {});

// quickLayout with the progress line, cancel flag and seed of a Graphviz
// request; `notices` (why Graphviz was not used) go first in the messages.
// When the seed places every entity of the view, that is the placement
// (LayoutResult::fromStoredPositions), at once at any size.
LayoutResult quickLayoutInstead(const GraphStore &store, const View &view, const LayoutOptions &options,
                                const std::vector<std::string> &notices = {});

// True when `seed` has a position for every entity of the view (layoutView
// then needs no Graphviz either).
bool seedPlacesWholeView(const GraphStore &store, const View &view, const Positions *seed);

} // namespace liaison
