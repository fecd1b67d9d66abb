// Issue 13 part 3, labels that read, headless (viewer_fixture.hpp): the
// label size follows the zoom within bounds, labels drawn never overlap,
// and a long name is cut with an ellipsis unless it is selected. Without a
// baked atlas, a label font of N em pixels is ImGui's font at N pixels, so
// a label's height is its em size. The Xvfb test of the opening view
// (viewer_test.cpp) checks the real fonts.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "viewer_fixture.hpp"

#include <algorithm>

using namespace liaison;
using namespace liaison::viewer;

namespace {

class Labels : public liaison::test::HeadlessViewer {
protected:
    void SetUp() override {
        HeadlessViewer::SetUp();
        liaison::test::openFixtureGraph(
            app, "long_name.json",
            [](EntityIndex e) { return Point{static_cast<double>(e) * 150, static_cast<double>(e % 2) * 50}; }, 60,
            36);
        frame();
        frame();
    }
    struct Label {
        std::string id;
        float x0, y0, x1, y1;
    };
    std::vector<Label> labels() const {
        std::vector<Label> out;
        for (const DrawnNode &d : app.canvas.drawn)
            if (d.label)
                out.push_back({app.scene.store->entity(app.scene.nodes[d.slot].entity).id, d.labelX0, d.labelY0,
                               d.labelX1, d.labelY1});
        return out;
    }
    const Label *labelOf(const std::vector<Label> &all, const std::string &id) const {
        for (const Label &l : all)
            if (l.id == id)
                return &l;
        return nullptr;
    }
};

} // namespace

TEST_F(Labels, TheirSizeFollowsTheZoomWithinBoundsAndNoneOverlap) {
    // Graphviz's 14 pt at the zoom, from 12 to 22 em pixels.
    for (double zoom : {0.3, 0.6, 1.0, 1.4, 3.0}) {
        app.camera.zoom = zoom;
        frame();
        frame();
        const std::vector<Label> all = labels();
        ASSERT_FALSE(all.empty()) << "zoom " << zoom;
        const float em = std::clamp(static_cast<float>(14 * zoom), 12.f, 22.f);
        for (const Label &l : all)
            EXPECT_NEAR(l.y1 - l.y0, em, 0.5f) << l.id << " at zoom " << zoom;
        for (std::size_t i = 0; i < all.size(); ++i)
            for (std::size_t j = i + 1; j < all.size(); ++j) {
                const Label &a = all[i], &b = all[j];
                EXPECT_FALSE(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
                    << a.id << " and " << b.id << " overlap at zoom " << zoom;
            }
    }
}

TEST_F(Labels, ALongNameIsCutUnlessSelected) {
    app.camera.zoom = 1;
    frame();
    frame();
    const float em = 14;
    const std::vector<Label> before = labels(); // labelOf points into it: keep it alive
    const Label *cut = labelOf(before, "event:panel");
    ASSERT_NE(cut, nullptr) << "the panel is labelled";
    EXPECT_LE(cut->x1 - cut->x0, 12 * em + 1) << "at most 12 em, with the ellipsis";
    EXPECT_GT(cut->x1 - cut->x0, 8 * em) << "most of the room is used";
    const float cutWidth = cut->x1 - cut->x0;
    select(app, app.doc.store->findById("event:panel"));
    frame();
    frame();
    const std::vector<Label> after = labels();
    const Label *whole = labelOf(after, "event:panel");
    ASSERT_NE(whole, nullptr);
    EXPECT_GT(whole->x1 - whole->x0, cutWidth * 1.5f) << "selected, the whole name is shown";
}

#else

TEST(Labels, SkippedWithoutTheViewer) { GTEST_SKIP() << "built without liaison-viewer"; }

#endif
