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

inline constexpr float kFoldBelowPx = 2.5f; // nodes smaller than this become a 2x2 cell

struct Frame {
    Vec2 origin, size;
    const Camera *camera = nullptr;
    Vec2 toScreen(float wx, float wy) const { return camera->toScreen(wx, wy, origin, size); }
};

// What this frame emphasises: the hovered neighbourhood, the selection, a path.
struct Emphasis {
    std::uint32_t hovered = Scene::kNoSlot;
    std::uint32_t selected = Scene::kNoSlot;
    std::uint32_t linkEnds[2] = {Scene::kNoSlot, Scene::kNoSlot}; // the selected link's two nodes
    bool linkEnd(std::uint32_t slot) const { return slot != Scene::kNoSlot && (slot == linkEnds[0] || slot == linkEnds[1]); }
    std::vector<std::uint32_t> pathSlots;
    std::vector<RelationIndex> pathRelations;
    bool onPath(std::uint32_t slot) const {
        return std::find(pathSlots.begin(), pathSlots.end(), slot) != pathSlots.end();
    }
    bool onPathEdge(RelationIndex r) const {
        return !pathRelations.empty() && std::find(pathRelations.begin(), pathRelations.end(), r) != pathRelations.end();
    }
};

// The selection, the selected link's ends and the path found, as scene slots;
// `hovered` is set by the caller.
Emphasis buildEmphasis(const AppState &app);
// Finds the grid rows on screen (app.canvas.rows) and returns how many nodes
// they hold (an upper bound of the nodes on screen).
std::size_t findOnScreen(AppState &app, const Frame &f);
// Pass 1 for nodes: fills app.canvas.drawn with the visible nodes' screen
// rectangles from the rows findOnScreen found; nodes under kFoldBelowPx
// share 2x2-pixel cells.
void cullNodes(AppState &app, const Frame &f);
// The topmost visible node under `mouse` (through the scene's grid, never a
// scan of all nodes), or Scene::kNoSlot.
std::uint32_t hitTest(const AppState &app, const Frame &f, ImVec2 mouse);
// Marks `slot` and its neighbours (through visible edges) in app.canvas.highlight.
void markNeighbourhood(AppState &app, std::uint32_t slot);
// Cull then draw edges (splines, or straight lines folded by cell when many).
void drawEdges(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive);
// Draws the given edge slots (already culled).
void drawEdgeList(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive,
                  const std::vector<std::uint32_t> &edges);
// The hovered node's edges and the path's, over what the GPU drew.
void drawEmphasisedEdges(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive);
// Draw the culled nodes (only the emphasised ones and pin marks when the GPU
// drew the rest), then their labels (drawLabels).
void drawNodes(AppState &app, const Emphasis &em, ImDrawList *dl, bool hoverActive, bool emphasisedOnly);
// True when `slot` is in the neighbourhood markNeighbourhood marked this frame.
bool highlighted(const AppState &app, std::uint32_t slot);
// The labels of the culled nodes (canvas_labels.cpp): the emphasised ones
// placed afresh, then the others from app.canvas.labelCache, placed again only
// when the view changed or the camera settled (label_cache.hpp). Sets the
// label rectangles of app.canvas.drawn and app.canvas.labels.
void drawLabels(AppState &app, const Emphasis &em, ImDrawList *dl, bool hoverActive);

} // namespace liaison::viewer::passes
