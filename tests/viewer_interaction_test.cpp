// The canvas and panels driven like a user would, headless: an ImGui context
// without a platform or renderer backend, fed mouse and keyboard input, runs
// the viewer's real frame code (buildFrame) and we check what AppState became.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "viewer_fixture.hpp"
#include "actions.hpp"
#include "app.hpp"

#include "liaison/json_io.hpp"

#include <imgui.h>

#include <map>

using namespace liaison;
using namespace liaison::viewer;

namespace {

class CanvasInput : public liaison::test::HeadlessViewer {
protected:
    void SetUp() override {
        HeadlessViewer::SetUp();
        // A fixed layout: a row of nodes 150 points apart.
        liaison::test::openSmallGraph(
            app, [](EntityIndex e) { return Point{static_cast<double>(e) * 150, 0}; }, 60, 36);
        frame();
        frame();
    }
};

} // namespace

// Issue 13 part 4: filters, hide/show and undo never move a node.
TEST_F(CanvasInput, AFilterToggleAHideAndAnUndoMoveNothing) {
    app.autoLayout = true;
    std::map<std::string, ImVec2> before;
    for (const char *id : {"person:li-wei", "event:iac2017", "organisation:ndc", "country:russia"})
        before[id] = nodeOnScreen(id);
    auto unmoved = [&](const char *when) {
        for (const auto &[id, p] : before) {
            ImVec2 now = nodeOnScreen(id);
            EXPECT_NEAR(now.x, p.x, 1.f) << id << " after " << when;
            EXPECT_NEAR(now.y, p.y, 1.f) << id << " after " << when;
        }
        EXPECT_FALSE(app.layoutPending) << "no relayout after " << when;
        EXPECT_FALSE(app.layouts.running()) << "no relayout after " << when;
    };
    app.filters.hiddenKinds.insert("topic");
    markFiltersChanged(app);
    frame();
    app.filters.hiddenKinds.clear();
    markFiltersChanged(app);
    frame();
    unmoved("a kind filter toggle");
    hideEntity(app, "person:chuang-ming-fen");
    frame();
    undo(app);
    frame();
    unmoved("hide and undo");
    focusOn(app, "event:iac2017", 1);
    frame();
    undo(app);
    frame();
    EXPECT_FALSE(app.layoutPending) << "a focus shows a part of what is placed";
}

TEST_F(CanvasInput, DraggingANodeMovesItAndFixesItsPlace) {
    ImVec2 start = nodeOnScreen("organisation:ndc");
    ImVec2 other = nodeOnScreen("country:russia");
    moveTo(start);
    ImGui::GetIO().MouseDown[0] = true;
    frame();
    for (int step = 1; step <= 5; ++step)
        moveTo(ImVec2(start.x + 10.f * step, start.y + 8.f * step));
    ImGui::GetIO().MouseDown[0] = false;
    frame();
    frame();
    ImVec2 end = nodeOnScreen("organisation:ndc");
    EXPECT_NEAR(end.x, start.x + 50, 2.f);
    EXPECT_NEAR(end.y, start.y + 40, 2.f);
    ImVec2 stayed = nodeOnScreen("country:russia");
    EXPECT_NEAR(stayed.x, other.x, 0.5f) << "the camera did not pan";
    ASSERT_TRUE(app.placed.entities.contains("organisation:ndc"));
    EXPECT_TRUE(app.placed.entities["organisation:ndc"].pinned);
    EXPECT_TRUE(app.dirty) << "the new place is saved with the graph";
}

TEST_F(CanvasInput, SelectingANodeDimsAllButItsNeighbourhood) {
    click(nodeOnScreen("event:iac2017"));
    moveTo(ImVec2(app.canvas.origin.x + 3, app.canvas.origin.y + 3)); // hover nothing
    auto slot = [&](const char *id) { return app.scene.slotOf(app.doc.store->findById(id)); };
    auto lit = [&](const char *id) { return app.canvas.highlight[slot(id)] == app.canvas.highlightStamp; };
    EXPECT_TRUE(lit("person:li-wei"));
    EXPECT_FALSE(lit("topic:open-data"));
}

TEST_F(CanvasInput, ClickingANodeSelectsItAndClickingBackgroundClears) {
    ASSERT_EQ(app.canvas.drawn.size(), 6u);
    click(nodeOnScreen("person:li-wei"));
    EXPECT_EQ(app.selectedId, "person:li-wei");
    ImVec2 canvasCorner(app.canvas.origin.x + 5, app.canvas.origin.y + app.canvas.size.y - 5);
    click(canvasCorner);
    EXPECT_TRUE(app.selectedId.empty());
}

TEST_F(CanvasInput, HoveringANodeHighlightsItsNeighbours) {
    moveTo(nodeOnScreen("event:iac2017"));
    frame();
    EXPECT_EQ(app.hovered, app.doc.store->findById("event:iac2017"));
    auto slot = [&](const char *id) { return app.scene.slotOf(app.doc.store->findById(id)); };
    auto lit = [&](const char *id) { return app.canvas.highlight[slot(id)] == app.canvas.highlightStamp; };
    EXPECT_TRUE(lit("person:li-wei"));
    EXPECT_TRUE(lit("country:russia"));
    EXPECT_FALSE(lit("topic:open-data"));
}

TEST_F(CanvasInput, TheWheelZoomsAroundTheCursor) {
    ImVec2 p = nodeOnScreen("organisation:ndc");
    moveTo(p);
    double before = app.camera.zoom;
    ImGui::GetIO().MouseWheel = 2;
    frame();
    frame();
    EXPECT_NEAR(app.camera.zoom, before * 1.44, before * 1e-6);
    ImVec2 after = nodeOnScreen("organisation:ndc");
    EXPECT_NEAR(after.x, p.x, 0.5);
    EXPECT_NEAR(after.y, p.y, 0.5);
}

// Issue 14: labels are placed when the view or a settled camera changes, not
// every frame; while the camera moves they follow their nodes.
TEST_F(CanvasInput, LabelsArePlacedOncePerSettledCameraAndFollowAPan) {
    auto labelOf = [&](const char *id) {
        const EntityIndex e = app.scene.store->findById(id);
        for (const DrawnNode &d : app.canvas.drawn)
            if (app.scene.nodes[d.slot].entity == e && d.label)
                return ImVec2(d.labelX0, d.labelY0);
        ADD_FAILURE() << id << " has no label";
        return ImVec2();
    };
    const std::uint64_t placed = app.canvas.labelCache.placements;
    frame();
    frame();
    EXPECT_EQ(app.canvas.labelCache.placements, placed) << "a still camera reuses the labels placed";
    const ImVec2 label = labelOf("organisation:ndc");
    for (int i = 1; i <= 5; ++i) {
        app.camera.centreX -= 4 / app.camera.zoom; // the view moves 4 pixels right a frame
        frame();
        EXPECT_NEAR(labelOf("organisation:ndc").x, label.x + 4.f * i, 0.01f) << "the label follows its node";
    }
    EXPECT_EQ(app.canvas.labelCache.placements, placed) << "no placement while the camera moves";
    frame();
    EXPECT_EQ(app.canvas.labelCache.placements, placed + 1) << "placed again once the camera holds still";
    EXPECT_NEAR(labelOf("organisation:ndc").x, label.x + 20.f, 0.01f);
    app.camera.zoom *= 2; // one wheel step beyond the slack: placed at once
    frame();
    EXPECT_EQ(app.canvas.labelCache.placements, placed + 2);
}

TEST_F(CanvasInput, DraggingTheBackgroundPans) {
    ImVec2 node = nodeOnScreen("topic:open-data");
    ImVec2 start(app.canvas.origin.x + app.canvas.size.x - 10, app.canvas.origin.y + 10);
    moveTo(start);
    ImGui::GetIO().MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 10; ++i)
        moveTo(ImVec2(start.x - i * 8.f, start.y + i * 4.f));
    ImGui::GetIO().MouseDown[0] = false;
    frame();
    ImVec2 moved = nodeOnScreen("topic:open-data");
    EXPECT_NEAR(moved.x - node.x, -80, 9); // ImGui's drag threshold eats a few pixels
    EXPECT_NEAR(moved.y - node.y, 40, 9);
    EXPECT_TRUE(app.selectedId.empty()) << "a drag is not a click";
}

TEST_F(CanvasInput, DeleteHidesTheSelectionAndCtrlZBringsItBack) {
    click(nodeOnScreen("topic:open-data"));
    ASSERT_EQ(app.selectedId, "topic:open-data");
    ImGuiIO &io = ImGui::GetIO();
    io.KeysDown[261] = true;
    frame();
    io.KeysDown[261] = false;
    frame();
    EXPECT_TRUE(app.doc.edits.hidden.contains("topic:open-data"));
    EXPECT_EQ(app.canvas.drawn.size(), 5u) << "the canvas follows before any relayout";

    io.KeyCtrl = true;
    io.KeysDown['Z'] = true;
    frame();
    io.KeysDown['Z'] = false;
    io.KeyCtrl = false;
    frame();
    EXPECT_FALSE(app.doc.edits.hidden.contains("topic:open-data"));
    EXPECT_EQ(app.canvas.drawn.size(), 6u);
}

TEST_F(CanvasInput, TypingInSearchListsMatchesAndPickingOneSelectsIt) {
    app.search.text = "chuang";
    frame();
    ASSERT_EQ(app.search.results.size(), 1u);
    EXPECT_EQ(app.doc.store->entity(app.search.results[0]).id, "person:chuang-ming-fen");
    select(app, app.search.results[0]);
    centreOn(app, app.search.results[0]);
    frame();
    ImVec2 p = nodeOnScreen("person:chuang-ming-fen");
    EXPECT_NEAR(p.x, app.canvas.origin.x + app.canvas.size.x / 2, 1);
    EXPECT_NEAR(p.y, app.canvas.origin.y + app.canvas.size.y / 2, 1);
    EXPECT_FALSE(app.inspector.lines.empty());
}

TEST_F(CanvasInput, AMergeIsSavedAtomicallyAndUndoRestoresBothEntities) {
    mergeEntityInto(app, "person:chuang-ming-fen", "person:li-wei");
    EXPECT_EQ(app.doc.store->entityCount(), 5u);
    EXPECT_TRUE(app.dirty);
    frame();
    EXPECT_EQ(app.canvas.drawn.size(), 5u) << "the merged-away node leaves the canvas at once";

    auto dir = liaison::test::scratchDir("viewer-save");
    std::string path = (dir / "merged.json").string();
    ASSERT_TRUE(saveDocument(app, path));
    EXPECT_FALSE(app.dirty);
    GraphStore saved = readLiaisonJsonFile(path);
    EXPECT_EQ(saved.entityCount(), 5u);
    EXPECT_EQ(saved.relationCount(), 5u);

    undo(app);
    EXPECT_EQ(app.doc.store->entityCount(), 6u);
    EXPECT_NE(app.doc.store->findById("person:li-wei"), app.doc.store->findById("person:chuang-ming-fen"));

    // A save that cannot happen is an error dialog; the document stays as it is.
    EXPECT_FALSE(saveDocument(app, (dir / "no-such-dir" / "x.json").string()));
    ASSERT_EQ(app.errors.size(), 1u);
    EXPECT_NE(app.errors.front().find("no-such-dir"), std::string::npos) << app.errors.front();
    EXPECT_EQ(app.doc.store->entityCount(), 6u);
}

// Issue 13 part 1: hovering a link of the people network lists the
// occasions the two persons shared, with dates and quotes; a click selects
// it and the inspector lists every occasion with its evidence.
TEST_F(CanvasInput, HoveringAPeopleNetworkLinkListsTheOccasionsWithDatesAndQuotes) {
    app.autoLayout = false;
    setPeopleNetwork(app, true);
    updateView(app);
    ASSERT_TRUE(peopleScene(app) || app.drawnStore == app.peopleStore);
    LayoutResult result;
    double x = 0;
    for (EntityIndex e : app.drawnView.entities) {
        result.nodes.push_back({e, {x, 0}, 60, 36});
        x += 300;
    }
    for (RelationIndex r : app.drawnView.relations)
        result.edges.push_back({r, {}, false, {}});
    ASSERT_EQ(result.nodes.size(), 2u) << "the two persons of small.json";
    ASSERT_EQ(result.edges.size(), 1u) << "who met at IAC 2017";
    app.scene = buildScene(LayoutSnapshot{app.drawnStore, app.drawnView, result});
    app.fitPending = true;
    frame();
    frame();
    ASSERT_TRUE(peopleScene(app));
    ImVec2 a = nodeOnScreen("person:chuang-ming-fen"), b = nodeOnScreen("person:li-wei");
    ImVec2 middle((a.x + b.x) / 2, (a.y + b.y) / 2);
    moveTo(middle);
    frame();
    const std::string tip = app.canvas.linkTooltip;
    EXPECT_NE(tip.find("1 shared occasion"), std::string::npos) << tip;
    EXPECT_NE(tip.find("2017-09-27  IAC 2017"), std::string::npos) << tip;
    EXPECT_NE(tip.find("trip-report, line 1"), std::string::npos) << "a quote with its source: " << tip;
    // Away from the link, no link tooltip.
    moveTo(ImVec2(middle.x, middle.y + 60));
    EXPECT_TRUE(app.canvas.linkTooltip.empty()) << app.canvas.linkTooltip;

    click(middle);
    ASSERT_TRUE(selectedMetLink(app).has_value());
    const std::string text = inspectorText(metLinkInspector(app));
    EXPECT_NE(text.find("## Occasions (1)"), std::string::npos) << text;
    EXPECT_NE(text.find("at IAC 2017 (2017-09-27)"), std::string::npos) << text;
    EXPECT_NE(text.find("\xE6\x9D\x8E\xE5\x81\x89\xE6\x96\xBC\xE5\xB9\xB4\xE6\x9C\x83"), std::string::npos)
        << "Li Wei's sentence: " << text;
    EXPECT_NE(text.find("trip-report, line 123"), std::string::npos) << text;
    // Clicking a person selects the person again.
    click(a);
    EXPECT_EQ(app.selectedId, "person:chuang-ming-fen");
    EXPECT_FALSE(selectedMetLink(app).has_value());
}

#else

TEST(CanvasInput, SkippedWithoutTheViewer) { GTEST_SKIP() << "built without liaison-viewer"; }

#endif
