// Filters: kinds, relation kinds, countries, sources and a date range. The
// canvas follows at once (nodes vanish), then a relayout runs.
#include "actions.hpp"
#include "panels.hpp"
#include "timeline.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <set>

namespace liaison::viewer {

namespace {

// A checkbox per value; `hidden` holds the unchecked ones. True on change.
bool exclusionList(std::set<std::string, std::less<>> &hidden, const std::vector<std::string> &values,
                   const std::vector<std::string> &labels) {
    bool changed = false;
    for (std::size_t i = 0; i < values.size(); ++i) {
        bool shown = !hidden.contains(values[i]);
        if (ImGui::Checkbox(labels[i].c_str(), &shown)) {
            if (shown)
                hidden.erase(values[i]);
            else
                hidden.insert(values[i]);
            changed = true;
        }
    }
    return changed;
}

// Gephi's timeline: two handles over the dated events set the date window
// (timeline.hpp holds what moving a handle means).
bool timeSlider(AppState &app) {
    const std::vector<std::string> stops = timelineStops(*app.doc.store);
    if (stops.size() < 2)
        return false;
    const int last = static_cast<int>(stops.size()) - 1;
    TimeWindow window = timeWindowOf(app.filters, stops);
    bool changed = false;
    ImGui::SetNextItemWidth(-60);
    if (ImGui::SliderInt("first", &window.first, 0, last, stops[static_cast<std::size_t>(window.first)].c_str())) {
        moveWindowStart(app.filters, stops, window.first);
        changed = true;
    }
    ImGui::SetNextItemWidth(-60);
    if (ImGui::SliderInt("last", &window.last, 0, last, stops[static_cast<std::size_t>(window.last)].c_str())) {
        moveWindowEnd(app.filters, stops, window.last);
        changed = true;
    }
    // Step the window through time, its width kept.
    if (ImGui::ArrowButton("##earlier", ImGuiDir_Left)) {
        shiftWindow(app.filters, stops, -1);
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("##later", ImGuiDir_Right)) {
        shiftWindow(app.filters, stops, 1);
        changed = true;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("move the window");
    return changed;
}

} // namespace

void drawFilterPanel(AppState &app) {
    if (!app.doc.store) {
        ImGui::TextDisabled("No document open.");
        return;
    }
    const GraphStore &store = *app.doc.store;
    bool changed = false;
    if (ImGui::CollapsingHeader("Kinds", ImGuiTreeNodeFlags_DefaultOpen)) {
        std::vector<std::string> labels;
        for (const std::string &k : app.kinds)
            labels.push_back(k + " (" + std::to_string(store.entitiesOfKind(k).size()) + ")");
        changed |= exclusionList(app.filters.hiddenKinds, app.kinds, labels);
    }
    if (ImGui::CollapsingHeader("Relation kinds")) {
        ImGui::PushID("rel");
        changed |= exclusionList(app.filters.hiddenRelationKinds, app.relationKinds, app.relationKinds);
        ImGui::PopID();
    }
    if (ImGui::CollapsingHeader("Countries")) {
        ImGui::TextDisabled("None checked: every country. Checked: those countries,\n"
                            "what is tied to them, and what is tied to no country.");
        for (EntityIndex c : store.entitiesOfKind("country")) {
            const Entity &e = store.entity(c);
            bool on = app.filters.countries.contains(e.id);
            ImGui::PushID(e.id.c_str());
            if (ImGui::Checkbox(e.name.c_str(), &on)) {
                if (on)
                    app.filters.countries.insert(e.id);
                else
                    app.filters.countries.erase(e.id);
                changed = true;
            }
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Sources")) {
        std::vector<std::string> ids, labels;
        for (const Source &s : store.sources()) {
            ids.push_back(s.id);
            labels.push_back((s.title.empty() ? s.id : s.title) + "##" + s.id);
        }
        ImGui::PushID("src");
        changed |= exclusionList(app.filters.hiddenSources, ids, labels);
        ImGui::PopID();
    }
    if (ImGui::CollapsingHeader("Date range", ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::TextDisabled("Timeline: the days events start on.");
        changed |= timeSlider(app);
        ImGui::TextDisabled("ISO dates (2017, 2017-09, 2017-09-29); events outside are dropped.");
        ImGui::SetNextItemWidth(-60);
        changed |= ImGui::InputTextWithHint("from", "YYYY-MM-DD", &app.filters.from);
        ImGui::SetNextItemWidth(-60);
        changed |= ImGui::InputTextWithHint("to", "YYYY-MM-DD", &app.filters.to);
        if (std::string problem = dateProblem(app.filters); !problem.empty())
        {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.9f, 0.3f, 0.2f, 1));
            ImGui::TextWrapped("Not applied: %s", problem.c_str());
            ImGui::PopStyleColor();
        }
    }
    changed |= ImGui::Checkbox("Hide isolated entities", &app.filters.hideIsolated);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Drop entities the filters left without any relation");
    if (ImGui::Button("Reset filters")) {
        app.filters = {};
        changed = true;
    }
    if (changed)
        markFiltersChanged(app);
}

} // namespace liaison::viewer
