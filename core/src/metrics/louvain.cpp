// Louvain community detection (Blondel, Guillaume, Lambiotte, Lefebvre 2008):
// move single nodes to the neighbouring community with the best modularity
// gain until none moves, collapse communities into nodes, repeat.
#include "liaison/metrics.hpp"

#include <algorithm>
#include <numeric>

namespace liaison {

namespace {

// A weighted graph for one Louvain level; self loops hold inner weight.
struct Level {
    std::vector<std::uint64_t> offsets;
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    std::vector<double> selfLoop; // weight of the loop on each node (counted once)
    std::size_t size() const { return offsets.size() - 1; }
};

Level firstLevel(const LinkGraph &g)
{
    return {g.offsets, g.targets, g.weights, std::vector<double>(g.nodeCount(), 0.0)};
}

// Strength of each node: its links plus twice its loop (a loop counts at both ends).
std::vector<double> strengths(const Level &level)
{
    std::vector<double> k(level.size(), 0);
    for (std::size_t v = 0; v < level.size(); ++v) {
        k[v] = 2 * level.selfLoop[v];
        for (std::uint64_t e = level.offsets[v]; e < level.offsets[v + 1]; ++e) k[v] += level.weights[e];
    }
    return k;
}

// One round of local moves; returns whether any node moved.
bool moveNodes(const Level &level, std::vector<std::uint32_t> &community, double m2, double resolution)
{
    const std::size_t n = level.size();
    std::vector<double> k = strengths(level);
    std::vector<double> total(n, 0); // sum of strengths per community
    for (std::size_t v = 0; v < n; ++v) total[community[v]] += k[v];
    std::vector<double> linkTo(n, 0); // weight from the current node to each community
    std::vector<std::uint32_t> touched;
    bool movedAny = false;
    // Passes stop when nothing moves (bounded, against rounding ping-pong).
    for (int pass = 0, moved = 1; moved && pass < 1000; ++pass) {
        moved = 0;
        for (std::size_t v = 0; v < n; ++v) {
            std::uint32_t own = community[v];
            touched.clear();
            touched.push_back(own);
            for (std::uint64_t e = level.offsets[v]; e < level.offsets[v + 1]; ++e) {
                std::uint32_t c = community[level.targets[e]];
                if (linkTo[c] == 0 && c != own) touched.push_back(c);
                linkTo[c] += level.weights[e];
            }
            total[own] -= k[v];
            // Gain of joining c, up to terms shared by every choice.
            auto gain = [&](std::uint32_t c) { return linkTo[c] - resolution * total[c] * k[v] / m2; };
            std::uint32_t best = own;
            double bestGain = gain(own);
            for (std::uint32_t c : touched) {
                double g = gain(c);
                if (g > bestGain + 1e-12) { // strictly better: staying wins ties
                    best = c;
                    bestGain = g;
                }
            }
            total[best] += k[v];
            community[v] = best;
            if (best != own) moved = 1, movedAny = true;
            for (std::uint32_t c : touched) linkTo[c] = 0;
        }
    }
    return movedAny;
}

// Renumbers communities 0..count-1 in order of first appearance.
std::size_t compact(std::vector<std::uint32_t> &community)
{
    std::vector<std::uint32_t> map(community.size(), ~std::uint32_t{0});
    std::uint32_t next = 0;
    for (std::uint32_t &c : community) {
        if (map[c] == ~std::uint32_t{0}) map[c] = next++;
        c = map[c];
    }
    return next;
}

Level aggregate(const Level &level, const std::vector<std::uint32_t> &community, std::size_t count)
{
    std::vector<std::vector<std::pair<std::uint32_t, double>>> arcs(count);
    std::vector<double> loops(count, 0);
    for (std::size_t v = 0; v < level.size(); ++v) {
        loops[community[v]] += level.selfLoop[v];
        for (std::uint64_t e = level.offsets[v]; e < level.offsets[v + 1]; ++e) {
            std::uint32_t a = community[v], b = community[level.targets[e]];
            if (a == b) loops[a] += level.weights[e] / 2; // each inner link is seen from both ends
            else arcs[a].emplace_back(b, level.weights[e]);
        }
    }
    Level next;
    next.offsets.assign(count + 1, 0);
    next.selfLoop = std::move(loops);
    for (std::size_t c = 0; c < count; ++c) {
        auto &list = arcs[c];
        std::sort(list.begin(), list.end());
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0 && list[i].first == list[i - 1].first) {
                next.weights.back() += list[i].second;
                continue;
            }
            next.targets.push_back(list[i].first);
            next.weights.push_back(list[i].second);
        }
        next.offsets[c + 1] = next.targets.size();
    }
    return next;
}

} // namespace

double modularity(const LinkGraph &g, const std::vector<std::uint32_t> &community, double resolution)
{
    double m2 = 0;
    for (double w : g.weights) m2 += w;
    if (m2 == 0) return 0;
    std::uint32_t count = 0;
    for (std::uint32_t c : community) count = std::max(count, c + 1);
    std::vector<double> inner(count, 0), total(count, 0);
    for (std::size_t v = 0; v < g.nodeCount(); ++v)
        for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
            total[community[v]] += g.weights[e];
            if (community[v] == community[g.targets[e]]) inner[community[v]] += g.weights[e];
        }
    double q = 0;
    for (std::uint32_t c = 0; c < count; ++c) q += inner[c] / m2 - resolution * (total[c] / m2) * (total[c] / m2);
    return q;
}

Communities louvain(const LinkGraph &g, double resolution)
{
    Communities result;
    const std::size_t n = g.nodeCount();
    result.community.resize(n);
    std::iota(result.community.begin(), result.community.end(), 0u);
    double m2 = 0;
    for (double w : g.weights) m2 += w;
    if (n == 0 || m2 == 0) {
        result.count = n;
        return result;
    }
    Level level = firstLevel(g);
    for (;;) {
        std::vector<std::uint32_t> community(level.size());
        std::iota(community.begin(), community.end(), 0u);
        if (!moveNodes(level, community, m2, resolution)) break;
        std::size_t count = compact(community);
        for (std::uint32_t &c : result.community) c = community[c];
        if (count == level.size()) break;
        level = aggregate(level, community, count);
    }
    // Number communities by size, largest first; ties by lowest member.
    std::size_t count = compact(result.community);
    std::vector<std::size_t> size(count, 0);
    for (std::uint32_t c : result.community) ++size[c];
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return size[x] > size[y]; });
    std::vector<std::uint32_t> rank(count);
    for (std::uint32_t i = 0; i < count; ++i) rank[order[i]] = i;
    for (std::uint32_t &c : result.community) c = rank[c];
    result.count = count;
    result.modularity = modularity(g, result.community, resolution);
    return result;
}

} // namespace liaison
