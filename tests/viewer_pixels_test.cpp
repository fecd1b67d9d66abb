// The viewer's frames rendered in this process under an Xvfb of the test's
// own (Mesa's software GL), read back as pixels: what a user sees of a node
// does not change when a filter is toggled off and on or an edit is undone
// (issue 13 part 4), through both of the canvas's draw paths. Skipped when
// Xvfb is missing.
#include "test_paths.hpp"
#include "xvfb_server.hpp"

#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "viewer_fixture.hpp"
#include "actions.hpp"
#include "app.hpp"
#include "platform.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

using namespace liaison;
using namespace liaison::viewer;

namespace {

struct Box {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0; // pixels, inclusive-exclusive
};

class ViewerPixels : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override {
#if defined(__SANITIZE_ADDRESS__)
        GTEST_SKIP() << "Mesa's GL driver leaks in-process (LSan); the normal build runs this test";
#endif
        if (::access("/usr/bin/Xvfb", X_OK) != 0)
            GTEST_SKIP() << "Xvfb not installed";
        m_server.emplace();
        if (m_server->display < 0)
            GTEST_SKIP() << "Xvfb did not start";
        ::setenv("DISPLAY", (":" + std::to_string(m_server->display)).c_str(), 1);
        WindowOptions options;
        options.width = 1000, options.height = 700;
        options.visible = false, options.vsync = false;
        m_window.emplace(options);

        // A fixed layout: nodes on a slanted row, 150 points apart.
        liaison::test::openSmallGraph(
            app, [](EntityIndex e) { return Point{static_cast<double>(e) * 150, static_cast<double>(e % 3) * 60}; },
            90, 40);
        if (GetParam())
            app.canvas.gpuAbove = 0; // the GPU buffers and their cached picture, even for six nodes
        for (int i = 0; i < 3; ++i)
            frame();
        app.autoLayout = true; // a relayout would now run, and move nodes: none may
    }
    void TearDown() override {
        m_window.reset();
        m_server.reset();
    }

    // Renders a frame and keeps its pixels.
    void frame() {
        refreshFonts(app, *m_window, m_ranges);
        m_window->beginFrame(0);
        buildFrame(app);
        m_window->render();
        m_pixels = m_window->readPixels(m_width, m_height);
        m_window->swap();
    }
    // Where `id` was drawn in the last frame, its box grown by 4 pixels.
    Box boxOf(const std::string &id) {
        const EntityIndex e = app.scene.store->findById(id);
        for (const DrawnNode &d : app.canvas.drawn)
            if (app.scene.nodes[d.slot].entity == e)
                return {static_cast<int>(std::floor(d.x - d.w / 2)) - 4, static_cast<int>(std::floor(d.y - d.h / 2)) - 4,
                        static_cast<int>(std::ceil(d.x + d.w / 2)) + 4, static_cast<int>(std::ceil(d.y + d.h / 2)) + 4};
        ADD_FAILURE() << id << " not drawn";
        return {};
    }
    std::vector<std::uint8_t> pixelsIn(Box b) const {
        std::vector<std::uint8_t> out;
        for (int y = std::max(b.y0, 0); y < std::min(b.y1, m_height); ++y)
            for (int x = std::max(b.x0, 0); x < std::min(b.x1, m_width); ++x)
                out.insert(out.end(), &m_pixels[(static_cast<std::size_t>(y) * m_width + x) * 4],
                           &m_pixels[(static_cast<std::size_t>(y) * m_width + x) * 4 + 3]);
        return out;
    }
    // Distinct colours among the pixels: a drawn node shows more than the background.
    static std::size_t colours(const std::vector<std::uint8_t> &rgb) {
        std::vector<std::uint32_t> seen;
        for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
            seen.push_back(rgb[i] | rgb[i + 1] << 8 | rgb[i + 2] << 16);
        std::sort(seen.begin(), seen.end());
        return static_cast<std::size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
    }

    AppState app;
    std::optional<liaison::test::XServer> m_server;
    std::optional<Window> m_window;
    std::vector<unsigned short> m_ranges;
    std::vector<std::uint8_t> m_pixels;
    int m_width = 0, m_height = 0;
};

} // namespace

TEST_P(ViewerPixels, AFilterToggleAndAnUndoLeaveEachNodesPixelsAsTheyWere) {
    const char *ids[] = {"person:li-wei", "event:iac2017", "organisation:ndc"};
    std::vector<Box> boxes;
    std::vector<std::vector<std::uint8_t>> before;
    for (const char *id : ids) {
        boxes.push_back(boxOf(id));
        before.push_back(pixelsIn(boxes.back()));
        ASSERT_GT(colours(before.back()), 2u) << id << " is drawn (fill, outline or label over the background)";
    }
    auto unchanged = [&](const char *when) {
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const Box now = boxOf(ids[i]);
            EXPECT_EQ(now.x0, boxes[i].x0) << ids[i] << " after " << when;
            EXPECT_EQ(now.y0, boxes[i].y0) << ids[i] << " after " << when;
            EXPECT_TRUE(pixelsIn(boxes[i]) == before[i]) << ids[i] << "'s pixels after " << when;
        }
        EXPECT_FALSE(app.layoutPending) << "no relayout after " << when;
    };
    app.filters.hiddenKinds.insert("topic");
    markFiltersChanged(app);
    frame();
    frame();
    app.filters.hiddenKinds.clear();
    markFiltersChanged(app);
    frame();
    frame();
    unchanged("a kind filter toggled off and on");
    hideEntity(app, "person:chuang-ming-fen");
    frame();
    frame();
    undo(app);
    frame();
    frame();
    unchanged("a hide and its undo");
}

INSTANTIATE_TEST_SUITE_P(DrawPaths, ViewerPixels, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &info) {
                             return std::string(info.param ? "GpuBuffers" : "DrawList");
                         });

#else

TEST(ViewerPixels, SkippedWithoutTheViewer) { GTEST_SKIP() << "built without liaison-viewer"; }

#endif
