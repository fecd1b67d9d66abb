#include "canvas_passes.hpp"

#include "picking.hpp"

#include <cfloat>
#include <cmath>
#include <iterator>

namespace liaison::viewer::passes {

namespace {

constexpr float kSimpleBelowPx = 7.f;   // nodes smaller than this are plain squares
constexpr float kOutlineFromPx = 14.f;  // plain nodes smaller than this have no outline
constexpr std::size_t kManyNodes = 5000; // past this, fills are not anti-aliased
constexpr std::size_t kManyEdges = 20000; // past this, edges are straight lines, folded by cell
constexpr float kEdgeFoldPx = 3.f;        // edges shorter than this vanish into their nodes' cells
constexpr std::uint32_t kEdgeColour = 0x90707070u;
constexpr std::uint32_t kEdgeStrong = 0xFF303030u;
constexpr std::uint32_t kPathColour = 0xFF2020D0u;   // red
constexpr std::uint32_t kSelectColour = 0xFF1E90FFu; // orange
constexpr std::uint32_t kChangedColour = 0xFFBEBE00u; // teal: added or changed since a compared file
constexpr std::uint32_t kOutline = 0xFF404040u;

ImVec2 iv(Vec2 v) { return {v.x, v.y}; }


} // namespace

static std::uint32_t sceneSlotOfId(const Scene &scene, const std::string &id) {
    if (id.empty() || !scene.store)
        return Scene::kNoSlot;
    EntityIndex e = scene.store->findById(id);
    return e == kNoEntity ? Scene::kNoSlot : scene.slotOf(e);
}

Emphasis buildEmphasis(const AppState &app) {
    Emphasis em;
    em.selected = sceneSlotOfId(app.scene, app.selectedId);
    if (!app.linkFrom.empty()) {
        em.linkEnds[0] = sceneSlotOfId(app.scene, app.linkFrom);
        em.linkEnds[1] = sceneSlotOfId(app.scene, app.linkTo);
    }
    if (app.pathFinder.store == app.scene.store) {
        for (const PathStep &step : app.pathFinder.steps) {
            em.pathSlots.push_back(app.scene.slotOf(step.from));
            em.pathSlots.push_back(app.scene.slotOf(step.to));
            em.pathRelations.push_back(step.relation);
        }
    }
    return em;
}

// Pass 1 for nodes: screen rectangles of the visible nodes, folding tiny ones.
void cullNodes(AppState &app, const Frame &f) {
    CanvasScratch &c = app.canvas;
    c.drawn.clear();
    c.foldedNodes = 0;
    c.cellsX = static_cast<int>(f.size.x / 2) + 1;
    c.cellsY = static_cast<int>(f.size.y / 2) + 1;
    c.foldCells.resize(static_cast<std::size_t>(c.cellsX) * c.cellsY, 0);
    if (++c.stamp == 0) {
        std::fill(c.foldCells.begin(), c.foldCells.end(), 0);
        c.stamp = 1;
    }
    const float zoom = static_cast<float>(f.camera->zoom);
    const float x1 = f.origin.x + f.size.x, y1 = f.origin.y + f.size.y;
    for (auto [begin, end] : c.rows)
    for (std::uint32_t at = begin; at < end; ++at) {
        const std::uint32_t slot = app.scene.grid.order[at];
        const SceneNode &n = app.scene.nodes[slot];
        if (!n.visible)
            continue;
        Vec2 p = f.toScreen(n.x, n.y);
        float w = n.w * zoom, h = n.h * zoom;
        if (p.x + w / 2 < f.origin.x || p.x - w / 2 > x1 || p.y + h / 2 < f.origin.y || p.y - h / 2 > y1)
            continue;
        if (std::max(w, h) < kFoldBelowPx) {
            int cx = std::clamp(static_cast<int>((p.x - f.origin.x) / 2), 0, c.cellsX - 1);
            int cy = std::clamp(static_cast<int>((p.y - f.origin.y) / 2), 0, c.cellsY - 1);
            std::uint32_t &cell = c.foldCells[static_cast<std::size_t>(cy) * c.cellsX + cx];
            if (cell == c.stamp) {
                ++c.foldedNodes;
                continue;
            }
            cell = c.stamp;
            w = h = 2;
        }
        c.drawn.push_back({slot, p.x, p.y, w, h, false, 0, 0, 0, 0});
    }
}

std::size_t findOnScreen(AppState &app, const Frame &f) {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    f.camera->toWorld(f.origin, f.origin, f.size, x0, y0);
    f.camera->toWorld({f.origin.x + f.size.x, f.origin.y + f.size.y}, f.origin, f.size, x1, y1);
    CanvasScratch &c = app.canvas;
    app.scene.grid.query(static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1),
                         static_cast<float>(y1), c.rows);
    std::size_t count = 0;
    for (auto [begin, end] : c.rows)
        count += end - begin;
    c.nodesOnScreen = count;
    return count;
}

std::uint32_t hitTest(const AppState &app, const Frame &f, ImVec2 mouse) {
    double wx = 0, wy = 0;
    f.camera->toWorld({mouse.x, mouse.y}, f.origin, f.size, wx, wy);
    return pickNode(app.scene, wx, wy, f.camera->zoom); // nodes are at least 6 pixels to the mouse
}

void markNeighbourhood(AppState &app, std::uint32_t slot) {
    CanvasScratch &c = app.canvas;
    c.highlight.resize(app.scene.nodes.size(), 0);
    if (++c.highlightStamp == 0) {
        std::fill(c.highlight.begin(), c.highlight.end(), 0);
        c.highlightStamp = 1;
    }
    if (slot == Scene::kNoSlot)
        return;
    c.highlight[slot] = c.highlightStamp;
    for (std::uint32_t i = app.scene.adjacencyStart[slot]; i < app.scene.adjacencyStart[slot + 1]; ++i) {
        const SceneEdge &e = app.scene.edges[app.scene.adjacency[i]];
        if (e.visible)
            c.highlight[e.from == slot ? e.to : e.from] = c.highlightStamp;
    }
}

bool highlighted(const AppState &app, std::uint32_t slot) {
    return slot < app.canvas.highlight.size() && app.canvas.highlight[slot] == app.canvas.highlightStamp;
}

static void drawArrow(ImDrawList *dl, Vec2 from, Vec2 tip, std::uint32_t colour) {
    float dx = tip.x - from.x, dy = tip.y - from.y;
    float len = std::sqrt(dx * dx + dy * dy);
    if (len < 3)
        return;
    float nx = -dy * 0.35f, ny = dx * 0.35f; // half-width 0.35 of the head's length
    dl->AddTriangleFilled(iv(tip), ImVec2(from.x + nx, from.y + ny), ImVec2(from.x - nx, from.y - ny), colour);
}

// Pass 1 + 2 for edges: cull by bounding box, then draw splines (or straight
// lines when many or tiny).
void drawEdges(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive) {
    const float x1 = f.origin.x + f.size.x, y1 = f.origin.y + f.size.y;
    // Cull first so the drawing mode can depend on how many survive.
    std::vector<std::uint32_t> visible;
    visible.reserve(std::min<std::size_t>(app.scene.edges.size(), 1u << 16));
    for (std::uint32_t i = 0; i < app.scene.edges.size(); ++i) {
        const SceneEdge &e = app.scene.edges[i];
        if (!e.visible || !app.scene.nodes[e.from].visible || !app.scene.nodes[e.to].visible)
            continue;
        Vec2 a = f.toScreen(e.minX, e.minY), b = f.toScreen(e.maxX, e.maxY);
        if (b.x < f.origin.x || a.x > x1 || b.y < f.origin.y || a.y > y1)
            continue;
        if (std::max(b.x - a.x, b.y - a.y) < kEdgeFoldPx)
            continue; // folded into its endpoints' cells
        visible.push_back(i);
    }
    drawEdgeList(app, f, em, dl, hoverActive, visible);
}

void drawEdgeList(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive,
                  const std::vector<std::uint32_t> &visible) {
    const float zoom = static_cast<float>(f.camera->zoom);
    std::size_t drawn = 0;
    const bool many = visible.size() > kManyEdges;
    // With many edges, those joining the same two 4x4-pixel cells are drawn once.
    EdgeFold &fold = app.canvas.edgeFold;
    if (many)
        fold.reset(visible.size());
    for (std::uint32_t i : visible) {
        const SceneEdge &e = app.scene.edges[i];
        if (many) {
            Vec2 p = f.toScreen(e.spline.front().x, e.spline.front().y);
            Vec2 q = f.toScreen(e.spline.back().x, e.spline.back().y);
            auto cell = [&](Vec2 v) {
                return (static_cast<std::uint64_t>(std::clamp(v.x - f.origin.x + 4096.f, 0.f, 65535.f)) / 4) << 16 |
                       (static_cast<std::uint64_t>(std::clamp(v.y - f.origin.y + 4096.f, 0.f, 65535.f)) / 4);
            };
            std::uint64_t a = cell(p), b = cell(q);
            if (a == b || !fold.insert(std::min(a, b) << 32 | std::max(a, b)))
                continue;
        }
        bool onPath = em.onPathEdge(e.relation);
        bool strong = hoverActive && (e.from == em.hovered || e.to == em.hovered);
        std::uint32_t colour = onPath ? kPathColour : strong ? kEdgeStrong : e.colour ? e.colour : kEdgeColour;
        if (hoverActive && !strong && !onPath)
            colour = withAlpha(colour, 0.3f);
        float thickness = e.width * (onPath ? 3.f : strong ? 2.f : 1.f);
        float extent = std::max(e.maxX - e.minX, e.maxY - e.minY) * zoom;
        if (many || extent < 16.f) {
            dl->AddLine(iv(f.toScreen(e.spline.front().x, e.spline.front().y)),
                        iv(f.toScreen(e.spline.back().x, e.spline.back().y)), colour, thickness);
        } else {
            for (std::size_t s = 0; s + 3 < e.spline.size(); s += 3) {
                Vec2 p0 = f.toScreen(e.spline[s].x, e.spline[s].y);
                Vec2 p3 = f.toScreen(e.spline[s + 3].x, e.spline[s + 3].y);
                float len = std::fabs(p3.x - p0.x) + std::fabs(p3.y - p0.y);
                int segments = std::clamp(static_cast<int>(len / 10), 3, 24);
                dl->AddBezierCubic(iv(p0), iv(f.toScreen(e.spline[s + 1].x, e.spline[s + 1].y)),
                                   iv(f.toScreen(e.spline[s + 2].x, e.spline[s + 2].y)), iv(p3), colour,
                                   thickness, segments);
            }
        }
        if (e.arrow && !many)
            drawArrow(dl, f.toScreen(e.spline.back().x, e.spline.back().y), f.toScreen(e.arrowTip.x, e.arrowTip.y),
                      colour);
        ++drawn;
    }
    app.canvas.drawnEdges = drawn;
}

static void shapePath(ImDrawList *dl, const SceneNode &n, const DrawnNode &d) {
    const UnitShape &shape = *n.shape;
    if (shape.kind == ShapeKind::Box) {
        dl->PathRect(ImVec2(d.x - d.w / 2, d.y - d.h / 2), ImVec2(d.x + d.w / 2, d.y + d.h / 2),
                     std::min(d.w, d.h) * 0.15f);
        return;
    }
    for (Vec2 p : shape.points)
        dl->PathLineTo(ImVec2(d.x + p.x * d.w, d.y + p.y * d.h));
}

static void drawNode(ImDrawList *dl, const SceneNode &n, const DrawnNode &d, std::uint32_t fill, std::uint32_t outline,
              float outlineWidth) {
    if (std::max(d.w, d.h) < kSimpleBelowPx) {
        dl->AddRectFilled(ImVec2(d.x - d.w / 2, d.y - d.h / 2), ImVec2(d.x + d.w / 2, d.y + d.h / 2), fill);
        return;
    }
    shapePath(dl, n, d);
    dl->PathFillConvex(fill);
    if (std::max(d.w, d.h) < kOutlineFromPx && outlineWidth <= 1.f)
        return;
    shapePath(dl, n, d);
    dl->PathStroke(outline, ImDrawFlags_Closed, outlineWidth);
}

void drawNodes(AppState &app, const Emphasis &em, ImDrawList *dl, bool hoverActive, bool emphasisedOnly) {
    const ImDrawListFlags flags = dl->Flags;
    if (app.canvas.drawn.size() > kManyNodes)
        dl->Flags &= ~ImDrawListFlags_AntiAliasedFill; // fringes cost more than they show at this density
    const bool anyPinned = !app.doc.edits.pinned.empty();
    for (DrawnNode &d : app.canvas.drawn) {
        const SceneNode &n = app.scene.nodes[d.slot];
        bool hi = hoverActive && highlighted(app, d.slot);
        bool path = em.onPath(d.slot);
        if (emphasisedOnly && !hi && !path && d.slot != em.selected) {
            if (anyPinned && app.doc.edits.pinned.contains(app.scene.store->entity(n.entity).id))
                dl->AddCircleFilled(ImVec2(d.x + d.w / 2, d.y - d.h / 2), 4.f, 0xFF202020u);
            continue; // drawn by the GPU
        }
        std::uint32_t fill = hoverActive && !hi && !path ? withAlpha(n.fill, 0.3f) : n.fill;
        std::uint32_t outline = path ? kPathColour : hi ? kEdgeStrong : kOutline;
        float width = path ? 3.f : hi ? 2.f : 1.f;
        drawNode(dl, n, d, fill, hoverActive && !hi && !path ? withAlpha(outline, 0.3f) : outline, width);
        if (d.slot == em.selected || em.linkEnd(d.slot)) {
            DrawnNode ring = d;
            ring.w += 6, ring.h += 6;
            shapePath(dl, n, ring);
            dl->PathStroke(kSelectColour, ImDrawFlags_Closed, 3.f);
        }
        if (!app.changedIds.empty() && app.changedIds.contains(app.scene.store->entity(n.entity).id)) {
            DrawnNode ring = d; // changed since the compared file
            ring.w += 10, ring.h += 10;
            shapePath(dl, n, ring);
            dl->PathStroke(kChangedColour, ImDrawFlags_Closed, 3.f);
        }
        if (anyPinned && app.doc.edits.pinned.contains(app.scene.store->entity(n.entity).id))
            dl->AddCircleFilled(ImVec2(d.x + d.w / 2, d.y - d.h / 2), 4.f, 0xFF202020u);
    }
    dl->Flags = flags;
    // Labels last, so no shape covers them.
    drawLabels(app, em, dl, hoverActive);
}


void drawEmphasisedEdges(AppState &app, const Frame &f, const Emphasis &em, ImDrawList *dl, bool hoverActive) {
    std::vector<std::uint32_t> edges;
    auto incident = [&](std::uint32_t slot, bool onlyPath) {
        if (slot == Scene::kNoSlot)
            return;
        for (std::uint32_t i = app.scene.adjacencyStart[slot]; i < app.scene.adjacencyStart[slot + 1]; ++i) {
            const std::uint32_t edge = app.scene.adjacency[i];
            if (!onlyPath || em.onPathEdge(app.scene.edges[edge].relation))
                edges.push_back(edge);
        }
    };
    if (hoverActive)
        incident(em.hovered, false);
    for (std::uint32_t slot : em.pathSlots)
        incident(slot, true);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::erase_if(edges, [&](std::uint32_t i) {
        const SceneEdge &e = app.scene.edges[i];
        return !e.visible || !app.scene.nodes[e.from].visible || !app.scene.nodes[e.to].visible;
    });
    drawEdgeList(app, f, em, dl, hoverActive, edges);
}

} // namespace liaison::viewer::passes
