// The viewer's test graphs opened in an AppState with a layout of the test's
// choosing, so that no layout runs and nodes sit where the test says; and a
// headless frame loop to drive the viewer's panels and canvas like a user.
#pragma once

#include "test_paths.hpp"

#include "actions.hpp"
#include "app.hpp"

#include "liaison/json_io.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstring>
#include <functional>
#include <string>

namespace liaison::test {

// Opens tests/fixtures/viewer/`fixture` in `app` (autoLayout off) with every
// entity e of the view at place(e) (layout points), `width` x `height`
// points; the first frame fits it to the canvas.
inline void openFixtureGraph(viewer::AppState &app, const std::string &fixture,
                             const std::function<Point(EntityIndex)> &place, double width, double height) {
    auto store = std::make_shared<GraphStore>(
        readLiaisonJsonFile((sourceDir() / "tests/fixtures/viewer" / fixture).string()));
    app.autoLayout = false;
    viewer::adoptDocument(app, store, fixture);
    viewer::updateView(app);
    LayoutResult result;
    for (EntityIndex e : app.view.entities)
        result.nodes.push_back({e, place(e), width, height});
    for (RelationIndex r : app.view.relations)
        result.edges.push_back({r, {}, false, {}});
    app.scene = viewer::buildScene(viewer::LayoutSnapshot{app.doc.store, app.view, result});
    app.layoutEverFinished = true;
    app.fitPending = true;
}

// small.json (six entities, one event) placed by `place`.
inline void openSmallGraph(viewer::AppState &app, const std::function<Point(EntityIndex)> &place, double width,
                           double height) {
    openFixtureGraph(app, "small.json", place, width, height);
}

// The viewer's real frame code (buildFrame) run in an ImGui context without
// a platform or renderer backend, 1000 x 700 pixels, fed mouse and keyboard
// input by the test; what AppState becomes is what a user's clicks did.
class HeadlessViewer : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO &io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1000, 700);
        io.DeltaTime = 1.f / 60;
        unsigned char *pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h); // build the atlas; no texture needed
        io.KeyMap[ImGuiKey_Z] = 'Z';                  // as the GLFW backend maps them
        io.KeyMap[ImGuiKey_Delete] = 261;
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void frame() {
        ImGui::NewFrame();
        viewer::buildFrame(app);
        ImGui::Render();
        ImGui::GetIO().MouseWheel = 0;
    }
    // Screen centre of an entity's node as drawn in the last frame.
    ImVec2 nodeOnScreen(const std::string &id) {
        EntityIndex e = app.scene.store->findById(id);
        for (const viewer::DrawnNode &d : app.canvas.drawn)
            if (app.scene.nodes[d.slot].entity == e)
                return {d.x, d.y};
        ADD_FAILURE() << id << " not drawn";
        return {};
    }
    // Whether an entity's node was drawn in the last frame.
    bool drawn(const std::string &id) const {
        EntityIndex e = app.scene.store->findById(id);
        for (const viewer::DrawnNode &d : app.canvas.drawn)
            if (app.scene.nodes[d.slot].entity == e)
                return true;
        return false;
    }
    void moveTo(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
    }
    void click(ImVec2 p) {
        moveTo(p);
        ImGui::GetIO().MouseDown[0] = true;
        frame();
        ImGui::GetIO().MouseDown[0] = false;
        frame();
    }

    // The side panel's tab named `name` and its bar, as ImGui keeps them
    // between frames (imgui_internal: ImGui keeps no item rectangles).
    std::pair<ImGuiTabBar *, ImGuiTabItem *> sideTab(const char *name) {
        ImGuiContext &g = *ImGui::GetCurrentContext();
        for (int i = 0; i < g.TabBars.GetMapSize(); ++i)
            if (ImGuiTabBar *bar = g.TabBars.TryGetMapData(i))
                for (ImGuiTabItem &tab : bar->Tabs)
                    if (tab.NameOffset >= 0 && std::strcmp(bar->GetTabName(&tab), name) == 0)
                        return {bar, &tab};
        ADD_FAILURE() << "no tab " << name;
        return {nullptr, nullptr};
    }
    void openSideTab(const char *name) {
        const auto [bar, tab] = sideTab(name);
        if (!tab)
            return;
        click(ImVec2(bar->BarRect.Min.x + tab->Offset + tab->Width / 2, (bar->BarRect.Min.y + bar->BarRect.Max.y) / 2));
        frame();
    }
    // The screen rectangle of the widget labelled `label` in side tab `tab`,
    // found by hovering the side panel (ImGui keeps no item rectangles):
    // the widget's id is its label hashed under the tab's.
    ImRect sideWidget(const char *tab, const char *label) {
        const ImGuiTabItem *item = sideTab(tab).second;
        if (!item)
            return {};
        const ImGuiID id = ImHashStr(label, 0, item->ID);
        ImGuiContext &g = *ImGui::GetCurrentContext();
        ImRect found(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
        for (float y = 30; y < 660; y += 3) {
            moveTo(ImVec2(40, y));
            if (g.HoveredId != id)
                continue;
            for (float x = 0; x < 330; x += 2) {
                moveTo(ImVec2(x, y));
                if (g.HoveredId == id)
                    found.Add(ImVec2(x, y));
            }
            for (float dy = y + 1; dy < y + 40; dy += 1) {
                moveTo(ImVec2(40, dy));
                if (g.HoveredId != id)
                    break;
                found.Add(ImVec2(40, dy));
            }
            break;
        }
        if (found.Min.x > found.Max.x)
            ADD_FAILURE() << "no widget " << label << " in tab " << tab;
        return found;
    }

    viewer::AppState app;
};

} // namespace liaison::test
