// The canvas's two passes (internal to canvas.cpp): cull to what is on screen
// and fold tiny items, then draw edges, nodes and labels into a draw list.
// UI thread only; everything works in screen pixels of the current frame.
#pragma once

#include "app_state.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace liaison::viewer::passes {

struct Frame {
    Vec2 origin, size;
    const Camera *camera = nullptr;
    Vec2 toScreen(float wx, float wy) const { return camera->toScreen(wx, wy, origin, size); }
};

// What this frame emphasises: the hovered neighbourhood, the selection, a path.
struct Emphasis {
    std::uint32_t hovered = Scene::kNoSlot;
    std::uint32_t selected = Scene::kNoSlot;
    std::vector<std::uint32_t> pathSlots;
    std::vector<RelationIndex> pathRelations;
    bool onPath(std::uint32_t slot) const {
        return std::find(pathSlots.begin(), pathSlots.end(), slot) != pathSlots.end();
    }
    bool onPathEdge(RelationIndex r) const {
        return !pathRelations.empty() && std::find(pathRelations.begin(), pathRelations.end(), r) != pathRelations.end();
    }
};

// The selection and the path found, as scene slots; `hovered` is set by the caller.
Emphasis buildEmphasis(const AppState &app);
// Pass 1 for nodes: fills app.canvas.drawn with the visible nodes' screen
// rectangles; nodes under kFoldBelowPx share 2x2-pixel cells.
void cullNodes(AppState &app, const Frame &f);
// The topmost drawn node under `mouse`, or Scene::kNoSlot.
std::uint32_t hitTest(const AppState &app, ImVec2 mouse);
// Marks `slot` and its neighbours (through visible edges) in app.canvas.highlight.
void markNeighbourhood(AppState &app, std::uint32_t slot);
// Cull then draw edges (splines, or straight lines folded by cell when many).
void drawEdges(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive);
// Draw the culled nodes, then their labels (emphasised ones first).
void drawNodes(AppState &app, const Emphasis &em, ImDrawList *dl, bool hoverActive);

} // namespace liaison::viewer::passes
