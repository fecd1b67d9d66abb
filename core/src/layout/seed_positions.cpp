#include "layout/seed_positions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace liaison::graphviz {

namespace {

const EntityPosition *seedOf(const GraphStore &store, const LayoutOptions &options, EntityIndex e)
{
    if (!options.seed) return nullptr;
    auto it = options.seed->entities.find(store.entity(e).id);
    return it == options.seed->entities.end() ? nullptr : &it->second;
}

std::string coordinates(double x, double y, bool pinned)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.2f,%.2f%s", x, y, pinned ? "!" : "");
    return text;
}

} // namespace

LayoutEngine seededEngine(LayoutEngine chosen, const LayoutOptions &options)
{
    if (!options.seed || options.seed->empty()) return chosen;
    return chosen == LayoutEngine::Fdp ? LayoutEngine::Fdp : LayoutEngine::Neato;
}

void applySeed(const Lock &lock, const GraphStore &store, const View &view, const LayoutOptions &options,
               BuiltGraph &built)
{
    if (!options.seed || options.seed->empty()) return;
    Agraph_t *g = built.graph->get();
    set(lock, g, declare(lock, g, AGRAPH, "notranslate", ""), "true");
    // neato and fdp read "pos" in inches unless told it is in points.
    set(lock, g, declare(lock, g, AGRAPH, "inputscale", ""), "72");
    // Overlap removal moves nodes, pinned ones included.
    set(lock, g, declare(lock, g, AGRAPH, "overlap", ""), "true");
    Agsym_t *pos = declare(lock, g, AGNODE, "pos", "");

    std::vector<double> sumX(view.entities.size(), 0), sumY(view.entities.size(), 0);
    std::vector<int> count(view.entities.size(), 0);
    auto slot = [&](EntityIndex e) {
        return static_cast<std::size_t>(std::lower_bound(view.entities.begin(), view.entities.end(), e) -
                                        view.entities.begin());
    };
    for (RelationIndex r : view.relations) {
        std::size_t a = slot(store.relationSource(r)), b = slot(store.relationTarget(r));
        if (const EntityPosition *p = seedOf(store, options, view.entities[a]))
            sumX[b] += p->x, sumY[b] += p->y, ++count[b];
        if (const EntityPosition *p = seedOf(store, options, view.entities[b]))
            sumX[a] += p->x, sumY[a] += p->y, ++count[a];
    }
    int placedNew = 0;
    for (std::size_t i = 0; i < view.entities.size(); ++i) {
        if (const EntityPosition *p = seedOf(store, options, view.entities[i])) {
            set(lock, built.nodes[i], pos, coordinates(p->x, p->y, true));
            continue;
        }
        if (count[i] == 0) continue; // no placed neighbour: neato chooses
        // A small spiral around the neighbours' centre, one turn per few nodes.
        double angle = 2.39996 * placedNew, radius = 30 + 6 * placedNew++;
        set(lock, built.nodes[i], pos,
            coordinates(sumX[i] / count[i] + radius * std::cos(angle), sumY[i] / count[i] + radius * std::sin(angle),
                        false));
    }
}

void holdSeededPositions(const GraphStore &store, const View &view, const LayoutOptions &options,
                         LayoutResult &result)
{
    if (!options.seed || options.seed->empty() || result.nodes.empty()) return;
    double shiftX = 0, shiftY = 0;
    int seeded = 0;
    for (const NodeLayout &n : result.nodes)
        if (const EntityPosition *p = seedOf(store, options, n.entity)) {
            shiftX += n.centre.x - p->x, shiftY += n.centre.y - p->y;
            ++seeded;
        }
    if (seeded > 0) shiftX /= seeded, shiftY /= seeded;
    std::vector<bool> moved(result.nodes.size(), false);
    for (NodeLayout &n : result.nodes) {
        Point before = n.centre;
        if (const EntityPosition *p = seedOf(store, options, n.entity))
            n.centre = {p->x, p->y};
        else
            n.centre = {n.centre.x - shiftX, n.centre.y - shiftY};
        moved[static_cast<std::size_t>(&n - result.nodes.data())] =
            std::abs(n.centre.x - before.x) > 0.5 || std::abs(n.centre.y - before.y) > 0.5;
    }
    auto slot = [&](EntityIndex e) {
        return static_cast<std::size_t>(std::lower_bound(view.entities.begin(), view.entities.end(), e) -
                                        view.entities.begin());
    };
    for (EdgeLayout &edge : result.edges) {
        std::size_t a = slot(store.relationSource(edge.relation)), b = slot(store.relationTarget(edge.relation));
        if (!moved[a] && !moved[b] && !edge.spline.empty()) continue;
        Point from = result.nodes[a].centre, to = result.nodes[b].centre;
        edge.spline = {from, from, to, to};
        edge.hasArrowHead = false;
    }
    result.lowerLeft = result.upperRight = result.nodes.front().centre;
    for (const NodeLayout &n : result.nodes) {
        result.lowerLeft.x = std::min(result.lowerLeft.x, n.centre.x - n.width / 2);
        result.lowerLeft.y = std::min(result.lowerLeft.y, n.centre.y - n.height / 2);
        result.upperRight.x = std::max(result.upperRight.x, n.centre.x + n.width / 2);
        result.upperRight.y = std::max(result.upperRight.y, n.centre.y + n.height / 2);
    }
}

} // namespace liaison::graphviz
