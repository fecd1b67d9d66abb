// Tables (Cytoscape's): the entities and relations of the current view
// (filters applied), sortable by any column; selecting a row selects the
// entity (or the relation's source) on the canvas.
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace liaison::viewer {

namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;

// Sorts `rows` by the table's sort specs; `less(a, b, column)` compares one column.
template <typename Row, typename Less>
void sortRows(std::vector<Row> &rows, Less less) {
    ImGuiTableSortSpecs *specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0)
        return;
    const ImGuiTableColumnSortSpecs &s = specs->Specs[0];
    std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        return s.SortDirection == ImGuiSortDirection_Descending ? less(b, a, s.ColumnIndex) : less(a, b, s.ColumnIndex);
    });
}

void entityTable(AppState &app, const GraphStore &store) {
    std::vector<std::size_t> degree(store.entityCount(), 0);
    for (RelationIndex r : app.view.relations)
        ++degree[store.relationSource(r)], ++degree[store.relationTarget(r)];
    std::vector<EntityIndex> rows = app.view.entities;
    if (!ImGui::BeginTable("##entities", 4, kTableFlags, ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("kind");
    ImGui::TableSetupColumn("degree", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("id");
    ImGui::TableHeadersRow();
    sortRows(rows, [&](EntityIndex a, EntityIndex b, int column) {
        const Entity &x = store.entity(a), &y = store.entity(b);
        switch (column) {
        case 1: return x.kind < y.kind;
        case 2: return degree[a] < degree[b];
        case 3: return x.id < y.id;
        default: return x.name < y.name;
        }
    });
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Entity &e = store.entity(rows[static_cast<std::size_t>(i)]);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (ImGui::Selectable(e.name.c_str(), app.selectedId == e.id, ImGuiSelectableFlags_SpanAllColumns)) {
                select(app, rows[static_cast<std::size_t>(i)]);
                centreOn(app, rows[static_cast<std::size_t>(i)]);
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.kind.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", degree[rows[static_cast<std::size_t>(i)]]);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", e.id.c_str());
        }
    ImGui::EndTable();
}

void relationTable(AppState &app, const GraphStore &store) {
    std::vector<RelationIndex> rows = app.view.relations;
    if (!ImGui::BeginTable("##relations", 4, kTableFlags))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("from", ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("kind");
    ImGui::TableSetupColumn("to");
    ImGui::TableSetupColumn("evidence", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableHeadersRow();
    auto name = [&](EntityIndex e) -> const std::string & { return store.entity(e).name; };
    sortRows(rows, [&](RelationIndex a, RelationIndex b, int column) {
        switch (column) {
        case 1: return store.relation(a).kind < store.relation(b).kind;
        case 2: return name(store.relationTarget(a)) < name(store.relationTarget(b));
        case 3: return store.relation(a).evidence.size() < store.relation(b).evidence.size();
        default: return name(store.relationSource(a)) < name(store.relationSource(b));
        }
    });
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            RelationIndex r = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (ImGui::Selectable(name(store.relationSource(r)).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
                select(app, store.relationSource(r));
                centreOn(app, store.relationSource(r));
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(store.relation(r).kind.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name(store.relationTarget(r)).c_str());
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
    entityTable(app, *app.doc.store);
    relationTable(app, *app.doc.store);
}

} // namespace liaison::viewer
