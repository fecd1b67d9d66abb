// What changed between two versions of a graph: entities, relations, sources
// and evidence added, removed and changed (`liaison diff`, the viewer's
// "changes since FILE"). Entities are matched by id; an old entity the new
// graph merged away (a redirect) is listed as merged into its survivor, with
// the reason, not as a change of the survivor. Relations are matched by kind
// and endpoints (named as the new graph names them), and relations a merge
// folded into one are one change, not a removal. Identity decisions
// (judgements "same"/"different", merges undone by split) are listed too,
// since they change every later import.
#pragma once

#include "liaison/graph_store.hpp"

#include <string>
#include <vector>

namespace liaison {

// One changed entity or relation: what differs, in words a user reads
// ("aliases +1", "evidence +2 -0", "attribute title: 副處長 -> 處長").
struct ChangedItem {
    std::string key;                   // entity id, or "kind from -> to"
    std::vector<std::string> changes;
    std::vector<Evidence> evidenceAdded, evidenceRemoved;
};

// An entity of the old graph that the new graph merged into another.
struct MergedEntity {
    std::string from, into; // old id, the survivor's id in the new graph
    std::string reason;      // the redirect's reason ("same name …", "merged by the user")
};

struct GraphDiff {
    std::vector<std::string> sourcesAdded, sourcesRemoved;             // source ids
    std::vector<std::string> entitiesAdded, entitiesRemoved;           // entity ids
    std::vector<ChangedItem> entitiesChanged;
    std::vector<std::string> relationsAdded, relationsRemoved;         // "kind from -> to"
    std::vector<ChangedItem> relationsChanged;
    std::vector<MergedEntity> entitiesMerged;                          // merged since the old graph
    std::vector<MergedEntity> entitiesUnmerged;                        // redirects gone (split)
    std::vector<std::string> judgementsAdded, judgementsRemoved;       // describeJudgement()
    bool empty() const;
};

// Lists are sorted by key, so the output is stable.
GraphDiff diffGraphs(const GraphStore &before, const GraphStore &after);

// "different person:a person:b (2026-12-07T10:00:00Z): not the same man"
std::string describeJudgement(const Judgement &judgement);

// "spoke_at person:a -> event:b"
std::string relationKey(const Relation &relation);

} // namespace liaison
