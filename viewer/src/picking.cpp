#include "picking.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace liaison::viewer {

namespace {

// Distance from (px, py) to the segment a-b, world units.
double distanceToSegment(double px, double py, const SceneNode &a, const SceneNode &b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

} // namespace

std::uint32_t pickNode(const Scene &scene, double x, double y, double zoom, double minHalfPx) {
    const float slop = static_cast<float>(minHalfPx / zoom);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    scene.grid.query(static_cast<float>(x) - slop, static_cast<float>(y) - slop, static_cast<float>(x) + slop,
                     static_cast<float>(y) + slop, ranges);
    std::uint32_t found = Scene::kNoSlot; // the last one drawn is on top
    for (auto [begin, end] : ranges)
        for (std::uint32_t at = begin; at < end; ++at) {
            const std::uint32_t slot = scene.grid.order[at];
            const SceneNode &n = scene.nodes[slot];
            const double hw = std::max(n.w * zoom / 2, minHalfPx) / zoom, hh = std::max(n.h * zoom / 2, minHalfPx) / zoom;
            if (n.visible && std::fabs(x - n.x) <= hw && std::fabs(y - n.y) <= hh)
                found = slot;
        }
    return found;
}

std::uint32_t pickEdge(const Scene &scene, double x, double y, double zoom, double radiusPx,
                       const std::function<bool(const SceneEdge &)> &accept) {
    const LinkGrid &grid = scene.links;
    if (grid.columns == 0)
        return Scene::kNoSlot;
    const double radius = radiusPx / zoom;
    // Lines are registered in the cells of points at most half a cell apart
    // along them: a line within `radius` has such a point within radius + a
    // quarter cell, so the cells of the box grown by half a cell hold it.
    const double reach = radius + grid.cell / 2;
    const int c0 = grid.column(static_cast<float>(x - reach)), c1 = grid.column(static_cast<float>(x + reach));
    const int r0 = grid.row(static_cast<float>(y - reach)), r1 = grid.row(static_cast<float>(y + reach));
    std::uint32_t best = Scene::kNoSlot;
    double bestDistance = radius;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const std::size_t cell = static_cast<std::size_t>(r) * grid.columns + c;
            for (std::uint32_t at = grid.start[cell]; at < grid.start[cell + 1]; ++at) {
                const std::uint32_t slot = grid.order[at];
                const SceneEdge &e = scene.edges[slot];
                const SceneNode &a = scene.nodes[e.from], &b = scene.nodes[e.to];
                if (!e.visible || !a.visible || !b.visible || !accept(e))
                    continue;
                const double d = distanceToSegment(x, y, a, b);
                if (d < bestDistance || (d == bestDistance && best != Scene::kNoSlot && slot < best)) {
                    bestDistance = d;
                    best = slot;
                }
            }
        }
    return best;
}

} // namespace liaison::viewer
