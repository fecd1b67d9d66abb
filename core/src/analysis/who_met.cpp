// Who met whom: persons who took part in the same event (or in events of the
// same part_of tree, met at their most specific common event), or who are
// linked by an explicit `met` relation.
#include "util/parallel.hpp"
#include "analysis/event_tree.hpp"
#include "liaison/analysis.hpp"
#include "store/graph_topology.hpp"

#include "liaison/errors.hpp"
#include "liaison/printable.hpp"

#include <algorithm>
#include <map>
#include <thread>
#include <tuple>
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

// True when `date` (a full YYYY-MM-DD day) falls within the event's
// start..end (end defaults to start). A partial or missing date never does:
// a `met` of "2017-09" is not known to be the meeting at a 2017-09-26 event.
bool eventSpansDay(const GraphStore &store, EntityIndex event, const std::string &date)
{
    if (event == kNoEntity || date.size() != 10) return false;
    const std::string *start = store.entity(event).attribute("start");
    if (!start || start->size() != 10) return false;
    const std::string *end = store.entity(event).attribute("end");
    const std::string &last = end && end->size() == 10 ? *end : *start;
    return *start <= date && date <= last;
}

void addRelationOnce(SharedOccasion &occasion, RelationIndex r)
{
    if (std::find(occasion.relations.begin(), occasion.relations.end(), r) == occasion.relations.end())
        occasion.relations.push_back(r);
}

// True when `event` strictly encloses another of `events` (a conference
// holding a session both persons also took part in): `common` is the tree's
// commonEvent. A pair meets once there, at the most specific event.
template <class Common>
bool enclosesAnother(EntityIndex event, const std::vector<EntityIndex> &events, Common &&common)
{
    for (EntityIndex other : events)
        if (other != event && other != kNoEntity && common(event, other) == event) return true;
    return false;
}

// Drops the occasions at an event that encloses another occasion of the same
// pair, keeping their relations (the evidence) on the first one it encloses.
template <class Common> void foldEnclosingEvents(std::vector<SharedOccasion> &occasions, Common &&common)
{
    std::vector<EntityIndex> events;
    for (const SharedOccasion &o : occasions) events.push_back(o.event);
    std::vector<SharedOccasion> kept;
    std::vector<SharedOccasion> enclosing;
    for (SharedOccasion &o : occasions)
        (o.event != kNoEntity && enclosesAnother(o.event, events, common) ? enclosing : kept).push_back(std::move(o));
    for (SharedOccasion &outer : enclosing)
        for (SharedOccasion &inner : kept)
            if (inner.event != kNoEntity && common(outer.event, inner.event) == outer.event) {
                for (RelationIndex r : outer.relations) addRelationOnce(inner, r);
                break;
            }
    occasions = std::move(kept);
}

// A `met` relation dated on a day of an event the pair shares restates that
// meeting: it is evidence of the event's occasion, not a second occasion.
void foldMeetingsAtSharedEvents(const GraphStore &store, std::vector<SharedOccasion> &occasions)
{
    std::vector<SharedOccasion> kept;
    std::vector<SharedOccasion> meetings;
    for (SharedOccasion &o : occasions) (o.event == kNoEntity ? meetings : kept).push_back(std::move(o));
    for (SharedOccasion &meeting : meetings) {
        auto at = std::find_if(kept.begin(), kept.end(), [&](const SharedOccasion &o) {
            return o.event != kNoEntity && eventSpansDay(store, o.event, meeting.date);
        });
        if (at == kept.end()) {
            kept.push_back(std::move(meeting));
            continue;
        }
        for (RelationIndex r : meeting.relations) addRelationOnce(*at, r);
    }
    occasions = std::move(kept);
}

} // namespace

std::vector<MetLink> whoMet(const GraphStore &store, EntityIndex person, const ViewFilter &filter)
{
    LazyEventTree tree(store);
    const BoostGraph &g = store.topology().graph;

    // Everyone who took part anywhere in one event tree, with the event and
    // the relation: what does not depend on `person` is found once per tree.
    struct Candidate {
        EntityIndex other, event;
        RelationIndex relation;
    };
    std::unordered_map<EntityIndex, std::vector<Candidate>> byRoot;
    auto candidatesUnder = [&](EntityIndex root) -> const std::vector<Candidate> & {
        auto [slot, fresh] = byRoot.try_emplace(root);
        if (!fresh) return slot->second;
        std::vector<Candidate> &found = slot->second;
        std::vector<EntityIndex> pending{root};
        while (!pending.empty()) {
            EntityIndex event = pending.back();
            pending.pop_back();
            for (auto [it, end] = boost::in_edges(event, g); it != end; ++it) {
                auto child = static_cast<EntityIndex>(boost::source(*it, g));
                if (store.relation(g[*it]).kind == "part_of" && tree.parent(child) == event) pending.push_back(child);
            }
            if (!passesEntityFilter(store, event, filter)) continue;
            auto consider = [&](RelationIndex r, EntityIndex other) {
                if (!isPerson(store, other) || !isParticipation(store.relation(r).kind)) return;
                if (!passesRelationFilter(store, r, filter) || !passesEntityFilter(store, other, filter)) return;
                found.push_back({other, event, r});
            };
            for (auto [it, end] = boost::in_edges(event, g); it != end; ++it)
                consider(g[*it], static_cast<EntityIndex>(boost::source(*it, g)));
            for (auto [it, end] = boost::out_edges(event, g); it != end; ++it)
                consider(g[*it], static_cast<EntityIndex>(boost::target(*it, g)));
        }
        return found;
    };

    // other person -> their shared occasions; kNoEntity events are explicit `met` relations.
    struct Pending {
        EntityIndex other;
        std::vector<SharedOccasion> occasions;
    };
    std::vector<Pending> pending;
    std::unordered_map<EntityIndex, std::size_t> slotOf;
    // An event is one occasion; explicit `met` relations (event kNoEntity) are
    // one occasion per date they give, so two meetings a year apart are two.
    auto occasion = [&](EntityIndex other, EntityIndex event, const std::string &date = {}) -> SharedOccasion & {
        auto [it, fresh] = slotOf.try_emplace(other, pending.size());
        if (fresh) pending.push_back({other, {}});
        std::vector<SharedOccasion> &list = pending[it->second].occasions;
        for (SharedOccasion &o : list)
            if (o.event == event && (event != kNoEntity || o.date == date)) return o;
        list.push_back({});
        list.back().event = event;
        list.back().date = date;
        return list.back();
    };

    for (const Participation &mine : participationsOf(store, person, filter)) {
        for (const Candidate &c : candidatesUnder(tree.root(mine.event))) {
            if (c.other == person) continue;
            EntityIndex shared = tree.commonEvent(mine.event, c.event);
            if (shared == kNoEntity) continue;
            SharedOccasion &o = occasion(c.other, shared);
            addRelationOnce(o, mine.relation);
            addRelationOnce(o, c.relation);
        }
    }

    auto explicitMeeting = [&](RelationIndex r, EntityIndex other) {
        if (store.relation(r).kind != "met" || other == person || !isPerson(store, other)) return;
        if (!passesRelationFilter(store, r, filter) || !passesEntityFilter(store, other, filter)) return;
        const std::string *date = store.relation(r).attribute("date");
        addRelationOnce(occasion(other, kNoEntity, date ? *date : std::string()), r);
    };
    for (auto [it, end] = boost::out_edges(person, g); it != end; ++it)
        explicitMeeting(g[*it], static_cast<EntityIndex>(boost::target(*it, g)));
    for (auto [it, end] = boost::in_edges(person, g); it != end; ++it)
        explicitMeeting(g[*it], static_cast<EntityIndex>(boost::source(*it, g)));

    // Same order as a map keyed by person then event would give, before the
    // final (unstable) sorts, so results do not depend on discovery order.
    std::sort(pending.begin(), pending.end(), [](const Pending &a, const Pending &b) { return a.other < b.other; });
    std::vector<MetLink> result;
    result.reserve(pending.size());
    for (Pending &p : pending) {
        MetLink link;
        link.person = p.other;
        std::sort(p.occasions.begin(), p.occasions.end(),
                  [](const SharedOccasion &a, const SharedOccasion &b) { return a.event < b.event; });
        foldEnclosingEvents(p.occasions, [&](EntityIndex a, EntityIndex b) { return tree.commonEvent(a, b); });
        foldMeetingsAtSharedEvents(store, p.occasions);
        for (SharedOccasion &o : p.occasions) {
            if (o.event != kNoEntity) o.date = dateOf(store, o.event, o.relations.front());
            link.occasions.push_back(std::move(o));
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

namespace {

// The participations of the store grouped by the root of their event tree:
// only persons under the same root can have met at an event. Within a root,
// one block per person lists the events they took part in.
struct ParticipationIndex {
    struct Block {
        EntityIndex person;
        std::uint32_t first, last; // range in `events`
        std::uint32_t group;       // index in `groups`
    };
    std::vector<EntityIndex> events;
    std::vector<Block> blocks;                                  // grouped by root, persons ascending
    std::vector<std::pair<std::uint32_t, std::uint32_t>> groups; // block range of each root
    std::vector<std::pair<EntityIndex, std::uint32_t>> byPerson; // (person, block), sorted
};

ParticipationIndex indexParticipations(const GraphStore &store, const EventTree &tree, const ViewFilter &filter)
{
    struct Entry {
        EntityIndex root, person, event;
        auto operator<=>(const Entry &) const = default;
    };
    std::vector<Entry> entries;
    for (EntityIndex p : store.entitiesOfKind("person")) {
        if (!passesEntityFilter(store, p, filter)) continue;
        for (const Participation &part : participationsOf(store, p, filter))
            entries.push_back({tree.root(part.event), p, part.event});
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());

    ParticipationIndex index;
    index.events.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size();) {
        auto groupStart = static_cast<std::uint32_t>(index.blocks.size());
        EntityIndex root = entries[i].root;
        while (i < entries.size() && entries[i].root == root) {
            EntityIndex person = entries[i].person;
            auto first = static_cast<std::uint32_t>(index.events.size());
            for (; i < entries.size() && entries[i].root == root && entries[i].person == person; ++i)
                index.events.push_back(entries[i].event);
            index.blocks.push_back({person, first, static_cast<std::uint32_t>(index.events.size()),
                                    static_cast<std::uint32_t>(index.groups.size())});
        }
        index.groups.emplace_back(groupStart, static_cast<std::uint32_t>(index.blocks.size()));
    }
    index.byPerson.reserve(index.blocks.size());
    for (std::uint32_t b = 0; b < index.blocks.size(); ++b) index.byPerson.emplace_back(index.blocks[b].person, b);
    std::sort(index.byPerson.begin(), index.byPerson.end());
    return index;
}

// An explicit `met` relation between a < b, with its date (may be empty).
struct Meeting {
    EntityIndex a, b;
    std::string date;
    auto operator<=>(const Meeting &) const = default;
};

// Explicit `met` relations, sorted: a pair once per distinct date its `met`
// relations give (as whoMet counts occasions).
std::vector<Meeting> explicitMeetings(const GraphStore &store, const ViewFilter &filter)
{
    std::vector<Meeting> dated;
    const BoostGraph &g = store.topology().graph;
    for (EntityIndex p : store.entitiesOfKind("person")) {
        if (!passesEntityFilter(store, p, filter)) continue;
        for (auto [it, end] = boost::out_edges(p, g); it != end; ++it) {
            auto other = static_cast<EntityIndex>(boost::target(*it, g));
            RelationIndex r = g[*it];
            if (store.relation(r).kind == "met" && other != p && isPerson(store, other) &&
                passesRelationFilter(store, r, filter) && passesEntityFilter(store, other, filter)) {
                const std::string *date = store.relation(r).attribute("date");
                dated.push_back({std::min(p, other), std::max(p, other), date ? *date : std::string()});
            }
        }
    }
    std::sort(dated.begin(), dated.end());
    dated.erase(std::unique(dated.begin(), dated.end()), dated.end());
    return dated;
}

// The most specific events two blocks (persons under one root) share, as
// whoMet counts them: an event enclosing another shared one is not counted.
void specificSharedEvents(const EventTree &tree, const ParticipationIndex &index, const ParticipationIndex::Block &own,
                          const ParticipationIndex::Block &theirs, std::vector<EntityIndex> &shared)
{
    shared.clear();
    for (std::uint32_t i = own.first; i < own.last; ++i)
        for (std::uint32_t j = theirs.first; j < theirs.last; ++j) {
            EntityIndex s = tree.commonEvent(index.events[i], index.events[j]);
            if (s != kNoEntity && std::find(shared.begin(), shared.end(), s) == shared.end()) shared.push_back(s);
        }
    if (shared.size() < 2) return; // nothing to enclose: the usual case, no work
    auto common = [&](EntityIndex x, EntityIndex y) { return tree.commonEvent(x, y); };
    // Marked first, then dropped: enclosesAnother reads the whole list.
    std::vector<bool> enclosing(shared.size());
    for (std::size_t k = 0; k < shared.size(); ++k) enclosing[k] = enclosesAnother(shared[k], shared, common);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < shared.size(); ++k)
        if (!enclosing[k]) shared[kept++] = shared[k];
    shared.resize(kept);
}

// True when a and b share an event on the meeting's day (whoMet folds such a
// `met` into that event's occasion).
bool meetingRestatesSharedEvent(const GraphStore &store, const EventTree &tree, const ParticipationIndex &index,
                                const Meeting &meeting, std::vector<EntityIndex> &shared)
{
    if (meeting.date.size() != 10) return false;
    auto first = [&](EntityIndex p) {
        return std::lower_bound(index.byPerson.begin(), index.byPerson.end(), std::make_pair(p, std::uint32_t{0}));
    };
    for (auto mine = first(meeting.a); mine != index.byPerson.end() && mine->first == meeting.a; ++mine)
        for (auto theirs = first(meeting.b); theirs != index.byPerson.end() && theirs->first == meeting.b; ++theirs) {
            const ParticipationIndex::Block &own = index.blocks[mine->second];
            const ParticipationIndex::Block &other = index.blocks[theirs->second];
            if (own.group != other.group) continue;
            specificSharedEvents(tree, index, own, other, shared);
            for (EntityIndex s : shared)
                if (eventSpansDay(store, s, meeting.date)) return true;
        }
    return false;
}

// The pairs (a, b > a) for persons a in [from, to) of `people`, in order.
std::vector<MetPair> projectRange(const GraphStore &store, const EventTree &tree, const ParticipationIndex &index,
                                  const std::vector<Meeting> &meetings, const std::vector<EntityIndex> &people,
                                  std::size_t from, std::size_t to)
{
    std::vector<MetPair> out;
    std::vector<std::uint32_t> count(store.entityCount(), 0);
    std::vector<EntityIndex> touched, shared;
    for (std::size_t k = from; k < to; ++k) {
        EntityIndex a = people[k];
        touched.clear();
        auto bump = [&](EntityIndex b, std::uint32_t n) {
            if (count[b] == 0) touched.push_back(b);
            count[b] += n;
        };
        auto mine = std::lower_bound(index.byPerson.begin(), index.byPerson.end(), std::make_pair(a, std::uint32_t{0}));
        for (; mine != index.byPerson.end() && mine->first == a; ++mine) {
            const ParticipationIndex::Block &own = index.blocks[mine->second];
            std::uint32_t groupLast = index.groups[own.group].second;
            // Blocks hold persons in ascending order: the ones after ours are > a.
            for (std::uint32_t b = mine->second + 1; b < groupLast; ++b) {
                specificSharedEvents(tree, index, own, index.blocks[b], shared);
                if (!shared.empty()) bump(index.blocks[b].person, static_cast<std::uint32_t>(shared.size()));
            }
        }
        auto met = std::lower_bound(meetings.begin(), meetings.end(), Meeting{a, 0, {}});
        for (; met != meetings.end() && met->a == a; ++met)
            if (!meetingRestatesSharedEvent(store, tree, index, *met, shared)) bump(met->b, 1);
        std::sort(touched.begin(), touched.end());
        for (EntityIndex b : touched) {
            out.push_back({a, b, count[b]});
            count[b] = 0;
        }
    }
    return out;
}

// Persons under one event tree may all have met: at most k(k-1)/2 pairs for
// k of them. Refuses before anything quadratic is allocated.
void checkBudget(const GraphStore &store, const EventTree &tree, const ParticipationIndex &index,
                 std::size_t meetings, std::size_t budget)
{
    if (budget == kNoMemoryBudget) return;
    double pairs = static_cast<double>(meetings);
    std::size_t largest = 0, largestBlock = 0;
    for (const auto &[first, last] : index.groups) {
        double k = last - first;
        pairs += k * (k - 1) / 2;
        if (last - first > largest) largest = last - first, largestBlock = first;
    }
    double bytes = pairs * static_cast<double>(kBytesPerMetPair);
    if (bytes <= static_cast<double>(budget)) return;
    EntityIndex event = tree.root(index.events[index.blocks[largestBlock].first]);
    auto mib = [](double b) { return std::to_string(static_cast<long long>(b / (1 << 20))); };
    throw ResourceError("who-met-whom would link up to " + std::to_string(static_cast<long long>(pairs)) +
                        " pairs of persons, about " + mib(bytes) + " MiB, over the memory budget of " +
                        mib(static_cast<double>(budget)) + " MiB: the " + std::to_string(largest) +
                        " persons at " + printableText(store.entity(event).id) +
                        " (and its sessions) alone all met each other. Narrow it with filters "
                        "(--from/--to, --source, --kinds) or raise --memory-budget");
}

} // namespace

std::vector<MetPair> metProjection(const GraphStore &store, const ViewFilter &filter, std::size_t memoryBudget)
{
    EventTree tree(store);
    ParticipationIndex index = indexParticipations(store, tree, filter);
    std::vector<Meeting> meetings = explicitMeetings(store, filter);
    checkBudget(store, tree, index, meetings.size(), memoryBudget);

    // Every person with something to pair, and the work each brings (the
    // size of the groups they are in), to split the work evenly.
    std::vector<EntityIndex> people;
    std::vector<std::size_t> work;
    for (std::size_t i = 0; i < index.byPerson.size();) {
        EntityIndex p = index.byPerson[i].first;
        std::size_t w = 0;
        for (; i < index.byPerson.size() && index.byPerson[i].first == p; ++i) {
            const auto &block = index.blocks[index.byPerson[i].second];
            w += index.groups[block.group].second - index.byPerson[i].second;
        }
        people.push_back(p);
        work.push_back(w + 1);
    }
    for (const Meeting &m : meetings) people.push_back(m.a), work.push_back(1);
    // Persons with only `met` relations join the list; keep it sorted and unique.
    {
        std::vector<std::size_t> order(people.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return people[x] < people[y]; });
        std::vector<EntityIndex> p2;
        std::vector<std::size_t> w2;
        for (std::size_t i : order) {
            if (!p2.empty() && p2.back() == people[i]) {
                w2.back() += work[i];
                continue;
            }
            p2.push_back(people[i]);
            w2.push_back(work[i]);
        }
        people = std::move(p2);
        work = std::move(w2);
    }

    unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::size_t total = 0;
    for (std::size_t w : work) total += w;
    if (total < 200'000) threads = 1; // not worth a thread
    std::vector<std::size_t> cuts(threads + 1, people.size());
    cuts[0] = 0;
    std::size_t acc = 0, next = 1;
    for (std::size_t i = 0; i < people.size() && next < threads; ++i) {
        acc += work[i];
        if (acc * threads >= total * next) cuts[next++] = i + 1;
    }

    std::vector<std::vector<MetPair>> parts(threads);
    detail::runShares(threads, [&](unsigned t) {
        parts[t] = projectRange(store, tree, index, meetings, people, cuts[t], cuts[t + 1]);
    });
    if (threads == 1) return std::move(parts[0]);
    std::size_t size = 0;
    for (const auto &part : parts) size += part.size();
    std::vector<MetPair> pairs;
    pairs.reserve(size);
    for (const auto &part : parts) pairs.insert(pairs.end(), part.begin(), part.end());
    return pairs;
}

} // namespace liaison
