#include "canvas_links.hpp"

#include "actions.hpp"

#include <cmath>

namespace liaison::viewer::passes {

namespace {

constexpr float kPickPixels = 5;
constexpr std::uint32_t kSelectedLinkColour = 0xE01E90FFu; // the selection's orange, ImGui ABGR

bool aggregateScene(const AppState &app) {
    return app.aggregate && app.scene.store.get() == &app.aggregate->store;
}

float distanceToSegment(ImVec2 p, Vec2 a, Vec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length2 = dx * dx + dy * dy;
    float t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
    t = std::clamp(t, 0.f, 1.f);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

} // namespace

RelationIndex linkUnderMouse(const AppState &app, const Frame &f, ImVec2 mouse) {
    // Rolled-up links of the aggregated view, who-met-whom links of the people network.
    const bool people = peopleScene(app);
    if (!aggregateScene(app) && !people)
        return kNoLink;
    const std::string_view pickable = people ? std::string_view("met") : std::string_view(kRolledUpRelation);
    RelationIndex best = kNoLink;
    float bestDistance = kPickPixels;
    for (const SceneEdge &e : app.scene.edges) {
        if (!e.visible || !app.scene.nodes[e.from].visible || !app.scene.nodes[e.to].visible ||
            app.scene.store->relation(e.relation).kind != pickable)
            continue;
        const SceneNode &a = app.scene.nodes[e.from], &b = app.scene.nodes[e.to];
        const float d = distanceToSegment(mouse, f.toScreen(a.x, a.y), f.toScreen(b.x, b.y));
        if (d < bestDistance) {
            bestDistance = d;
            best = e.relation;
        }
    }
    return best;
}

std::string linkTooltip(const AppState &app, RelationIndex link) {
    if (peopleScene(app))
        return metLinkTooltip(app, link);
    const GraphStore &store = *app.scene.store;
    const Relation &r = store.relation(link);
    const std::string *weight = r.attribute("weight"), *kinds = r.attribute("kinds");
    return store.entity(store.relationSource(link)).name + " — " + store.entity(store.relationTarget(link)).name +
           "\n" + (weight ? *weight : "0") + " relations beneath (" + (kinds ? *kinds : "") + ")\nclick to list them";
}

void drawSelectedLink(const AppState &app, const Frame &f, ImDrawList *dl) {
    if (app.linkFrom.empty())
        return;
    std::optional<RelationIndex> link =
        aggregateScene(app) ? selectedLink(app) : peopleScene(app) ? selectedMetLink(app) : std::nullopt;
    if (!link)
        return;
    const GraphStore &store = *app.scene.store;
    const std::uint32_t a = app.scene.slotOf(store.relationSource(*link)), b = app.scene.slotOf(store.relationTarget(*link));
    if (a == Scene::kNoSlot || b == Scene::kNoSlot)
        return;
    const Vec2 pa = f.toScreen(app.scene.nodes[a].x, app.scene.nodes[a].y);
    const Vec2 pb = f.toScreen(app.scene.nodes[b].x, app.scene.nodes[b].y);
    dl->AddLine(ImVec2(pa.x, pa.y), ImVec2(pb.x, pb.y), kSelectedLinkColour, 4.f);
}

} // namespace liaison::viewer::passes
