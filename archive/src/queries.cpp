#include "queries.hpp"

#include "name_keys.hpp"
#include "slice.hpp"

#include "liaison/normalize.hpp"

#include <map>

namespace liaison::archive {

namespace {

std::vector<std::string> column(const pg::Result &rows, int c = 0)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int r = 0; r < rows.rows(); ++r) out.push_back(rows.string(r, c));
    return out;
}

std::string array(const std::set<std::string> &ids) { return pg::textArray({ids.begin(), ids.end()}); }

// Relations (id, from, to) tying any of $1 to a country, in either direction.
// The ids are joined as a table (unnest) rather than tested with = ANY($1):
// with a few hundred ids the planner chose a sequential scan of every
// relation for = ANY, which grows with the archive; the join probes the
// from/to indexes once per id (at M: 110-150 ms -> 20-50 ms a call).
const char *const kCountryTies = R"SQL(
SELECT r.id, r.from_id, r.to_id FROM unnest($1::text[]) AS s(id)
JOIN liaison.relation r ON r.from_id = s.id JOIN liaison.entity c ON c.id = r.to_id AND c.kind = 'country'
UNION SELECT r.id, r.from_id, r.to_id FROM unnest($1::text[]) AS s(id)
JOIN liaison.relation r ON r.to_id = s.id JOIN liaison.entity c ON c.id = r.from_id AND c.kind = 'country')SQL";

std::vector<std::string> participationKinds()
{
    std::vector<std::string> kinds;
    for (std::string_view k : relationVocabulary())
        if (isParticipation(k)) kinds.emplace_back(k);
    return kinds;
}

} // namespace

std::string describeEntities(pg::Connection &conn, const std::vector<std::string> &ids, std::size_t limit)
{
    std::vector<std::string> shown(ids.begin(), ids.begin() + static_cast<long>(std::min(limit, ids.size())));
    pg::Result rows = conn.exec("SELECT id, name FROM liaison.entity WHERE id = ANY($1) ORDER BY id", {pg::textArray(shown)});
    std::string out;
    for (int r = 0; r < rows.rows(); ++r) out += "\n  " + rows.string(r, 1) + " (" + rows.string(r, 0) + ")";
    if (ids.size() > limit) out += "\n  ... and " + std::to_string(ids.size() - limit) + " more";
    return out;
}

std::string resolveReference(pg::Connection &conn, const std::string &reference)
{
    if (conn.exec("SELECT 1 FROM liaison.entity WHERE id = $1", {reference}).rows() == 1) return reference;
    pg::Result redirect = conn.exec("SELECT to_id FROM liaison.redirect WHERE from_id = $1", {reference});
    if (redirect.rows() == 1) return redirect.string(0, 0);
    std::vector<std::string> keys{searchKey(reference)};
    std::string personKey = searchKey(normalizeName(reference).key);
    // The honorific-free key finds persons only, as in a file.
    std::vector<std::string> found = column(conn.exec(
        "SELECT DISTINCT k.entity_id FROM liaison.name_key k JOIN liaison.entity e ON e.id = k.entity_id "
        "WHERE k.key = $1 OR (k.key = $2 AND e.kind = 'person') ORDER BY 1",
        {keys.front(), personKey}));
    if (found.size() == 1) return found.front();
    if (found.empty()) {
        std::string message = "no entity in the archive has the id, name or alias '" + reference + "'";
        std::vector<std::string> near = searchIds(conn, reference, {});
        if (!near.empty()) message += "; did you mean:" + describeEntities(conn, near);
        throw LookupError(message);
    }
    throw LookupError("'" + reference + "' is ambiguous; it names " + std::to_string(found.size()) +
                      " entities (use an id):" + describeEntities(conn, found, 50));
}

std::vector<std::string> searchIds(pg::Connection &conn, const std::string &text, const ViewFilter &filter)
{
    std::string needle = searchKey(text);
    if (needle.empty()) return {};
    std::vector<std::string> grams = bigrams(needle);
    std::vector<std::string> kinds(filter.kinds.begin(), filter.kinds.end());
    // The bigram containment uses the GIN index; strpos checks the order.
    return column(conn.exec("SELECT DISTINCT k.entity_id FROM liaison.name_key k JOIN liaison.entity e ON e.id = k.entity_id "
                            "WHERE ($1::text[] = '{}' OR k.grams @> $1::text[]) AND strpos(k.key, $2) > 0 "
                            "AND ($3::text[] = '{}' OR e.kind = ANY($3::text[])) ORDER BY 1",
                            {pg::textArray(grams), needle, pg::textArray(kinds)}));
}

std::set<std::string> neighbours(pg::Connection &conn, const std::set<std::string> &ids)
{
    pg::Result rows = conn.exec("SELECT to_id FROM liaison.relation WHERE from_id = ANY($1) "
                                "UNION SELECT from_id FROM liaison.relation WHERE to_id = ANY($1)",
                                {array(ids)});
    std::vector<std::string> found = column(rows);
    return {found.begin(), found.end()};
}

GraphStore metSliceOf(pg::Connection &conn, const std::string &personId)
{
    const std::string participation = pg::textArray(participationKinds());
    // The person's events, then the whole part_of tree of each (events only).
    // (Each lookup is by from_id or by to_id alone, so both use an index.)
    std::vector<std::string> events = column(conn.exec(R"SQL(
WITH RECURSIVE mine(id) AS (
  SELECT to_id FROM liaison.relation WHERE from_id = $1 AND kind = ANY($2::text[])
  UNION SELECT from_id FROM liaison.relation WHERE to_id = $1 AND kind = ANY($2::text[])),
tree(id) AS (
  SELECT m.id FROM mine m JOIN liaison.entity e ON e.id = m.id AND e.kind = 'event'
  UNION
  SELECT n.id FROM tree t CROSS JOIN LATERAL (
    SELECT r.to_id AS id FROM liaison.relation r WHERE r.from_id = t.id AND r.kind = 'part_of'
    UNION ALL SELECT r.from_id FROM liaison.relation r WHERE r.to_id = t.id AND r.kind = 'part_of') n
  JOIN liaison.entity e ON e.id = n.id AND e.kind = 'event')
SELECT id FROM tree)SQL",
                                                       {personId, participation}));
    const std::string eventArray = pg::textArray(events);
    // Every participation in those events, the part_of links among them, the
    // person's explicit `met` relations, then ties of all of them to countries.
    pg::Result rels = conn.exec(R"SQL(
SELECT r.id, r.from_id, r.to_id FROM liaison.relation r WHERE r.from_id = ANY($1) AND r.kind = ANY($2::text[])
UNION SELECT r.id, r.from_id, r.to_id FROM liaison.relation r WHERE r.to_id = ANY($1) AND r.kind = ANY($2::text[])
UNION SELECT r.id, r.from_id, r.to_id FROM liaison.relation r
WHERE r.from_id = ANY($1) AND r.to_id = ANY($1) AND r.kind = 'part_of'
UNION SELECT r.id, r.from_id, r.to_id FROM liaison.relation r WHERE r.from_id = $3 AND r.kind = 'met'
UNION SELECT r.id, r.from_id, r.to_id FROM liaison.relation r WHERE r.to_id = $3 AND r.kind = 'met')SQL",
                                {eventArray, participation, personId});
    std::set<std::string> ids{personId};
    std::vector<std::string> relationIds;
    auto take = [&](const pg::Result &rows) {
        for (int r = 0; r < rows.rows(); ++r) {
            relationIds.push_back(rows.string(r, 0));
            ids.insert(rows.string(r, 1));
            ids.insert(rows.string(r, 2));
        }
    };
    take(rels);
    // The ties of all of them to countries (for --country), looked up by array.
    take(conn.exec(std::string(kCountryTies), {array(ids)}));
    return loadSlice(conn, {ids.begin(), ids.end()}, relationIds);
}

namespace {

// One side of the bidirectional search: distances and, for every entity,
// its neighbours one step closer to the side's origin.
struct Side {
    std::map<std::string, int> distance;
    std::map<std::string, std::set<std::string>> closer;
    std::set<std::string> frontier;
    int depth = 0;
};

void expand(pg::Connection &conn, Side &side, const ViewFilter &filter, const std::string &otherEnd)
{
    std::vector<std::string> kinds(filter.kinds.begin(), filter.kinds.end());
    std::vector<std::string> relationKinds(filter.relationKinds.begin(), filter.relationKinds.end());
    pg::Result rows = conn.exec(R"SQL(
SELECT n.at, n.next FROM (
  SELECT from_id AS at, to_id AS next, kind FROM liaison.relation WHERE from_id = ANY($1)
  UNION ALL SELECT to_id, from_id, kind FROM liaison.relation WHERE to_id = ANY($1)) n
JOIN liaison.entity e ON e.id = n.next
WHERE ($2::text[] = '{}' OR n.kind = ANY($2::text[]))
  AND ($3::text[] = '{}' OR e.kind = ANY($3::text[]) OR e.id = $4))SQL",
                                {array(side.frontier), pg::textArray(relationKinds), pg::textArray(kinds), otherEnd});
    ++side.depth;
    std::set<std::string> next;
    for (int r = 0; r < rows.rows(); ++r) {
        std::string at = rows.string(r, 0), to = rows.string(r, 1);
        auto [it, fresh] = side.distance.emplace(to, side.depth);
        if (!fresh && it->second != side.depth) continue;
        side.closer[to].insert(at);
        next.insert(to);
    }
    side.frontier = std::move(next);
}

void walkBack(const Side &side, const std::string &from, std::set<std::string> &onPath)
{
    std::vector<std::string> pending{from};
    while (!pending.empty()) {
        std::string id = pending.back();
        pending.pop_back();
        if (!onPath.insert(id).second && id != from) continue;
        auto it = side.closer.find(id);
        if (it == side.closer.end()) continue;
        for (const std::string &c : it->second)
            if (!onPath.contains(c)) pending.push_back(c);
    }
}

} // namespace

ArchiveError longerChainsUnsearched(const std::string &a, const std::string &b, int steps)
{
    return ArchiveError("no chain of at most " + std::to_string(steps) + " steps joins " + a + " and " + b +
                        " in the archive, and longer chains are not searched in the server: pull a slice "
                        "(liaison archive pull URL --focus " + a + "," + b + " --depth N -o slice.json) and run "
                        "path on it");
}

GraphStore pathSliceOf(pg::Connection &conn, const std::string &a, const std::string &b, const ViewFilter &filter,
                       int maxDepth)
{
    Side fromA, fromB;
    fromA.distance[a] = 0, fromA.frontier = {a};
    fromB.distance[b] = 0, fromB.frontier = {b};
    std::set<std::string> onPath{a, b};
    while (a != b && fromA.depth + fromB.depth < maxDepth && !fromA.frontier.empty() && !fromB.frontier.empty()) {
        // The smaller frontier; on a tie the side that has seen less, so a
        // small component runs out of entities (and "not connected" is
        // known) before the bound stops the search.
        bool growA = fromA.frontier.size() != fromB.frontier.size()
                         ? fromA.frontier.size() < fromB.frontier.size()
                         : fromA.distance.size() <= fromB.distance.size();
        expand(conn, growA ? fromA : fromB, filter, growA ? b : a);
        // Meeting points with the smallest total distance.
        int best = -1;
        std::vector<std::string> meeting;
        for (const std::string &id : (growA ? fromA : fromB).frontier) {
            const Side &other = growA ? fromB : fromA;
            auto it = other.distance.find(id);
            if (it == other.distance.end()) continue;
            int total = fromA.distance.at(id) + fromB.distance.at(id);
            if (best < 0 || total < best) best = total, meeting.clear();
            if (total == best) meeting.push_back(id);
        }
        if (meeting.empty()) continue;
        for (const std::string &m : meeting) {
            walkBack(fromA, m, onPath);
            walkBack(fromB, m, onPath);
        }
        return loadSlice(conn, {onPath.begin(), onPath.end()});
    }
    if (a == b) return loadSlice(conn, {a});
    if (!fromA.frontier.empty() && !fromB.frontier.empty()) throw longerChainsUnsearched(a, b, maxDepth);
    return loadSlice(conn, {a, b}, std::vector<std::string>{});
}

std::set<std::string> countryTies(pg::Connection &conn, const std::set<std::string> &ids)
{
    pg::Result rows = conn.exec(std::string(kCountryTies), {array(ids)});
    std::set<std::string> countries;
    for (int r = 0; r < rows.rows(); ++r)
        for (int c : {1, 2})
            if (!ids.contains(rows.string(r, c))) countries.insert(rows.string(r, c));
    return countries;
}

Corridor corridorSliceOf(pg::Connection &conn, const std::string &a, const std::string &b, const ViewFilter &filter,
                         int length, std::size_t maxEntities)
{
    // Every entity on a chain of at most `length` steps lies within
    // ceil(length/2) steps of a or floor(length/2) steps of b, and such a
    // chain exists exactly when the two balls share an entity.
    Side fromA, fromB;
    fromA.distance[a] = 0, fromA.frontier = {a};
    fromB.distance[b] = 0, fromB.frontier = {b};
    auto grow = [&](Side &side, int radius, const std::string &otherEnd) {
        while (side.depth < radius && !side.frontier.empty()) {
            expand(conn, side, filter, otherEnd);
            if (fromA.distance.size() + fromB.distance.size() > maxEntities)
                throw ArchiveError("more than " + std::to_string(maxEntities) + " entities lie within " +
                                   std::to_string(length) + " steps of " + a + " and " + b +
                                   ": pull a slice (liaison archive pull URL --focus A,B --depth N -o slice.json) "
                                   "and run path on it");
        }
    };
    grow(fromA, (length + 1) / 2, b);
    grow(fromB, length / 2, a);
    Corridor found;
    found.whole = fromA.frontier.empty() || fromB.frontier.empty();
    std::set<std::string> ids;
    for (const auto &[id, d] : fromA.distance) {
        ids.insert(id);
        if (fromB.distance.contains(id)) found.meets = true;
    }
    if (!found.meets) return found;
    for (const auto &[id, d] : fromB.distance) ids.insert(id);
    std::set<std::string> countries = countryTies(conn, ids); // what --country needs
    ids.insert(countries.begin(), countries.end());
    found.slice = loadSlice(conn, {ids.begin(), ids.end()});
    return found;
}

} // namespace liaison::archive
