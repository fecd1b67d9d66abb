#include "migrations.hpp"

#include "name_keys.hpp"

namespace liaison::archive {

namespace {

// Version 1: provenance at the heart. Every evidence row is its own record;
// a relation is (from, kind, to, attributes) and holds any number of them.
const char *const kBaseSchema = R"SQL(
CREATE SCHEMA liaison;
CREATE TABLE liaison.schema_version (
  version int PRIMARY KEY, description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user);
CREATE TABLE liaison.push (
  id bigserial PRIMARY KEY, label text NOT NULL,
  pushed_by text NOT NULL DEFAULT current_user, pushed_at timestamptz NOT NULL DEFAULT now(),
  entities_added bigint NOT NULL DEFAULT 0, relations_added bigint NOT NULL DEFAULT 0,
  evidence_added bigint NOT NULL DEFAULT 0);
CREATE TABLE liaison.source (
  id text PRIMARY KEY, content_hash text, path text NOT NULL DEFAULT '', title text NOT NULL DEFAULT '',
  date text NOT NULL DEFAULT '', language text NOT NULL DEFAULT '', extra jsonb NOT NULL DEFAULT '[]',
  push_id bigint);
CREATE INDEX source_content_hash ON liaison.source (content_hash);
CREATE TABLE liaison.entity (
  id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, kind text NOT NULL, name text NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}', extra jsonb NOT NULL DEFAULT '[]',
  revision int NOT NULL DEFAULT 1, push_id bigint, updated_by_push bigint);
CREATE INDEX entity_kind ON liaison.entity (kind);
CREATE TABLE liaison.entity_name (
  entity_id text NOT NULL REFERENCES liaison.entity ON DELETE CASCADE, language text NOT NULL,
  name text NOT NULL, push_id bigint, PRIMARY KEY (entity_id, language));
CREATE TABLE liaison.entity_alias (
  entity_id text NOT NULL REFERENCES liaison.entity ON DELETE CASCADE, alias text NOT NULL,
  ord int NOT NULL, push_id bigint, PRIMARY KEY (entity_id, alias));
CREATE TABLE liaison.relation (
  id bigserial PRIMARY KEY, kind text NOT NULL,
  from_id text NOT NULL REFERENCES liaison.entity, to_id text NOT NULL REFERENCES liaison.entity,
  attributes jsonb NOT NULL DEFAULT '{}', attr_hash bytea NOT NULL, extra jsonb NOT NULL DEFAULT '[]',
  push_id bigint, UNIQUE (from_id, kind, to_id, attr_hash));
CREATE INDEX relation_to ON liaison.relation (to_id);
CREATE TABLE liaison.evidence (
  id bigserial PRIMARY KEY,
  entity_id text REFERENCES liaison.entity ON DELETE CASCADE,
  relation_id bigint REFERENCES liaison.relation ON DELETE CASCADE,
  source_id text NOT NULL, line int NOT NULL DEFAULT 0, locator text NOT NULL DEFAULT '',
  quote text NOT NULL DEFAULT '', confidence double precision, extra jsonb NOT NULL DEFAULT '[]',
  fingerprint bytea NOT NULL UNIQUE, push_id bigint,
  CHECK ((entity_id IS NULL) <> (relation_id IS NULL)));
CREATE INDEX evidence_relation ON liaison.evidence (relation_id);
CREATE INDEX evidence_entity ON liaison.evidence (entity_id);
CREATE INDEX evidence_source ON liaison.evidence (source_id);
CREATE TABLE liaison.judgement (
  id bigserial PRIMARY KEY, entity_a text NOT NULL, entity_b text NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('same', 'different')), reasons text NOT NULL DEFAULT '',
  score double precision, judged_by text NOT NULL, judged_at text NOT NULL, push_id bigint,
  UNIQUE (entity_a, entity_b, verdict, judged_by, judged_at));
CREATE TABLE liaison.redirect (
  from_id text PRIMARY KEY, to_id text NOT NULL REFERENCES liaison.entity,
  judgement_id bigint REFERENCES liaison.judgement, push_id bigint);
CREATE TABLE liaison.conflict (
  id bigserial PRIMARY KEY, subject text NOT NULL, field text NOT NULL,
  archive_value text NOT NULL, incoming_value text NOT NULL, push_id bigint,
  pushed_by text NOT NULL DEFAULT current_user, recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject, field, incoming_value));
)SQL";

// Version 2: name search. One row per folded name, alias or id of an entity
// with its character bigrams, so a CJK substring of two characters or more
// is found through a GIN index whatever the database's locale.
const char *const kNameKeys = R"SQL(
CREATE TABLE liaison.name_key (
  entity_id text NOT NULL REFERENCES liaison.entity ON DELETE CASCADE, key text NOT NULL,
  grams text[] NOT NULL, PRIMARY KEY (entity_id, key));
CREATE INDEX name_key_key ON liaison.name_key (key);
CREATE INDEX name_key_grams ON liaison.name_key USING gin (grams);
)SQL";

// Version 3: conflicts are settled by a person (liaison archive resolve):
// which side was kept, by whom, when, and why.
const char *const kConflictResolution = R"SQL(
ALTER TABLE liaison.conflict
  ADD COLUMN resolution text CHECK (resolution IN ('archive', 'incoming')),
  ADD COLUMN resolved_by text, ADD COLUMN resolved_at timestamptz, ADD COLUMN note text NOT NULL DEFAULT '',
  ADD CHECK ((resolution IS NULL) = (resolved_by IS NULL) AND (resolution IS NULL) = (resolved_at IS NULL));
CREATE INDEX conflict_open ON liaison.conflict (subject, field) WHERE resolution IS NULL;
)SQL";

// Version 4: the bulk path. Per-row foreign-key triggers on relation,
// evidence and name_key (a locking lookup per endpoint, two million at 1M
// relations) give way to one set-wise check in the push (push.cpp; nothing
// deletes entities or relations); evidence keeps three indexes instead of
// five: its fingerprint is the primary key, and the owner indexes hold only
// the rows that have that owner.
const char *const kBulkPath = R"SQL(
ALTER TABLE liaison.relation DROP CONSTRAINT relation_from_id_fkey, DROP CONSTRAINT relation_to_id_fkey;
ALTER TABLE liaison.evidence DROP CONSTRAINT evidence_entity_id_fkey, DROP CONSTRAINT evidence_relation_id_fkey;
ALTER TABLE liaison.name_key DROP CONSTRAINT name_key_entity_id_fkey;
DROP INDEX liaison.evidence_relation, liaison.evidence_entity;
CREATE INDEX evidence_relation ON liaison.evidence (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX evidence_entity ON liaison.evidence (entity_id) WHERE entity_id IS NOT NULL;
ALTER TABLE liaison.evidence DROP CONSTRAINT evidence_pkey, DROP CONSTRAINT evidence_fingerprint_key,
  ADD CONSTRAINT evidence_pkey PRIMARY KEY (fingerprint);
)SQL";

} // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> all{
        {1, "sources, entities, names, aliases, relations, evidence, judgements, redirects, conflicts",
         kBaseSchema, {}},
        {2, "name search keys (folded case, width, Traditional/Simplified; bigram index)", kNameKeys,
         backfillNameKeys},
        {3, "conflict resolution (which side was kept, by whom, when, why)", kConflictResolution, {}},
        {4, "bulk path: set-wise endpoint checks in place of per-row foreign keys; leaner evidence indexes",
         kBulkPath, {}},
    };
    return all;
}

int currentVersion(pg::Connection &conn)
{
    pg::Result exists = conn.exec("SELECT to_regclass('liaison.schema_version') IS NOT NULL");
    if (exists.text(0, 0) != "t") return 0;
    pg::Result version = conn.exec("SELECT coalesce(max(version), 0) FROM liaison.schema_version");
    return static_cast<int>(version.integer(0, 0));
}

std::vector<std::string> applyMigrations(pg::Connection &conn, int target)
{
    std::vector<std::string> applied;
    for (const Migration &m : migrations()) {
        if (m.version > target) break;
        pg::Transaction tx(conn);
        // One migrator at a time; the version is re-read under the lock.
        conn.exec("SELECT pg_advisory_xact_lock(hashtext('liaison.migrate'))");
        if (currentVersion(conn) >= m.version) continue;
        conn.run(m.sql);
        if (m.backfill) m.backfill(conn);
        conn.exec("INSERT INTO liaison.schema_version (version, description) VALUES ($1, $2)",
                  {std::to_string(m.version), m.description});
        tx.commit();
        applied.push_back(std::to_string(m.version) + ": " + m.description);
    }
    return applied;
}

} // namespace liaison::archive
