// The size encoding grows a node only into the room the layout left around
// it (viewer/src/encoding.hpp): a hub of a dense cluster must not cover the
// neighbours it met, and a node with room keeps its full size.
#include <gtest/gtest.h>

#ifdef LIAISON_VIEWER_PATH

#include "encoding.hpp"
#include "scene.hpp"

#include <cmath>
#include <string>
#include <vector>

using namespace liaison;
using namespace liaison::viewer;

namespace {

struct Placed {
    const char *id;
    double x, y;
};

// Persons 40 x 24 points at the given places, `links` between them (indexes).
Scene placedScene(const std::vector<Placed> &places, const std::vector<std::pair<int, int>> &links) {
    auto store = std::make_shared<GraphStore>();
    LayoutResult result;
    View view;
    for (const Placed &p : places) {
        Entity e;
        e.kind = "person";
        e.id = p.id;
        e.name = p.id;
        view.entities.push_back(store->addEntity(std::move(e)));
        result.nodes.push_back({view.entities.back(), {p.x, p.y}, 40, 24});
    }
    for (const auto &[a, b] : links) {
        Relation r;
        r.kind = "met";
        r.from = places[a].id;
        r.to = places[b].id;
        view.relations.push_back(store->addRelation(std::move(r)));
        result.edges.push_back({view.relations.back(), {}, false, {}});
    }
    return buildScene(LayoutSnapshot{store, view, result});
}

// The first place linked to every other.
Scene starScene(const std::vector<Placed> &places) {
    std::vector<std::pair<int, int>> links;
    for (int i = 1; i < static_cast<int>(places.size()); ++i)
        links.emplace_back(0, i);
    return placedScene(places, links);
}

float scaleOf(const Scene &scene, const Encoding &encoding, const char *id) {
    return encoding.scale[scene.slotOf(scene.store->findById(id))];
}

} // namespace

TEST(EncodingRoom, AHubGrowsOnlyIntoTheGapItsNeighboursLeave) {
    // The hub has neighbours 50 points to each side: boxes 40 wide leave a
    // 10-point gap, of which the hub may take half (5 points a side: 50/40).
    Scene tight = starScene({{"person:hub", 0, 0}, {"person:w", -50, 0}, {"person:e", 50, 0},
                             {"person:n", 0, -200}, {"person:s", 0, 200}});
    EncodingState state;
    state.size = SizeBy::Degree;
    Encoding encoding = computeEncoding(tight, state, false, true);
    EXPECT_NEAR(scaleOf(tight, encoding, "person:hub"), 1.25f, 1e-3f) << "not the 2x degree would give";
    EXPECT_NEAR(scaleOf(tight, encoding, "person:w"), 0.8f, 1e-3f) << "the smallest still shrinks";

    // With room all around, the hub takes the full 2x.
    Scene loose = starScene({{"person:hub", 0, 0}, {"person:w", -500, 0}, {"person:e", 500, 0},
                             {"person:n", 0, -300}, {"person:s", 0, 300}});
    Encoding roomy = computeEncoding(loose, state, false, true);
    EXPECT_NEAR(scaleOf(loose, roomy, "person:hub"), 2.f, 1e-3f);
    // The entity view keeps the encoding's full range (see computeEncoding).
    EXPECT_NEAR(scaleOf(tight, computeEncoding(tight, state), "person:hub"), 2.f, 1e-3f);
}

TEST(EncodingRoom, NoTwoGrownNodesOverlapInAPackedCluster) {
    // 60 persons 40 x 24 on a 45 x 30 point grid; four hubs met the first
    // 15, 30, 45 and 60 of them, so degrees (and sizes) vary from 1 to 59.
    std::vector<std::string> ids;
    std::vector<Placed> places;
    for (int i = 0; i < 60; ++i)
        ids.push_back("person:p" + std::to_string(i));
    for (int i = 0; i < 60; ++i)
        places.push_back({ids[i].c_str(), (i % 10) * 45.0, (i / 10) * 30.0});
    std::vector<std::pair<int, int>> links;
    const int hubs[] = {3, 17, 34, 52};
    for (int k = 0; k < 4; ++k)
        for (int j = 0; j < 15 * (k + 1); ++j)
            if (j != hubs[k])
                links.emplace_back(hubs[k], j);
    Scene scene = placedScene(places, links);
    EncodingState state;
    state.size = SizeBy::Degree;
    Encoding encoding = computeEncoding(scene, state, false, true);
    std::size_t grown = 0;
    for (float s : encoding.scale)
        grown += s > 1.f;
    EXPECT_GE(grown, 4u) << "the hubs still grow where there is room";
    applyEncoding(scene, encoding);
    for (std::size_t i = 0; i < scene.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < scene.nodes.size(); ++j) {
            const SceneNode &a = scene.nodes[i], &b = scene.nodes[j];
            const bool apart = std::abs(a.x - b.x) >= (a.w + b.w) / 2 - 1e-3f ||
                               std::abs(a.y - b.y) >= (a.h + b.h) / 2 - 1e-3f;
            EXPECT_TRUE(apart) << scene.store->entity(a.entity).id << " and " << scene.store->entity(b.entity).id
                               << " overlap";
        }
}

#endif
