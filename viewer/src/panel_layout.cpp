// Layout engine picker. Layouts run on a worker thread (LayoutJobs), bounded
// by a time limit past which core falls back to a faster engine, then to its
// quick placement; views too big for Graphviz open with the quick placement.
#include "actions.hpp"
#include "panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace liaison::viewer {

void drawLayoutPanel(AppState &app) {
    const auto &engines = allLayoutEngines();
    std::string current(layoutEngineName(app.engine));
    ImGui::SetNextItemWidth(-90);
    if (ImGui::BeginCombo("engine", current.c_str())) {
        for (LayoutEngine engine : engines) {
            std::string name(layoutEngineName(engine));
            if (ImGui::Selectable(name.c_str(), engine == app.engine) && engine != app.engine) {
                app.engine = engine;
                requestFreshLayout(app);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-90);
    ImGui::SliderInt("time limit", &app.timeLimitSeconds, 1, 300, "%d s");
    ImGui::Checkbox("Relayout when the view changes", &app.autoLayout);
    if (ImGui::Button("Run layout") && app.doc.store)
        requestFreshLayout(app);
    if (ImGui::IsItemHovered() && app.view.entities.size() > kGraphvizAbove)
        ImGui::SetTooltip("Lay everything out afresh with %s within the time limit (pinned entities stay);\n"
                          "views of more than %zu entities open with a quick placement.\n"
                          "Filters and edits never move nodes.", current.c_str(), kGraphvizAbove);
    else if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Lay everything out afresh (pinned entities stay); filters and edits never move nodes");
    ImGui::SameLine();
    if (ImGui::Button("Fit to view"))
        fitToView(app);

    if (app.layouts.running()) {
        double elapsed = app.layouts.elapsedSeconds();
        double limit = static_cast<double>(app.layouts.timeLimit().count()) / 1000.0;
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "%.1f s of %.0f s", elapsed, limit);
        ImGui::ProgressBar(limit > 0 ? static_cast<float>(std::min(elapsed / limit, 1.0)) : 0.f, ImVec2(-1, 0),
                           overlay);
        ImGui::TextWrapped("%s", app.layouts.progressText().c_str());
        if (ImGui::Button("Cancel layout"))
            app.layouts.cancel();
    }
    if (!app.scene.messages.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("Last layout:");
        for (const std::string &m : app.scene.messages)
            ImGui::TextWrapped("%s", m.c_str());
    }
    ImGui::Separator();
    ImGui::Text("%zu nodes, %zu edges laid out", app.scene.nodes.size(), app.scene.edges.size());
    if (app.canvas.gpuDrawn)
        ImGui::Text("drawn from GPU buffers: %zu nodes near the screen, %zu edges, %zu labels",
                    app.canvas.nodesOnScreen, app.canvas.drawnEdges, app.canvas.labels);
    else
        ImGui::Text("drawn: %zu nodes (+%zu folded), %zu edges, %zu labels", app.canvas.drawn.size(),
                    app.canvas.foldedNodes, app.canvas.drawnEdges, app.canvas.labels);
    ImGui::Text("zoom %.3f px/pt, %.0f fps", app.camera.zoom, ImGui::GetIO().Framerate);
}

} // namespace liaison::viewer
