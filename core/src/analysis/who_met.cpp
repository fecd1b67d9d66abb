// Who met whom: persons who took part in the same event (or in events of the
// same part_of tree, met at their most specific common event), or who are
// linked by an explicit `met` relation.
#include "analysis/event_tree.hpp"
#include "liaison/analysis.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace liaison {

namespace {

bool isPerson(const GraphStore &store, EntityIndex e)
{
    return knownKind(store.entity(e).kind) == KnownKind::Person;
}

std::string dateOf(const GraphStore &store, EntityIndex event, RelationIndex relation)
{
    if (event != kNoEntity)
        if (const std::string *start = store.entity(event).attribute("start")) return *start;
    if (const std::string *date = store.relation(relation).attribute("date")) return *date;
    return {};
}

void addRelationOnce(SharedOccasion &occasion, RelationIndex r)
{
    if (std::find(occasion.relations.begin(), occasion.relations.end(), r) == occasion.relations.end())
        occasion.relations.push_back(r);
}

} // namespace

std::vector<MetLink> whoMet(const GraphStore &store, EntityIndex person, const ViewFilter &filter)
{
    EventTree tree(store);
    // other person -> (shared event -> occasion); kNoEntity keys explicit `met` relations.
    std::map<EntityIndex, std::map<EntityIndex, SharedOccasion>> links;

    for (const Participation &mine : participationsOf(store, person, filter)) {
        // Every participant anywhere in the same event tree is a candidate.
        EntityIndex root = tree.root(mine.event);
        std::vector<EntityIndex> pending{root};
        std::vector<EntityIndex> treeEvents;
        while (!pending.empty()) {
            EntityIndex e = pending.back();
            pending.pop_back();
            treeEvents.push_back(e);
            for (RelationIndex r : store.inRelations(e))
                if (store.relation(r).kind == "part_of" && tree.parent(store.relationSource(r)) == e)
                    pending.push_back(store.relationSource(r));
        }
        for (EntityIndex event : treeEvents) {
            auto consider = [&](RelationIndex r, EntityIndex other) {
                if (other == person || !isPerson(store, other)) return;
                if (!isParticipation(store.relation(r).kind)) return;
                if (!passesRelationFilter(store, r, filter) || !passesEntityFilter(store, other, filter))
                    return;
                EntityIndex shared = tree.commonEvent(mine.event, event);
                if (shared == kNoEntity || !passesEntityFilter(store, event, filter)) return;
                SharedOccasion &occasion = links[other][shared];
                occasion.event = shared;
                addRelationOnce(occasion, mine.relation);
                addRelationOnce(occasion, r);
            };
            for (RelationIndex r : store.inRelations(event)) consider(r, store.relationSource(r));
            for (RelationIndex r : store.outRelations(event)) consider(r, store.relationTarget(r));
        }
    }

    auto explicitMeeting = [&](RelationIndex r, EntityIndex other) {
        if (store.relation(r).kind != "met" || other == person || !isPerson(store, other)) return;
        if (!passesRelationFilter(store, r, filter) || !passesEntityFilter(store, other, filter)) return;
        SharedOccasion &occasion = links[other][kNoEntity];
        occasion.event = kNoEntity;
        addRelationOnce(occasion, r);
    };
    for (RelationIndex r : store.outRelations(person)) explicitMeeting(r, store.relationTarget(r));
    for (RelationIndex r : store.inRelations(person)) explicitMeeting(r, store.relationSource(r));

    std::vector<MetLink> result;
    for (auto &[other, occasions] : links) {
        MetLink link;
        link.person = other;
        for (auto &[event, occasion] : occasions) {
            occasion.date = dateOf(store, event, occasion.relations.front());
            link.occasions.push_back(std::move(occasion));
        }
        std::sort(link.occasions.begin(), link.occasions.end(), [&](const auto &a, const auto &b) {
            if (a.date != b.date) return a.date < b.date;
            auto id = [&](EntityIndex e) { return e == kNoEntity ? std::string() : store.entity(e).id; };
            return id(a.event) < id(b.event);
        });
        result.push_back(std::move(link));
    }
    std::sort(result.begin(), result.end(), [&](const MetLink &a, const MetLink &b) {
        if (a.weight() != b.weight()) return a.weight() > b.weight();
        return store.entity(a.person).name < store.entity(b.person).name;
    });
    return result;
}

std::vector<MetPair> metProjection(const GraphStore &store, const ViewFilter &filter)
{
    EventTree tree(store);
    // Participations grouped by the root of their event tree: only persons
    // under the same root can have met at an event.
    struct Entry {
        EntityIndex person, event;
    };
    std::unordered_map<EntityIndex, std::vector<Entry>> byRoot;
    std::unordered_map<std::uint64_t, std::vector<EntityIndex>> occasions; // pair -> shared events
    auto pairKey = [](EntityIndex a, EntityIndex b) {
        if (a > b) std::swap(a, b);
        return (std::uint64_t{a} << 32) | b;
    };
    for (EntityIndex p : store.entitiesOfKind("person")) {
        if (!passesEntityFilter(store, p, filter)) continue;
        for (const Participation &part : participationsOf(store, p, filter))
            byRoot[tree.root(part.event)].push_back({p, part.event});
        for (RelationIndex r : store.outRelations(p)) {
            EntityIndex other = store.relationTarget(r);
            if (store.relation(r).kind == "met" && other != p && isPerson(store, other) &&
                passesRelationFilter(store, r, filter) && passesEntityFilter(store, other, filter))
                occasions[pairKey(p, other)].push_back(kNoEntity);
        }
    }
    for (auto &[root, entries] : byRoot) {
        for (std::size_t i = 0; i < entries.size(); ++i)
            for (std::size_t j = i + 1; j < entries.size(); ++j) {
                if (entries[i].person == entries[j].person) continue;
                EntityIndex shared = tree.commonEvent(entries[i].event, entries[j].event);
                if (shared != kNoEntity) occasions[pairKey(entries[i].person, entries[j].person)].push_back(shared);
            }
    }
    std::vector<MetPair> pairs;
    pairs.reserve(occasions.size());
    for (auto &[key, events] : occasions) {
        std::sort(events.begin(), events.end());
        std::size_t distinct = static_cast<std::size_t>(std::unique(events.begin(), events.end()) - events.begin());
        pairs.push_back({static_cast<EntityIndex>(key >> 32), static_cast<EntityIndex>(key & 0xffffffffu), distinct});
    }
    std::sort(pairs.begin(), pairs.end(), [](const MetPair &x, const MetPair &y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    return pairs;
}

} // namespace liaison
