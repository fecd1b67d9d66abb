// Issue 13 part 6: the time slider over dated events (Gephi's timeline).
// Moving its handles filters the view: events outside the window and their
// relations leave the canvas, and every node still shown stays where it was.
// The slider is driven with the mouse, headless (viewer_fixture.hpp).
#include "test_paths.hpp"

#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "viewer_fixture.hpp"
#include "timeline.hpp"

#include <map>

using namespace liaison;
using namespace liaison::viewer;

namespace {

const std::vector<std::string> kStops = {"2017-03-10", "2017-09-27", "2018-05-02"};

class TimeSlider : public liaison::test::HeadlessViewer {
protected:
    void SetUp() override {
        HeadlessViewer::SetUp();
        // timeline.json: three events on three days; nodes on a slanted row.
        liaison::test::openFixtureGraph(
            app, "timeline.json",
            [](EntityIndex e) { return Point{static_cast<double>(e) * 120, static_cast<double>(e % 2) * 80}; }, 60,
            36);
        frame();
        frame();
        app.autoLayout = true; // a relayout would now run, and move nodes: none may
        for (const Entity &e : app.doc.store->entities())
            before[e.id] = nodeOnScreen(e.id);
    }
    // Clicks the slider labelled `label` at `fraction` of its width.
    void slide(const char *label, float fraction) {
        const ImRect r = sideWidget("Filters", label);
        click(ImVec2(r.Min.x + (r.Max.x - r.Min.x) * fraction, (r.Min.y + r.Max.y) / 2));
        frame();
    }
    bool related(const char *from, const char *to) const {
        const GraphStore &store = *app.doc.store;
        for (RelationIndex r : app.view.relations)
            if (store.entity(store.relationSource(r)).id == from && store.entity(store.relationTarget(r)).id == to)
                return true;
        return false;
    }
    void expectUnmoved(const char *when) {
        for (const auto &[id, p] : before) {
            if (!drawn(id))
                continue;
            const ImVec2 now = nodeOnScreen(id);
            EXPECT_NEAR(now.x, p.x, 1.f) << id << " after " << when;
            EXPECT_NEAR(now.y, p.y, 1.f) << id << " after " << when;
        }
        EXPECT_FALSE(app.layoutPending) << "no relayout after " << when;
    }

    std::map<std::string, ImVec2> before;
};

} // namespace

TEST(Timeline, StopsAreTheDaysEventsStartOnAndHandlesPushEachOther) {
    GraphStore store =
        readLiaisonJsonFile((liaison::test::sourceDir() / "tests/fixtures/viewer/timeline.json").string());
    ASSERT_EQ(timelineStops(store), kStops);
    FilterState f;
    EXPECT_EQ(timeWindowOf(f, kStops).first, 0);
    EXPECT_EQ(timeWindowOf(f, kStops).last, 2) << "open ends are the extreme stops";
    moveWindowEnd(f, kStops, 1);
    EXPECT_EQ(f.to, "2017-09-27");
    moveWindowStart(f, kStops, 2);
    EXPECT_EQ(f.from, "2018-05-02");
    EXPECT_EQ(f.to, "") << "the first handle pushed the last one to the end, which is open";
    moveWindowEnd(f, kStops, 0);
    EXPECT_EQ(f.to, "2017-03-10");
    EXPECT_EQ(f.from, "") << "the last handle pushed the first one to the start, which is open";
    // The whole window steps through time, its width kept, up to either end.
    moveWindowStart(f, kStops, 0);
    moveWindowEnd(f, kStops, 0);
    shiftWindow(f, kStops, 1);
    EXPECT_EQ(f.from, "2017-09-27");
    EXPECT_EQ(f.to, "2017-09-27");
    shiftWindow(f, kStops, 5);
    EXPECT_EQ(f.from, "2018-05-02");
    EXPECT_EQ(f.to, "") << "at the last stop the end is open";
    // Typed partial dates fall on the stops they take in.
    f.from = "2017-04";
    f.to = "2017-09";
    EXPECT_EQ(timeWindowOf(f, kStops).first, 1);
    EXPECT_EQ(timeWindowOf(f, kStops).last, 1);
}

TEST_F(TimeSlider, MovingTheWindowHidesEventsOutsideAndTheirRelationsAndMovesNothing) {
    ASSERT_EQ(app.canvas.drawn.size(), 7u);
    slide("first", 0.5f); // the middle stop: IAC 2017
    EXPECT_EQ(app.filters.from, "2017-09-27");
    EXPECT_FALSE(drawn("event:forum")) << "an event before the window";
    EXPECT_FALSE(related("person:alice", "event:forum"));
    EXPECT_TRUE(drawn("event:iac2017"));
    EXPECT_TRUE(related("person:alice", "event:iac2017"));
    EXPECT_TRUE(drawn("event:summit"));
    expectUnmoved("the first handle moved right");

    slide("last", 0.5f);
    EXPECT_EQ(app.filters.to, "2017-09-27");
    EXPECT_FALSE(drawn("event:summit")) << "an event after the window";
    EXPECT_FALSE(related("person:bob", "event:summit"));
    EXPECT_FALSE(related("person:carol", "event:summit"));
    EXPECT_TRUE(drawn("event:iac2017"));
    EXPECT_TRUE(related("person:bob", "event:iac2017"));
    EXPECT_TRUE(related("person:bob", "organisation:ndc")) << "an undated relation stays";
    expectUnmoved("the last handle moved left");

    slide("first", 0.02f); // back to the first stop: the window opens again
    EXPECT_EQ(app.filters.from, "");
    EXPECT_TRUE(drawn("event:forum"));
    EXPECT_TRUE(related("person:alice", "event:forum"));
    expectUnmoved("the first handle moved back"); // the forum too: back where it was
}

TEST_F(TimeSlider, SteppingAOneDayWindowShowsOneEventAtATime) {
    slide("last", 0.02f); // the window: the first day only
    EXPECT_TRUE(drawn("event:forum"));
    EXPECT_FALSE(drawn("event:iac2017"));
    const ImRect later = sideWidget("Filters", "##later");
    click(ImVec2((later.Min.x + later.Max.x) / 2, (later.Min.y + later.Max.y) / 2));
    frame();
    EXPECT_EQ(app.filters.from, "2017-09-27");
    EXPECT_EQ(app.filters.to, "2017-09-27");
    EXPECT_FALSE(drawn("event:forum"));
    EXPECT_TRUE(drawn("event:iac2017"));
    EXPECT_FALSE(drawn("event:summit"));
    EXPECT_TRUE(related("person:bob", "event:iac2017"));
    EXPECT_FALSE(related("person:bob", "event:summit"));
    expectUnmoved("the window stepped later");
}

#else

TEST(TimeSlider, SkippedWithoutTheViewer) { GTEST_SKIP() << "built without liaison-viewer"; }

#endif
