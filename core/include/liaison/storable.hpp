// What a GraphStore may hold: exactly the values Liaison JSON writes and reads
// back unchanged, so that every graph the store holds saves to a file the next
// command can read (issue 10, case 1). GraphStore refuses anything else with
// GraphError (errors.hpp); importers and readers call these first so the user
// gets a located error instead.
#pragma once

#include "liaison/model.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// The one way a double becomes JSON text: the shortest literal that reads
// back to the same double. Throws std::domain_error for NaN and ±inf, which
// JSON cannot hold (a writer that printed "inf" made files nothing could read).
std::string jsonNumber(double value);

// Each returns "" when the value is storable, else what is wrong with it, in
// words for a user ("confidence 1.8e+308 is not between 0 and 1").
// Confidence: -1 (unknown / curated) or a number from 0 to 1.
std::string confidenceProblem(double confidence);
// An attribute value: a Number holds a JSON number literal within double
// range, a Bool "true" or "false", Null "null", RawJson an object or array.
std::string attributeProblem(const AttributeValue &value);
std::string evidenceProblem(const Evidence &evidence);
// Unknown keys: each value one JSON value, no key one of `knownKeys` (it would
// be written twice).
std::string extrasProblem(const ExtraFields &extra, std::span<const std::string_view> knownKeys);

// Attributes and evidence of a record, the first problem prefixed with the field.
std::string valuesProblem(const Attributes &attributes, const std::vector<Evidence> &evidence);

// The whole record; the first problem found, prefixed with the field.
std::string storableProblem(const Entity &entity);
std::string storableProblem(const Relation &relation);
std::string storableProblem(const Source &source);

// The keys Liaison JSON gives a meaning to, per record (the writer's and the
// reader's vocabulary).
namespace json_keys {
inline constexpr std::string_view kDocument[] = {"liaison", "sources", "entities", "relations", "judgements", "redirects"};
inline constexpr std::string_view kSource[] = {"id", "title", "date", "language", "path", "hash"};
inline constexpr std::string_view kEntity[] = {"id", "kind", "name", "names", "aliases", "attributes", "evidence"};
inline constexpr std::string_view kRelation[] = {"kind", "from", "to", "attributes", "evidence"};
inline constexpr std::string_view kJudgement[] = {"a", "b", "verdict", "time", "reason"};
inline constexpr std::string_view kRedirect[] = {"from", "to", "time", "reason", "entity", "relations"};
inline constexpr std::string_view kEvidence[] = {"source", "line", "locator", "quote", "confidence"};
} // namespace json_keys

} // namespace liaison
