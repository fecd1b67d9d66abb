// Picking: which node, or which link, lies under a point of the canvas. Both
// go through the scene's spatial indexes (Scene::grid for nodes,
// Scene::links for the straight lines between linked nodes), built once per
// layout, never a scan of the scene. Pure functions of the scene: no ImGui,
// no GL. UI thread (the scene is not shared).
#pragma once

#include "scene.hpp"

#include <functional>

namespace liaison::viewer {

// The topmost (last drawn) visible node whose box holds world point (x, y),
// each box grown to at least `minHalfPx` pixels either side of its centre at
// `zoom` pixels per point, so that small nodes can still be hit; kNoSlot when
// none.
std::uint32_t pickNode(const Scene &scene, double x, double y, double zoom, double minHalfPx = 3);

// The visible edge between visible nodes, accepted by `accept`, whose
// straight line between its nodes' centres passes nearest to world point
// (x, y) and within `radiusPx` pixels of it at `zoom` pixels per point; an
// edge slot of scene.edges, or kNoSlot when none.
std::uint32_t pickEdge(const Scene &scene, double x, double y, double zoom, double radiusPx,
                       const std::function<bool(const SceneEdge &)> &accept);

} // namespace liaison::viewer
