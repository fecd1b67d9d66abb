// The team archive: a Liaison graph with its provenance in PostgreSQL.
// Optional library (liaison_archive); core never links the database client.
// Schema and semantics: docs/archive.md.
//
// An archive is named by a libpq connection string (postgresql://... URI or
// key=value conninfo such as "service=team"); credentials come only from
// libpq's own mechanisms and are never echoed in an error or a file.
// Not thread-safe: one Archive per thread.
#pragma once

#include "liaison/errors.hpp"
#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::archive {

// A database refused or failed a request. what() names the archive (never
// its password) and the server's message; sqlstate() is the SQLSTATE code.
class ArchiveError : public UserError {
public:
    ArchiveError(const std::string &message, std::string sqlstate = {})
        : UserError(message), m_sqlstate(std::move(sqlstate)) {}
    const std::string &sqlstate() const { return m_sqlstate; }

private:
    std::string m_sqlstate;
};

// Whether a command-line word names an archive rather than a file:
// postgresql:// or postgres:// URIs, and key=value conninfo strings.
bool looksLikeArchiveUrl(std::string_view word);

// The schema version this build writes and reads.
int latestSchemaVersion();

// An entity, source or name changed differently by two pushes: the archive
// keeps its value, the incoming one is recorded and reported.
struct Conflict {
    std::string subject;       // entity or source id
    std::string field;         // "name", "kind", "names.zh", "attributes.title", "content_hash"...
    std::string archiveValue;  // what the archive keeps
    std::string incomingValue; // what this push brought
};

struct PushReport {
    std::size_t sourcesAdded = 0, entitiesAdded = 0, entitiesUpdated = 0, namesAdded = 0;
    std::size_t relationsAdded = 0, evidenceAdded = 0, evidenceKnown = 0;
    std::size_t judgementsAdded = 0, redirectsAdded = 0;
    std::vector<Conflict> conflicts;
    bool changed() const
    {
        return sourcesAdded + entitiesAdded + entitiesUpdated + namesAdded + relationsAdded + evidenceAdded +
                   judgementsAdded + redirectsAdded >
               0;
    }
};

// A conflict as the archive records it, and how (whether) a person settled it.
struct RecordedConflict {
    long long id = 0;
    Conflict conflict;
    std::string pushedBy, recordedAt, pushLabel;
    std::string resolution; // "" while open; "archive" or "incoming" once settled
    std::string resolvedBy, resolvedAt, note;
    bool open() const { return resolution.empty(); }
};

// Which side of a conflict a person keeps.
enum class Keep { Archive, Incoming };

struct ArchiveSummary {
    std::size_t sources = 0, entities = 0, relations = 0, evidence = 0, conflicts = 0 /* open */, pushes = 0;
    std::vector<std::string> recentPushes; // "2026-12-07 00:10  alice  graph.json  +12 entities ..."
};

// What to pull. Selectors (focus, countries, sources, search) intersect;
// with none, the whole archive. `filter` (kinds, relation kinds, dates) is
// then applied exactly as on a file.
struct SliceQuery {
    std::vector<std::string> focus; // ids or names; grows by `depth` hops
    int depth = 1;
    std::vector<std::string> countries; // country ids or ISO codes: the country and what is tied to it
    std::vector<std::string> sources;   // source ids: what their evidence supports
    std::string search;                 // name search (see search())
    ViewFilter filter;                  // kinds, relationKinds, from, to
};

// Path questions against an archive search chains of at most this many
// steps (the whole archive need not fit in memory, so the search is bounded).
constexpr int kMaxChainSteps = 12;
// The error for "no chain of at most `steps` steps between a and b, but the
// search stopped before running out of entities": a longer chain may exist,
// so saying "not connected" would be wrong.
ArchiveError longerChainsUnsearched(const std::string &a, const std::string &b, int steps);

// What Archive::corridorSlice found.
struct Corridor {
    GraphStore slice;   // empty when !meets
    bool meets = false; // a chain of at most the asked length exists
    // All that a or b is connected to lies in the corridor, so no chain
    // exists outside it, however long (the search ran out of entities).
    bool whole = false;
};

class Archive {
public:
    // Connects. Unless `forMigration`, the schema must be at latestSchemaVersion()
    // (else an ArchiveError says to run init or migrate).
    explicit Archive(const std::string &url, bool forMigration = false);
    ~Archive();
    Archive(Archive &&) noexcept;
    Archive &operator=(Archive &&) noexcept;

    // "database team on /var/run/postgresql:5432 as alice"
    std::string describe() const;
    int schemaVersion();
    // The server process serving this connection (pg_backend_pid), for measurements.
    long backendPid();

    // Creates the schema up to `version` in an empty database; refuses an
    // archive that exists. Returns the migrations applied.
    std::vector<std::string> init(int version = latestSchemaVersion());
    // Applies the pending migrations, each in its own transaction, serialised
    // against concurrent migrators. Returns the migrations applied.
    std::vector<std::string> migrate();

    // One transaction, all or nothing; idempotent; evidence is only ever
    // appended; concurrent pushes of overlapping graphs both land (a deadlock
    // or serialisation failure is retried). `label` names the push in the log.
    PushReport push(const GraphStore &graph, const std::string &label);

    // A slice as a graph, with every evidence row and cited source.
    GraphStore pull(const SliceQuery &query);

    ArchiveSummary summary();
    // Recorded conflicts, oldest first: the open ones, or all with
    // `includeSettled`; only those of `subject` when it is not empty.
    std::vector<RecordedConflict> conflicts(bool includeSettled = false, const std::string &subject = {});
    // Settles conflict `id` in one transaction, recording who (the database
    // role), when and `note`. Keep::Archive changes no data; Keep::Incoming
    // writes the incoming value (a replaced name stays as an alias) only if
    // the archive still holds the value the conflict recorded. Throws
    // ArchiveError when the conflict is unknown or already settled (saying
    // by whom), when the archive's value changed since (never overwrites
    // what it did not see), or for a merge inside the archive (merged_into
    // against a live entity: a decision for a file merge, not for resolve).
    RecordedConflict resolveConflict(long long id, Keep keep, const std::string &note = {});

    // Resolves an id, merged-away id, or exact name/alias to one entity id.
    // Throws LookupError listing candidates when none or several match.
    std::string resolve(const std::string &reference);
    // Ids of entities whose names, aliases or id contain `text`, folding
    // case, width and Traditional/Simplified forms. Sorted by id.
    std::vector<std::string> search(const std::string &text, const ViewFilter &filter = {});
    // The slice whoMet needs for `personId`: its events, their conference
    // trees, everyone who took part, explicit met relations, and the
    // persons' country ties, so core's whoMet gives the file's answer.
    GraphStore metSlice(const std::string &personId);
    // The entities on shortest chains between a and b (bidirectional
    // breadth-first search in the server; `filter` kinds and relation kinds
    // honoured), so core's shortestPath gives the file's answer. Empty when
    // not connected within `maxDepth` hops.
    // Throws ArchiveError when no chain of at most maxDepth steps exists but
    // a longer one may: "not connected" is said only when the search ran
    // out of entities, never because it stopped.
    GraphStore pathSlice(const std::string &a, const std::string &b, const ViewFilter &filter,
                         int maxDepth = kMaxChainSteps);
    // The entities on every chain of at most `length` steps between a and b
    // (`filter` kinds and relation kinds honoured in the server), the
    // countries they are tied to and the relations among all of them: on it
    // core's path finders, with any filter, give the file's chains of at
    // most `length` steps. Throws ArchiveError when more than `maxEntities`
    // entities lie that close to a or b.
    Corridor corridorSlice(const std::string &a, const std::string &b, const ViewFilter &filter, int length,
                           std::size_t maxEntities);
    // These entities, the countries they are tied to and the relations among
    // them: what core's entity filter (sources, countries, dates) reads.
    GraphStore filterSlice(const std::vector<std::string> &ids);
    // Exactly these entities (no relations), for printing search results.
    GraphStore entitiesSlice(const std::vector<std::string> &ids);

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace liaison::archive
