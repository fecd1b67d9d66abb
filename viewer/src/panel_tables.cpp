// Tables (Cytoscape's): the entities and relations of the current view
// (filters applied), sortable by any column (table_rows.hpp says in what
// order); selecting a row selects the entity (or the relation's source) on
// the canvas and in the inspector.
#include "actions.hpp"
#include "panels.hpp"
#include "table_rows.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace liaison::viewer {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;

// The table's sort as column * 2 + descending (TablesState's key).
int sortKey() {
    const ImGuiTableSortSpecs *specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0)
        return 0;
    const ImGuiTableColumnSortSpecs &s = specs->Specs[0];
    return s.ColumnIndex * 2 + (s.SortDirection == ImGuiSortDirection_Descending);
}

// Sorts the rows again when the view or store changed since.
void refreshRows(AppState &app, const GraphStore &store) {
    TablesState &t = app.tables;
    if (t.store == &store && t.viewGeneration == app.viewGeneration)
        return;
    t.store = &store;
    t.viewGeneration = app.viewGeneration;
    t.entitySort = t.relationSort = -1;
}

// A row's first cell: selecting it selects `entity` and centres the canvas on it.
void selectableRow(AppState &app, int row, const std::string &text, bool selected, EntityIndex entity) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(row);
    if (ImGui::Selectable(text.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        select(app, entity);
        centreOn(app, entity);
    }
    ImGui::PopID();
}

void entityTable(AppState &app, const GraphStore &store) {
    if (!ImGui::BeginTable("##entities", 4, kTableFlags, ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("kind");
    ImGui::TableSetupColumn("degree", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("id");
    ImGui::TableHeadersRow();
    TablesState &t = app.tables;
    if (const int key = sortKey(); key != t.entitySort) {
        t.entities = entityRows(store, app.view, static_cast<EntityColumn>(key / 2), key % 2 == 1);
        t.entitySort = key;
    }
    std::vector<std::size_t> degree(store.entityCount(), 0);
    for (RelationIndex r : app.view.relations)
        ++degree[store.relationSource(r)], ++degree[store.relationTarget(r)];
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(t.entities.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const EntityIndex e = t.entities[static_cast<std::size_t>(i)];
            const Entity &entity = store.entity(e);
            selectableRow(app, i, entity.name, app.selectedId == entity.id, e);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(entity.kind.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", degree[e]);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", entity.id.c_str());
        }
    ImGui::EndTable();
}

void relationTable(AppState &app, const GraphStore &store) {
    if (!ImGui::BeginTable("##relations", 4, kTableFlags))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("from", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("kind");
    ImGui::TableSetupColumn("to");
    ImGui::TableSetupColumn("evidence", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableHeadersRow();
    TablesState &t = app.tables;
    if (const int key = sortKey(); key != t.relationSort) {
        t.relations = relationRows(store, app.view, static_cast<RelationColumn>(key / 2), key % 2 == 1);
        t.relationSort = key;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(t.relations.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RelationIndex r = t.relations[static_cast<std::size_t>(i)];
            selectableRow(app, i, store.entity(store.relationSource(r)).name, false, store.relationSource(r));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(store.relation(r).kind.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(store.entity(store.relationTarget(r)).name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", store.relation(r).evidence.size());
        }
    ImGui::EndTable();
}

} // namespace

void drawTablesPanel(AppState &app) {
    if (!app.doc.store) {
        ImGui::TextDisabled("No document open.");
        return;
    }
    ImGui::SetNextItemWidth(-110);
    ImGui::InputTextWithHint("##since", "older version: path/to/graph.json", &app.changesSincePath);
    ImGui::SameLine();
    if (ImGui::Button("Changes since"))
        showChangesSince(app, app.changesSincePath);
    if (!app.changesSummary.empty())
        ImGui::TextWrapped("Teal ring: %s", app.changesSummary.c_str());
    ImGui::TextDisabled("%zu entities, %zu relations (with the filters); click a header to sort",
                        app.view.entities.size(), app.view.relations.size());
    refreshRows(app, *app.doc.store);
    entityTable(app, *app.doc.store);
    relationTable(app, *app.doc.store);
}

} // namespace liaison::viewer
