// What a user can do, as functions over AppState; the panels, the keyboard
// shortcuts and the automation options all go through these. UI thread only.
#pragma once

#include "app_state.hpp"

#include <string>

namespace liaison::viewer {

// --- documents -------------------------------------------------------------
// Starts reading a Liaison JSON file in the background. The open document is
// kept until the new one has loaded; a failure is reported as an error dialog.
void openDocument(AppState &app, const std::string &path);
// Makes `store` the open document (clears undo history, filters and selection).
void adoptDocument(AppState &app, std::shared_ptr<GraphStore> store, std::string path);
// Starts importing any file through the loader plugins (core's PluginHost:
// built-ins plus modules on the plugin path) in the background. The batch is
// committed all or nothing into a copy of the open document (an undoable
// change), or becomes a new document when none is open. Errors (each with
// file:line:col) go to the error dialog; the open document is unchanged.
void importFile(AppState &app, const std::string &path);
// Saves atomically through core; errors go to the error dialog. True on success.
bool saveDocument(AppState &app, const std::string &path);
// Starts exporting the current view (core renderDiagram) in the background:
// the on-screen places, filters and encodings (fills, sizes, link widths and
// their legend), titled by exportTitle.
void exportView(AppState &app, const std::string &path, DiagramFormat format);
// "Who met whom · without: topic · 2017-09-01 to 2017-09-30": the mode,
// focus, filters and date window; the report's title (else the file's name)
// for the whole graph.
std::string exportTitle(const AppState &app);
// Picks up finished background work (loads, exports, layouts).
void pollBackground(AppState &app);
void reportError(AppState &app, std::string message);

// Compares the open document with an older version of it (a Liaison JSON
// file): entities added or changed since are ringed; errors go to the dialog.
void showChangesSince(AppState &app, const std::string &path);

// --- undoable changes ------------------------------------------------------
void changeEdits(AppState &app, std::string label, ViewEdits edits);
void changeStore(AppState &app, std::string label, std::shared_ptr<const GraphStore> store);
void undo(AppState &app);
void redo(AppState &app);

void hideEntity(AppState &app, const std::string &id);
void hideNeighbours(AppState &app, const std::string &id);
void expandNeighbours(AppState &app, const std::string &id);
void focusOn(AppState &app, const std::string &id, int depth);
void clearFocus(AppState &app);
void togglePin(AppState &app, const std::string &id);
void showAllHidden(AppState &app);
// Merges `goneId` into `keepId` with core's mergeEntities (the CLI's merge:
// redirect and judgement recorded, `reason` kept); attribute conflicts are
// shown as status. Undo restores the store before the merge.
void mergeEntityInto(AppState &app, const std::string &keepId, const std::string &goneId,
                     const std::string &reason = {});
// Records that two entities are different (core's judge): no later import
// or candidate list pairs them again.
void judgeDifferent(AppState &app, const std::string &aId, const std::string &bId);
void applyEntityEdit(AppState &app, const Entity &edited);

// --- view and layout -------------------------------------------------------
void markViewStale(AppState &app);
void markFiltersChanged(AppState &app);
// Recomputes the view when stale and schedules a layout when it changed.
void updateView(AppState &app);
// Starts a layout of the current view now: entities with a place keep it
// (pinned), the others are placed near their neighbours.
// Views of more than kGraphvizAbove entities are placed by quickLayout at once
// (Graphviz takes minutes there) unless `graphviz` says the user asked for it.
inline constexpr std::size_t kGraphvizAbove = 2500;
void requestLayout(AppState &app, bool graphviz = false);
// Forgets every place except the pinned ones and lays the view out afresh
// with Graphviz at any size (a new engine, "Run layout").
void requestFreshLayout(AppState &app);
// Switches the canvas between the graph and its people network (who met
// whom, weighted); both keep their places.
void setPeopleNetwork(AppState &app, bool on);
// Records where the scene's nodes are drawn in app.placed (keeps pins).
void rememberPlaces(AppState &app);

// --- people network links (actions_people.cpp) -----------------------------
// True when the canvas draws the people network.
bool peopleScene(const AppState &app);
// The selected link of the people network (a `met` relation of
// app.peopleStore between app.linkFrom and app.linkTo, set by selectLink);
// nullopt outside the people network or when none is selected.
std::optional<RelationIndex> selectedMetLink(const AppState &app);
// The inspector's lines for it (buildMetLinkInspector); empty when none.
std::vector<InspectorLine> metLinkInspector(const AppState &app);
// What hovering a people-network link shows: the pair, how many occasions
// they shared, the first few with date, event and one quote each.
std::string metLinkTooltip(const AppState &app, RelationIndex link);
// Selects the link between two persons (id or name) of the people network;
// UserError when they did not meet, LookupError when a name is unknown.
void selectMetLink(AppState &app, const std::string &a, const std::string &b);

// --- aggregated view (actions_groups.cpp) -----------------------------------
// Documents of more than kAggregateAbove entities open aggregated: past it a
// view is no longer laid out by Graphviz in seconds (kGraphvizAbove) and is a
// hairball anyway (the 1,651-node graph of issue 14 already was), while its
// groups — a few hundred at most — are laid out at once. Any graph can be
// grouped from the View menu.
inline constexpr std::size_t kAggregateAbove = kGraphvizAbove;
// What a document opens with: nullopt (the entities) up to kAggregateAbove;
// above it by country when the graph has countries with members, else by
// organisation when it has organisations, else by community.
std::optional<GroupBy> openingGrouping(const GraphStore &store);
// Switches the canvas between the entities (nullopt) and their groups; each
// keeps its places. Leaves the people network.
void setGrouping(AppState &app, std::optional<GroupBy> by);
// Shows a group as its members (undoable); the other nodes keep their places
// and the members are placed around the group's node by an incremental
// layout. Collapse shows the group as one node again.
void expandGroup(AppState &app, const std::string &groupId);
void collapseGroup(AppState &app, const std::string &groupId);
// Selects the rolled-up link between two drawn nodes of the aggregated view
// (ids): the inspector lists the relations beneath it with their evidence.
void selectLink(AppState &app, const std::string &fromId, const std::string &toId);
// The group `text` names in the current grouping: its id ("group:country:ru")
// or its name, case-insensitively ("Russia"). Throws LookupError listing
// close candidates.
std::string resolveGroup(const AppState &app, const std::string &text);
// The group node or link selected in the aggregated view (kNoEntity / no
// relation when the selection is an entity or nothing).
EntityIndex selectedGroupNode(const AppState &app);
std::optional<RelationIndex> selectedLink(const AppState &app);
// The inspector's lines for the selected group node or link; empty when the
// selection is neither.
std::vector<InspectorLine> aggregateInspector(const AppState &app);
// Recomputes app.groups (when the view or grouping changed) and
// app.aggregate, and makes the aggregate what the canvas draws.
void computeAggregate(AppState &app);
// "Showing 200 countries (15,540 entities); 1 expanded" or "Showing entities".
std::string levelText(const AppState &app);

// --- selection and camera --------------------------------------------------
void select(AppState &app, EntityIndex entity);
// Moves the camera so the entity is at the canvas centre (if it is laid out).
void centreOn(AppState &app, EntityIndex entity);
void fitToView(AppState &app);

// The one entity `text` names (id, then exact name or alias). Throws
// LookupError when none or several match, listing the candidates.
EntityIndex resolveOne(const GraphStore &store, const std::string &text);

} // namespace liaison::viewer
