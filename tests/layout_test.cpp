#include "layout_fixture.hpp"

#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <set>
#include <thread>

using namespace liaison;
using liaison::test::denseStore;
using liaison::test::smallStore;

namespace {

void expectWellFormed(const GraphStore &store, const View &view, const LayoutResult &result)
{
    ASSERT_EQ(result.nodes.size(), view.entities.size());
    ASSERT_EQ(result.edges.size(), view.relations.size());
    const double slack = 1.0; // Graphviz rounds the bounding box to whole points
    for (std::size_t i = 0; i < view.entities.size(); ++i) {
        const NodeLayout &node = result.nodes[i];
        EXPECT_EQ(node.entity, view.entities[i]) << store.entity(view.entities[i]).id;
        EXPECT_GT(node.width, 0);
        EXPECT_GT(node.height, 0);
        EXPECT_GE(node.centre.x, result.lowerLeft.x - slack);
        EXPECT_LE(node.centre.x, result.upperRight.x + slack);
        EXPECT_GE(node.centre.y, result.lowerLeft.y - slack);
        EXPECT_LE(node.centre.y, result.upperRight.y + slack);
    }
    for (std::size_t i = 0; i < view.relations.size(); ++i) {
        const EdgeLayout &edge = result.edges[i];
        EXPECT_EQ(edge.relation, view.relations[i]);
        ASSERT_GE(edge.spline.size(), 4u);
        EXPECT_EQ((edge.spline.size() - 1) % 3, 0u) << "not p0 (c1 c2 p)*";
    }
}

} // namespace

TEST(Layout, EveryEngineLaysOutEveryEntity)
{
    GraphStore store = smallStore(true);
    View view = wholeGraph(store);
    ASSERT_EQ(view.entities.size(), store.entityCount());
    for (LayoutEngine engine : allLayoutEngines()) {
        SCOPED_TRACE(std::string(layoutEngineName(engine)));
        LayoutOptions options;
        options.engine = engine;
        LayoutResult result = layoutView(store, view, options);
        EXPECT_EQ(result.engine, engine);
        expectWellFormed(store, view, result);
        EXPECT_GT(result.upperRight.x, result.lowerLeft.x);
    }
}

TEST(Layout, DotEdgesEndInArrowheadsNearTheirHead)
{
    GraphStore store = smallStore();
    View view = wholeGraph(store);
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    LayoutResult result = layoutView(store, view, options);
    for (std::size_t i = 0; i < result.edges.size(); ++i) {
        const EdgeLayout &edge = result.edges[i];
        ASSERT_TRUE(edge.hasArrowHead);
        // The tip touches the head node's box.
        EntityIndex head = store.relationTarget(edge.relation);
        auto it = std::find_if(result.nodes.begin(), result.nodes.end(),
                               [&](const NodeLayout &n) { return n.entity == head; });
        ASSERT_NE(it, result.nodes.end());
        EXPECT_LE(std::abs(edge.arrowTip.x - it->centre.x), it->width / 2 + 1);
        EXPECT_LE(std::abs(edge.arrowTip.y - it->centre.y), it->height / 2 + 1);
    }
}

TEST(Layout, SubsetViewLaysOutOnlyItsEntities)
{
    GraphStore store = smallStore();
    View view = induced(store, {store.findById("person:radomir-bolgov"),
                                store.findById("event:iac2017")});
    ASSERT_EQ(view.entities.size(), 2u);
    LayoutResult result = layoutView(store, view, {});
    expectWellFormed(store, view, result);
    EXPECT_EQ(result.edges.size(), 2u); // spoke_at and attended: parallel edges kept
}

TEST(Layout, EmptyViewGivesEmptyLayout)
{
    GraphStore store = smallStore();
    LayoutResult result = layoutView(store, View{}, {});
    EXPECT_TRUE(result.nodes.empty());
    EXPECT_TRUE(result.edges.empty());
}

TEST(Layout, RelationOutsideTheViewIsALayoutError)
{
    GraphStore store = smallStore();
    View view{{store.findById("event:iac2017")}, {0}};
    EXPECT_THROW(layoutView(store, view, {}), LayoutError);
}

TEST(Layout, ATimeLimitDoesNotChangeTheLayout)
{
    GraphStore store = smallStore(true);
    View view = wholeGraph(store);
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    LayoutResult unbounded = layoutView(store, view, options);
    options.timeLimit = std::chrono::seconds(60);
    LayoutResult bounded = layoutView(store, view, options);
    ASSERT_EQ(bounded.nodes.size(), unbounded.nodes.size());
    for (std::size_t i = 0; i < bounded.nodes.size(); ++i) {
        EXPECT_EQ(bounded.nodes[i].centre.x, unbounded.nodes[i].centre.x);
        EXPECT_EQ(bounded.nodes[i].centre.y, unbounded.nodes[i].centre.y);
    }
    ASSERT_EQ(bounded.edges.size(), unbounded.edges.size());
    for (std::size_t i = 0; i < bounded.edges.size(); ++i)
        EXPECT_EQ(bounded.edges[i].spline.size(), unbounded.edges[i].spline.size());
    EXPECT_EQ(bounded.engine, LayoutEngine::Dot);
}

TEST(Layout, SlowDotFallsBackToSfdpWithinTheLimit)
{
    GraphStore store = denseStore(150, 600);
    View view = wholeGraph(store);
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.timeLimit = std::chrono::milliseconds(3000);
    LayoutResult result = layoutView(store, view, options);
    EXPECT_EQ(result.engine, LayoutEngine::Sfdp);
    ASSERT_FALSE(result.messages.empty());
    EXPECT_NE(result.messages.front().find("dot did not finish within 3 s"), std::string::npos)
        << result.messages.front();
    EXPECT_NE(result.messages.front().find("sfdp"), std::string::npos);
    expectWellFormed(store, view, result);
}

TEST(Layout, CancelFlagStopsALongLayout)
{
    GraphStore store = denseStore(150, 600);
    View view = wholeGraph(store);
    std::atomic<bool> cancel{false};
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.cancel = &cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel = true;
    });
    try {
        layoutView(store, view, options);
        ADD_FAILURE() << "a cancelled layout returned";
    } catch (const LayoutError &error) {
        EXPECT_NE(std::string(error.what()).find("cancelled"), std::string::npos) << error.what();
    }
    canceller.join();
}

TEST(Layout, AlreadyCancelledThrowsBeforeWork)
{
    GraphStore store = smallStore();
    std::atomic<bool> cancel{true};
    LayoutOptions options;
    options.cancel = &cancel;
    EXPECT_THROW(layoutView(store, wholeGraph(store), options), LayoutError);
}

TEST(Layout, EngineNamesRoundTripAndUnknownNamesListTheValidOnes)
{
    for (LayoutEngine engine : allLayoutEngines())
        EXPECT_EQ(parseLayoutEngine(layoutEngineName(engine)), engine);
    EXPECT_EQ(allLayoutEngines().size(), 6u);
    try {
        parseLayoutEngine("spring");
        FAIL() << "no error for an unknown engine";
    } catch (const UserError &error) {
        std::string text = error.what();
        EXPECT_NE(text.find("spring"), std::string::npos);
        EXPECT_NE(text.find("dot, neato, fdp, sfdp, circo, twopi"), std::string::npos) << text;
    }
}

TEST(Layout, FormatNamesParseAndUnknownNamesListTheValidOnes)
{
    EXPECT_EQ(parseDiagramFormat("dot"), DiagramFormat::Dot);
    EXPECT_EQ(parseDiagramFormat("svg"), DiagramFormat::Svg);
    EXPECT_EQ(parseDiagramFormat("png"), DiagramFormat::Png);
    EXPECT_EQ(parseDiagramFormat("pdf"), DiagramFormat::Pdf);
    try {
        parseDiagramFormat("jpeg");
        FAIL() << "no error for an unknown format";
    } catch (const UserError &error) {
        EXPECT_NE(std::string(error.what()).find("dot, svg, png, pdf"), std::string::npos)
            << error.what();
    }
}

TEST(Layout, FirstClassKindsHaveDistinctStylesOthersAreNeutral)
{
    std::set<std::string_view> fills, shapes;
    for (std::string_view kind : {"person", "organisation", "event", "country", "topic"}) {
        KindStyle style = styleOfKind(kind);
        fills.insert(style.fill);
        shapes.insert(style.shape);
    }
    EXPECT_EQ(fills.size(), 5u);
    EXPECT_EQ(shapes.size(), 5u);
    KindStyle other = styleOfKind("document");
    EXPECT_EQ(other.fill, styleOfKind("vessel").fill);
    EXPECT_EQ(other.label, "Other");
    EXPECT_FALSE(fills.contains(other.fill));
}
