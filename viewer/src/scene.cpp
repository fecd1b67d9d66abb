#include "scene.hpp"

#include <algorithm>
#include <cmath>

namespace liaison::viewer {

namespace {

Vec2 world(Point p) { return {static_cast<float>(p.x), static_cast<float>(-p.y)}; }

void growBox(SceneEdge &e, Vec2 p) {
    e.minX = std::min(e.minX, p.x);
    e.minY = std::min(e.minY, p.y);
    e.maxX = std::max(e.maxX, p.x);
    e.maxY = std::max(e.maxY, p.y);
}

std::uint64_t nextVersion() {
    static std::uint64_t version = 0; // UI thread only
    return ++version;
}

// About four nodes per cell.
NodeGrid buildGrid(const Scene &scene) {
    NodeGrid grid;
    const std::size_t n = scene.nodes.size();
    if (n == 0)
        return grid;
    const float width = std::max(scene.maxX - scene.minX, 1.f), height = std::max(scene.maxY - scene.minY, 1.f);
    grid.cell = std::max(std::sqrt(width * height * 4.f / static_cast<float>(n)), 1.f);
    grid.minX = scene.minX;
    grid.minY = scene.minY;
    grid.columns = static_cast<int>(width / grid.cell) + 1;
    grid.rows = static_cast<int>(height / grid.cell) + 1;
    grid.start.assign(static_cast<std::size_t>(grid.columns) * grid.rows + 1, 0);
    auto cellOf = [&](const SceneNode &node) {
        return static_cast<std::size_t>(grid.row(node.y)) * grid.columns + grid.column(node.x);
    };
    for (const SceneNode &node : scene.nodes) {
        ++grid.start[cellOf(node) + 1];
        grid.maxHalfW = std::max(grid.maxHalfW, node.w / 2);
        grid.maxHalfH = std::max(grid.maxHalfH, node.h / 2);
    }
    for (std::size_t i = 1; i < grid.start.size(); ++i)
        grid.start[i] += grid.start[i - 1];
    grid.order.resize(n);
    std::vector<std::uint32_t> fill(grid.start.begin(), grid.start.end() - 1);
    for (std::uint32_t slot = 0; slot < n; ++slot)
        grid.order[fill[cellOf(scene.nodes[slot])]++] = slot;
    return grid;
}

// Every edge in the cells of points half a cell apart along its line (a
// straight line enters each cell once, so an edge is listed once per cell).
LinkGrid buildLinkGrid(const Scene &scene) {
    LinkGrid links;
    static_cast<GridLayout &>(links) = scene.grid;
    if (links.columns == 0)
        return links;
    auto forEachCell = [&](const SceneEdge &e, auto &&visit) {
        const SceneNode &a = scene.nodes[e.from], &b = scene.nodes[e.to];
        const int steps = static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / (links.cell / 2)));
        std::size_t last = ~std::size_t{0};
        for (int i = 0; i <= steps; ++i) {
            const float t = steps == 0 ? 0.f : static_cast<float>(i) / static_cast<float>(steps);
            const std::size_t cell = static_cast<std::size_t>(links.row(a.y + t * (b.y - a.y))) * links.columns +
                                     static_cast<std::size_t>(links.column(a.x + t * (b.x - a.x)));
            if (cell != last)
                visit(cell);
            last = cell;
        }
    };
    links.start.assign(static_cast<std::size_t>(links.columns) * links.rows + 1, 0);
    for (const SceneEdge &e : scene.edges)
        forEachCell(e, [&](std::size_t cell) { ++links.start[cell + 1]; });
    for (std::size_t i = 1; i < links.start.size(); ++i)
        links.start[i] += links.start[i - 1];
    links.order.resize(links.start.back());
    std::vector<std::uint32_t> fill(links.start.begin(), links.start.end() - 1);
    for (std::uint32_t slot = 0; slot < scene.edges.size(); ++slot)
        forEachCell(scene.edges[slot], [&](std::size_t cell) { links.order[fill[cell]++] = slot; });
    return links;
}

} // namespace

int GridLayout::column(float x) const {
    return std::clamp(static_cast<int>((x - minX) / cell), 0, std::max(columns - 1, 0));
}

int GridLayout::row(float y) const {
    return std::clamp(static_cast<int>((y - minY) / cell), 0, std::max(rows - 1, 0));
}

void NodeGrid::query(float x0, float y0, float x1, float y1,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>> &ranges) const {
    ranges.clear();
    if (order.empty())
        return;
    x0 -= maxHalfW, x1 += maxHalfW, y0 -= maxHalfH, y1 += maxHalfH;
    if (x1 < minX || y1 < minY || x0 > minX + cell * columns || y0 > minY + cell * rows)
        return;
    const int c0 = column(x0), c1 = column(x1);
    for (int r = row(y0); r <= row(y1); ++r) {
        const std::size_t base = static_cast<std::size_t>(r) * columns;
        if (start[base + c0] < start[base + c1 + 1])
            ranges.emplace_back(start[base + c0], start[base + c1 + 1]);
    }
}

Scene buildScene(const LayoutSnapshot &snapshot) {
    Scene scene;
    scene.store = snapshot.store;
    scene.messages = snapshot.result.messages;
    const GraphStore &store = *snapshot.store;
    scene.slotOfEntity.assign(store.entityCount(), Scene::kNoSlot);
    scene.nodes.reserve(snapshot.result.nodes.size());
    bool first = true;
    for (const NodeLayout &n : snapshot.result.nodes) {
        const Entity &entity = store.entity(n.entity);
        KindStyle style = styleOfKind(entity.kind);
        SceneNode node;
        node.entity = n.entity;
        Vec2 c = world(n.centre);
        node.x = c.x;
        node.y = c.y;
        node.w = node.baseW = static_cast<float>(std::max(n.width, 1.0));
        node.h = node.baseH = static_cast<float>(std::max(n.height, 1.0));
        node.fill = parseColour(style.fill);
        node.text = textColourOn(node.fill);
        node.shape = &unitShape(style.shape);
        scene.slotOfEntity[n.entity] = static_cast<std::uint32_t>(scene.nodes.size());
        float x0 = c.x - node.w / 2, x1 = c.x + node.w / 2, y0 = c.y - node.h / 2, y1 = c.y + node.h / 2;
        if (first) {
            scene.minX = x0, scene.maxX = x1, scene.minY = y0, scene.maxY = y1;
            first = false;
        }
        scene.minX = std::min(scene.minX, x0);
        scene.maxX = std::max(scene.maxX, x1);
        scene.minY = std::min(scene.minY, y0);
        scene.maxY = std::max(scene.maxY, y1);
        scene.nodes.push_back(node);
    }

    scene.edges.reserve(snapshot.result.edges.size());
    for (const EdgeLayout &l : snapshot.result.edges) {
        SceneEdge e;
        e.relation = l.relation;
        e.from = scene.slotOf(store.relationSource(l.relation));
        e.to = scene.slotOf(store.relationTarget(l.relation));
        if (e.from == Scene::kNoSlot || e.to == Scene::kNoSlot)
            continue;
        const SceneNode &a = scene.nodes[e.from];
        const SceneNode &b = scene.nodes[e.to];
        // A spline is 1 + 3k points; anything else is drawn as a straight line.
        if (l.spline.size() >= 4 && (l.spline.size() - 1) % 3 == 0)
            for (Point p : l.spline)
                e.spline.push_back(world(p));
        else
            e.spline = {{a.x, a.y}, {a.x, a.y}, {b.x, b.y}, {b.x, b.y}};
        e.arrow = l.hasArrowHead;
        e.arrowTip = world(l.arrowTip);
        e.minX = e.maxX = e.spline[0].x;
        e.minY = e.maxY = e.spline[0].y;
        for (Vec2 p : e.spline)
            growBox(e, p);
        if (e.arrow)
            growBox(e, e.arrowTip);
        scene.edges.push_back(std::move(e));
    }

    scene.adjacencyStart.assign(scene.nodes.size() + 1, 0);
    for (const SceneEdge &e : scene.edges) {
        ++scene.adjacencyStart[e.from + 1];
        ++scene.adjacencyStart[e.to + 1];
    }
    for (std::size_t i = 1; i < scene.adjacencyStart.size(); ++i)
        scene.adjacencyStart[i] += scene.adjacencyStart[i - 1];
    scene.adjacency.assign(scene.adjacencyStart.back(), 0);
    std::vector<std::uint32_t> fill(scene.adjacencyStart.begin(), scene.adjacencyStart.end() - 1);
    for (std::uint32_t i = 0; i < scene.edges.size(); ++i) {
        scene.adjacency[fill[scene.edges[i].from]++] = i;
        scene.adjacency[fill[scene.edges[i].to]++] = i;
    }
    scene.grid = buildGrid(scene);
    scene.links = buildLinkGrid(scene);
    scene.version = nextVersion();
    return scene;
}

void markSceneChanged(Scene &scene, bool moved) {
    scene.version = nextVersion();
    if (moved) {
        scene.grid = buildGrid(scene);
        scene.links = buildLinkGrid(scene);
    }
}

void updateVisibility(Scene &scene, const GraphStore &store, const View &view) {
    scene.version = nextVersion();
    std::vector<char> inView(store.entityCount(), 0);
    for (EntityIndex e : view.entities)
        inView[e] = 1;
    const bool sameStore = scene.store.get() == &store;
    for (SceneNode &n : scene.nodes) {
        EntityIndex e = n.entity;
        if (!sameStore) {
            const std::string &id = scene.store->entity(n.entity).id;
            e = store.findById(id);
            // A merged-away id resolves to the survivor, which has its own node.
            if (e != kNoEntity && store.entity(e).id != id)
                e = kNoEntity;
        }
        n.visible = e != kNoEntity && inView[e];
    }
    if (!sameStore) {
        for (SceneEdge &e : scene.edges)
            e.visible = scene.nodes[e.from].visible && scene.nodes[e.to].visible;
        return;
    }
    std::vector<char> relInView(store.relationCount(), 0);
    for (RelationIndex r : view.relations)
        relInView[r] = 1;
    for (SceneEdge &e : scene.edges)
        e.visible = relInView[e.relation] != 0;
}

} // namespace liaison::viewer
