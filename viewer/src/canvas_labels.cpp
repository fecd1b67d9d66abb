// Labels on the canvas: placed greedily (most important first, no overlap)
// once per view and settled camera, drawn every frame from that placement.
#include "canvas_passes.hpp"

#include "fonts.hpp"

#include <cfloat>
#include <iterator>

namespace liaison::viewer::passes {

namespace {

// Label sizes are em pixels (font_metrics.hpp): 12 px is the smallest a CJK
// name reads at on screen; past 22 px a label hides more than it tells.
constexpr float kLabelMinEm = 12.f;
constexpr float kLabelMaxEm = 22.f;
constexpr float kLabelShowPx = 4.f;  // labels appear once 14pt is this many pixels
// A label longer than this many em is cut with an ellipsis unless it is
// emphasised: whole titles of sessions ("IAC 2017 Session 2 Panel:
// e-Government and Digital Innovation") took the room of five names.
constexpr float kLabelMaxWidthEm = 12.f;
constexpr const char *kEllipsis = "\xE2\x80\xA6";
constexpr float kLabelPtSize = 14.f; // Graphviz sizes nodes for 14pt labels
constexpr std::size_t kMaxLabels = 1500;
// The occupancy grid's cells: with 8 px cells a 17 px label took three rows,
// and a place a few pixels clear of another label was refused as taken.
constexpr float kCellPx = 4.f;

// The occupancy grid, emptied (a new stamp) and sized to the canvas.
void clearCells(LabelCache &lc, Vec2 size) {
    const int x = static_cast<int>(size.x / kCellPx) + 1, y = static_cast<int>(size.y / kCellPx) + 1;
    if (x != lc.cellsX || y != lc.cellsY || ++lc.stamp == 0) {
        lc.cellsX = x, lc.cellsY = y;
        lc.cells.assign(static_cast<std::size_t>(x) * y, 0);
        lc.stamp = 1;
    }
}

// The cells a rectangle at `pos` (screen) of size `ts` covers: free of any
// label yet (when `check`), then taken. False, and nothing taken, when not free.
bool takeCells(LabelCache &lc, Vec2 origin, ImVec2 pos, ImVec2 ts, bool check) {
    const int gx0 = std::max(0, static_cast<int>((pos.x - origin.x) / kCellPx));
    const int gy0 = std::max(0, static_cast<int>((pos.y - origin.y) / kCellPx));
    const int gx1 = std::min(lc.cellsX - 1, static_cast<int>((pos.x + ts.x - origin.x) / kCellPx));
    const int gy1 = std::min(lc.cellsY - 1, static_cast<int>((pos.y + ts.y - origin.y) / kCellPx));
    if (check)
        for (int gy = gy0; gy <= gy1; ++gy)
            for (int gx = gx0; gx <= gx1; ++gx)
                if (lc.cells[static_cast<std::size_t>(gy) * lc.cellsX + gx] == lc.stamp)
                    return false;
    for (int gy = gy0; gy <= gy1; ++gy)
        for (int gx = gx0; gx <= gx1; ++gx)
            lc.cells[static_cast<std::size_t>(gy) * lc.cellsX + gx] = lc.stamp;
    return true;
}

// The size of `text` in `baked`, cut to the longest start that fits in
// `most` pixels with the ellipsis (between code points, by ImGui) when it is
// longer; `shownBytes` is what is kept (0 = all).
ImVec2 cutToWidth(const LabelFont &baked, const std::string &text, float most, std::uint32_t &shownBytes) {
    const char *end = text.c_str() + text.size();
    const ImVec2 ts = baked.font->CalcTextSizeA(baked.size, FLT_MAX, 0, text.c_str(), end);
    shownBytes = 0;
    if (ts.x <= most)
        return ts;
    const float ellipsis = baked.font->CalcTextSizeA(baked.size, FLT_MAX, 0, kEllipsis).x;
    const char *cut = text.c_str();
    const ImVec2 kept = baked.font->CalcTextSizeA(baked.size, most - ellipsis, 0, text.c_str(), end, &cut);
    shownBytes = static_cast<std::uint32_t>(cut - text.c_str());
    return ImVec2(kept.x + ellipsis, ts.y);
}

// Places a label of size `ts` at the first free place around `d`: inside the
// node when it fits, else below, above, right or left of it, or at a corner
// inside the canvas (an emphasised label takes its first place regardless).
// False when every place is taken.
bool placeAround(AppState &app, const DrawnNode &d, ImVec2 ts, bool emphasised, PlacedLabel &out) {
    // Inside when the text's box fits the ellipse the node's box holds: the
    // bounding box alone let wide names run over an ellipse's outline.
    const float fx = ts.x / (d.w * 0.95f), fy = ts.y / d.h;
    const bool inside = fx * fx + fy * fy <= 1;
    const float below = d.y + d.h / 2 + 1, above = d.y - d.h / 2 - ts.y - 1;
    const float right = d.x + d.w / 2 + 2, left = d.x - d.w / 2 - ts.x - 2;
    const ImVec2 places[] = {inside ? ImVec2(d.x - ts.x / 2, d.y - ts.y / 2) : ImVec2(d.x - ts.x / 2, below),
                             ImVec2(d.x - ts.x / 2, above), ImVec2(right, d.y - ts.y / 2), ImVec2(left, d.y - ts.y / 2),
                             // the corners: in a hairball the sides are often taken
                             ImVec2(d.x, below), ImVec2(d.x - ts.x, below), ImVec2(d.x, above), ImVec2(d.x - ts.x, above)};
    const std::size_t tries = emphasised || inside ? 1 : std::size(places);
    const Vec2 o = app.canvas.origin, size = app.canvas.size;
    for (std::size_t k = 0; k < tries; ++k) {
        // A label cut by the canvas's edge reads no better than none.
        const bool onCanvas = places[k].x >= o.x && places[k].y >= o.y && places[k].x + ts.x <= o.x + size.x &&
                              places[k].y + ts.y <= o.y + size.y;
        if ((!emphasised && !onCanvas) || !takeCells(app.canvas.labelCache, o, places[k], ts, !emphasised))
            continue;
        out.dx = places[k].x - d.x, out.dy = places[k].y - d.y, out.w = ts.x, out.h = ts.y;
        out.inside = inside && k == 0;
        return true;
    }
    return false;
}

// Labels are placed at a readable size (Graphviz's 14pt scaled by the zoom,
// clamped to [kLabelMinEm, kLabelMaxEm]) by placeAround. A name longer than
// kLabelMaxWidthEm is cut unless emphasised. The top-N nodes by the
// encoding's size measure (`top`) are labelled at any zoom, so the opening
// view is never a field of blanks: when there is no room for one, it is cut
// to half that width and tried again. False when there is no room.
bool fitLabel(AppState &app, const DrawnNode &d, bool emphasised, bool top, PlacedLabel &out) {
    const float zoom = static_cast<float>(app.camera.zoom);
    if (!emphasised && !top && kLabelPtSize * zoom < kLabelShowPx)
        return false;
    const LabelFont baked = labelFont(std::clamp(kLabelPtSize * zoom, kLabelMinEm, kLabelMaxEm));
    const std::string &text = app.scene.store->entity(app.scene.nodes[d.slot].entity).name;
    out.slot = d.slot;
    out.fontSize = baked.em;
    if (emphasised)
        return placeAround(app, d, cutToWidth(baked, text, FLT_MAX, out.shownBytes), true, out);
    for (float widthEm : {kLabelMaxWidthEm, kLabelMaxWidthEm / 2}) {
        if (placeAround(app, d, cutToWidth(baked, text, widthEm * baked.em, out.shownBytes), false, out))
            return true;
        if (!top)
            return false;
    }
    return false;
}

// Draws `l` with its top-left corner at `pos` and records it for the drawn nodes.
void drawLabel(AppState &app, ImDrawList *dl, const PlacedLabel &l, ImVec2 pos) {
    const SceneNode &n = app.scene.nodes[l.slot];
    const std::string &text = app.scene.store->entity(n.entity).name;
    const LabelFont baked = labelFont(l.fontSize);
    if (!l.inside)
        dl->AddRectFilled(ImVec2(pos.x - 2, pos.y), ImVec2(pos.x + l.w + 2, pos.y + l.h), 0xC8FFFFFFu, 2);
    const ImU32 ink = l.inside ? n.text : 0xFF202020u;
    if (l.shownBytes == 0) {
        dl->AddText(baked.font, baked.size, pos, ink, text.c_str(), text.c_str() + text.size());
    } else {
        const char *end = text.c_str() + l.shownBytes;
        dl->AddText(baked.font, baked.size, pos, ink, text.c_str(), end);
        const float at = baked.font->CalcTextSizeA(baked.size, FLT_MAX, 0, text.c_str(), end).x;
        dl->AddText(baked.font, baked.size, ImVec2(pos.x + at, pos.y), ink, kEllipsis);
    }
    LabelCache &lc = app.canvas.labelCache;
    lc.shownStamp[l.slot] = lc.frame;
    lc.shownAt[l.slot] = static_cast<std::uint32_t>(lc.shownRects.size() / 4);
    lc.shownRects.insert(lc.shownRects.end(), {pos.x, pos.y, pos.x + l.w, pos.y + l.h});
    ++app.canvas.labels;
}

// Greedy placement over the culled nodes, the most important first (the
// encoding's label rank), into app.canvas.labelCache for this view and camera.
void placeLabels(AppState &app) {
    CanvasScratch &c = app.canvas;
    LabelCache &lc = c.labelCache;
    clearCells(lc, c.size);
    lc.labels.clear();
    lc.order.clear();
    for (std::uint32_t i = 0; i < c.drawn.size(); ++i) {
        const SceneNode &n = app.scene.nodes[c.drawn[i].slot];
        if (n.labelRank < app.encoding.alwaysLabelled || c.drawn[i].h >= kFoldBelowPx)
            lc.order.push_back(i);
    }
    std::sort(lc.order.begin(), lc.order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return app.scene.nodes[c.drawn[a].slot].labelRank < app.scene.nodes[c.drawn[b].slot].labelRank;
    });
    PlacedLabel placed;
    for (std::uint32_t i : lc.order) {
        if (lc.labels.size() >= kMaxLabels)
            break;
        const DrawnNode &d = c.drawn[i];
        if (fitLabel(app, d, false, app.scene.nodes[d.slot].labelRank < app.encoding.alwaysLabelled, placed))
            lc.labels.push_back(placed);
    }
    lc.valid = true;
    lc.store = app.scene.store.get();
    lc.sceneVersion = app.scene.version;
    lc.centreX = app.camera.centreX, lc.centreY = app.camera.centreY, lc.zoom = app.camera.zoom;
    lc.origin = c.origin, lc.size = c.size;
    lc.fontSize = app.fontSize;
    lc.alwaysLabelled = app.encoding.alwaysLabelled;
    ++lc.placements;
}

// Whether this frame needs a new placement: the view changed, or the camera
// is somewhere new and either still (settled) or zoomed past the slack.
bool placementStale(const AppState &app) {
    const LabelCache &lc = app.canvas.labelCache;
    const Camera &cam = app.camera;
    if (!lc.valid || lc.store != app.scene.store.get() || lc.sceneVersion != app.scene.version ||
        lc.origin.x != app.canvas.origin.x || lc.origin.y != app.canvas.origin.y || lc.size.x != app.canvas.size.x ||
        lc.size.y != app.canvas.size.y || lc.fontSize != app.fontSize || lc.alwaysLabelled != app.encoding.alwaysLabelled)
        return true;
    if (cam.centreX == lc.centreX && cam.centreY == lc.centreY && cam.zoom == lc.zoom)
        return false;
    const bool moving = cam.centreX != lc.lastCentreX || cam.centreY != lc.lastCentreY || cam.zoom != lc.lastZoom;
    const double ratio = cam.zoom / lc.zoom;
    return !moving || ratio > LabelCache::kZoomSlack || ratio < 1 / LabelCache::kZoomSlack;
}

} // namespace

void drawLabels(AppState &app, const Emphasis &em, ImDrawList *dl, bool hoverActive) {
    CanvasScratch &c = app.canvas;
    LabelCache &lc = c.labelCache;
    c.labels = 0;
    if (placementStale(app))
        placeLabels(app);
    lc.lastCentreX = app.camera.centreX, lc.lastCentreY = app.camera.centreY, lc.lastZoom = app.camera.zoom;
    clearCells(lc, c.size);
    if (++lc.frame == 0) {
        std::fill(lc.shownStamp.begin(), lc.shownStamp.end(), 0);
        lc.frame = 1;
    }
    lc.shownStamp.resize(app.scene.nodes.size(), 0);
    lc.shownAt.resize(app.scene.nodes.size(), 0);
    lc.shownRects.clear();
    // The selection, the hovered node and a selected link's ends always show
    // their whole label; the path's nodes and the hovered neighbourhood show
    // theirs where there is room: forced, 41 neighbours' labels piled up
    // over each other and over the selection's ring.
    auto primary = [&](std::uint32_t slot) { return slot == em.selected || em.linkEnd(slot) || slot == em.hovered; };
    auto secondary = [&](std::uint32_t slot) {
        return em.onPath(slot) || (hoverActive && highlighted(app, slot));
    };
    PlacedLabel fresh;
    bool anyEmphasised = false;
    for (const DrawnNode &d : c.drawn)
        if (primary(d.slot)) {
            // The node and its ring stay clear of other labels.
            takeCells(lc, c.origin, ImVec2(d.x - d.w / 2 - 5, d.y - d.h / 2 - 5), ImVec2(d.w + 10, d.h + 10), false);
            anyEmphasised = true;
        }
    for (const DrawnNode &d : c.drawn)
        if (primary(d.slot) && fitLabel(app, d, true, true, fresh))
            drawLabel(app, dl, fresh, ImVec2(d.x + fresh.dx, d.y + fresh.dy));
    for (const DrawnNode &d : c.drawn)
        if (!primary(d.slot) && secondary(d.slot) && fitLabel(app, d, false, true, fresh)) {
            drawLabel(app, dl, fresh, ImVec2(d.x + fresh.dx, d.y + fresh.dy));
            anyEmphasised = true;
        }
    // The placed labels where the emphasised ones left room.
    const float x1 = c.origin.x + c.size.x, y1 = c.origin.y + c.size.y;
    for (const PlacedLabel &l : lc.labels) {
        const SceneNode &n = app.scene.nodes[l.slot];
        if (!n.visible || primary(l.slot) || lc.shownStamp[l.slot] == lc.frame)
            continue;
        const Vec2 at = app.camera.toScreen(n.x, n.y, c.origin, c.size);
        const ImVec2 pos(at.x + l.dx, at.y + l.dy);
        if (pos.x > x1 || pos.y > y1 || pos.x + l.w < c.origin.x || pos.y + l.h < c.origin.y)
            continue;
        if (anyEmphasised && !takeCells(lc, c.origin, pos, ImVec2(l.w, l.h), true))
            continue;
        drawLabel(app, dl, l, pos);
    }
    for (DrawnNode &d : c.drawn) {
        d.label = lc.shownStamp[d.slot] == lc.frame;
        if (!d.label)
            continue;
        const float *r = &lc.shownRects[static_cast<std::size_t>(lc.shownAt[d.slot]) * 4];
        d.labelX0 = r[0], d.labelY0 = r[1], d.labelX1 = r[2], d.labelY1 = r[3];
    }
}

} // namespace liaison::viewer::passes
