// The view, its layout, the selection and the camera.
#include "actions.hpp"

#include "liaison/errors.hpp"

#include <algorithm>

namespace liaison::viewer {

namespace {

// How long the view must stay unchanged before an automatic relayout.
constexpr auto kLayoutDebounce = std::chrono::milliseconds(250);

void recomputeView(AppState &app) {
    app.viewStale = false;
    View next = computeView(*app.doc.store, app.doc.edits, app.filters);
    bool changed = next.entities != app.view.entities || next.relations != app.view.relations ||
                   app.scene.store != app.doc.store || !app.layoutEverFinished;
    app.view = std::move(next);
    if (!app.scene.empty())
        updateVisibility(app.scene, *app.doc.store, app.view);
    if (!changed || !app.autoLayout)
        return;
    app.layoutPending = true;
    // The first layout of a document starts at once; later ones wait for the
    // user to stop clicking filters.
    app.layoutDueAt = std::chrono::steady_clock::now() + (app.layoutEverFinished ? kLayoutDebounce
                                                                                 : std::chrono::milliseconds(0));
}

} // namespace

void markViewStale(AppState &app) {
    app.viewStale = true;
    app.inspector.forStore = nullptr;
}

void markFiltersChanged(AppState &app) {
    ++app.filterGeneration;
    markViewStale(app);
}
void updateView(AppState &app) {
    if (app.doc.store && app.viewStale)
        recomputeView(app);
    if (app.layoutPending && std::chrono::steady_clock::now() >= app.layoutDueAt)
        requestLayout(app);
}

void requestLayout(AppState &app, bool graphviz) {
    app.layoutPending = false;
    if (!app.doc.store)
        return;
    LayoutOptions options;
    options.engine = app.engine;
    options.legend = false;
    options.timeLimit = std::chrono::seconds(app.timeLimitSeconds);
    const bool quick = !graphviz && app.view.entities.size() > kGraphvizAbove;
    app.layouts.request(app.doc.store, app.view, options, quick ? LayoutMethod::Quick : LayoutMethod::Graphviz);
}

void select(AppState &app, EntityIndex entity) {
    if (entity == kNoEntity || !app.doc.store) {
        app.selectedId.clear();
        return;
    }
    app.selectedId = app.doc.store->entity(entity).id;
    app.inspector.editing = false;
}

void centreOn(AppState &app, EntityIndex entity) {
    if (entity == kNoEntity || !app.scene.store)
        return;
    EntityIndex inScene = app.scene.store.get() == app.doc.store.get()
                              ? entity
                              : app.scene.store->findById(app.doc.store->entity(entity).id);
    std::uint32_t slot = app.scene.slotOf(inScene);
    if (slot == Scene::kNoSlot)
        return;
    app.camera.centreX = app.scene.nodes[slot].x;
    app.camera.centreY = app.scene.nodes[slot].y;
    app.camera.zoom = std::max(app.camera.zoom, 0.8);
}

void fitToView(AppState &app) {
    app.fitPending = false;
    bool any = false;
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    for (const SceneNode &n : app.scene.nodes) {
        if (!n.visible)
            continue;
        float x0 = n.x - n.w / 2, x1 = n.x + n.w / 2, y0 = n.y - n.h / 2, y1 = n.y + n.h / 2;
        if (!any) {
            minX = x0, maxX = x1, minY = y0, maxY = y1;
            any = true;
        }
        minX = std::min(minX, x0), maxX = std::max(maxX, x1);
        minY = std::min(minY, y0), maxY = std::max(maxY, y1);
    }
    if (!any)
        return;
    Vec2 size = app.canvas.size;
    if (size.x <= 0 || size.y <= 0)
        size = {800, 600};
    fitBox(app.camera, minX, minY, maxX, maxY, size);
}

EntityIndex resolveOne(const GraphStore &store, const std::string &text) {
    std::vector<EntityIndex> candidates = store.resolve(text);
    if (candidates.size() == 1)
        return candidates.front();
    if (candidates.empty())
        throw LookupError("no entity named '" + text + "'");
    std::string list;
    for (EntityIndex e : candidates)
        list += (list.empty() ? "" : ", ") + store.entity(e).id;
    throw LookupError("'" + text + "' names several entities: " + list);
}

} // namespace liaison::viewer
