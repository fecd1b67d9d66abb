// Country- and organisation-level roll-ups of who met whom: every meeting of
// two persons links the groups they belong to, and the rolled-up link keeps
// the relations beneath it.
#include "util/parallel.hpp"
#include "liaison/metrics.hpp"

#include <algorithm>
#include <thread>
#include <unordered_map>

namespace liaison {

namespace {

bool isKind(const GraphStore &store, EntityIndex e, KnownKind kind) { return knownKind(store.entity(e).kind) == kind; }

void sortUnique(std::vector<EntityIndex> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::uint64_t pairKey(EntityIndex a, EntityIndex b) { return (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b); }

} // namespace

std::vector<EntityIndex> groupsOf(const GraphStore &store, EntityIndex person, RollupLevel level)
{
    std::vector<EntityIndex> groups;
    if (level == RollupLevel::Organisation) {
        for (RelationIndex r : store.outRelations(person)) {
            const std::string &kind = store.relation(r).kind;
            EntityIndex target = store.relationTarget(r);
            if ((kind == "works_for" || kind == "member_of" || kind == "represents") &&
                isKind(store, target, KnownKind::Organisation))
                groups.push_back(target);
        }
        sortUnique(groups);
        return groups;
    }
    for (RelationIndex r : store.outRelations(person))
        if (store.relation(r).kind == "represents" && isKind(store, store.relationTarget(r), KnownKind::Country))
            groups.push_back(store.relationTarget(r));
    if (groups.empty()) {
        for (RelationIndex r : store.outRelations(person)) {
            if (store.relation(r).kind != "works_for") continue;
            for (RelationIndex located : store.outRelations(store.relationTarget(r)))
                if (store.relation(located).kind == "located_in" &&
                    isKind(store, store.relationTarget(located), KnownKind::Country))
                    groups.push_back(store.relationTarget(located));
        }
    }
    sortUnique(groups);
    return groups;
}

Rollup rollup(const GraphStore &store, RollupLevel level, const ViewFilter &filter, unsigned threads)
{
    std::vector<EntityIndex> persons;
    std::vector<std::vector<EntityIndex>> groups(store.entityCount());
    for (EntityIndex p : store.entitiesOfKind("person")) {
        if (!passesEntityFilter(store, p, filter)) continue;
        groups[p] = groupsOf(store, p, level);
        if (!groups[p].empty()) persons.push_back(p);
    }
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, persons.size() / 256)));

    using EdgeMap = std::unordered_map<std::uint64_t, RollupEdge>;
    std::vector<EdgeMap> partial(threads);
    auto work = [&](unsigned t) {
        EdgeMap &edges = partial[t];
        for (std::size_t i = t; i < persons.size(); i += threads) {
            EntityIndex a = persons[i];
            for (const MetLink &link : whoMet(store, a, filter)) {
                EntityIndex b = link.person;
                if (b < a || groups[b].empty()) continue; // each pair once, from its lower end
                for (EntityIndex ga : groups[a])
                    for (EntityIndex gb : groups[b]) {
                        if (ga == gb) continue;
                        RollupEdge &edge = edges[pairKey(ga, gb)];
                        edge.a = std::min(ga, gb);
                        edge.b = std::max(ga, gb);
                        edge.personPairs += 1;
                        edge.occasions += link.weight();
                        for (const SharedOccasion &o : link.occasions)
                            edge.relations.insert(edge.relations.end(), o.relations.begin(), o.relations.end());
                    }
            }
        }
    };
    detail::runShares(threads, work);

    EdgeMap &all = partial[0];
    for (unsigned t = 1; t < threads; ++t)
        for (auto &[key, edge] : partial[t]) {
            RollupEdge &into = all[key];
            into.a = edge.a;
            into.b = edge.b;
            into.personPairs += edge.personPairs;
            into.occasions += edge.occasions;
            into.relations.insert(into.relations.end(), edge.relations.begin(), edge.relations.end());
        }
    Rollup result;
    for (EntityIndex p : persons) result.groups.insert(result.groups.end(), groups[p].begin(), groups[p].end());
    sortUnique(result.groups);
    result.edges.reserve(all.size());
    for (auto &[key, edge] : all) {
        sortUnique(edge.relations);
        result.edges.push_back(std::move(edge));
    }
    std::sort(result.edges.begin(), result.edges.end(), [](const RollupEdge &x, const RollupEdge &y) {
        if (x.occasions != y.occasions) return x.occasions > y.occasions;
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    return result;
}

} // namespace liaison
