// Issue 13 part 6: the sortable entity and relation tables (Cytoscape's).
// A column orders rows as a user expects, the current filters apply, and
// selecting a row selects the entity on the canvas and in the inspector.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "viewer_fixture.hpp"
#include "table_rows.hpp"

using namespace liaison;
using namespace liaison::viewer;

namespace {

GraphStore timelineGraph() {
    return readLiaisonJsonFile((liaison::test::sourceDir() / "tests/fixtures/viewer/timeline.json").string());
}

std::vector<std::string> names(const GraphStore &store, const std::vector<EntityIndex> &rows) {
    std::vector<std::string> out;
    for (EntityIndex e : rows)
        out.push_back(store.entity(e).name);
    return out;
}

std::vector<std::string> pairs(const GraphStore &store, const std::vector<RelationIndex> &rows) {
    std::vector<std::string> out;
    for (RelationIndex r : rows)
        out.push_back(store.entity(store.relationSource(r)).name + " > " + store.entity(store.relationTarget(r)).name);
    return out;
}

} // namespace

TEST(TableRows, NamesSortWithoutRegardToCaseAndTiesReadAlphabetically) {
    const GraphStore store = timelineGraph();
    const View all = wholeGraph(store);
    EXPECT_EQ(names(store, entityRows(store, all, EntityColumn::Name, false)),
              (std::vector<std::string>{"alice", "Bob", "carol", "IAC 2017", "NDC", "Spring forum", "Summit 2018"}));
    EXPECT_EQ(names(store, entityRows(store, all, EntityColumn::Name, true)),
              (std::vector<std::string>{"Summit 2018", "Spring forum", "NDC", "IAC 2017", "carol", "Bob", "alice"}));
    // Degree, most connected first; each tie A to Z.
    EXPECT_EQ(names(store, entityRows(store, all, EntityColumn::Degree, true)),
              (std::vector<std::string>{"Bob", "alice", "IAC 2017", "Summit 2018", "carol", "NDC", "Spring forum"}));
    EXPECT_EQ(names(store, entityRows(store, all, EntityColumn::Kind, false)),
              (std::vector<std::string>{"IAC 2017", "Spring forum", "Summit 2018", "NDC", "alice", "Bob", "carol"}));
    // Evidence, most first; ties by source then target name.
    EXPECT_EQ(pairs(store, relationRows(store, all, RelationColumn::Evidence, true)),
              (std::vector<std::string>{"alice > IAC 2017", "Bob > IAC 2017", "alice > Spring forum", "Bob > NDC",
                                        "Bob > Summit 2018", "carol > Summit 2018"}));
    EXPECT_EQ(pairs(store, relationRows(store, all, RelationColumn::To, false)).front(), "alice > IAC 2017");
}

TEST(TableRows, TheFiltersApply) {
    const GraphStore store = timelineGraph();
    FilterState filters;
    filters.hiddenKinds.insert("event");
    const View view = computeView(store, {}, filters);
    EXPECT_EQ(names(store, entityRows(store, view, EntityColumn::Name, false)),
              (std::vector<std::string>{"alice", "Bob", "carol", "NDC"}));
    EXPECT_EQ(names(store, entityRows(store, view, EntityColumn::Degree, true)).front(), "Bob")
        << "degree counts what the view shows";
    EXPECT_EQ(pairs(store, relationRows(store, view, RelationColumn::From, false)),
              (std::vector<std::string>{"Bob > NDC"}));
}

namespace {

class TablesPanel : public liaison::test::HeadlessViewer {
protected:
    void SetUp() override {
        HeadlessViewer::SetUp();
        liaison::test::openFixtureGraph(
            app, "timeline.json", [](EntityIndex e) { return Point{static_cast<double>(e) * 120, 0}; }, 60, 36);
        frame();
        frame();
        openSideTab("Tables");
    }
    // The table whose first column is `firstColumn`, as ImGui keeps it.
    ImGuiTable *table(const char *firstColumn) {
        ImGuiContext &g = *ImGui::GetCurrentContext();
        for (int i = 0; i < g.Tables.GetMapSize(); ++i)
            if (ImGuiTable *t = g.Tables.TryGetMapData(i))
                if (t->ColumnsCount > 0 && std::strcmp(ImGui::TableGetColumnName(t, 0), firstColumn) == 0)
                    return t;
        ADD_FAILURE() << "no table with a column " << firstColumn;
        return nullptr;
    }
    // The centre of a cell: row -1 is the header row.
    ImVec2 cell(ImGuiTable *t, int column, int row) {
        const float rowHeight = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
        return ImVec2((t->Columns[column].MinX + t->Columns[column].MaxX) / 2,
                      t->OuterRect.Min.y + rowHeight * (static_cast<float>(row) + 1.5f));
    }
};

} // namespace

TEST_F(TablesPanel, ClickingAHeaderSortsAndClickingARowSelectsItsEntity) {
    const GraphStore &store = *app.doc.store;
    EXPECT_EQ(names(store, app.tables.entities).front(), "alice") << "sorted by name to begin with";
    ImGuiTable *entities = table("name");
    ASSERT_NE(entities, nullptr);
    click(cell(entities, 2, -1)); // the degree header: most connected first
    frame();
    ASSERT_EQ(names(store, app.tables.entities),
              (std::vector<std::string>{"Bob", "alice", "IAC 2017", "Summit 2018", "carol", "NDC", "Spring forum"}));

    click(cell(entities, 0, 1)); // the second row: alice
    frame();
    EXPECT_EQ(app.selectedId, "person:alice");
    EXPECT_EQ(app.inspector.forId, "person:alice") << "the inspector shows her";
    const ImVec2 centre(app.canvas.origin.x + app.canvas.size.x / 2, app.canvas.origin.y + app.canvas.size.y / 2);
    EXPECT_NEAR(nodeOnScreen("person:alice").x, centre.x, 1) << "the canvas centres on her";
    EXPECT_NEAR(nodeOnScreen("person:alice").y, centre.y, 1);

    // A filter applies to the table at once.
    app.filters.hiddenKinds.insert("event");
    markFiltersChanged(app);
    frame();
    frame();
    EXPECT_EQ(names(store, app.tables.entities), (std::vector<std::string>{"Bob", "NDC", "alice", "carol"}))
        << "still by degree, counted in the filtered view";
    EXPECT_EQ(app.tables.relations.size(), 1u);
    click(cell(entities, 0, 1)); // NDC
    frame();
    EXPECT_EQ(app.selectedId, "organisation:ndc");
}

#else

TEST(TableRows, SkippedWithoutTheViewer) { GTEST_SKIP() << "built without liaison-viewer"; }

#endif
