// The aggregated view: groups of the view as nodes (core's groupView and
// aggregateGraph), expanded on demand, links drilled into.
#include "actions.hpp"
#include "group_inspector.hpp"

#include "liaison/close_matches.hpp"
#include "liaison/errors.hpp"
#include "liaison/normalize.hpp"

#include <algorithm>

namespace liaison::viewer {

namespace {

std::string groupWord(GroupBy by, std::size_t n) {
    switch (by) {
    case GroupBy::Country: return n == 1 ? "country" : "countries";
    case GroupBy::Organisation: return n == 1 ? "organisation" : "organisations";
    case GroupBy::Community: return n == 1 ? "community" : "communities";
    }
    return "groups";
}

const EntityGroup *groupWithId(const AppState &app, std::string_view id) {
    if (!app.groups)
        return nullptr;
    for (const EntityGroup &g : app.groups->groups)
        if (g.id == id)
            return &g;
    return nullptr;
}

void changeExpanded(AppState &app, const std::string &groupId, bool expand) {
    const EntityGroup *group = groupWithId(app, groupId);
    if (!group)
        return;
    ViewEdits edits = app.doc.edits;
    if (expand)
        edits.expandedGroups.insert(groupId);
    else
        edits.expandedGroups.erase(groupId);
    changeEdits(app, (expand ? "expand " : "collapse ") + group->name, std::move(edits));
}

} // namespace

std::optional<GroupBy> openingGrouping(const GraphStore &store) {
    if (store.entityCount() <= kAggregateAbove)
        return std::nullopt;
    if (!store.entitiesOfKind("country").empty())
        return GroupBy::Country;
    if (!store.entitiesOfKind("organisation").empty())
        return GroupBy::Organisation;
    return GroupBy::Community;
}

void setGrouping(AppState &app, std::optional<GroupBy> by) {
    if (app.grouping == by)
        return;
    app.grouping = by;
    if (by)
        app.peopleNetwork = false;
    app.linkFrom.clear(), app.linkTo.clear();
    // Places of one grouping mean nothing in another.
    app.placedGroups = {};
    app.layoutEverFinished = false; // a different picture: lay it out and frame it
    app.fitPending = true;
    // Groups are sized by their members; the entities by the user's choice.
    app.encodingStale = true;
    markViewStale(app);
}

void expandGroup(AppState &app, const std::string &groupId) { changeExpanded(app, groupId, true); }
void collapseGroup(AppState &app, const std::string &groupId) { changeExpanded(app, groupId, false); }

void selectLink(AppState &app, const std::string &fromId, const std::string &toId) {
    app.linkFrom = std::min(fromId, toId);
    app.linkTo = std::max(fromId, toId);
    app.selectedId.clear();
    app.inspector.forStore = nullptr;
}

std::string resolveGroup(const AppState &app, const std::string &text) {
    if (!app.groups)
        throw LookupError("no groups are shown (the view is not aggregated)");
    std::vector<std::string> names;
    const std::string wanted = foldText(text);
    for (const EntityGroup &g : app.groups->groups) {
        if (g.id == text || foldText(g.name) == wanted ||
            (g.anchor != kNoEntity && app.doc.store->entity(g.anchor).id == text))
            return g.id;
        names.push_back(g.name);
    }
    std::string hint = didYouMean(closeMatches(text, names));
    throw LookupError("no group named '" + text + "'" + (hint.empty() ? "" : "; " + hint));
}

EntityIndex selectedGroupNode(const AppState &app) {
    if (!app.aggregate || app.selectedId.empty())
        return kNoEntity;
    EntityIndex e = app.aggregate->store.findById(app.selectedId);
    if (e == kNoEntity || app.aggregate->groupOfNode[e] == kNoGroup)
        return kNoEntity;
    return e;
}

std::optional<RelationIndex> selectedLink(const AppState &app) {
    if (!app.aggregate || app.linkFrom.empty())
        return std::nullopt;
    const GraphStore &store = app.aggregate->store;
    EntityIndex from = store.findById(app.linkFrom), to = store.findById(app.linkTo);
    if (from == kNoEntity || to == kNoEntity)
        return std::nullopt;
    for (RelationIndex r : store.outRelations(from))
        if (store.relationTarget(r) == to && store.relation(r).kind == kRolledUpRelation)
            return r;
    for (RelationIndex r : store.inRelations(from))
        if (store.relationSource(r) == to && store.relation(r).kind == kRolledUpRelation)
            return r;
    return std::nullopt;
}

void computeAggregate(AppState &app) {
    const GraphStore &store = *app.doc.store;
    if (!app.groups || app.groupsFor != &store || app.groupsViewGeneration != app.viewGeneration ||
        app.groups->by != *app.grouping) {
        app.groups = std::make_shared<const Grouping>(groupView(store, app.view, *app.grouping));
        app.groupsFor = &store;
        app.groupsViewGeneration = app.viewGeneration;
    }
    app.aggregate = std::make_shared<const AggregateGraph>(
        aggregateGraph(store, app.view, *app.groups, app.doc.edits.expandedGroups));
    // The drawn store shares the aggregate's lifetime.
    app.drawnStore = std::shared_ptr<const GraphStore>(app.aggregate, &app.aggregate->store);
    app.drawnView = wholeGraph(app.aggregate->store);
}

std::vector<InspectorLine> aggregateInspector(const AppState &app) {
    if (std::optional<RelationIndex> link = selectedLink(app))
        return buildLinkInspector(*app.doc.store, *app.aggregate, *link);
    if (EntityIndex node = selectedGroupNode(app); node != kNoEntity)
        return buildGroupInspector(*app.doc.store, *app.groups, *app.aggregate, node);
    return {};
}

std::string levelText(const AppState &app) {
    if (!app.grouping || !app.groups)
        return app.peopleNetwork ? "people network" : "entities";
    std::size_t groups = 0, open = 0;
    bool none = false;
    for (const EntityGroup &g : app.groups->groups) {
        if (g.id == "group:none") {
            none = true;
            continue;
        }
        ++groups;
        open += app.doc.edits.expandedGroups.contains(g.id);
    }
    std::string text = "grouped by " + std::string(groupByName(*app.grouping)) + ": " + std::to_string(groups) + " " +
                       groupWord(*app.grouping, groups);
    if (none)
        text += " + " + app.groups->groups.back().name;
    text += " over " + std::to_string(app.view.entities.size()) + " entities";
    if (open > 0)
        text += ", " + std::to_string(open) + " expanded";
    return text;
}

} // namespace liaison::viewer
