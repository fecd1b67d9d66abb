// Identity: which entities are the same person, organisation, event...
// One module that import, the CLI (resolve, merge, split, alias, judge) and
// the viewer all call, so they show the same candidates for the same reasons
// (DESIGN §2 Identity, issue 12).
//
// A candidate is a pair of entities with a score (0..1), the reasons for and
// the counter-reasons against merging them. Some counter-reasons block a
// merge whatever the score: different kinds, different gendered honorifics
// (Ms./Mr., 女士/先生), a surname-only form ("Lee", "王女士") across documents,
// a match on a meaningless id (1, 2, row numbers) alone, and a judgement
// "different". Human decisions are Judgements, kept in the graph file
// (GraphStore::judgements) and re-applied on every import.
#pragma once

#include "liaison/graph_store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// "sha256:<hex>" of a document's bytes.
std::string contentHash(std::string_view bytes);

// The current time as ISO 8601 UTC ("2026-12-06T23:59:00Z"), for judgements and redirects.
std::string utcNow();

enum class Gender : std::uint8_t { Unknown, Male, Female };

// What one surface form of a name says.
struct NameForm {
    std::string text;                // as written
    std::string key;                 // folded (NFKC, case), honorifics removed, Traditional -> Simplified
    std::vector<std::string> orders; // name-order / hyphenation variants: "chen|weiling" for
                                     // "Chen Wei-ling", "Wei-ling Chen" and "CHEN Weiling"
    std::vector<std::string> titles; // honorifics and titles found, as folded ("ms", "女士", "教授")
    Gender gender = Gender::Unknown; // from a gendered honorific
    bool surnameOnly = false;        // one Latin word or one Han character once titles are gone
};
// `kind` decides whether honorifics are person titles (persons only).
NameForm analyseName(std::string_view text, std::string_view kind);

// Traditional Chinese folded to Simplified (OpenCC t2s), after foldText.
std::string foldChinese(std::string_view folded);

// True for ids that mean nothing outside the file that used them: numbers
// ("1", "node:17"), row indexes ("row-3", "n5", "e12"), empty slugs.
bool isMeaninglessId(std::string_view id);

// The gender an entity's honorifics state (names, aliases, "title" and
// "honorific" attributes); Unknown when none or when they disagree.
Gender genderOf(const Entity &entity);

struct Candidate {
    EntityIndex a = kNoEntity, b = kNoEntity; // findCandidates: a < b; candidatesOf: a is the entity asked about
    double score = 0;                         // 0..1
    std::vector<std::string> reasons;
    std::vector<std::string> counterReasons;
    bool blocked = false; // a counter-reason forbids the merge whatever the score
};

// Score and reasons for entities a and b of `store` being one.
Candidate scorePair(const GraphStore &store, EntityIndex a, EntityIndex b);

// At or above this score an unblocked, unique candidate is merged at import.
inline constexpr double kMergeScore = 0.6;

// Every candidate pair among the live entities of `store` with score >=
// minScore, best first; pairs judged "different" are left out unless
// `includeJudged`. Blocked pairs are listed (with their counter-reasons).
std::vector<Candidate> findCandidates(const GraphStore &store, double minScore = 0.0,
                                      bool includeJudged = false);

// The candidates pairing entity `e` with another, best first (the viewer's
// inspector lists these). Pairs judged different are left out.
std::vector<Candidate> candidatesOf(const GraphStore &store, EntityIndex e);

// The judgement on a and b (ids, redirects followed), or nullptr.
const Judgement *judgementOn(const GraphStore &store, std::string_view a, std::string_view b);

// --- operations (each returns a new store; the input is untouched) ---------

struct MergeResult {
    GraphStore store;
    std::vector<std::string> conflicts; // attribute conflicts (survivor's values kept)
};
// Merges entity `gone` into `keep`: names, aliases, attributes and evidence
// united, relations re-pointed (identical ones fold, evidence united), a
// Redirect gone -> keep recorded with `reason`, and a judgement "same".
// Throws UserError when they are the same entity or judged different.
MergeResult mergeEntities(const GraphStore &store, EntityIndex keep, EntityIndex gone, const std::string &reason);

// Undoes merges into `entity`: each entity merged into it (redirect with a
// recorded snapshot), or only `onlyId` when not empty, comes back with its
// own id, names, aliases and evidence; relations whose evidence came from it
// go back to it; a judgement "different" keeps the pair apart on later
// imports. Throws UserError when nothing was merged into `entity` (or
// `onlyId` was not merged into it).
GraphStore splitEntity(const GraphStore &store, EntityIndex entity, const std::string &onlyId = {});

// Records a judgement (replacing an earlier one on the same pair). "same"
// merges the two when both are live entities. Throws UserError for one entity twice.
GraphStore judge(const GraphStore &store, EntityIndex a, EntityIndex b, Verdict verdict, const std::string &reason);

// Adds or removes an alias of an entity. Removing an unknown alias, or the
// display name, throws UserError listing the entity's aliases. Adding a name
// that already names another entity (findByName, findByNameForm) throws
// UserError naming it, unless `sharing` is Allow (two people of one name).
enum class AliasSharing { Refuse, Allow };
GraphStore addAlias(const GraphStore &store, EntityIndex entity, const std::string &alias,
                    AliasSharing sharing = AliasSharing::Refuse);
GraphStore removeAlias(const GraphStore &store, EntityIndex entity, const std::string &alias);

} // namespace liaison
