// Archive::pull: the selectors narrow a set of entity ids in the server;
// the slice is read with all its evidence; kinds, relation kinds and dates
// are then applied by core's own filter, exactly as on a file.
#include "liaison/archive.hpp"

#include "archive_impl.hpp"
#include "queries.hpp"
#include "slice.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace liaison::archive {

namespace {

using IdSet = std::set<std::string>;

void intersect(std::optional<IdSet> &selected, IdSet ids)
{
    if (!selected) {
        selected = std::move(ids);
        return;
    }
    IdSet kept;
    std::set_intersection(selected->begin(), selected->end(), ids.begin(), ids.end(), std::inserter(kept, kept.end()));
    selected = std::move(kept);
}

IdSet within(pg::Connection &conn, IdSet seeds, int depth)
{
    IdSet frontier = seeds;
    for (int d = 0; d < depth && !frontier.empty(); ++d) {
        IdSet next;
        for (const std::string &id : neighbours(conn, frontier))
            if (seeds.insert(id).second) next.insert(id);
        frontier = std::move(next);
    }
    return seeds;
}

std::string countryId(const std::string &code) { return code.find(':') == std::string::npos ? "country:" + code : code; }

IdSet countrySlice(pg::Connection &conn, const std::vector<std::string> &countries)
{
    IdSet all;
    for (const std::string &code : countries) {
        std::string id = countryId(code);
        if (conn.exec("SELECT 1 FROM liaison.entity WHERE id = $1 AND kind = 'country'", {id}).rows() == 0) {
            pg::Result near = conn.exec("SELECT id FROM liaison.entity WHERE kind = 'country' AND "
                                        "(strpos(id, $1) > 0 OR strpos(lower(name), lower($1)) > 0) ORDER BY id LIMIT 10",
                                        {code});
            std::vector<std::string> ids;
            for (int r = 0; r < near.rows(); ++r) ids.push_back(near.string(r, 0));
            throw LookupError("--country: no country '" + id + "' in the archive" +
                              (ids.empty() ? std::string() : "; did you mean:" + describeEntities(conn, ids)));
        }
        IdSet mine = within(conn, {id}, 1);
        all.insert(mine.begin(), mine.end());
    }
    return all;
}

IdSet sourceSlice(pg::Connection &conn, const std::vector<std::string> &sources)
{
    pg::Result known = conn.exec("SELECT id FROM liaison.source WHERE id = ANY($1)", {pg::textArray(sources)});
    if (known.rows() != static_cast<int>(std::set<std::string>(sources.begin(), sources.end()).size())) {
        IdSet found;
        for (int r = 0; r < known.rows(); ++r) found.insert(known.string(r, 0));
        for (const std::string &s : sources) {
            if (found.contains(s)) continue;
            pg::Result near = conn.exec("SELECT id, title FROM liaison.source WHERE strpos(lower(id), lower($1)) > 0 "
                                        "OR strpos(lower(title), lower($1)) > 0 ORDER BY id LIMIT 10",
                                        {s});
            std::string message = "--source: no source '" + s + "' in the archive";
            if (near.rows() > 0) message += "; did you mean:";
            for (int r = 0; r < near.rows(); ++r) message += "\n  " + near.string(r, 0) + "  " + near.string(r, 1);
            throw LookupError(message);
        }
    }
    pg::Result rows = conn.exec(R"SQL(
SELECT entity_id FROM liaison.evidence WHERE source_id = ANY($1) AND entity_id IS NOT NULL
UNION SELECT r.from_id FROM liaison.evidence v JOIN liaison.relation r ON r.id = v.relation_id WHERE v.source_id = ANY($1)
UNION SELECT r.to_id FROM liaison.evidence v JOIN liaison.relation r ON r.id = v.relation_id WHERE v.source_id = ANY($1)
)SQL",
                                {pg::textArray(sources)});
    IdSet ids;
    for (int r = 0; r < rows.rows(); ++r) ids.insert(rows.string(r, 0));
    return ids;
}

} // namespace

GraphStore Archive::pull(const SliceQuery &query)
{
    pg::Connection &conn = m_impl->conn;
    std::optional<IdSet> selected;
    if (!query.focus.empty()) {
        IdSet seeds;
        for (const std::string &reference : query.focus) seeds.insert(resolve(reference));
        intersect(selected, within(conn, std::move(seeds), query.depth));
    }
    if (!query.countries.empty()) intersect(selected, countrySlice(conn, query.countries));
    if (!query.sources.empty()) intersect(selected, sourceSlice(conn, query.sources));
    if (!query.search.empty()) {
        std::vector<std::string> found = search(query.search);
        if (found.empty()) throw LookupError("--search: no entity in the archive matches '" + query.search + "'");
        intersect(selected, IdSet(found.begin(), found.end()));
    }
    GraphStore slice = selected ? loadSlice(conn, {selected->begin(), selected->end()}) : loadEverything(conn);
    ViewFilter rest;
    rest.kinds = query.filter.kinds;
    rest.relationKinds = query.filter.relationKinds;
    rest.from = query.filter.from;
    rest.to = query.filter.to;
    if (rest.kinds.empty() && rest.relationKinds.empty() && !rest.from && !rest.to) return slice;
    return extractView(slice, applyFilter(slice, wholeGraph(slice), rest));
}

} // namespace liaison::archive
