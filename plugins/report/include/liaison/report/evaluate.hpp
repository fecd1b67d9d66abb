// Compares an extracted graph with a curated one: precision, recall and F1 per
// entity kind, over all entities, and over linked entity pairs. Entities match
// when they have the same kind and share a normalised name or alias
// (liaison::normalizeName, whitespace ignored); each curated entity matches at
// most one extracted entity. A linked pair is an unordered pair of entities
// joined by at least one relation of any kind.
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
    std::vector<std::string> missedEntities;   // curated "kind:name" not found
    std::vector<std::string> spuriousEntities; // extracted "kind:name" not in the curated graph
    std::vector<std::string> missedPairs;
    std::vector<std::string> spuriousPairs;
};

Evaluation evaluate(const std::vector<Entity> &extracted, const std::vector<Relation> &extractedRelations,
                    const std::vector<Entity> &curated, const std::vector<Relation> &curatedRelations);

// A plain-text table of the evaluation (one line per kind, then totals).
std::string formatEvaluation(const Evaluation &evaluation);

} // namespace liaison::report
