#include "slice.hpp"

#include "codec.hpp"

#include <map>
#include <set>

namespace liaison::archive {

namespace {

// Columns: owner, source_id, line, locator, quote, confidence, extra.
Evidence evidenceRow(const pg::Result &rows, int r)
{
    Evidence e;
    e.source = rows.string(r, 1);
    e.line = static_cast<int>(rows.integer(r, 2));
    e.locator = rows.string(r, 3);
    e.quote = rows.string(r, 4);
    if (!rows.isNull(r, 5)) e.confidence = rows.real(r, 5);
    e.extra = extrasFromJson(rows.text(r, 6));
    return e;
}

const char *const kEvidenceColumns = "source_id, line, locator, quote, confidence, extra::text";

// `where` restricts by $1 (a text[] of entity ids) and `relationWhere` by $2
// (relation ids); empty strings mean everything.
GraphStore load(pg::Connection &conn, const std::string &entityWhere, const std::string &relationWhere,
                const std::vector<pg::Param> &params)
{
    // A statement gets parameters only when its text refers to them.
    const std::vector<pg::Param> byEntity = entityWhere.empty() ? std::vector<pg::Param>{} : std::vector<pg::Param>{params[0]};
    std::map<std::string, Entity> entities;
    std::vector<std::string> order; // as first pushed, so analyses walk them as in the file
    pg::Result rows = conn.exec("SELECT id, kind, name, attributes::text, extra::text FROM liaison.entity " +
                                    entityWhere + " ORDER BY seq",
                                byEntity);
    for (int r = 0; r < rows.rows(); ++r) {
        order.push_back(rows.string(r, 0));
        Entity &e = entities[rows.string(r, 0)];
        e.id = rows.string(r, 0), e.kind = rows.string(r, 1), e.name = rows.string(r, 2);
        e.attributes = attributesFromJson(rows.text(r, 3));
        e.extra = extrasFromJson(rows.text(r, 4));
    }
    std::string ownerWhere = entityWhere.empty() ? "" : "WHERE entity_id = ANY($1)";
    pg::Result names = conn.exec("SELECT entity_id, language, name FROM liaison.entity_name " + ownerWhere, byEntity);
    for (int r = 0; r < names.rows(); ++r) entities[names.string(r, 0)].names[names.string(r, 1)] = names.string(r, 2);
    pg::Result aliases = conn.exec("SELECT entity_id, alias FROM liaison.entity_alias " + ownerWhere +
                                       " ORDER BY entity_id, ord",
                                   byEntity);
    for (int r = 0; r < aliases.rows(); ++r) entities[aliases.string(r, 0)].aliases.push_back(aliases.string(r, 1));
    std::set<std::string> cited;
    pg::Result entityEvidence = conn.exec(std::string("SELECT entity_id, ") + kEvidenceColumns +
                                              " FROM liaison.evidence WHERE entity_id IS NOT NULL" +
                                              (entityWhere.empty() ? "" : " AND entity_id = ANY($1)") + " ORDER BY id",
                                          byEntity);
    for (int r = 0; r < entityEvidence.rows(); ++r) {
        Evidence e = evidenceRow(entityEvidence, r);
        cited.insert(e.source);
        entities[entityEvidence.string(r, 0)].evidence.push_back(std::move(e));
    }

    std::vector<Relation> relations;
    std::map<long long, std::size_t> relationAt;
    pg::Result rels = conn.exec("SELECT id, kind, from_id, to_id, attributes::text, extra::text FROM liaison.relation " +
                                    relationWhere + " ORDER BY id",
                                relationWhere.empty() ? std::vector<pg::Param>{} : params);
    for (int r = 0; r < rels.rows(); ++r) {
        Relation rel;
        rel.kind = rels.string(r, 1), rel.from = rels.string(r, 2), rel.to = rels.string(r, 3);
        rel.attributes = attributesFromJson(rels.text(r, 4));
        rel.extra = extrasFromJson(rels.text(r, 5));
        relationAt.emplace(rels.integer(r, 0), relations.size());
        relations.push_back(std::move(rel));
    }
    std::vector<std::string> relationIds;
    for (const auto &[id, at] : relationAt) relationIds.push_back(std::to_string(id));
    pg::Result relationEvidence = conn.exec(
        std::string("SELECT relation_id, ") + kEvidenceColumns + " FROM liaison.evidence WHERE relation_id " +
            (relationWhere.empty() ? "IS NOT NULL" : "= ANY($1::bigint[])") + " ORDER BY id",
        relationWhere.empty() ? std::vector<pg::Param>{} : std::vector<pg::Param>{pg::textArray(relationIds)});
    for (int r = 0; r < relationEvidence.rows(); ++r) {
        auto it = relationAt.find(relationEvidence.integer(r, 0));
        if (it == relationAt.end()) continue;
        Evidence e = evidenceRow(relationEvidence, r);
        cited.insert(e.source);
        relations[it->second].evidence.push_back(std::move(e));
    }

    GraphStore store;
    pg::Result sources = conn.exec("SELECT id, path, title, date, language, extra::text, coalesce(content_hash, '') "
                                   "FROM liaison.source "
                                   "WHERE id = ANY($1) ORDER BY id",
                                   {pg::textArray({cited.begin(), cited.end()})});
    for (int r = 0; r < sources.rows(); ++r)
        store.addSource({sources.string(r, 0), sources.string(r, 2), sources.string(r, 3), sources.string(r, 4),
                         sources.string(r, 1), sources.string(r, 6), extrasFromJson(sources.text(r, 5))});
    store.reserve(entities.size(), relations.size());
    for (const std::string &id : order) store.addEntity(std::move(entities.at(id)));
    for (Relation &relation : relations)
        if (store.findById(relation.from) != kNoEntity && store.findById(relation.to) != kNoEntity)
            store.addRelation(std::move(relation));
    return store;
}

} // namespace

GraphStore loadSlice(pg::Connection &conn, const std::vector<std::string> &ids,
                     const std::optional<std::vector<std::string>> &relationIds)
{
    std::string idArray = pg::textArray(ids);
    if (relationIds)
        return load(conn, "WHERE id = ANY($1)", "WHERE id = ANY($2::bigint[]) AND $1::text[] IS NOT NULL",
                    {idArray, pg::textArray(*relationIds)});
    return load(conn, "WHERE id = ANY($1)", "WHERE from_id = ANY($1) AND to_id = ANY($1)", {idArray});
}

GraphStore loadEverything(pg::Connection &conn) { return load(conn, "", "", {}); }

} // namespace liaison::archive
