// Documents: open, import, save, export, and picking up background work.
#include "actions.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/errors.hpp"
#include "liaison/graph_diff.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <cstdio>
#include <filesystem>

namespace liaison::viewer {

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
    app.placed = {};
    app.placedPeople = {};
    app.placedGroups = {};
    app.groups.reset();
    app.aggregate.reset();
    app.linkFrom.clear(), app.linkTo.clear();
    // Large graphs open aggregated, so something is on screen within seconds.
    app.grouping = openingGrouping(*app.doc.store);
    if (app.grouping)
        app.peopleNetwork = false;
    try {
        app.placed = readPositions(*app.doc.store);
    } catch (const UserError &e) {
        reportError(app, std::string(e.what()) + "\nThe graph is laid out afresh; saving replaces the section.");
    }
    app.fitPending = true;
    app.fontsStale = true;
    app.layoutEverFinished = false;
    app.viewStale = true;
    app.status = "Opened " + app.path + ": " + std::to_string(app.doc.store->entityCount()) +
                 " entities, " + std::to_string(app.doc.store->relationCount()) + " relations";
}

void importFile(AppState &app, const std::string &path) {
    std::shared_ptr<const GraphStore> base = app.doc.store;
    auto progress = std::make_shared<AppState::ImportProgress>();
    auto work = [base, path, progress]() {
        PluginHost host;
        host.discoverModules();
        LoadOptions load;
        load.progress = [progress](std::uint64_t done, std::uint64_t total) {
            progress->done = done;
            progress->total = total;
        };
        load.cancel = &progress->cancel;
        ImportBatch batch = host.loadFile(path, {}, load);
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
    app.importProgress = std::move(progress);
    app.status = "Importing " + path + " ...";
}

bool saveDocument(AppState &app, const std::string &path) {
    if (!app.doc.store)
        return false;
    try {
        // Where everything was drawn travels with the graph (positions section).
        GraphStore withPlaces = *app.doc.store;
        storePositions(withPlaces, app.placed);
        saveLiaisonJsonFile(withPlaces, path);
    } catch (const std::exception &e) {
        reportError(app, std::string("Could not save: ") + e.what());
        return false;
    }
    app.path = path;
    app.dirty = false;
    app.status = "Saved " + path;
    return true;
}

namespace {

std::string hexColour(std::uint32_t abgr) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", abgr & 0xFF, (abgr >> 8) & 0xFF, (abgr >> 16) & 0xFF);
    return text;
}

// The encodings on screen, for the export: each drawn node's fill and size
// (points), the legend's colours and notes, weighted links as wide as drawn.
DiagramEncoding onScreenEncoding(const AppState &app) {
    DiagramEncoding out;
    if (app.scene.store != app.drawnStore)
        return out; // a layout is pending: what is drawn is not what is exported
    for (const SceneNode &n : app.scene.nodes)
        if (n.visible)
            out.nodes[app.scene.store->entity(n.entity).id] = {hexColour(n.fill), n.w, n.h};
    if (app.grouping || app.encoding.colour != ColourBy::Kind) {
        out.colourBy = app.grouping ? "group" : colourByName(app.encoding.colour);
        for (const LegendSwatch &swatch : app.encoded.colours)
            out.colours.emplace_back(hexColour(swatch.colour), swatch.label);
    }
    for (const std::string *note : {&app.encoded.sizeMeaning, &app.encoded.widthMeaning})
        if (!note->empty())
            out.notes.push_back(*note);
    out.weightedEdges = !app.encoded.widthMeaning.empty();
    return out;
}

} // namespace

std::string exportTitle(const AppState &app) {
    const GraphStore &store = *app.doc.store;
    std::vector<std::string> parts;
    if (app.grouping)
        parts.push_back("Grouped by " + std::string(groupByName(*app.grouping)));
    if (const auto &focus = app.doc.edits.focus) {
        EntityIndex centre = store.findById(focus->id);
        const std::string name = centre == kNoEntity ? focus->id : store.entity(centre).name;
        parts.push_back((app.peopleNetwork ? "People " + name + " met" : "Ego network of " + name) + " (" +
                        std::to_string(focus->depth) + (focus->depth == 1 ? " hop)" : " hops)"));
    } else if (app.peopleNetwork) {
        parts.push_back("Who met whom");
    }
    auto listed = [&](const std::string &label, const auto &values, auto name) {
        if (values.empty())
            return;
        std::string text = label + ": ";
        std::size_t i = 0;
        for (const std::string &v : values)
            text += (i++ ? ", " : "") + name(v);
        parts.push_back(text);
    };
    auto same = [](const std::string &v) { return v; };
    listed("without", app.filters.hiddenKinds, same);
    listed("relations without", app.filters.hiddenRelationKinds, same);
    listed("countries", app.filters.countries, [&](const std::string &id) {
        EntityIndex e = store.findById(id);
        return e == kNoEntity ? id : store.entity(e).name;
    });
    listed("sources without", app.filters.hiddenSources, same);
    const ViewFilter filter = toViewFilter(store, app.filters);
    if (filter.from || filter.to)
        parts.push_back(filter.from && filter.to ? *filter.from + " to " + *filter.to
                        : filter.from           ? "from " + *filter.from
                                                : "until " + *filter.to);
    if (parts.empty()) {
        if (!store.sources().empty() && !store.sources()[0].title.empty())
            return store.sources()[0].title;
        return app.path.empty() ? std::string("Liaison") : std::filesystem::path(app.path).stem().string();
    }
    std::string text;
    for (const std::string &part : parts)
        text += (text.empty() ? "" : " \xC2\xB7 ") + part;
    return text;
}

void exportView(AppState &app, const std::string &path, DiagramFormat format) {
    if (!app.doc.store || !app.drawnStore)
        return;
    LayoutOptions options;
    options.engine = app.engine;
    options.title = exportTitle(app);
    options.timeLimit = std::chrono::seconds(app.timeLimitSeconds);
    if (EntityIndex selected = app.drawnStore->findById(app.selectedId); !app.selectedId.empty() && selected != kNoEntity)
        options.highlight.push_back(selected);
    // The file shows what is on screen: every entity at its drawn place.
    auto seed = std::make_shared<const Positions>(app.places());
    auto encoding = std::make_shared<const DiagramEncoding>(onScreenEncoding(app));
    auto work = [store = app.drawnStore, view = app.drawnView, format, options, path, seed, encoding]() mutable {
        options.seed = seed->empty() ? nullptr : seed.get();
        options.encoding = encoding.get();
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

void showChangesSince(AppState &app, const std::string &path) {
    if (!app.doc.store)
        return;
    try {
        GraphDiff diff = diffGraphs(readLiaisonJsonFile(path), *app.doc.store);
        app.changedIds.clear();
        app.changedIds.insert(diff.entitiesAdded.begin(), diff.entitiesAdded.end());
        for (const ChangedItem &item : diff.entitiesChanged)
            app.changedIds.insert(item.key);
        for (const MergedEntity &merged : diff.entitiesMerged)
            app.changedIds.insert(merged.into);
        app.changesSincePath = path;
        app.changesSummary = "since " + path + ": " + std::to_string(diff.entitiesAdded.size()) + " entities added, " +
                             std::to_string(diff.entitiesChanged.size()) + " changed, " +
                             std::to_string(diff.entitiesMerged.size()) + " merged, " +
                             std::to_string(diff.entitiesRemoved.size()) + " removed; " +
                             std::to_string(diff.relationsAdded.size()) + " relations added, " +
                             std::to_string(diff.relationsChanged.size()) + " changed, " +
                             std::to_string(diff.relationsRemoved.size()) + " removed";
        app.status = "Changes " + app.changesSummary;
    } catch (const std::exception &e) {
        reportError(app, std::string("Could not compare: ") + e.what());
    }
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
        updateVisibility(app.scene, *app.drawnStore, app.drawnView);
        rememberPlaces(app);
        app.encodingStale = true;
        // Placed entities kept their places, so the camera stays; a first or
        // fresh layout is framed. A layout of what was drawn before a switch
        // (the graph's, finishing after --people) is shown but counts as
        // no first layout: the new picture is framed when its own arrives.
        if (!app.layoutEverFinished)
            app.fitPending = true;
        if (app.layoutPlaces == app.placeSet())
            app.layoutEverFinished = true;
        app.status = layoutStatus(outcome->snapshot->result, app.scene.nodes.size(), app.engine);
    }
}

} // namespace liaison::viewer
