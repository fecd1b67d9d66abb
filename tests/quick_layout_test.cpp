// quickLayout: the placement that always finishes (issue 14, part 2).
#include "layout_fixture.hpp"

#include "liaison/json_io.hpp"
#include "liaison/quick_layout.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

using namespace liaison;

namespace {

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

} // namespace

TEST(QuickLayout, PlacesEveryNodeApartWithStraightEdgesBetweenThem)
{
    GraphStore store = test::denseStore(300, 600);
    View view = wholeGraph(store);
    LayoutResult result = quickLayout(store, view);
    EXPECT_TRUE(result.placedQuickly);
    ASSERT_EQ(result.nodes.size(), view.entities.size());
    std::set<std::pair<long, long>> spots;
    for (std::size_t i = 0; i < result.nodes.size(); ++i) {
        const NodeLayout &node = result.nodes[i];
        EXPECT_EQ(node.entity, view.entities[i]);
        ASSERT_TRUE(std::isfinite(node.centre.x) && std::isfinite(node.centre.y));
        EXPECT_GE(node.width, 54);
        EXPECT_GE(node.centre.x, result.lowerLeft.x);
        EXPECT_LE(node.centre.y, result.upperRight.y);
        spots.insert({std::lround(node.centre.x), std::lround(node.centre.y)});
    }
    EXPECT_EQ(spots.size(), result.nodes.size()) << "two nodes share a spot";
    ASSERT_EQ(result.edges.size(), view.relations.size());
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        const EdgeLayout &edge = result.edges[i];
        ASSERT_EQ(edge.spline.size(), 4u);
        const auto from = store.relationSource(edge.relation), to = store.relationTarget(edge.relation);
        EXPECT_EQ(distance(edge.spline.front(), result.nodes[from].centre), 0);
        EXPECT_EQ(distance(edge.spline.back(), result.nodes[to].centre), 0);
    }
}

TEST(QuickLayout, LinkedNodesEndUpCloserThanUnlinkedOnes)
{
    // Two rings of 40 with no link between them: members of one ring sit
    // closer to each other than to the other ring's members.
    GraphStore store;
    for (int ring = 0; ring < 2; ++ring)
        for (int i = 0; i < 40; ++i)
            store.addEntity(test::makeEntity("person:r" + std::to_string(ring) + "-" + std::to_string(i), "person", "P"));
    for (int ring = 0; ring < 2; ++ring)
        for (int i = 0; i < 40; ++i)
            store.addRelation(test::makeRelation("met", "person:r" + std::to_string(ring) + "-" + std::to_string(i),
                                                 "person:r" + std::to_string(ring) + "-" + std::to_string((i + 1) % 40)));
    LayoutResult result = quickLayout(store, wholeGraph(store));
    double linked = 0, unlinked = 0;
    for (int i = 0; i < 40; ++i) {
        linked += distance(result.nodes[i].centre, result.nodes[(i + 1) % 40].centre);
        unlinked += distance(result.nodes[i].centre, result.nodes[40 + i].centre);
    }
    EXPECT_LT(linked * 2, unlinked);
}

TEST(QuickLayout, PinnedNodesKeepTheirPlaceAndTheSameInputGivesTheSamePlacement)
{
    GraphStore store = test::denseStore(50, 100);
    View view = wholeGraph(store);
    QuickLayoutOptions options;
    options.start.resize(view.entities.size());
    options.pinned.assign(view.entities.size(), 0);
    for (std::size_t i = 0; i < 10; ++i) {
        options.start[i] = {1000.0 + 100 * static_cast<double>(i), -500};
        options.pinned[i] = 1;
    }
    LayoutResult first = quickLayout(store, view, options);
    for (std::size_t i = 0; i < 10; ++i) {
        EXPECT_EQ(first.nodes[i].centre.x, options.start[i].x);
        EXPECT_EQ(first.nodes[i].centre.y, options.start[i].y);
    }
    LayoutResult again = quickLayout(store, view, options);
    for (std::size_t i = 0; i < first.nodes.size(); ++i)
        EXPECT_EQ(first.nodes[i].centre.x, again.nodes[i].centre.x);
}

// Layouts that hold still, at any size: the viewer places big views with
// quickLayoutInstead, and a filter change must not move what is on screen.
TEST(QuickLayout, SeededEntitiesStayWhereTheyWereAndNewOnesJoinTheirNeighbours)
{
    GraphStore store = test::denseStore(50, 150);
    View view = wholeGraph(store);
    Positions seed;
    for (std::size_t i = 0; i < 40; ++i)
        seed.entities[store.entity(view.entities[i]).id] = {10000.0 + 80 * static_cast<double>(i % 8),
                                                            -7000.0 + 80 * static_cast<double>(i / 8), false};
    LayoutOptions options;
    options.seed = &seed;
    LayoutResult result = quickLayoutInstead(store, view, options);
    ASSERT_EQ(result.nodes.size(), view.entities.size());
    for (std::size_t i = 0; i < 40; ++i) {
        const EntityPosition &p = seed.entities.at(store.entity(view.entities[i]).id);
        EXPECT_EQ(result.nodes[i].centre.x, p.x);
        EXPECT_EQ(result.nodes[i].centre.y, p.y);
    }
    const Point cloud{10000 + 80 * 3.5, -7000 + 80 * 2};
    for (std::size_t i = 40; i < view.entities.size(); ++i)
        EXPECT_LT(distance(result.nodes[i].centre, cloud), 1500)
            << store.entity(view.entities[i]).id << " was placed far from the entities it is linked to";
}

// Issue 14, 2: positions computed once are stored with the graph; re-opening
// it places every node where it was, without any layout (no Graphviz worker
// is even started: here the worker is a program that fails), so a big graph
// opens at once.
TEST(QuickLayout, AGraphSavedWithItsPositionsReopensWhereItWasWithoutALayout)
{
    GraphStore store = test::denseStore(300, 600);
    View view = wholeGraph(store);
    LayoutResult first = quickLayout(store, view);
    Positions positions;
    for (const NodeLayout &node : first.nodes)
        positions.entities[store.entity(node.entity).id] = {node.centre.x, node.centre.y, false};
    storePositions(store, positions);
    const std::filesystem::path file = test::scratchDir("stored-positions") / "graph.json";
    saveLiaisonJsonFile(store, file.string());

    GraphStore reopened = readLiaisonJsonFile(file.string());
    const Positions stored = readPositions(reopened);
    View again = wholeGraph(reopened);
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.seed = &stored;
    ::setenv("LIAISON_LAYOUT_WORKER", "/bin/false", 1);
    LayoutResult result = layoutView(reopened, again, options);
    ::unsetenv("LIAISON_LAYOUT_WORKER");
    EXPECT_TRUE(result.fromStoredPositions);
    ASSERT_EQ(result.nodes.size(), first.nodes.size());
    for (std::size_t i = 0; i < result.nodes.size(); ++i) {
        EXPECT_EQ(reopened.entity(result.nodes[i].entity).id, store.entity(first.nodes[i].entity).id);
        EXPECT_NEAR(result.nodes[i].centre.x, first.nodes[i].centre.x, 0.01);
        EXPECT_NEAR(result.nodes[i].centre.y, first.nodes[i].centre.y, 0.01);
    }
    ASSERT_EQ(result.edges.size(), again.relations.size());
    // One entity without a position: that is a layout again, not a replay.
    Positions partial = stored;
    partial.entities.erase(partial.entities.begin());
    EXPECT_FALSE(seedPlacesWholeView(reopened, again, &partial));
    std::filesystem::remove_all(file.parent_path());
}
