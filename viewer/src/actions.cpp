#include "actions.hpp"

#include "store_edits.hpp"

#include "liaison/errors.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <algorithm>
#include <filesystem>

namespace liaison::viewer {

namespace {

// How long the view must stay unchanged before an automatic relayout.
constexpr auto kLayoutDebounce = std::chrono::milliseconds(250);

std::vector<EntityIndex> neighbourIndices(const GraphStore &store, EntityIndex e) {
    std::vector<EntityIndex> out;
    for (RelationIndex r : store.outRelations(e))
        out.push_back(store.relationTarget(r));
    for (RelationIndex r : store.inRelations(e))
        out.push_back(store.relationSource(r));
    return out;
}

const std::string &nameOf(const AppState &app, const std::string &id) {
    EntityIndex e = app.doc.store->findById(id);
    return e == kNoEntity ? id : app.doc.store->entity(e).name;
}

} // namespace

EntityIndex selectedEntity(const AppState &app) {
    if (!app.doc.store || app.selectedId.empty())
        return kNoEntity;
    return app.doc.store->findById(app.selectedId);
}

void reportError(AppState &app, std::string message) { app.errors.push_back(std::move(message)); }

void openDocument(AppState &app, const std::string &path) {
    std::string p = path;
    if (!app.loading.start([p]() { return std::make_shared<GraphStore>(readLiaisonJsonFile(p)); })) {
        reportError(app, "A file is already being opened (" + app.loadingPath + ")");
        return;
    }
    app.loadingPath = path;
    app.status = "Opening " + path + " ...";
}

void adoptDocument(AppState &app, std::shared_ptr<GraphStore> store, std::string path) {
    app.layouts.cancel();
    app.doc = DocState{std::move(store), {}};
    app.history.clear();
    app.path = std::move(path);
    app.dirty = false;
    app.kinds = kindsPresent(*app.doc.store);
    app.relationKinds = relationKindsPresent(*app.doc.store);
    app.filters = {};
    ++app.filterGeneration;
    app.selectedId.clear();
    app.pathFinder = {};
    app.search.resultsFor = "\x01"; // recompute results for the new store
    app.inspector.forStore = nullptr;
    app.inspector.editing = false;
    app.scene = {};
    app.fitPending = true;
    app.fontsStale = true;
    app.layoutEverFinished = false;
    app.viewStale = true;
    app.status = "Opened " + app.path + ": " + std::to_string(app.doc.store->entityCount()) +
                 " entities, " + std::to_string(app.doc.store->relationCount()) + " relations";
}

void importFile(AppState &app, const std::string &path) {
    std::shared_ptr<const GraphStore> base = app.doc.store;
    auto work = [base, path]() {
        PluginHost host;
        host.discoverModules();
        ImportBatch batch = host.loadFile(path);
        AppState::Imported out;
        out.intoOpenDocument = base != nullptr;
        out.store = base ? std::make_shared<GraphStore>(*base) : std::make_shared<GraphStore>();
        ImportReport report = commitBatch(*out.store, batch); // throws ImportError; the copy is dropped
        out.summary = "Imported " + path + ": " + std::to_string(report.entitiesAdded) + " new entities, " +
                      std::to_string(report.entitiesMerged) + " merged, " + std::to_string(report.relationsAdded) +
                      " relations";
        if (!report.ambiguous.empty())
            out.summary += ", " + std::to_string(report.ambiguous.size()) + " ambiguous names (not merged)";
        return out;
    };
    if (!app.importing.start(work)) {
        reportError(app, "An import is already running (" + app.importingPath + ")");
        return;
    }
    app.importingPath = path;
    app.status = "Importing " + path + " ...";
}

bool saveDocument(AppState &app, const std::string &path) {
    if (!app.doc.store)
        return false;
    try {
        saveLiaisonJsonFile(*app.doc.store, path);
    } catch (const std::exception &e) {
        reportError(app, std::string("Could not save: ") + e.what());
        return false;
    }
    app.path = path;
    app.dirty = false;
    app.status = "Saved " + path;
    return true;
}

void exportView(AppState &app, const std::string &path, DiagramFormat format) {
    if (!app.doc.store)
        return;
    LayoutOptions options;
    options.engine = app.engine;
    options.title = app.path.empty() ? std::string("Liaison") : std::filesystem::path(app.path).stem().string();
    options.timeLimit = std::chrono::seconds(app.timeLimitSeconds);
    auto work = [store = app.doc.store, view = app.view, format, options, path]() {
        std::string bytes = renderDiagram(*store, view, format, options);
        writeFileAtomically(path, bytes);
        return path;
    };
    if (!app.exporting.start(work)) {
        reportError(app, "An export is already running");
        return;
    }
    app.status = "Exporting " + path + " ...";
}

void pollBackground(AppState &app) {
    if (auto loaded = app.loading.poll()) {
        if (loaded->value)
            adoptDocument(app, std::move(*loaded->value), app.loadingPath);
        else
            reportError(app, loaded->error);
    }
    if (auto imported = app.importing.poll()) {
        if (!imported->value) {
            reportError(app, "Import failed:\n" + imported->error);
        } else if (imported->value->intoOpenDocument) {
            changeStore(app, "import " + app.importingPath, std::move(imported->value->store));
            app.status = imported->value->summary;
        } else {
            adoptDocument(app, std::move(imported->value->store), std::string());
            app.status = imported->value->summary;
        }
    }
    if (!app.queuedImports.empty() && !app.loading.running() && !app.importing.running()) {
        std::string next = app.queuedImports.front();
        app.queuedImports.pop_front();
        importFile(app, next);
    }
    if (auto exported = app.exporting.poll()) {
        if (exported->value)
            app.status = "Exported " + *exported->value;
        else
            reportError(app, "Export failed: " + exported->error);
    }
    if (auto outcome = app.layouts.poll()) {
        if (!outcome->snapshot) {
            reportError(app, "Layout failed: " + outcome->error);
            return;
        }
        app.scene = buildScene(*outcome->snapshot);
        updateVisibility(app.scene, *app.doc.store, app.view);
        // Graphviz layouts are not incremental: every node may have moved, so
        // the old camera means nothing; frame the new picture.
        fitToView(app);
        app.layoutEverFinished = true;
        app.status = "Laid out " + std::to_string(app.scene.nodes.size()) + " nodes with " +
                     std::string(layoutEngineName(outcome->snapshot->result.engine));
    }
}

void changeEdits(AppState &app, std::string label, ViewEdits edits) {
    if (edits == app.doc.edits)
        return;
    app.history.apply(app.doc, std::move(label), DocState{app.doc.store, std::move(edits)});
    markViewStale(app);
}

void changeStore(AppState &app, std::string label, std::shared_ptr<const GraphStore> store) {
    app.history.apply(app.doc, std::move(label), DocState{std::move(store), app.doc.edits});
    app.dirty = true;
    app.kinds = kindsPresent(*app.doc.store);
    app.relationKinds = relationKindsPresent(*app.doc.store);
    app.fontsStale = true;
    markViewStale(app);
}

void undo(AppState &app) {
    std::string label = app.history.undoLabel();
    const GraphStore *before = app.doc.store.get();
    if (!app.history.undo(app.doc))
        return;
    if (app.doc.store.get() != before) {
        app.dirty = true;
        app.kinds = kindsPresent(*app.doc.store);
        app.relationKinds = relationKindsPresent(*app.doc.store);
    }
    app.status = "Undid " + label;
    markViewStale(app);
}

void redo(AppState &app) {
    std::string label = app.history.redoLabel();
    const GraphStore *before = app.doc.store.get();
    if (!app.history.redo(app.doc))
        return;
    if (app.doc.store.get() != before) {
        app.dirty = true;
        app.kinds = kindsPresent(*app.doc.store);
        app.relationKinds = relationKindsPresent(*app.doc.store);
    }
    app.status = "Redid " + label;
    markViewStale(app);
}

void hideEntity(AppState &app, const std::string &id) {
    ViewEdits edits = app.doc.edits;
    edits.hidden.insert(id);
    edits.expanded.erase(id);
    edits.pinned.erase(id);
    changeEdits(app, "hide " + nameOf(app, id), std::move(edits));
}

void hideNeighbours(AppState &app, const std::string &id) {
    EntityIndex e = app.doc.store->findById(id);
    if (e == kNoEntity)
        return;
    ViewEdits edits = app.doc.edits;
    edits.expanded.erase(id);
    for (EntityIndex n : neighbourIndices(*app.doc.store, e))
        if (n != e)
            edits.hidden.insert(app.doc.store->entity(n).id);
    changeEdits(app, "hide the neighbours of " + nameOf(app, id), std::move(edits));
}

void expandNeighbours(AppState &app, const std::string &id) {
    EntityIndex e = app.doc.store->findById(id);
    if (e == kNoEntity)
        return;
    ViewEdits edits = app.doc.edits;
    edits.expanded.insert(id);
    edits.hidden.erase(id);
    for (EntityIndex n : neighbourIndices(*app.doc.store, e))
        edits.hidden.erase(app.doc.store->entity(n).id);
    changeEdits(app, "expand " + nameOf(app, id), std::move(edits));
}

void focusOn(AppState &app, const std::string &id, int depth) {
    ViewEdits edits = app.doc.edits;
    edits.focus = Focus{id, std::max(depth, 0)};
    edits.hidden.erase(id);
    app.fitPending = true;
    changeEdits(app, "focus on " + nameOf(app, id) + " (depth " + std::to_string(depth) + ")", std::move(edits));
}

void clearFocus(AppState &app) {
    ViewEdits edits = app.doc.edits;
    edits.focus.reset();
    app.fitPending = true;
    changeEdits(app, "clear the focus", std::move(edits));
}

void togglePin(AppState &app, const std::string &id) {
    ViewEdits edits = app.doc.edits;
    bool pinned = edits.pinned.contains(id);
    if (pinned) {
        edits.pinned.erase(id);
    } else {
        edits.pinned.insert(id);
        edits.hidden.erase(id);
    }
    changeEdits(app, (pinned ? "unpin " : "pin ") + nameOf(app, id), std::move(edits));
}

void showAllHidden(AppState &app) {
    ViewEdits edits = app.doc.edits;
    edits.hidden.clear();
    changeEdits(app, "show hidden entities", std::move(edits));
}

void mergeEntityInto(AppState &app, const std::string &keepId, const std::string &goneId) {
    const GraphStore &store = *app.doc.store;
    EntityIndex keep = store.findById(keepId), gone = store.findById(goneId);
    if (keep == kNoEntity || gone == kNoEntity || keep == gone) {
        reportError(app, "Merge needs two different entities (" + keepId + ", " + goneId + ")");
        return;
    }
    try {
        std::string label = "merge " + store.entity(gone).name + " into " + store.entity(keep).name;
        MergeOutcome outcome = mergeEntities(store, keep, gone);
        changeStore(app, label, std::make_shared<const GraphStore>(std::move(outcome.store)));
        app.status = label;
        for (const std::string &m : outcome.messages)
            app.status += "; " + m;
    } catch (const std::exception &e) {
        reportError(app, std::string("Merge failed: ") + e.what());
    }
}

void applyEntityEdit(AppState &app, const Entity &edited) {
    EntityIndex target = app.doc.store->findById(edited.id);
    if (target == kNoEntity)
        return;
    try {
        GraphStore next = editEntity(*app.doc.store, target, edited);
        changeStore(app, "edit " + edited.name, std::make_shared<const GraphStore>(std::move(next)));
    } catch (const std::exception &e) {
        reportError(app, std::string("Edit failed: ") + e.what());
    }
}

void markViewStale(AppState &app) {
    app.viewStale = true;
    app.inspector.forStore = nullptr;
}

void markFiltersChanged(AppState &app) {
    ++app.filterGeneration;
    markViewStale(app);
}

namespace {

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

void updateView(AppState &app) {
    if (app.doc.store && app.viewStale)
        recomputeView(app);
    if (app.layoutPending && std::chrono::steady_clock::now() >= app.layoutDueAt)
        requestLayout(app);
}

void requestLayout(AppState &app) {
    app.layoutPending = false;
    if (!app.doc.store)
        return;
    LayoutOptions options;
    options.engine = app.engine;
    options.legend = false;
    options.timeLimit = std::chrono::seconds(app.timeLimitSeconds);
    app.layouts.request(app.doc.store, app.view, options);
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
