// Path finder: the shortest chain of relations between two entities,
// highlighted on the canvas.
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace liaison::viewer {

namespace {

void findPath(AppState &app) {
    PathState &p = app.pathFinder;
    p.steps.clear();
    p.store = app.doc.store;
    try {
        EntityIndex a = resolveOne(*app.doc.store, p.fromText);
        EntityIndex b = resolveOne(*app.doc.store, p.toText);
        p.steps = shortestPath(*app.doc.store, a, b, toViewFilter(*app.doc.store, app.filters));
        p.message = p.steps.empty() ? "No connection under the current filters." : "";
    } catch (const std::exception &e) {
        p.message = e.what();
    }
}

// Pins every entity of the chain so it is shown whatever the focus.
void showChain(AppState &app) {
    ViewEdits edits = app.doc.edits;
    for (const PathStep &s : app.pathFinder.steps) {
        edits.pinned.insert(app.doc.store->entity(s.from).id);
        edits.pinned.insert(app.doc.store->entity(s.to).id);
        edits.hidden.erase(app.doc.store->entity(s.from).id);
        edits.hidden.erase(app.doc.store->entity(s.to).id);
    }
    changeEdits(app, "show a path", std::move(edits));
}

} // namespace

void drawPathPanel(AppState &app) {
    if (!app.doc.store) {
        ImGui::TextDisabled("No document open.");
        return;
    }
    PathState &p = app.pathFinder;
    ImGui::TextDisabled("Ids or exact names; right-click a node for \"Path from/to here\".");
    ImGui::SetNextItemWidth(-60);
    ImGui::InputText("from", &p.fromText);
    ImGui::SetNextItemWidth(-60);
    ImGui::InputText("to", &p.toText);
    if (ImGui::Button("Selection as from") && !app.selectedId.empty())
        p.fromText = app.selectedId;
    ImGui::SameLine();
    if (ImGui::Button("Selection as to") && !app.selectedId.empty())
        p.toText = app.selectedId;
    if (ImGui::Button("Find path"))
        findPath(app);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) {
        p.steps.clear();
        p.message.clear();
    }
    if (!p.message.empty())
        ImGui::TextWrapped("%s", p.message.c_str());
    if (p.steps.empty() || p.store != app.doc.store)
        return;
    ImGui::Text("%zu step%s:", p.steps.size(), p.steps.size() == 1 ? "" : "s");
    const GraphStore &store = *p.store;
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
        const PathStep &s = p.steps[i];
        ImGui::PushID(static_cast<int>(i));
        if (i == 0 && ImGui::SmallButton(store.entity(s.from).name.c_str()))
            select(app, s.from);
        std::string rel = std::string(s.forward ? "  --" : "  <-") + store.relation(s.relation).kind +
                          (s.forward ? "->" : "--");
        ImGui::TextDisabled("%s", rel.c_str());
        if (ImGui::SmallButton(store.entity(s.to).name.c_str()))
            select(app, s.to);
        ImGui::PopID();
    }
    if (ImGui::Button("Show the whole chain"))
        showChain(app);
}

} // namespace liaison::viewer
