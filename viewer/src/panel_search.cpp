// Search as you type over names, per-language names and aliases (core's
// GraphStore::search folds case, width, punctuation and Traditional/Simplified
// script, as the CLI does).
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace liaison::viewer {

namespace {

constexpr std::size_t kMaxResults = 200;

void refreshResults(AppState &app) {
    if (app.search.resultsFor == app.search.text || !app.doc.store)
        return;
    app.search.resultsFor = app.search.text;
    app.search.results.clear();
    if (app.search.text.empty())
        return;
    app.search.results = app.doc.store->search(app.search.text);
    if (EntityIndex byId = app.doc.store->findById(app.search.text); byId != kNoEntity)
        app.search.results.insert(app.search.results.begin(), byId);
}

bool inView(const AppState &app, EntityIndex e) {
    return std::binary_search(app.view.entities.begin(), app.view.entities.end(), e);
}

} // namespace

void drawSearchPanel(AppState &app) {
    if (app.search.focusInput) {
        ImGui::SetKeyboardFocusHere();
        app.search.focusInput = false;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search names and aliases (Ctrl+F)", &app.search.text);
    refreshResults(app);
    if (app.search.text.empty())
        return;
    const auto &results = app.search.results;
    ImGui::TextDisabled("%zu match%s", results.size(), results.size() == 1 ? "" : "es");
    float height = std::min(ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(results.size(), 8) + 1), 220.f);
    ImGui::BeginChild("##results", ImVec2(0, height), true);
    for (std::size_t i = 0; i < results.size() && i < kMaxResults; ++i) {
        EntityIndex e = results[i];
        const Entity &entity = app.doc.store->entity(e);
        ImGui::PushID(static_cast<int>(i));
        ImVec2 p = ImGui::GetCursorScreenPos();
        float r = ImGui::GetTextLineHeight() * 0.3f;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetTextLineHeight() * 0.5f), r,
                                                    parseColour(styleOfKind(entity.kind).fill));
        ImGui::Dummy(ImVec2(r * 2 + 2, 0));
        ImGui::SameLine();
        std::string label = entity.name;
        for (const auto &[language, name] : entity.names)
            if (name != entity.name)
                label += "  " + name;
        if (!inView(app, e))
            label += "  (not shown)";
        if (ImGui::Selectable(label.c_str(), app.selectedId == entity.id)) {
            select(app, e);
            if (!inView(app, e))
                togglePin(app, entity.id); // show it: pinned entities pass every filter
            centreOn(app, e);
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s (%s)", entity.id.c_str(), entity.kind.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

} // namespace liaison::viewer
