// The push, in one transaction:
//   1. COPY the graph into temporary staging tables (bulk, no per-row round trips);
//   2. follow the archive's redirects (a merged-away id lands on its survivor);
//   3. insert what is new with ON CONFLICT DO NOTHING (idempotent; a
//      concurrent push of the same rows waits for the other and then skips them);
//   4. record where an incoming value differs from the archive's as a conflict
//      (the archive keeps its value; names become aliases, as in a file merge);
//   5. append every evidence row not yet archived (fingerprint: its owner and all
//      its fields), so evidence is never replaced and never lost.
// A deadlock or serialisation failure between concurrent pushes rolls back
// and retries the whole push.
#include "push.hpp"

#include "codec.hpp"
#include "name_keys.hpp"

#include <string>

namespace liaison::archive {

namespace {

const char *const kStagingTables = R"SQL(
CREATE TEMP TABLE s_source (id text, content_hash text, path text, title text, date text, language text,
  extra jsonb) ON COMMIT DROP;
CREATE TEMP TABLE s_entity (ord int, id text, kind text, name text, attributes jsonb, extra jsonb) ON COMMIT DROP;
CREATE TEMP TABLE s_name (entity_id text, language text, name text) ON COMMIT DROP;
CREATE TEMP TABLE s_alias (entity_id text, alias text, ord int) ON COMMIT DROP;
CREATE TEMP TABLE s_key (entity_id text, key text, grams text[]) ON COMMIT DROP;
CREATE TEMP TABLE s_relation (ord int, kind text, from_id text, to_id text, attributes jsonb, extra jsonb)
  ON COMMIT DROP;
CREATE TEMP TABLE s_evidence (ord int, entity_id text, rel_ord int, source_id text, line int, locator text,
  quote text, confidence float8, extra jsonb) ON COMMIT DROP;
)SQL";

// Merged-away ids in the incoming graph resolve to their survivors.
const char *const kFollowRedirects = R"SQL(
UPDATE s_entity s SET id = r.to_id FROM liaison.redirect r WHERE s.id = r.from_id;
UPDATE s_name s SET entity_id = r.to_id FROM liaison.redirect r WHERE s.entity_id = r.from_id;
UPDATE s_alias s SET entity_id = r.to_id FROM liaison.redirect r WHERE s.entity_id = r.from_id;
UPDATE s_key s SET entity_id = r.to_id FROM liaison.redirect r WHERE s.entity_id = r.from_id;
UPDATE s_relation s SET from_id = r.to_id FROM liaison.redirect r WHERE s.from_id = r.from_id;
UPDATE s_relation s SET to_id = r.to_id FROM liaison.redirect r WHERE s.to_id = r.from_id;
UPDATE s_evidence s SET entity_id = r.to_id FROM liaison.redirect r WHERE s.entity_id = r.from_id;
ANALYZE s_entity; ANALYZE s_relation; ANALYZE s_evidence;
)SQL";

// Every incoming value that differs from the archive's (after this push's
// inserts, so rows a concurrent push committed first are compared too).
const char *const kFindConflicts = R"SQL(
CREATE TEMP TABLE s_conflict ON COMMIT DROP AS
SELECT s.id AS subject, 'kind' AS field, e.kind AS archive_value, s.kind AS incoming_value
  FROM s_entity s JOIN liaison.entity e USING (id) WHERE s.kind <> e.kind
UNION SELECT s.id, 'name', e.name, s.name
  FROM s_entity s JOIN liaison.entity e USING (id) WHERE s.name <> e.name
UNION SELECT s.id, 'attributes.' || kv.key, (e.attributes -> kv.key)::text, kv.value::text
  FROM s_entity s JOIN liaison.entity e USING (id), jsonb_each(s.attributes) AS kv
  WHERE e.attributes ? kv.key AND e.attributes -> kv.key <> kv.value
UNION SELECT n.entity_id, 'names.' || n.language, a.name, n.name
  FROM s_name n JOIN liaison.entity_name a USING (entity_id, language) WHERE a.name <> n.name
UNION SELECT s.id, 'source.' || f.field, f.archive_value, f.incoming_value
  FROM s_source s JOIN liaison.source a USING (id),
  LATERAL (VALUES ('title', a.title, s.title), ('date', a.date, s.date), ('language', a.language, s.language),
                  ('path', a.path, s.path), ('content_hash', a.content_hash, s.content_hash))
    AS f(field, archive_value, incoming_value)
  WHERE f.incoming_value <> '' AND f.archive_value IS DISTINCT FROM f.incoming_value;
)SQL";

void stageSources(pg::Connection &conn, const GraphStore &graph)
{
    pg::CopyWriter copy(conn, "COPY s_source FROM STDIN");
    for (const Source &s : graph.sources()) {
        std::string &row = copy.buffer();
        pg::copyField(row, s.id, true);
        if (s.hash.empty()) pg::copyNull(row); // unknown: not "different" from a known one
        else pg::copyField(row, s.hash);
        pg::copyField(row, s.path);
        pg::copyField(row, s.title);
        pg::copyField(row, s.date);
        pg::copyField(row, s.language);
        pg::copyField(row, extrasToJson(s.extra));
        row += '\n';
        copy.flushIfFull();
    }
    copy.finish();
}

void appendEvidence(pg::CopyWriter &copy, int &ord, const std::vector<Evidence> &evidence,
                    const std::string *entityId, long relationOrd)
{
    for (const Evidence &e : evidence) {
        std::string &row = copy.buffer();
        pg::copyField(row, std::to_string(ord++), true);
        if (entityId) pg::copyField(row, *entityId);
        else pg::copyNull(row);
        if (entityId) pg::copyNull(row);
        else pg::copyField(row, std::to_string(relationOrd));
        pg::copyField(row, e.source);
        pg::copyField(row, std::to_string(e.line));
        pg::copyField(row, e.locator);
        pg::copyField(row, e.quote);
        if (e.confidence >= 0) pg::copyField(row, std::to_string(e.confidence));
        else pg::copyNull(row);
        pg::copyField(row, extrasToJson(e.extra));
        row += '\n';
        copy.flushIfFull();
    }
}

void stageEntities(pg::Connection &conn, const GraphStore &graph)
{
    {
        pg::CopyWriter copy(conn, "COPY s_entity FROM STDIN");
        int ord = 0;
        for (const Entity &e : graph.entities()) {
            std::string &row = copy.buffer();
            pg::copyField(row, std::to_string(ord++), true);
            pg::copyField(row, e.id);
            pg::copyField(row, e.kind);
            pg::copyField(row, e.name);
            pg::copyField(row, attributesToJson(e.attributes));
            pg::copyField(row, extrasToJson(e.extra));
            row += '\n';
            copy.flushIfFull();
        }
        copy.finish();
    }
    {
        pg::CopyWriter names(conn, "COPY s_name FROM STDIN");
        for (const Entity &e : graph.entities()) {
            for (const auto &[language, name] : e.names) {
                std::string &row = names.buffer();
                pg::copyField(row, e.id, true);
                pg::copyField(row, language);
                pg::copyField(row, name);
                row += '\n';
            }
            names.flushIfFull();
        }
        names.finish();
    }
    {
        pg::CopyWriter aliases(conn, "COPY s_alias FROM STDIN");
        for (const Entity &e : graph.entities()) {
            int ord = 0;
            for (const std::string &alias : e.aliases) {
                std::string &row = aliases.buffer();
                pg::copyField(row, e.id, true);
                pg::copyField(row, alias);
                pg::copyField(row, std::to_string(ord++));
                row += '\n';
            }
            aliases.flushIfFull();
        }
        aliases.finish();
    }
    {
        pg::CopyWriter keys(conn, "COPY s_key FROM STDIN");
        for (const Entity &e : graph.entities()) {
            appendNameKeyRows(keys.buffer(), e);
            keys.flushIfFull();
        }
        keys.finish();
    }
}

void stageRelationsAndEvidence(pg::Connection &conn, const GraphStore &graph)
{
    {
        pg::CopyWriter copy(conn, "COPY s_relation FROM STDIN");
        long ord = 0;
        for (const Relation &r : graph.relations()) {
            std::string &row = copy.buffer();
            pg::copyField(row, std::to_string(ord++), true);
            pg::copyField(row, r.kind);
            pg::copyField(row, r.from);
            pg::copyField(row, r.to);
            pg::copyField(row, attributesToJson(r.attributes));
            pg::copyField(row, extrasToJson(r.extra));
            row += '\n';
            copy.flushIfFull();
        }
        copy.finish();
    }
    pg::CopyWriter copy(conn, "COPY s_evidence FROM STDIN");
    int ord = 0;
    for (const Entity &e : graph.entities()) appendEvidence(copy, ord, e.evidence, &e.id, 0);
    long relationOrd = 0;
    for (const Relation &r : graph.relations()) appendEvidence(copy, ord, r.evidence, nullptr, relationOrd++);
    copy.finish();
}

std::size_t count(pg::Connection &conn, const std::string &sql, const std::string &pushId)
{
    return static_cast<std::size_t>(conn.exec(sql, {pushId}).affected());
}

// Human decisions travel with the graph: its judgements, and its redirects
// (ids merged away), each to the survivor the archive knows. A redirect from
// an id the archive still holds as an entity, or already redirects elsewhere,
// is a conflict for a person to settle, never a silent merge in the archive.
// Runs after the entities are in (a redirect names one) and after
// s_conflict exists.
void pushIdentityDecisions(pg::Connection &conn, const GraphStore &graph, const std::string &label,
                           const std::string &pushId, PushReport &report)
{
    std::vector<std::string> a, b, verdict, reason, when;
    for (const Judgement &j : graph.judgements()) {
        a.push_back(j.a), b.push_back(j.b), reason.push_back(j.reason), when.push_back(j.time);
        verdict.push_back(j.verdict == Verdict::Same ? "same" : "different");
    }
    if (!a.empty())
        report.judgementsAdded = static_cast<std::size_t>(
            conn.exec(R"SQL(
INSERT INTO liaison.judgement (entity_a, entity_b, verdict, reasons, judged_by, judged_at, push_id)
SELECT a, b, v, r, $6, w, $7::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS j(a, b, v, r, w)
ON CONFLICT DO NOTHING)SQL",
                      {pg::textArray(a), pg::textArray(b), pg::textArray(verdict), pg::textArray(reason),
                       pg::textArray(when), label, pushId})
                .affected());

    std::vector<std::string> from, to;
    for (const Redirect &r : graph.redirects()) {
        EntityIndex survivor = graph.findById(r.from); // follows chains to the live entity
        if (survivor == kNoEntity) continue;           // the reader refuses such files; nothing to send
        from.push_back(r.from), to.push_back(graph.entity(survivor).id);
    }
    if (from.empty()) return;
    const std::vector<pg::Param> pairs{pg::textArray(from), pg::textArray(to)};
    // The survivor as the archive names it (it may have been merged there too).
    const std::string incoming = R"SQL(
  (SELECT x.f, coalesce(ar.to_id, x.t) AS t FROM unnest($1::text[], $2::text[]) AS x(f, t)
   LEFT JOIN liaison.redirect ar ON ar.from_id = x.t) AS i)SQL";
    conn.exec("INSERT INTO s_conflict (subject, field, archive_value, incoming_value) "
              "SELECT i.f, 'merged_into', 'a live entity', i.t FROM" + incoming +
              " JOIN liaison.entity e ON e.id = i.f", pairs);
    conn.exec("INSERT INTO s_conflict (subject, field, archive_value, incoming_value) "
              "SELECT i.f, 'merged_into', r.to_id, i.t FROM" + incoming +
              " JOIN liaison.redirect r ON r.from_id = i.f WHERE r.to_id <> i.t", pairs);
    report.redirectsAdded = static_cast<std::size_t>(
        conn.exec("INSERT INTO liaison.redirect (from_id, to_id, push_id) SELECT i.f, i.t, $3::bigint FROM" + incoming +
                      " WHERE NOT EXISTS (SELECT 1 FROM liaison.entity e WHERE e.id = i.f)"
                      " AND EXISTS (SELECT 1 FROM liaison.entity e WHERE e.id = i.t) ON CONFLICT (from_id) DO NOTHING",
                  {pairs[0], pairs[1], pushId})
            .affected());
}

// What the per-row foreign keys checked, once for the whole push: every
// relation endpoint and evidence owner is an entity of the archive (this
// push's entities are in by now; a concurrent push's are committed, since
// inserting the same id waited for it; nothing deletes entities).
void checkEndpoints(pg::Connection &conn)
{
    pg::Result missing = conn.exec(R"SQL(
SELECT m.id FROM (SELECT from_id AS id FROM s_relation UNION SELECT to_id FROM s_relation
                  UNION SELECT entity_id FROM s_evidence WHERE entity_id IS NOT NULL) m
WHERE NOT EXISTS (SELECT 1 FROM liaison.entity e WHERE e.id = m.id) ORDER BY 1 LIMIT 5)SQL");
    if (missing.rows() == 0) return;
    std::string ids;
    for (int r = 0; r < missing.rows(); ++r) ids += (r ? ", " : "") + missing.string(r, 0);
    throw ArchiveError("the graph's relations or evidence name entities that neither it nor the archive holds (" +
                       ids + "); nothing was pushed");
}

PushReport pushOnce(pg::Connection &conn, const GraphStore &graph, const std::string &label)
{
    PushReport report;
    pg::Transaction tx(conn);
    // Sorts and hashes of a million staged rows stay in memory (this push only).
    conn.exec("SET LOCAL work_mem = '128MB'");
    const std::string pushId = conn.exec("INSERT INTO liaison.push (label) VALUES ($1) RETURNING id", {label}).string(0, 0);
    conn.run(kStagingTables);
    stageSources(conn, graph);
    stageEntities(conn, graph);
    stageRelationsAndEvidence(conn, graph);
    conn.run(kFollowRedirects);

    report.sourcesAdded = count(conn, R"SQL(
INSERT INTO liaison.source (id, content_hash, path, title, date, language, extra, push_id)
SELECT DISTINCT ON (id) id, content_hash, path, title, date, language, extra, $1 FROM s_source ORDER BY id
ON CONFLICT (id) DO NOTHING)SQL", pushId);
    report.entitiesAdded = count(conn, R"SQL(
INSERT INTO liaison.entity (id, kind, name, attributes, extra, push_id)
SELECT id, kind, name, attributes, extra, $1
FROM (SELECT DISTINCT ON (id) * FROM s_entity ORDER BY id, ord) s ORDER BY ord
ON CONFLICT (id) DO NOTHING)SQL", pushId);
    // Attributes the archive lacks are added; the archive's values win.
    report.entitiesUpdated = count(conn, R"SQL(
UPDATE liaison.entity e SET attributes = s.attributes || e.attributes, revision = e.revision + 1,
  updated_by_push = $1
FROM (SELECT id, jsonb_object_agg(kv.key, kv.value) AS attributes
      FROM s_entity, jsonb_each(attributes) AS kv GROUP BY id) s
WHERE e.id = s.id AND EXISTS (SELECT 1 FROM jsonb_object_keys(s.attributes) k WHERE NOT e.attributes ? k))SQL",
                                   pushId);
    conn.run(kFindConflicts);
    pushIdentityDecisions(conn, graph, label, pushId, report);
    // A differing display or language name stays findable: it becomes an alias.
    conn.exec(R"SQL(
INSERT INTO s_alias (entity_id, alias, ord)
SELECT subject, incoming_value, 1000000 FROM s_conflict WHERE field = 'name' OR field LIKE 'names.%')SQL");
    report.namesAdded = count(conn, R"SQL(
INSERT INTO liaison.entity_name (entity_id, language, name, push_id)
SELECT DISTINCT ON (entity_id, language) entity_id, language, name, $1 FROM s_name ORDER BY entity_id, language
ON CONFLICT DO NOTHING)SQL", pushId);
    report.namesAdded += count(conn, R"SQL(
INSERT INTO liaison.entity_alias (entity_id, alias, ord, push_id)
SELECT entity_id, alias, (SELECT coalesce(max(ord) + 1, 0) FROM liaison.entity_alias a WHERE a.entity_id = s.entity_id)
       + row_number() OVER (PARTITION BY entity_id ORDER BY min_ord, alias), $1
FROM (SELECT entity_id, alias, min(ord) AS min_ord FROM s_alias GROUP BY entity_id, alias) s
ON CONFLICT DO NOTHING)SQL", pushId);
    conn.exec(R"SQL(
INSERT INTO liaison.name_key (entity_id, key, grams)
SELECT DISTINCT ON (entity_id, key) entity_id, key, grams FROM s_key ORDER BY entity_id, key
ON CONFLICT DO NOTHING)SQL");
    std::size_t conflictsRecorded = count(conn, R"SQL(
INSERT INTO liaison.conflict (subject, field, archive_value, incoming_value, push_id)
SELECT subject, field, coalesce(archive_value, ''), incoming_value, $1 FROM s_conflict ON CONFLICT DO NOTHING)SQL",
                                          pushId);

    checkEndpoints(conn);
    report.relationsAdded = count(conn, R"SQL(
INSERT INTO liaison.relation (kind, from_id, to_id, attributes, attr_hash, extra, push_id)
SELECT kind, from_id, to_id, attributes, h, extra, $1
FROM (SELECT DISTINCT ON (from_id, kind, to_id, h) *
      FROM (SELECT *, decode(md5(attributes::text), 'hex') AS h FROM s_relation) s
      ORDER BY from_id, kind, to_id, h, ord) d
ORDER BY ord
ON CONFLICT DO NOTHING)SQL", pushId);
    conn.run(R"SQL(
CREATE TEMP TABLE s_relmap ON COMMIT DROP AS
SELECT s.ord, r.id FROM s_relation s JOIN liaison.relation r
  ON r.from_id = s.from_id AND r.kind = s.kind AND r.to_id = s.to_id
 AND r.attr_hash = decode(md5(s.attributes::text), 'hex');
CREATE INDEX ON s_relmap (ord); ANALYZE s_relmap;)SQL");
    report.evidenceAdded = count(conn, R"SQL(
INSERT INTO liaison.evidence (entity_id, relation_id, source_id, line, locator, quote, confidence, extra,
                              fingerprint, push_id)
SELECT entity_id, relation_id, source_id, line, locator, quote, confidence, extra,
       decode(md5(concat_ws(E'\x1f', coalesce(entity_id, ''), coalesce(relation_id::text, ''), source_id, line::text,
                            locator, quote, coalesce(confidence::text, ''), extra::text)), 'hex'), $1
FROM (SELECT v.ord, v.entity_id, m.id AS relation_id, v.source_id, v.line, v.locator, v.quote, v.confidence, v.extra
      FROM s_evidence v LEFT JOIN s_relmap m ON m.ord = v.rel_ord) x
ORDER BY ord
ON CONFLICT (fingerprint) DO NOTHING)SQL", pushId);
    std::size_t staged = static_cast<std::size_t>(conn.exec("SELECT count(*) FROM s_evidence").integer(0, 0));
    report.evidenceKnown = staged - report.evidenceAdded;

    // A difference a person already settled is not reported again.
    pg::Result conflicts = conn.exec(
        "SELECT subject, field, coalesce(archive_value, ''), incoming_value FROM s_conflict s WHERE NOT EXISTS "
        "(SELECT 1 FROM liaison.conflict c WHERE c.resolution IS NOT NULL AND (c.subject, c.field, c.incoming_value) = "
        "(s.subject, s.field, s.incoming_value)) ORDER BY subject, field, incoming_value");
    for (int r = 0; r < conflicts.rows(); ++r) {
        Conflict c{conflicts.string(r, 0), conflicts.string(r, 1), conflicts.string(r, 2), conflicts.string(r, 3)};
        if (c.field.starts_with("attributes.")) {
            c.archiveValue = attributeText(c.archiveValue);
            c.incomingValue = attributeText(c.incomingValue);
        }
        report.conflicts.push_back(std::move(c));
    }
    // Pushing what the archive already holds changes nothing, not even the log.
    if (!report.changed() && conflictsRecorded == 0) return report; // rolled back
    conn.exec("UPDATE liaison.push SET entities_added = $2, relations_added = $3, evidence_added = $4 WHERE id = $1",
              {pushId, std::to_string(report.entitiesAdded), std::to_string(report.relationsAdded),
               std::to_string(report.evidenceAdded)});
    tx.commit();
    return report;
}

bool retryable(const ArchiveError &error)
{
    return error.sqlstate() == "40P01" || error.sqlstate() == "40001";
}

} // namespace

PushReport pushGraph(pg::Connection &conn, const GraphStore &graph, const std::string &label)
{
    // The staging tables are this session's temporary tables: give them room
    // (only possible before the session's first temporary table).
    try {
        conn.exec("SET temp_buffers = '256MB'");
    } catch (const ArchiveError &) {
        // A later push on the same connection keeps the first one's setting.
    }
    for (int attempt = 1;; ++attempt) {
        try {
            return pushOnce(conn, graph, label);
        } catch (const ArchiveError &error) {
            if (!retryable(error) || attempt == 8) throw;
        }
    }
}

} // namespace liaison::archive
