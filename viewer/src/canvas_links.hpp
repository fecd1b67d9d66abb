// The rolled-up links of the aggregated view on the canvas (internal to
// canvas.cpp): which one is under the mouse, what its tooltip says, and the
// selected one drawn over the rest. UI thread only.
#pragma once

#include "canvas_passes.hpp"

#include <optional>
#include <string>

namespace liaison::viewer::passes {

inline constexpr RelationIndex kNoLink = ~RelationIndex{0};

// The visible rolled-up link of the aggregated view, or `met` link of the
// people network (a relation of app.scene.store), whose straight line
// between its nodes passes within a few pixels of `mouse`, the nearest one;
// kNoLink when none (always in the graph's own view). Through pickEdge (the
// scene's link index), one function for both views.
RelationIndex linkUnderMouse(const AppState &app, const Frame &f, ImVec2 mouse);
// "Russia — China: 340 relations beneath (attended 300, works_for 40); click to list them";
// for a people-network link, the occasions with dates and quotes (metLinkTooltip).
std::string linkTooltip(const AppState &app, RelationIndex link);
// The selected link (app.linkFrom/linkTo) as a thick line over the edges.
void drawSelectedLink(const AppState &app, const Frame &f, ImDrawList *dl);

} // namespace liaison::viewer::passes
