// ImportBatch: what a loader produced, before it touches the graph. A loader
// only fills a batch; commitBatch() validates it against the store (ids,
// kinds, dangling endpoints, duplicate ids, encodings) and commits it all or
// nothing, resolving incoming entities against the graph (DESIGN §3): by id,
// else by normalised name / alias of the same kind. Every merge and every
// ambiguous candidate is reported; ambiguous ones are not merged.
#pragma once

#include "liaison/errors.hpp"
#include "liaison/graph_store.hpp"
#include "liaison/printable.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace liaison {

// A position in an input file; line and column 1-based, 0 = unknown.
struct InputLocation {
    std::string file;
    int line = 0;
    int column = 0;
    // "file:line:col", "file:line" or "file", as known.
    std::string text() const;
};

enum class Severity { Note, Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    InputLocation where;
    std::string message;
    // "file:line:col: error: message".
    std::string text() const;
};

struct BatchSource {
    Source source;
    InputLocation origin;
};
struct BatchEntity {
    Entity entity;
    InputLocation origin;
    bool implicit = false; // an edge-list endpoint: dropped when an entity of this id exists
};
struct BatchRelation {
    Relation relation;
    InputLocation origin;
};

// Records in the order a loader handed them over, plus the loader's own
// diagnostics. A plain value; filling it never fails except for memory.
class ImportBatch {
public:
    // Sets the content hash of the sources a loader made for the file at
    // `path` (those whose path is `path` and that have no hash yet).
    void stampSourceHash(const std::string &path, const std::string &hash);
    void addSource(Source source, InputLocation origin);
    void addEntity(Entity entity, InputLocation origin, bool implicit = false);
    void addRelation(Relation relation, InputLocation origin);
    void addDiagnostic(Diagnostic diagnostic);
    // An unknown top-level key of the input document (raw JSON value), kept
    // in the graph file like the graph's own (commitBatch).
    void addDocumentField(std::string key, std::string rawJson);

    const std::vector<BatchSource> &sources() const { return m_sources; }
    const std::vector<BatchEntity> &entities() const { return m_entities; }
    const std::vector<BatchRelation> &relations() const { return m_relations; }
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    const ExtraFields &documentFields() const { return m_documentFields; }
    bool hasErrors() const;
    bool empty() const
    {
        return m_sources.empty() && m_entities.empty() && m_relations.empty() && m_documentFields.empty();
    }
    // Appends another batch (several input files make one import).
    void append(ImportBatch other);

private:
    std::vector<BatchSource> m_sources;
    std::vector<BatchEntity> m_entities;
    std::vector<BatchRelation> m_relations;
    std::vector<Diagnostic> m_diagnostics;
    ExtraFields m_documentFields;
};

struct ImportOptions {
    // Commit the valid records and list each skipped one, instead of failing.
    bool lenient = false;
    // Renames incoming entity kinds before validation ("woman" -> "person"),
    // for formats whose kinds are column headers or absent ("node"). A FROM
    // that no incoming entity has is refused by commitBatch (UserError).
    std::map<std::string, std::string, std::less<>> kindMap;
    // Kind of incoming relations that have none; empty means "related_to".
    std::string relationKind;
};

// An incoming entity united with one already in the graph.
struct MergeRecord {
    std::string incomingId;
    std::string targetId;
    std::string reason;                 // "same id", "same name \"…\"", "same alias \"…\""
    std::vector<std::string> conflicts; // attribute conflicts (existing values kept)
    InputLocation origin;
};

// An incoming entity whose name matched several entities of its kind: added
// as a new entity, never merged; the candidates are listed for the user.
struct AmbiguousMatch {
    std::string incomingId;
    std::string matchedText;
    std::vector<std::string> candidateIds;
    InputLocation origin;
};

// What became of one incoming entity (the import report, issue 12 §6).
struct EntityOutcome {
    enum class Kind { Created, Merged, Ambiguous };
    Kind kind = Kind::Created;
    std::string incomingId;
    std::string resultId;  // the entity it is now (created or merged into)
    std::string reason;    // why merged; why a new id; empty for a plain creation
    // Candidates considered and not merged (ambiguous ones, blocked ones), each
    // "id (score 0.70): reasons; counter: counter-reasons".
    std::vector<std::string> candidates;
    InputLocation origin;
};

// A record left out by a lenient import.
struct SkippedRecord {
    InputLocation origin;
    std::string record; // "entity person:x", "relation attended a -> b", "source s"
    std::string reason;
};

struct ImportReport {
    bool committed = false;
    std::size_t sourcesAdded = 0;
    std::size_t entitiesAdded = 0;
    std::size_t entitiesMerged = 0;
    std::size_t relationsAdded = 0;
    std::size_t duplicateRelations = 0; // identical to one already there: its evidence was appended instead
    std::size_t evidenceAppended = 0;   // evidence items added to relations already in the graph
    std::vector<EntityOutcome> outcomes; // one per incoming entity, in batch order
    std::vector<std::string> sourceNotes; // a source recognised as already imported, or renamed
    std::vector<MergeRecord> merges;
    std::vector<AmbiguousMatch> ambiguous;
    std::vector<SkippedRecord> skipped;  // lenient only
    std::vector<Diagnostic> diagnostics; // the loader's and the validation's, in order
};

// The import was refused: the store is untouched. what() lists every error,
// one "file:line:col: message" per line; report() has the details.
class ImportError : public UserError {
public:
    explicit ImportError(ImportReport report);
    const ImportReport &report() const { return m_report; }

private:
    ImportReport m_report;
};

// Validates `batch` against `store` and commits it. Strict (the default):
// any error — the loader's or the validation's — throws ImportError and the
// store is exactly as before (strong guarantee, also against bad_alloc).
// Lenient: invalid records (and relations that depended on them) are
// skipped and listed in the report; the rest is committed. Either way a
// kindMap entry whose FROM no incoming entity has throws UserError (naming
// the input's kinds) before anything is validated or changed.
ImportReport commitBatch(GraphStore &store, const ImportBatch &batch, const ImportOptions &options = {});

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view text);

} // namespace liaison
