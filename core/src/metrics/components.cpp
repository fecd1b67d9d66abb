// Connected components by breadth-first search over the link graph.
#include "liaison/metrics.hpp"

#include <algorithm>
#include <numeric>

namespace liaison {

std::vector<std::uint32_t> components(const LinkGraph &g)
{
    const std::size_t n = g.nodeCount();
    constexpr std::uint32_t kUnset = ~std::uint32_t{0};
    std::vector<std::uint32_t> label(n, kUnset);
    std::vector<std::size_t> sizes;
    std::vector<std::uint32_t> queue;
    for (std::size_t s = 0; s < n; ++s) {
        if (label[s] != kUnset) continue;
        auto id = static_cast<std::uint32_t>(sizes.size());
        queue.assign(1, static_cast<std::uint32_t>(s));
        label[s] = id;
        for (std::size_t head = 0; head < queue.size(); ++head)
            for (std::uint64_t e = g.offsets[queue[head]]; e < g.offsets[queue[head] + 1]; ++e)
                if (label[g.targets[e]] == kUnset) {
                    label[g.targets[e]] = id;
                    queue.push_back(g.targets[e]);
                }
        sizes.push_back(queue.size());
    }
    // Renumber: largest first; ties keep discovery order (lowest node first).
    std::vector<std::uint32_t> order(sizes.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return sizes[x] > sizes[y]; });
    std::vector<std::uint32_t> rank(sizes.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
    for (std::uint32_t &l : label) l = rank[l];
    return label;
}

std::vector<std::vector<EntityIndex>> componentMembers(const LinkGraph &g)
{
    std::vector<std::uint32_t> label = components(g);
    std::uint32_t count = 0;
    for (std::uint32_t l : label) count = std::max(count, l + 1);
    std::vector<std::vector<EntityIndex>> members(count);
    for (std::size_t i = 0; i < label.size(); ++i) members[label[i]].push_back(g.nodes[i]);
    for (auto &m : members) std::sort(m.begin(), m.end());
    return members;
}

} // namespace liaison
