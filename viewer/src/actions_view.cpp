// The view, its layout, the selection and the camera.
#include "actions.hpp"

#include "liaison/errors.hpp"
#include "liaison/met_network.hpp"
#include "liaison/quick_layout.hpp"

#include <algorithm>

namespace liaison::viewer {

namespace {

// How long the view must stay unchanged before an automatic relayout.
constexpr auto kLayoutDebounce = std::chrono::milliseconds(250);
// How long the UI thread may spend placing a first picture of a view while
// Graphviz lays it out (quickLayout returns its placement when it is spent).
constexpr auto kPreviewBudget = std::chrono::milliseconds(150);

// A first picture while Graphviz works: a document's (or grouping's) first
// view is placed by quickLayout on the spot and drawn, so the canvas is not
// empty for the seconds sfdp takes; Graphviz's layout replaces it and is
// framed when it arrives. Not when places are known (they are the picture).
void showPreview(AppState &app, const std::shared_ptr<const GraphStore> &store, const View &view) {
    if (app.layoutEverFinished || !app.scene.empty() || view.entities.empty() || !app.places().empty())
        return;
    QuickLayoutOptions quick;
    quick.budget = kPreviewBudget;
    app.scene = buildScene(LayoutSnapshot{store, view, quickLayout(*store, view, quick)});
    updateVisibility(app.scene, *app.drawnStore, app.drawnView);
    app.encodingStale = true;
    app.fitPending = true;
}

// True when the scene, laid out from the drawn store, has a node for every
// entity of the drawn view: showing it is a matter of visibility, not of a layout.
bool sceneHolds(const AppState &app) {
    if (app.scene.store != app.drawnStore)
        return false;
    return std::all_of(app.drawnView.entities.begin(), app.drawnView.entities.end(),
                       [&](EntityIndex e) { return app.scene.slotOf(e) != Scene::kNoSlot; });
}

// In people-network mode: the people network of the filtered store (cached
// per document and filter setting), narrowed to the persons of app.view.
void computeDrawn(AppState &app) {
    if (app.grouping) {
        computeAggregate(app);
        return;
    }
    app.aggregate.reset();
    if (!app.peopleNetwork) {
        app.drawnStore = app.doc.store;
        app.drawnView = app.view;
        return;
    }
    if (app.peopleFor != app.doc.store.get() || app.peopleFilterGeneration != app.filterGeneration) {
        app.peopleStore = std::make_shared<const GraphStore>(
            metNetwork(*app.doc.store, toViewFilter(*app.doc.store, app.filters)));
        app.peopleFor = app.doc.store.get();
        app.peopleFilterGeneration = app.filterGeneration;
    }
    std::vector<EntityIndex> persons;
    for (EntityIndex e : app.view.entities)
        if (EntityIndex p = app.peopleStore->findById(app.doc.store->entity(e).id); p != kNoEntity)
            persons.push_back(p);
    app.drawnStore = app.peopleStore;
    app.drawnView = induced(*app.peopleStore, std::move(persons));
}

void recomputeView(AppState &app) {
    app.viewStale = false;
    app.view = computeView(*app.doc.store, app.doc.edits, app.filters);
    ++app.viewGeneration;
    computeDrawn(app);
    // Filters, hide/show, focus and undo only change what is visible; a
    // layout runs only for entities that have no place yet (and then pins
    // every placed one), so nothing on screen moves.
    bool changed = !app.layoutEverFinished || !sceneHolds(app);
    if (!app.scene.empty())
        updateVisibility(app.scene, *app.drawnStore, app.drawnView);
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
    app.encodingStale = true; // measures are computed on what is visible
    app.inspector.forStore = nullptr;
}

void markFiltersChanged(AppState &app) {
    ++app.filterGeneration;
    markViewStale(app);
}
void updateView(AppState &app) {
    if (app.doc.store && app.viewStale)
        recomputeView(app);
    if (app.encodingStale && !app.scene.empty()) {
        app.encodingStale = false;
        const bool groups = app.aggregate && app.scene.store &&
                            !app.scene.store->entitiesOfKind(kGroupKind).empty() && app.scene.store != app.doc.store;
        app.encoded = computeEncoding(app.scene, app.encoding, groups, app.peopleNetwork);
        applyEncoding(app.scene, app.encoded);
    }
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
    const View &view = app.drawnStore ? app.drawnView : app.view;
    const bool quick = !graphviz && view.entities.size() > kGraphvizAbove;
    auto seed = app.places().empty() ? nullptr : std::make_shared<const Positions>(app.places());
    app.layoutPlaces = app.placeSet();
    const std::shared_ptr<const GraphStore> store = app.drawnStore ? app.drawnStore : app.doc.store;
    if (!quick)
        showPreview(app, store, view);
    app.layouts.request(store, view, options, quick ? LayoutMethod::Quick : LayoutMethod::Graphviz, std::move(seed));
}

void setPeopleNetwork(AppState &app, bool on) {
    if (app.peopleNetwork == on)
        return;
    app.peopleNetwork = on;
    if (on)
        app.grouping.reset();
    app.layoutEverFinished = false; // a different picture: lay it out and frame it
    app.fitPending = true;
    markViewStale(app);
}

void requestFreshLayout(AppState &app) {
    std::erase_if(app.places().entities, [](const auto &entry) { return !entry.second.pinned; });
    app.fitPending = true;
    requestLayout(app, true); // the user asked for Graphviz, whatever the size
}

void rememberPlaces(AppState &app) {
    if (!app.scene.store)
        return;
    // The scene may still be the other mode's (a layout that finished after a
    // switch): the newest request says whose places it computed.
    Positions &places = app.places(app.layoutPlaces);
    for (const SceneNode &n : app.scene.nodes) {
        EntityPosition &p = places.entities[app.scene.store->entity(n.entity).id];
        p.x = n.x;
        p.y = -n.y; // the scene's world has y down, the file's positions y up
    }
}

void select(AppState &app, EntityIndex entity) {
    if (entity == kNoEntity || !app.doc.store) {
        app.selectedId.clear();
        return;
    }
    app.selectedId = app.doc.store->entity(entity).id;
    app.linkFrom.clear(), app.linkTo.clear();
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
        return; // still pending: a scene with nothing visible yet (a first picture of another view) is not framed
    app.fitPending = false;
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
