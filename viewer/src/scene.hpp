// The canvas's drawable data, built once per finished layout: world-space
// nodes and edges (Graphviz points, y down), per-kind style, and the
// adjacency used for hover highlighting. Read-only while drawing.
#pragma once

#include "camera.hpp"
#include "layout_job.hpp"
#include "shapes.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace liaison::viewer {

struct SceneNode {
    EntityIndex entity = kNoEntity; // in Scene::store
    float x = 0, y = 0;             // centre, world
    float w = 0, h = 0;             // size, points (the layout's, scaled by the encoding)
    float baseW = 0, baseH = 0;     // the layout's size
    std::uint32_t fill = 0;
    std::uint32_t text = 0;
    const UnitShape *shape = nullptr;
    bool visible = true;            // false when the current view dropped it
    std::uint32_t labelRank = ~0u;  // 0 = labelled first; the top N are labelled at any zoom
};

struct SceneEdge {
    RelationIndex relation = 0;
    std::uint32_t from = 0, to = 0; // node slots
    std::vector<Vec2> spline;       // world; cubic Bezier p0 c c p c c p ...
    bool arrow = false;
    Vec2 arrowTip;
    float minX = 0, minY = 0, maxX = 0, maxY = 0; // bounding box, world
    bool visible = true; // false when the current view dropped the relation
    std::uint32_t colour = 0; // by relation kind when the encoding asks for it; 0 = neutral
    float width = 1;          // pixels; thicker for weighted links (shared occasions)
};

// Square world cells over the scene's box (both indexes below share them).
struct GridLayout {
    float minX = 0, minY = 0, cell = 1;
    int columns = 0, rows = 0;
    int column(float x) const; // clamped to the grid
    int row(float y) const;
};

// Spatial index of the scene's nodes: square world cells, nodes sorted by
// (row, column) so that the nodes of a run of cells in one row are one
// contiguous range of `order`. Picking, label candidates and the GPU's
// per-row draws all come from it; built once per layout.
struct NodeGrid : GridLayout {
    std::vector<std::uint32_t> start; // rows*columns + 1 offsets into `order`
    std::vector<std::uint32_t> order; // node slots, by cell
    float maxHalfW = 0, maxHalfH = 0; // largest node half size, world
    // Ranges of `order` (begin, end) whose cells meet the world box, one per
    // row; a node whose centre lies outside the box but whose shape reaches
    // into it is included (the box is grown by the largest half size).
    void query(float x0, float y0, float x1, float y1,
               std::vector<std::pair<std::uint32_t, std::uint32_t>> &ranges) const;
};

// Spatial index of the scene's edges as straight lines between their nodes'
// centres (what link picking measures against): the cells of NodeGrid's
// layout each list the edge slots whose line passes through them (sampled
// every half cell). Built with the node grid.
struct LinkGrid : GridLayout {
    std::vector<std::uint32_t> start; // rows*columns + 1 offsets into `order`
    std::vector<std::uint32_t> order; // edge slots, by cell (an edge once per cell it crosses)
};

struct Scene {
    std::shared_ptr<const GraphStore> store; // the store the layout was computed from
    std::vector<SceneNode> nodes;
    std::vector<SceneEdge> edges;
    std::vector<std::uint32_t> adjacencyStart; // CSR: node slot -> incident edge slots
    std::vector<std::uint32_t> adjacency;
    std::vector<std::uint32_t> slotOfEntity;   // entity index -> node slot, kNoSlot if absent
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    std::vector<std::string> messages;         // the layout's notices
    NodeGrid grid;
    LinkGrid links;
    // Changes whenever nodes, edges or their visibility change (GPU buffers
    // are rebuilt when it differs from what they were built from).
    std::uint64_t version = 0;

    static constexpr std::uint32_t kNoSlot = ~std::uint32_t{0};
    bool empty() const { return nodes.empty(); }
    std::uint32_t slotOf(EntityIndex e) const {
        return e < slotOfEntity.size() ? slotOfEntity[e] : kNoSlot;
    }
};

Scene buildScene(const LayoutSnapshot &snapshot);

// Marks nodes and edges absent from `view` (a view over `store`, which may be a newer
// store than the scene's) invisible, so filters act before the relayout ends.
void updateVisibility(Scene &scene, const GraphStore &store, const View &view);
// After nodes or edges were edited in place (a drag, a new encoding): the GPU
// buffers are rebuilt on the next frame; `moved` rebuilds the picking grid too.
void markSceneChanged(Scene &scene, bool moved = false);

} // namespace liaison::viewer
