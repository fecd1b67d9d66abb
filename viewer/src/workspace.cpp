#include "canvas.hpp"
#include "panels.hpp"

#include <imgui.h>

#include <algorithm>

namespace liaison::viewer {

namespace {

constexpr float kLeftWidth = 330;
constexpr float kRightWidth = 400;
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

void place(float x, float y, float w, float h) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
}

} // namespace

void drawWorkspace(AppState &app) {
    handleShortcuts(app);
    drawMainMenu(app);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = ImGui::GetFrameHeight();
    const float status = ImGui::GetFrameHeight() + 4;
    const float height = std::max(display.y - top - status, 100.f);
    const float left = std::min(kLeftWidth, display.x * 0.3f);
    const float right = std::min(kRightWidth, display.x * 0.32f);

    place(0, top, left, height);
    if (ImGui::Begin("Explore", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar)) {
        drawSearchPanel(app);
        if (ImGui::BeginTabBar("##side")) {
            if (ImGui::BeginTabItem("Filters")) {
                drawFilterPanel(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Layout")) {
                drawLayoutPanel(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Path")) {
                drawPathPanel(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Tables")) {
                drawTablesPanel(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Encoding")) {
                drawLegendPanel(app);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();

    place(left, top, display.x - left - right, height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    if (ImGui::Begin("Canvas", nullptr,
                     kFixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                         ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                         ImGuiWindowFlags_NoBackground)) // the canvas paints its own
        drawCanvas(app);
    ImGui::End();
    ImGui::PopStyleVar();

    place(display.x - right, top, right, height);
    if (ImGui::Begin("Inspector", nullptr, kFixed))
        drawInspectorPanel(app);
    ImGui::End();

    place(0, display.y - status, display.x, status);
    if (ImGui::Begin("##status", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar))
        drawStatusBar(app);
    ImGui::End();

    drawDialogs(app);
}

} // namespace liaison::viewer
