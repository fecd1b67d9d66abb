// The graph canvas (after imgui_demo's canvas: an invisible button for hit
// testing, a clip rect, draw-list calls in screen coordinates). Draws in two
// passes like Tracy's timeline: first cull to what is on screen and fold
// sub-pixel nodes into 2x2-pixel cells, then draw edges, nodes and labels.
#pragma once

#include "app_state.hpp"

namespace liaison::viewer {

// Draws the canvas filling the current window's content region and handles
// pan (drag), zoom (wheel, around the cursor), hover, click to select,
// double-click to expand and right-click for the node menu.
void drawCanvas(AppState &app);

// The canvas background colour (ImGui packed).
inline constexpr unsigned kCanvasBackground = 0xFFF5F7F7u;

} // namespace liaison::viewer
