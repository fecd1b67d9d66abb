#include "canvas_links.hpp"

#include "actions.hpp"
#include "picking.hpp"

#include <cmath>

namespace liaison::viewer::passes {

namespace {

constexpr float kPickPixels = 5;
constexpr std::uint32_t kSelectedLinkColour = 0xE01E90FFu; // the selection's orange, ImGui ABGR

bool aggregateScene(const AppState &app) {
    return app.aggregate && app.scene.store.get() == &app.aggregate->store;
}

} // namespace

RelationIndex linkUnderMouse(const AppState &app, const Frame &f, ImVec2 mouse) {
    // Rolled-up links of the aggregated view, who-met-whom links of the people network.
    const bool people = peopleScene(app);
    if (!aggregateScene(app) && !people)
        return kNoLink;
    const std::string_view pickable = people ? std::string_view("met") : std::string_view(kRolledUpRelation);
    double wx = 0, wy = 0;
    f.camera->toWorld({mouse.x, mouse.y}, f.origin, f.size, wx, wy);
    const std::uint32_t slot = pickEdge(app.scene, wx, wy, f.camera->zoom, kPickPixels, [&](const SceneEdge &e) {
        return app.scene.store->relation(e.relation).kind == pickable;
    });
    return slot == Scene::kNoSlot ? kNoLink : app.scene.edges[slot].relation;
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
