// Picking through the scene's spatial indexes (viewer/src/picking.hpp): the
// one link picker the aggregated view and the people network share, and the
// node picker, checked against a plain scan of the scene.
#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "picking.hpp"
#include "scene.hpp"

#include <cmath>
#include <random>

using namespace liaison;
using namespace liaison::viewer;

namespace {

// `n` nodes at random places in a 4000 x 3000 point box, `links` random
// pairs linked, every third one of kind "met", the others "rolled_up".
Scene randomScene(std::size_t n, std::size_t links, unsigned seed) {
    auto store = std::make_shared<GraphStore>();
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> x(0, 4000), y(0, 3000);
    std::uniform_int_distribution<std::size_t> any(0, n - 1);
    LayoutResult result;
    View view;
    for (std::size_t i = 0; i < n; ++i) {
        Entity e;
        e.kind = "person";
        e.id = "person:p" + std::to_string(i);
        e.name = e.id;
        view.entities.push_back(store->addEntity(std::move(e)));
        result.nodes.push_back({view.entities.back(), {x(rng), y(rng)}, 40, 24});
    }
    for (std::size_t i = 0; i < links; ++i) {
        std::size_t a = any(rng), b = any(rng);
        if (a == b)
            continue;
        Relation r;
        r.kind = i % 3 == 0 ? "met" : "rolled_up";
        r.from = store->entity(static_cast<EntityIndex>(a)).id;
        r.to = store->entity(static_cast<EntityIndex>(b)).id;
        view.relations.push_back(store->addRelation(std::move(r)));
        result.edges.push_back({view.relations.back(), {}, false, {}});
    }
    return buildScene(LayoutSnapshot{store, view, result});
}

double distance(const Scene &s, const SceneEdge &e, double px, double py) {
    const SceneNode &a = s.nodes[e.from], &b = s.nodes[e.to];
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

// What the canvas did before the index: every edge measured.
std::uint32_t scanEdges(const Scene &s, double x, double y, double zoom, double radiusPx, std::string_view kind) {
    std::uint32_t best = Scene::kNoSlot;
    double bestDistance = radiusPx / zoom;
    for (std::uint32_t i = 0; i < s.edges.size(); ++i) {
        const SceneEdge &e = s.edges[i];
        if (!e.visible || !s.nodes[e.from].visible || !s.nodes[e.to].visible ||
            s.store->relation(e.relation).kind != kind)
            continue;
        const double d = distance(s, e, x, y);
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

auto ofKind(const Scene &s, std::string_view kind) {
    return [&s, kind](const SceneEdge &e) { return s.store->relation(e.relation).kind == kind; };
}

} // namespace

TEST(Picking, TheLinkIndexFindsWhatAScanOfEveryEdgeFinds) {
    Scene scene = randomScene(400, 900, 7);
    // Some nodes and links hidden, as a filter would.
    for (std::size_t i = 0; i < scene.nodes.size(); i += 17)
        scene.nodes[i].visible = false;
    for (std::size_t i = 0; i < scene.edges.size(); i += 11)
        scene.edges[i].visible = false;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> x(-100, 4100), y(-3100, 100), unit(0, 1), offset(-8, 8);
    std::uniform_int_distribution<std::size_t> anyEdge(0, scene.edges.size() - 1);
    std::size_t found = 0;
    for (double zoom : {0.05, 0.3, 1.0, 4.0})
        for (int i = 0; i < 500; ++i) {
            // Half anywhere, half within 8 pixels of some link.
            double px = x(rng), py = y(rng);
            if (i % 2) {
                const SceneEdge &e = scene.edges[anyEdge(rng)];
                const double t = unit(rng);
                px = scene.nodes[e.from].x + t * (scene.nodes[e.to].x - scene.nodes[e.from].x) + offset(rng) / zoom;
                py = scene.nodes[e.from].y + t * (scene.nodes[e.to].y - scene.nodes[e.from].y) + offset(rng) / zoom;
            }
            for (std::string_view kind : {"met", "rolled_up"}) {
                const std::uint32_t want = scanEdges(scene, px, py, zoom, 5, kind);
                EXPECT_EQ(pickEdge(scene, px, py, zoom, 5, ofKind(scene, kind)), want)
                    << kind << " at " << px << "," << py << " zoom " << zoom;
                found += want != Scene::kNoSlot;
            }
        }
    EXPECT_GT(found, 500u) << "the points tried do hit links";
}

TEST(Picking, ALongLinkIsFoundAlongItsWholeLengthAndOnlyNearIt) {
    Scene scene = randomScene(2, 0, 1);
    auto store = std::const_pointer_cast<GraphStore>(scene.store);
    LayoutResult result;
    View view{{0, 1}, {}};
    Relation r;
    r.kind = "met";
    r.from = store->entity(0).id;
    r.to = store->entity(1).id;
    view.relations.push_back(store->addRelation(std::move(r)));
    result.nodes = {{0, {0, 0}, 40, 24}, {1, {3000, 2000}, 40, 24}};
    result.edges = {{view.relations[0], {}, false, {}}};
    scene = buildScene(LayoutSnapshot{store, view, result});
    ASSERT_EQ(scene.edges.size(), 1u);
    // World y is the layout's y negated.
    for (double t : {0.0, 0.01, 0.25, 0.5, 0.77, 0.99, 1.0})
        EXPECT_EQ(pickEdge(scene, 3000 * t, -2000 * t, 1, 5, ofKind(scene, "met")), 0u) << "at t=" << t;
    EXPECT_EQ(pickEdge(scene, 1500, -1000 + 20, 1, 5, ofKind(scene, "met")), Scene::kNoSlot) << "20 px off the line";
    EXPECT_EQ(pickEdge(scene, 1500, -1000 + 20, 0.1, 5, ofKind(scene, "met")), 0u) << "2 px off at zoom 0.1";
    EXPECT_EQ(pickEdge(scene, 1500, -1000, 1, 5, ofKind(scene, "rolled_up")), Scene::kNoSlot) << "another kind";
}

TEST(Picking, TheTopmostVisibleNodeUnderThePointIsPicked) {
    Scene scene = randomScene(300, 0, 11);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> x(0, 4000), y(-3000, 0);
    for (double zoom : {0.02, 0.5, 2.0})
        for (int i = 0; i < 1000; ++i) {
            const double px = x(rng), py = y(rng);
            std::uint32_t want = Scene::kNoSlot;
            for (std::uint32_t slot : scene.grid.order) { // drawing order: the last one is on top
                const SceneNode &n = scene.nodes[slot];
                const double hw = std::max(n.w * zoom / 2, 3.0) / zoom, hh = std::max(n.h * zoom / 2, 3.0) / zoom;
                if (n.visible && std::fabs(px - n.x) <= hw && std::fabs(py - n.y) <= hh)
                    want = slot;
            }
            EXPECT_EQ(pickNode(scene, px, py, zoom), want) << px << "," << py << " zoom " << zoom;
        }
    const SceneNode &first = scene.nodes[0];
    EXPECT_EQ(pickNode(scene, first.x, first.y, 1), 0u);
    scene.nodes[0].visible = false;
    EXPECT_NE(pickNode(scene, first.x, first.y, 1), 0u) << "a hidden node is not picked";
}

#else

TEST(Picking, SkippedWithoutTheViewer) { GTEST_SKIP() << "built without liaison-viewer"; }

#endif
