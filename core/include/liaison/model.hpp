// The data model of a Liaison graph: entities, relations, sources and the
// evidence that ties every fact back to the sentence that supports it.
// Plain value types; the GraphStore owns them and indexes them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liaison {

// Index of an entity in a GraphStore: 0 .. entityCount()-1 in the order the
// entities were added. Stable for the life of the store: a GraphStore never
// removes or renumbers an entity (an edit that removes one, such as a merge,
// builds a new store, identity.hpp). Not a Boost descriptor. RelationIndex
// likewise for relations.
using EntityIndex = std::uint32_t;
using RelationIndex = std::uint32_t;
inline constexpr EntityIndex kNoEntity = ~EntityIndex{0};

// An attribute value as it appears in Liaison JSON. `text` holds the string
// for strings, the literal as written for numbers ("3.10" stays "3.10"), and
// the raw JSON text for anything structured, so unknown attributes survive a
// load -> save round trip byte for byte in meaning.
struct AttributeValue {
    enum class Type : std::uint8_t { String, Number, Bool, Null, RawJson };
    Type type = Type::String;
    std::string text;

    static AttributeValue string(std::string s) { return {Type::String, std::move(s)}; }
    static AttributeValue number(std::string literal) { return {Type::Number, std::move(literal)}; }
    bool operator==(const AttributeValue &) const = default;
};

// Ordered so exports and saves are stable for the same input.
using Attributes = std::map<std::string, AttributeValue, std::less<>>;

// Keys of an object that Liaison does not know, kept as raw JSON text in the
// order they were read so a round trip preserves them.
using ExtraFields = std::vector<std::pair<std::string, std::string>>;

// Where a fact comes from: a source id, a locator and the supporting quote.
struct Evidence {
    std::string source;     // id of a Source
    int line = 0;           // 1-based line in the source, 0 when unknown
    std::string locator;    // free-form locator (page, char span) when not a line
    std::string quote;      // the sentence or fragment that supports the fact
    double confidence = -1; // 0..1 for extracted facts; < 0 means curated/unknown
    ExtraFields extra;
    bool operator==(const Evidence &) const = default;
};

// The first-class kinds have their own colour, shape and filters. Any other
// kind string is allowed and shown neutral.
enum class KnownKind : std::uint8_t { Person, Organisation, Event, Country, Topic, Other };
KnownKind knownKind(std::string_view kind);
const std::vector<std::string_view> &firstClassKinds();

// The documented relation vocabulary (open: other kinds are accepted).
const std::vector<std::string_view> &relationVocabulary();
// Relation kinds by which a person takes part in an event (who-met-whom).
bool isParticipation(std::string_view relationKind);

struct Entity {
    std::string id;   // "kind:slug", stable
    std::string kind; // person, organisation, event, country, topic, or other
    std::string name; // display name
    std::map<std::string, std::string, std::less<>> names; // language -> name
    std::vector<std::string> aliases; // every surface form seen in sources
    Attributes attributes;
    std::vector<Evidence> evidence;
    ExtraFields extra;

    // The attribute as text, or nullptr. Convenience for "start", "title"...
    const std::string *attribute(std::string_view key) const;
};

struct Relation {
    std::string kind;
    std::string from; // entity id
    std::string to;   // entity id
    Attributes attributes;
    std::vector<Evidence> evidence;
    ExtraFields extra;
    const std::string *attribute(std::string_view key) const;
};

struct Source {
    std::string id;
    std::string title;
    std::string date;
    std::string language;
    std::string path;
    // "sha256:<64 hex digits>" of the document's bytes, set by the import host
    // for a file a loader read; empty when unknown. A source is identified by
    // its hash and path: same hash = same document (imported twice stays one).
    std::string hash;
    ExtraFields extra;
};

// A person's decision about two entity ids (DESIGN §2, Identity). Kept in the
// graph file and re-applied on every import: `Different` forbids any merge of
// the two (by name, id or candidate); `Same` merges them whenever both exist.
enum class Verdict : std::uint8_t { Same, Different };
struct Judgement {
    std::string a, b;   // entity ids as they were when judged (may be redirected since)
    Verdict verdict = Verdict::Same;
    std::string time;   // ISO 8601 UTC, "2026-12-06T23:59:00Z"
    std::string reason; // free text: why (the user's note, or the candidate's reasons)
    ExtraFields extra;
    bool operator==(const Judgement &) const = default;
};

// An id that was merged away: `from` now names the entity `to`. Every lookup
// by id follows redirects (chains too), so an old id keeps working in every
// command and a later import that uses it merges into the survivor.
struct Redirect {
    std::string from, to;
    std::string time;   // ISO 8601 UTC when known
    std::string reason; // why the merge happened ("same name \"…\"", "merged by the user")
    // The merged-away entity as it was just before the merge, and the
    // relations it brought (endpoints as they were), so `split` can bring it
    // back. Absent for redirects written by hand or by older versions.
    std::optional<Entity> entity;
    std::vector<Relation> relations;
    ExtraFields extra;
};

} // namespace liaison
