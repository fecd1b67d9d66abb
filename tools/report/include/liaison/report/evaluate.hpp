// Compares an extracted graph with a curated one: precision, recall and F1 per
// entity kind, over all entities, and over linked entity pairs. Entities match
// when they have the same kind and share a normalised name or alias
// (liaison::normalizeName, whitespace ignored); each curated entity matches at
// most one extracted entity. A linked pair is an unordered pair of entities
// joined by at least one relation of any kind.
//
// Meetings are scored on their own: `met` pairs (unordered person pairs joined
// by a `met` relation) and who-met-whom pairs (a `met` relation, or two persons
// taking part -- attended, spoke_at, chaired, hosted, organised -- in the same
// event tree, as `liaison met` counts them). Dates: every curated relation
// with a `date` attribute (or ending at an event with a `start`) and every
// curated event with a `start` is a dated fact; it is checked when the
// extractor has its counterpart (the same relation kind between the matched
// ends, the matched event) and correct when the dates agree.
#pragma once

#include "liaison/model.hpp"

#include <map>
#include <string>
#include <vector>

namespace liaison::report {

struct Score {
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    double precision() const;
    double recall() const;
    double f1() const;
};

struct Evaluation {
    std::map<std::string, Score> byKind;
    Score entities;
    Score pairs;
    Score metPairs;
    Score whoMetPairs;
    int datedFacts = 0;   // curated facts with a date
    int datesChecked = 0; // of those, found by the extractor
    int datesCorrect = 0; // of those, with the same date
    double dateAccuracy() const { return datesChecked == 0 ? 0.0 : static_cast<double>(datesCorrect) / datesChecked; }
    std::vector<std::string> missedEntities;   // curated "kind:name" not found
    std::vector<std::string> spuriousEntities; // extracted "kind:name" not in the curated graph
    std::vector<std::string> missedPairs;
    std::vector<std::string> spuriousPairs;
    std::vector<std::string> missedMeetings;   // curated met pairs not found
    std::vector<std::string> spuriousMeetings; // extracted met pairs not curated
    std::vector<std::string> wrongDates;       // "fact: expected X, extracted Y"
};

// Adds the counts of `more` to `total` (micro-averaging over several texts).
void accumulate(Evaluation &total, const Evaluation &more);

Evaluation evaluate(const std::vector<Entity> &extracted, const std::vector<Relation> &extractedRelations,
                    const std::vector<Entity> &curated, const std::vector<Relation> &curatedRelations);

// A plain-text table of the evaluation (one line per kind, then totals).
std::string formatEvaluation(const Evaluation &evaluation);

} // namespace liaison::report
