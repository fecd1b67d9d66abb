// Exact betweenness centrality: Brandes (2001) from every source, sources
// split between threads, each with its own buffers, summed at the end.
#include "util/parallel.hpp"
#include "liaison/metrics.hpp"

#include <algorithm>
#include <thread>

namespace liaison {

namespace {

// Adds the dependencies of every source in [from, to) with stride `step` into `score`.
void accumulate(const LinkGraph &g, std::size_t from, std::size_t step, std::vector<double> &score)
{
    const std::size_t n = g.nodeCount();
    std::vector<std::int64_t> distance(n, -1);
    std::vector<double> sigma(n, 0), delta(n, 0);
    std::vector<std::uint32_t> order; // BFS order, the stack of Brandes
    order.reserve(n);
    for (std::size_t s = from; s < n; s += step) {
        order.clear();
        order.push_back(static_cast<std::uint32_t>(s));
        distance[s] = 0;
        sigma[s] = 1;
        for (std::size_t head = 0; head < order.size(); ++head) {
            std::uint32_t v = order[head];
            for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                std::uint32_t w = g.targets[e];
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    order.push_back(w);
                }
                if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
            }
        }
        // Predecessors are the neighbours one step closer: no lists needed.
        for (std::size_t i = order.size(); i-- > 1;) {
            std::uint32_t w = order[i];
            double share = (1.0 + delta[w]) / sigma[w];
            for (std::uint64_t e = g.offsets[w]; e < g.offsets[w + 1]; ++e) {
                std::uint32_t v = g.targets[e];
                if (distance[v] == distance[w] - 1) delta[v] += sigma[v] * share;
            }
            score[w] += delta[w];
        }
        for (std::uint32_t v : order) {
            distance[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
}

} // namespace

std::vector<double> betweenness(const LinkGraph &graph, bool normalized, unsigned threads)
{
    const std::size_t n = graph.nodeCount();
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, n / 64)));
    std::vector<std::vector<double>> partial(threads, std::vector<double>(n, 0));
    detail::runShares(threads, [&](unsigned t) { accumulate(graph, t, threads, partial[t]); });
    std::vector<double> score(n, 0);
    for (const auto &p : partial)
        for (std::size_t i = 0; i < n; ++i) score[i] += p[i];
    // Each unordered pair was counted from both ends.
    double scale = 0.5;
    if (normalized) scale = n > 2 ? 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
    for (double &s : score) s *= scale;
    return score;
}

} // namespace liaison
