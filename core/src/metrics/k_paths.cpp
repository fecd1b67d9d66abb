// Yen's k shortest loopless paths (Yen 1971) with breadth-first search as the
// shortest-path routine, on the view's link graph; steps mapped back to relations.
#include "liaison/metrics.hpp"

#include <algorithm>
#include <set>

namespace liaison {

namespace {

using NodePath = std::vector<std::uint32_t>;

// Shortest path from s to t avoiding `blockedNodes` and the links in
// `blockedLinks` (pairs, both orders stored). Neighbours in ascending order,
// so the same input gives the same path.
NodePath bfs(const LinkGraph &g, std::uint32_t s, std::uint32_t t, const std::vector<char> &blockedNodes,
             const std::set<std::pair<std::uint32_t, std::uint32_t>> &blockedLinks)
{
    constexpr std::uint32_t kNone = ~std::uint32_t{0};
    std::vector<std::uint32_t> from(g.nodeCount(), kNone);
    std::vector<std::uint32_t> queue{s};
    from[s] = s;
    for (std::size_t head = 0; head < queue.size() && from[t] == kNone; ++head) {
        std::uint32_t v = queue[head];
        for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
            std::uint32_t w = g.targets[e];
            if (from[w] != kNone || blockedNodes[w] || blockedLinks.contains({v, w})) continue;
            from[w] = v;
            queue.push_back(w);
        }
    }
    if (from[t] == kNone) return {};
    NodePath path{t};
    while (path.back() != s) path.push_back(from[path.back()]);
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace

std::vector<std::vector<PathStep>> kShortestPaths(const GraphStore &store, const View &view, EntityIndex a,
                                                  EntityIndex b, std::size_t k)
{
    if (a == b || k == 0) return {};
    LinkGraph g = linkGraph(store, view);
    auto local = [&](EntityIndex e) -> std::uint32_t {
        auto it = std::lower_bound(g.nodes.begin(), g.nodes.end(), e);
        return it != g.nodes.end() && *it == e ? static_cast<std::uint32_t>(it - g.nodes.begin()) : ~std::uint32_t{0};
    };
    std::uint32_t s = local(a), t = local(b);
    if (s == ~std::uint32_t{0} || t == ~std::uint32_t{0}) return {};

    std::vector<char> blocked(g.nodeCount(), 0);
    std::vector<NodePath> found;
    NodePath first = bfs(g, s, t, blocked, {});
    if (first.empty()) return {};
    found.push_back(std::move(first));
    // Candidates ordered by length, then by node sequence: a stable choice among equals.
    auto shorter = [](const NodePath &x, const NodePath &y) { return x.size() != y.size() ? x.size() < y.size() : x < y; };
    std::set<NodePath, decltype(shorter)> candidates(shorter);
    while (found.size() < k) {
        const NodePath previous = found.back();
        for (std::size_t i = 0; i + 1 < previous.size(); ++i) {
            std::set<std::pair<std::uint32_t, std::uint32_t>> links;
            for (const NodePath &p : found)
                if (p.size() > i + 1 && std::equal(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(i) + 1, previous.begin())) {
                    links.insert({p[i], p[i + 1]});
                    links.insert({p[i + 1], p[i]});
                }
            for (std::size_t j = 0; j < i; ++j) blocked[previous[j]] = 1;
            NodePath spur = bfs(g, previous[i], t, blocked, links);
            for (std::size_t j = 0; j < i; ++j) blocked[previous[j]] = 0;
            if (spur.empty()) continue;
            NodePath total(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(i));
            total.insert(total.end(), spur.begin(), spur.end());
            if (std::find(found.begin(), found.end(), total) == found.end()) candidates.insert(std::move(total));
        }
        if (candidates.empty()) break;
        found.push_back(*candidates.begin());
        candidates.erase(candidates.begin());
    }

    // Each hop names the first relation of the view between its two entities.
    std::vector<std::vector<PathStep>> paths;
    for (const NodePath &p : found) {
        std::vector<PathStep> steps;
        for (std::size_t i = 0; i + 1 < p.size(); ++i) {
            EntityIndex u = g.nodes[p[i]], v = g.nodes[p[i + 1]];
            PathStep step{u, v, 0, true};
            bool set = false;
            auto consider = [&](RelationIndex r, bool forward) {
                if (set && r >= step.relation) return;
                if (!std::binary_search(view.relations.begin(), view.relations.end(), r)) return;
                step.relation = r;
                step.forward = forward;
                set = true;
            };
            for (RelationIndex r : store.outRelations(u))
                if (store.relationTarget(r) == v) consider(r, true);
            for (RelationIndex r : store.inRelations(u))
                if (store.relationSource(r) == v) consider(r, false);
            steps.push_back(step);
        }
        paths.push_back(std::move(steps));
    }
    return paths;
}

} // namespace liaison
