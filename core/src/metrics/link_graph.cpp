// Views and the who-met-whom projection as compact undirected weighted graphs.
#include "liaison/metrics.hpp"

#include <algorithm>

namespace liaison {

namespace {

struct Arc {
    std::uint32_t from, to;
    double weight;
};

// Sorts the arcs, merges parallel ones (weights add) and builds the CSR.
LinkGraph fromArcs(std::vector<EntityIndex> nodes, std::vector<Arc> &arcs)
{
    std::sort(arcs.begin(), arcs.end(), [](const Arc &x, const Arc &y) {
        return x.from != y.from ? x.from < y.from : x.to < y.to;
    });
    LinkGraph g;
    g.nodes = std::move(nodes);
    g.offsets.assign(g.nodes.size() + 1, 0);
    g.targets.reserve(arcs.size());
    g.weights.reserve(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        if (i > 0 && arcs[i].from == arcs[i - 1].from && arcs[i].to == arcs[i - 1].to) {
            g.weights.back() += arcs[i].weight;
            continue;
        }
        g.targets.push_back(arcs[i].to);
        g.weights.push_back(arcs[i].weight);
        ++g.offsets[arcs[i].from + 1];
    }
    for (std::size_t i = 1; i < g.offsets.size(); ++i) g.offsets[i] += g.offsets[i - 1];
    return g;
}

} // namespace

LinkGraph linkGraph(const GraphStore &store, const View &view)
{
    std::vector<std::uint32_t> local(store.entityCount(), ~std::uint32_t{0});
    for (std::size_t i = 0; i < view.entities.size(); ++i) local[view.entities[i]] = static_cast<std::uint32_t>(i);
    std::vector<Arc> arcs;
    arcs.reserve(view.relations.size() * 2);
    for (RelationIndex r : view.relations) {
        std::uint32_t a = local[store.relationSource(r)], b = local[store.relationTarget(r)];
        if (a == b || a == ~std::uint32_t{0} || b == ~std::uint32_t{0}) continue;
        arcs.push_back({a, b, 1.0});
        arcs.push_back({b, a, 1.0});
    }
    return fromArcs(view.entities, arcs);
}

LinkGraph metGraph(const GraphStore &store, const std::vector<MetPair> &pairs)
{
    std::vector<EntityIndex> persons;
    persons.reserve(pairs.size() / 4 + 1);
    for (const MetPair &p : pairs) persons.push_back(p.a), persons.push_back(p.b);
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
    std::vector<std::uint32_t> local(store.entityCount(), 0);
    for (std::size_t i = 0; i < persons.size(); ++i) local[persons[i]] = static_cast<std::uint32_t>(i);
    std::vector<Arc> arcs;
    arcs.reserve(pairs.size() * 2);
    for (const MetPair &p : pairs) {
        if (p.a == p.b) continue;
        arcs.push_back({local[p.a], local[p.b], static_cast<double>(p.weight)});
        arcs.push_back({local[p.b], local[p.a], static_cast<double>(p.weight)});
    }
    return fromArcs(std::move(persons), arcs);
}

} // namespace liaison
