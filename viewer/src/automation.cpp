#include "automation.hpp"

#include "actions.hpp"

#include "liaison/errors.hpp"
#include "liaison/filter_spec.hpp"
#include "liaison/json_io.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>

namespace liaison::viewer {

void applyStartupOptions(AppState &app, const ViewerOptions &options) {
    const GraphStore &store = *app.doc.store;
    // The command line's filters, through core's one parser: a typo is an
    // error with candidates, as in the CLI.
    FilterState filters = fromViewFilter(store, resolveFilter(store, options.filters));
    for (const std::string &k : options.hideKinds)
        filters.hiddenKinds.insert(resolveKind(store, k, "--hide-kind"));
    if (!(filters == app.filters)) {
        app.filters = std::move(filters);
        markFiltersChanged(app);
    }
    if (!options.sizeBy.empty())
        app.encoding.size = parseSizeBy(options.sizeBy);
    if (!options.colourBy.empty())
        app.encoding.colour = parseColourBy(options.colourBy);
    app.encodingStale = true;
    setPeopleNetwork(app, options.people);
    if (options.groupBy)
        setGrouping(app, *options.groupBy == "none" ? std::nullopt : std::optional(parseGroupBy(*options.groupBy)));
    if (!options.changesSince.empty())
        showChangesSince(app, options.changesSince);
    if (!options.focus.empty()) {
        EntityIndex e = resolveOne(store, options.focus);
        focusOn(app, store.entity(e).id, options.depth);
    }
    if (!options.select.empty())
        select(app, resolveOne(store, options.select));
    if (!options.search.empty())
        app.search.text = options.search;
}

bool applyGroupOptions(AppState &app, const ViewerOptions &options) {
    if (options.expandGroups.empty() && options.selectLink.empty())
        return false;
    for (const std::string &text : options.expandGroups)
        expandGroup(app, resolveGroup(app, text));
    if (options.selectLink.empty())
        return true;
    std::vector<std::string> ends = splitList(options.selectLink);
    if (ends.size() != 2)
        throw UserError("--select-link expects two groups, A,B (or two persons with --people)");
    if (app.peopleNetwork && !app.grouping) {
        selectMetLink(app, ends[0], ends[1]);
        return true;
    }
    // An end is a group, or a member of an expanded group (its id).
    auto endId = [&](const std::string &text) {
        if (app.aggregate && app.aggregate->store.findById(text) != kNoEntity)
            return text;
        return resolveGroup(app, text);
    };
    const std::string a = endId(ends[0]), b = endId(ends[1]);
    updateView(app); // the expansions above change the drawn graph
    selectLink(app, a, b);
    if (!selectedLink(app))
        throw UserError("--select-link: no link between " + a + " and " + b);
    return true;
}

bool settled(const AppState &app) {
    return app.doc.store && !app.loading.running() && !app.importing.running() && app.queuedImports.empty() &&
           !app.fontsStale && !app.viewStale &&
           !app.layoutPending && !app.layouts.running() && app.layoutEverFinished &&
           app.scene.store == app.drawnStore;
}

void dumpPositions(const AppState &app, const std::string &path, int width, int height) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("width"), w.Int(width);
    w.Key("height"), w.Int(height);
    w.Key("canvas");
    w.StartArray();
    for (float v : {app.canvas.origin.x, app.canvas.origin.y, app.canvas.size.x, app.canvas.size.y})
        w.Double(v);
    w.EndArray();
    w.Key("zoom"), w.Double(app.camera.zoom);
    w.Key("level"), w.String(levelText(app).c_str()); // what the status bar says is shown
    // World = (screen - canvas centre) / zoom + camera centre; world y is
    // the file's positions' y negated.
    w.Key("camera");
    w.StartArray();
    w.Double(app.camera.centreX);
    w.Double(app.camera.centreY);
    w.EndArray();
    w.Key("nodes");
    w.StartArray();
    for (const DrawnNode &d : app.canvas.drawn) {
        const SceneNode &n = app.scene.nodes[d.slot];
        const Entity &e = app.scene.store->entity(n.entity);
        char fill[8];
        std::snprintf(fill, sizeof fill, "#%02x%02x%02x", n.fill & 0xFF, (n.fill >> 8) & 0xFF, (n.fill >> 16) & 0xFF);
        w.StartObject();
        w.Key("id"), w.String(e.id.c_str());
        w.Key("kind"), w.String(e.kind.c_str());
        w.Key("name"), w.String(e.name.c_str());
        w.Key("fill"), w.String(fill);
        w.Key("x"), w.Double(d.x);
        w.Key("y"), w.Double(d.y);
        w.Key("w"), w.Double(d.w);
        w.Key("h"), w.Double(d.h);
        w.Key("rank"), w.Uint(n.labelRank); // 0 = labelled first (the size measure's order)
        w.Key("label");
        if (d.label) {
            w.StartArray();
            for (float v : {d.labelX0, d.labelY0, d.labelX1, d.labelY1})
                w.Double(v);
            w.EndArray();
        } else {
            w.Null();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    writeFileAtomically(path, std::string_view(buffer.GetString(), buffer.GetSize()));
}

void dumpInspector(const AppState &app, const std::string &path) {
    EntityIndex e = selectedEntity(app);
    std::string text = inspectorText(aggregateInspector(app));
    if (text.empty())
        text = inspectorText(metLinkInspector(app));
    if (text.empty() && e != kNoEntity)
        text = inspectorText(buildInspector(*app.doc.store, e, toViewFilter(*app.doc.store, app.filters)));
    writeFileAtomically(path, text);
}

} // namespace liaison::viewer
