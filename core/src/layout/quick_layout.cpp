#include "liaison/quick_layout.hpp"


#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace liaison {

namespace {

using Clock = std::chrono::steady_clock;

constexpr double kIdealEdge = 90;  // points between linked nodes
constexpr int kMaxIterations = 80;
constexpr double kFontWidth = 14 * 0.55; // points per Latin character at 14pt

// Graphviz-like node size: 0.75 x 0.5 inch at least, wider for the label
// (a CJK character counts as two Latin ones).
void sizeNode(const Entity &entity, NodeLayout &node)
{
    const std::string &name = entity.name.empty() ? entity.id : entity.name;
    double units = 0;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        units += length >= 3 ? 1.8 : 1.0;
        i += length;
    }
    node.width = std::max(54.0, units * kFontWidth + 24);
    node.height = 36;
}

// Deterministic scatter for nodes without a start: a golden-angle spiral,
// so neighbours in view order (often related) start close.
Point spiral(std::size_t i)
{
    const double angle = static_cast<double>(i) * 2.39996322972865332;
    const double radius = kIdealEdge * 0.6 * std::sqrt(static_cast<double>(i) + 0.5);
    return {radius * std::cos(angle), radius * std::sin(angle)};
}

// Nodes bucketed in square cells of `cell` points, rebuilt each iteration.
struct Grid {
    double cell = 1, minX = 0, minY = 0;
    int columns = 1, rows = 1;
    std::vector<std::uint32_t> start, items;

    void build(const std::vector<Point> &p, double cellSize)
    {
        cell = cellSize;
        double maxX = -1e300, maxY = -1e300;
        minX = minY = 1e300;
        for (const Point &q : p) {
            minX = std::min(minX, q.x), minY = std::min(minY, q.y);
            maxX = std::max(maxX, q.x), maxY = std::max(maxY, q.y);
        }
        // At most ~4 cells per node, so a scattered start stays linear.
        const double limit = 4.0 * static_cast<double>(p.size()) + 16;
        while (((maxX - minX) / cell + 1) * ((maxY - minY) / cell + 1) > limit)
            cell *= 2;
        columns = static_cast<int>((maxX - minX) / cell) + 1;
        rows = static_cast<int>((maxY - minY) / cell) + 1;
        start.assign(static_cast<std::size_t>(columns) * rows + 1, 0);
        for (const Point &q : p)
            ++start[index(q) + 1];
        for (std::size_t i = 1; i < start.size(); ++i)
            start[i] += start[i - 1];
        items.resize(p.size());
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::uint32_t i = 0; i < p.size(); ++i)
            items[fill[index(p[i])]++] = i;
    }
    int column(double x) const { return std::clamp(static_cast<int>((x - minX) / cell), 0, columns - 1); }
    int row(double y) const { return std::clamp(static_cast<int>((y - minY) / cell), 0, rows - 1); }
    std::size_t index(const Point &q) const
    {
        return static_cast<std::size_t>(row(q.y)) * columns + column(q.x);
    }
};

// Layouts that hold still (LayoutOptions::seed): entities with a position
// start there and stay; the others start near their placed neighbours.
void seedStart(const GraphStore &store, const View &view, const Positions *seed, QuickLayoutOptions &quick)
{
    if (!seed || seed->empty())
        return;
    const std::size_t n = view.entities.size();
    quick.start.resize(n);
    quick.pinned.assign(n, 0);
    std::vector<Point> sum(n);
    std::vector<int> count(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        auto it = seed->entities.find(store.entity(view.entities[i]).id);
        if (it == seed->entities.end())
            continue;
        quick.start[i] = {it->second.x, it->second.y};
        quick.pinned[i] = 1;
    }
    auto slot = [&](EntityIndex e) {
        return static_cast<std::size_t>(std::lower_bound(view.entities.begin(), view.entities.end(), e) -
                                        view.entities.begin());
    };
    for (RelationIndex r : view.relations) {
        const std::size_t a = slot(store.relationSource(r)), b = slot(store.relationTarget(r));
        if (a >= n || b >= n)
            continue;
        if (quick.pinned[a])
            sum[b].x += quick.start[a].x, sum[b].y += quick.start[a].y, ++count[b];
        if (quick.pinned[b])
            sum[a].x += quick.start[b].x, sum[a].y += quick.start[b].y, ++count[a];
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (quick.pinned[i])
            continue;
        const Point offset = spiral(i);
        quick.start[i] = count[i] ? Point{sum[i].x / count[i] + offset.x * 0.2, sum[i].y / count[i] + offset.y * 0.2}
                                  : offset;
    }
}

} // namespace

LayoutResult quickLayout(const GraphStore &store, const View &view, const QuickLayoutOptions &options)
{
    const auto started = Clock::now();
    const std::size_t n = view.entities.size();
    LayoutResult result;
    result.placedQuickly = true;
    result.messages.push_back("placed by Liaison's quick force-directed placement (straight edges)");
    result.nodes.resize(n);
    std::vector<Point> p(n);
    for (std::size_t i = 0; i < n; ++i) {
        result.nodes[i].entity = view.entities[i];
        sizeNode(store.entity(view.entities[i]), result.nodes[i]);
        p[i] = i < options.start.size() ? options.start[i] : spiral(i);
    }
    auto pinned = [&](std::size_t i) { return i < options.pinned.size() && options.pinned[i]; };
    auto slot = [&](EntityIndex e) {
        return static_cast<std::uint32_t>(std::lower_bound(view.entities.begin(), view.entities.end(), e) -
                                          view.entities.begin());
    };
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    links.reserve(view.relations.size());
    for (RelationIndex r : view.relations) {
        std::uint32_t a = slot(store.relationSource(r)), b = slot(store.relationTarget(r));
        if (a < n && b < n && a != b)
            links.emplace_back(a, b);
    }

    // Fruchterman-Reingold: repulsion k^2/d from nodes in the 3x3 cells
    // around (cells of 2k: farther pushes are negligible), attraction d^2/k
    // along links, moves capped by a temperature that cools linearly.
    const double k = kIdealEdge;
    std::vector<Point> force(n);
    Grid grid;
    double temperature = k * std::sqrt(static_cast<double>(std::max<std::size_t>(n, 1)));
    const double cooling = temperature / kMaxIterations;
    const bool allPinned = options.pinned.size() >= n && std::all_of(options.pinned.begin(), options.pinned.end(),
                                                                     [](char pinned) { return pinned != 0; });
    for (int iteration = 0; iteration < kMaxIterations && n > 1 && !allPinned; ++iteration) {
        if (Clock::now() - started > options.budget ||
            (options.cancel && options.cancel->load(std::memory_order_relaxed)))
            break;
        std::fill(force.begin(), force.end(), Point{});
        grid.build(p, 2 * k);
        for (std::size_t i = 0; i < n; ++i) {
            const int cx = grid.column(p[i].x), cy = grid.row(p[i].y);
            for (int y = std::max(cy - 1, 0); y <= std::min(cy + 1, grid.rows - 1); ++y)
                for (int x = std::max(cx - 1, 0); x <= std::min(cx + 1, grid.columns - 1); ++x) {
                    const std::size_t c = static_cast<std::size_t>(y) * grid.columns + x;
                    for (std::uint32_t s = grid.start[c]; s < grid.start[c + 1]; ++s) {
                        const std::uint32_t j = grid.items[s];
                        if (j == i)
                            continue;
                        double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
                        double d2 = dx * dx + dy * dy;
                        if (d2 < 1e-4) { // coincident: a deterministic nudge
                            dx = static_cast<double>((i * 7919 + j) % 13) - 6 + 0.5;
                            dy = static_cast<double>((i * 104729 + j) % 11) - 5 + 0.5;
                            d2 = dx * dx + dy * dy;
                        }
                        const double push = k * k / d2;
                        force[i].x += dx * push;
                        force[i].y += dy * push;
                    }
                }
        }
        for (auto [a, b] : links) {
            const double dx = p[a].x - p[b].x, dy = p[a].y - p[b].y;
            const double pull = std::sqrt(dx * dx + dy * dy) / k;
            force[a].x -= dx * pull, force[a].y -= dy * pull;
            force[b].x += dx * pull, force[b].y += dy * pull;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (pinned(i))
                continue;
            const double length = std::sqrt(force[i].x * force[i].x + force[i].y * force[i].y);
            if (length <= 0)
                continue;
            const double step = std::min(length, temperature) / length;
            p[i].x += force[i].x * step;
            p[i].y += force[i].y * step;
        }
        temperature = std::max(temperature - cooling, k * 0.05);
    }

    for (std::size_t i = 0; i < n; ++i)
        result.nodes[i].centre = p[i];
    result.edges.resize(view.relations.size());
    for (std::size_t r = 0; r < view.relations.size(); ++r) {
        EdgeLayout &edge = result.edges[r];
        edge.relation = view.relations[r];
        const Point a = p[std::min<std::size_t>(slot(store.relationSource(edge.relation)), n - 1)];
        const Point b = p[std::min<std::size_t>(slot(store.relationTarget(edge.relation)), n - 1)];
        edge.spline = {a, {a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3},
                       {a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3}, b};
    }
    if (n > 0) {
        result.lowerLeft = result.upperRight = p[0];
        for (const NodeLayout &node : result.nodes) {
            result.lowerLeft.x = std::min(result.lowerLeft.x, node.centre.x - node.width / 2);
            result.lowerLeft.y = std::min(result.lowerLeft.y, node.centre.y - node.height / 2);
            result.upperRight.x = std::max(result.upperRight.x, node.centre.x + node.width / 2);
            result.upperRight.y = std::max(result.upperRight.y, node.centre.y + node.height / 2);
        }
    }
    return result;
}

LayoutResult quickLayoutInstead(const GraphStore &store, const View &view, const LayoutOptions &options,
                                const std::vector<std::string> &notices)
{
    const bool stored = seedPlacesWholeView(store, view, options.seed);
    if (options.progress)
        options.progress(stored ? "placing " + std::to_string(view.entities.size()) + " nodes where they were saved"
                                : "placing " + std::to_string(view.entities.size()) + " nodes quickly");
    QuickLayoutOptions quick;
    quick.cancel = options.cancel;
    seedStart(store, view, options.seed, quick);
    LayoutResult placed = quickLayout(store, view, quick);
    if (stored) {
        placed.fromStoredPositions = true;
        placed.messages = {"every entity kept its saved position (the graph's positions section)"};
    }
    placed.messages.insert(placed.messages.begin(), notices.begin(), notices.end());
    return placed;
}

bool seedPlacesWholeView(const GraphStore &store, const View &view, const Positions *seed)
{
    if (!seed || seed->entities.size() < view.entities.size())
        return false;
    return std::all_of(view.entities.begin(), view.entities.end(),
                       [&](EntityIndex e) { return seed->entities.contains(store.entity(e).id); });
}

} // namespace liaison
