// Network metrics at scale: betweenness centrality, connected components,
// communities (Louvain), k shortest paths, and country / organisation
// roll-ups of who met whom. All read-only on the store; safe to call
// concurrently. Relations are links both ways here (direction is ignored),
// as in "how is A connected to B".
#pragma once

#include "liaison/analysis.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace liaison {

// A simple undirected weighted graph over dense node numbers: the input of the
// metric algorithms. Node i stands for entity `nodes[i]`; the neighbours of i
// are targets[offsets[i] .. offsets[i+1]) with the same-index weights. No self
// loops; each neighbour listed once, ascending.
struct LinkGraph {
    std::vector<EntityIndex> nodes;
    std::vector<std::uint64_t> offsets; // size nodes.size() + 1
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    std::size_t nodeCount() const { return nodes.size(); }
    std::size_t linkCount() const { return targets.size() / 2; }
};

// The entities and relations of `view`; parallel relations between two
// entities become one link weighted by their number.
LinkGraph linkGraph(const GraphStore &store, const View &view);
// The who-met-whom projection as a graph of persons weighted by shared occasions.
LinkGraph metGraph(const GraphStore &store, const std::vector<MetPair> &pairs);

// Exact betweenness centrality (Brandes), unweighted, per node of `graph`:
// for every pair s < t, the share of shortest s-t paths through the node
// (networkx's normalized=False on an undirected graph). `normalized` divides
// by (n-1)(n-2)/2. Runs on `threads` threads (0: one per core).
std::vector<double> betweenness(const LinkGraph &graph, bool normalized = false, unsigned threads = 0);

// Connected component of each node (0 = the largest; ties by lowest entity).
std::vector<std::uint32_t> components(const LinkGraph &graph);
// Component members as entities: largest first, members ascending.
std::vector<std::vector<EntityIndex>> componentMembers(const LinkGraph &graph);

struct Communities {
    std::vector<std::uint32_t> community; // per node; 0 = the largest community
    std::size_t count = 0;
    double modularity = 0;                // Newman modularity of the partition (weighted)
};
// Louvain community detection (Blondel et al. 2008) on the weighted graph:
// local moves in node order, then aggregation, until modularity stops
// rising. Deterministic for the same graph. `resolution` 1 is standard.
Communities louvain(const LinkGraph &graph, double resolution = 1.0);
// Modularity of a given partition (one community number per node).
double modularity(const LinkGraph &graph, const std::vector<std::uint32_t> &community, double resolution = 1.0);

// Up to k shortest loopless chains of relations between a and b (Yen's
// algorithm on unweighted hops, direction ignored), shortest first; chains
// of equal length in a stable order. Each step names one relation of the
// view linking its two entities. Empty when a == b or they are not connected.
std::vector<std::vector<PathStep>> kShortestPaths(const GraphStore &store, const View &view, EntityIndex a,
                                                  EntityIndex b, std::size_t k);

// Roll-ups of who met whom to the level of countries or organisations.
enum class RollupLevel { Country, Organisation };

// A link between two groups (countries or organisations), made of every
// meeting of a person of one with a person of the other.
struct RollupEdge {
    EntityIndex a = kNoEntity, b = kNoEntity;  // the groups, a < b
    std::size_t personPairs = 0;               // distinct pairs of persons who met
    std::size_t occasions = 0;                 // their shared occasions, summed over the pairs
    std::vector<RelationIndex> relations;      // the relations beneath (participation, met), sorted
};
struct Rollup {
    std::vector<EntityIndex> groups;  // groups with at least one person, ascending
    std::vector<RollupEdge> edges;    // by occasions descending, then (a, b)
};
// The groups of a person: country level — the countries the person
// represents, else the countries of the organisations they work for;
// organisation level — the organisations they work for, are members of or
// represent. A person in several groups counts for each.
std::vector<EntityIndex> groupsOf(const GraphStore &store, EntityIndex person, RollupLevel level);
// Persons of different groups who met (whoMet, with `filter`) link their
// groups; meetings inside one group are not edges. Uses `threads` threads.
Rollup rollup(const GraphStore &store, RollupLevel level, const ViewFilter &filter = {}, unsigned threads = 0);

} // namespace liaison
