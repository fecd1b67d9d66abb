#include "liaison/graph_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace liaison {

namespace {

// Items of `b` missing from `a`, counting duplicates (multiset difference).
template <typename T>
std::vector<T> missingFrom(const std::vector<T> &a, const std::vector<T> &b)
{
    std::vector<bool> used(a.size(), false);
    std::vector<T> out;
    for (const T &item : b) {
        bool found = false;
        for (std::size_t i = 0; i < a.size() && !found; ++i)
            if (!used[i] && a[i] == item) used[i] = found = true;
        if (!found) out.push_back(item);
    }
    return out;
}

std::string counted(const std::string &what, std::size_t added, std::size_t removed)
{
    return what + " +" + std::to_string(added) + " -" + std::to_string(removed);
}

void compareAttributes(const Attributes &before, const Attributes &after, std::vector<std::string> &changes)
{
    for (const auto &[key, value] : after) {
        auto old = before.find(key);
        if (old == before.end())
            changes.push_back("attribute " + key + " added: " + value.text);
        else if (!(old->second == value))
            changes.push_back("attribute " + key + ": " + old->second.text + " -> " + value.text);
    }
    for (const auto &[key, value] : before)
        if (!after.contains(key)) changes.push_back("attribute " + key + " removed (was " + value.text + ")");
}

void compareEvidence(const std::vector<Evidence> &before, const std::vector<Evidence> &after, ChangedItem &item)
{
    item.evidenceAdded = missingFrom(before, after);
    item.evidenceRemoved = missingFrom(after, before);
    if (!item.evidenceAdded.empty() || !item.evidenceRemoved.empty())
        item.changes.push_back(counted("evidence", item.evidenceAdded.size(), item.evidenceRemoved.size()));
}

ChangedItem compareEntities(const Entity &before, const Entity &after)
{
    ChangedItem item{after.id, {}, {}, {}};
    if (before.kind != after.kind) item.changes.push_back("kind: " + before.kind + " -> " + after.kind);
    if (before.name != after.name) item.changes.push_back("name: " + before.name + " -> " + after.name);
    if (before.names != after.names) item.changes.push_back("names per language changed");
    std::vector<std::string> aliasesAdded = missingFrom(before.aliases, after.aliases);
    std::vector<std::string> aliasesRemoved = missingFrom(after.aliases, before.aliases);
    if (!aliasesAdded.empty() || !aliasesRemoved.empty())
        item.changes.push_back(counted("aliases", aliasesAdded.size(), aliasesRemoved.size()));
    compareAttributes(before.attributes, after.attributes, item.changes);
    compareEvidence(before.evidence, after.evidence, item);
    return item;
}

// Relations grouped by key; several relations may share one (kept in order).
std::map<std::string, std::vector<const Relation *>> relationsByKey(const GraphStore &store,
                                                                    const GraphStore &resolveIn)
{
    std::map<std::string, std::vector<const Relation *>> out;
    for (const Relation &r : store.relations()) {
        // Endpoints as the newer graph names them, so a merge is not a removal.
        Relation named = r;
        for (std::string *id : {&named.from, &named.to})
            if (EntityIndex e = resolveIn.findById(*id); e != kNoEntity) *id = resolveIn.entity(e).id;
        out[relationKey(named)].push_back(&r);
    }
    return out;
}

// Redirects of `after` that `before` did not have (merges), and the reverse
// (merges undone by split), as (from, into, reason).
std::vector<MergedEntity> redirectsMissingFrom(const GraphStore &older, const GraphStore &newer)
{
    std::set<std::pair<std::string_view, std::string_view>> had;
    for (const Redirect &o : older.redirects()) had.emplace(o.from, o.to);
    std::vector<MergedEntity> out;
    for (const Redirect &r : newer.redirects()) {
        if (had.count({r.from, r.to})) continue;
        EntityIndex survivor = newer.findById(r.to);
        out.push_back({r.from, survivor == kNoEntity ? r.to : newer.entity(survivor).id, r.reason});
    }
    std::sort(out.begin(), out.end(), [](const MergedEntity &a, const MergedEntity &b) { return a.from < b.from; });
    return out;
}

void compareJudgements(const GraphStore &before, const GraphStore &after, GraphDiff &diff)
{
    for (const Judgement &j : missingFrom(before.judgements(), after.judgements()))
        diff.judgementsAdded.push_back(describeJudgement(j));
    for (const Judgement &j : missingFrom(after.judgements(), before.judgements()))
        diff.judgementsRemoved.push_back(describeJudgement(j));
}

// Old relations under one key against the new ones under it. When the new
// graph has fewer but some (a merge folded parallel relations into one), it
// is one change over the evidence of all of them, not a removal.
void compareRelationGroup(const std::string &key, const std::vector<const Relation *> &olds,
                          const std::vector<const Relation *> &news, GraphDiff &diff)
{
    if (!news.empty() && olds.size() > news.size()) {
        auto evidenceOf = [](const std::vector<const Relation *> &relations) {
            std::vector<Evidence> all;
            for (const Relation *r : relations) all.insert(all.end(), r->evidence.begin(), r->evidence.end());
            return all;
        };
        ChangedItem item{key, {std::to_string(olds.size()) + " relations folded into " + std::to_string(news.size())}, {}, {}};
        std::vector<Evidence> before = evidenceOf(olds), after = evidenceOf(news);
        item.evidenceAdded = missingFrom(before, after);
        item.evidenceRemoved = missingFrom(after, before);
        if (!item.evidenceAdded.empty() || !item.evidenceRemoved.empty())
            item.changes.push_back(counted("evidence", item.evidenceAdded.size(), item.evidenceRemoved.size()));
        diff.relationsChanged.push_back(std::move(item));
        return;
    }
    std::size_t common = std::min(olds.size(), news.size());
    for (std::size_t i = common; i < olds.size(); ++i) diff.relationsRemoved.push_back(key);
    for (std::size_t i = 0; i < common; ++i) {
        ChangedItem item{key, {}, {}, {}};
        compareAttributes(olds[i]->attributes, news[i]->attributes, item.changes);
        compareEvidence(olds[i]->evidence, news[i]->evidence, item);
        if (!item.changes.empty()) diff.relationsChanged.push_back(std::move(item));
    }
}

} // namespace

bool GraphDiff::empty() const
{
    return sourcesAdded.empty() && sourcesRemoved.empty() && entitiesAdded.empty() && entitiesRemoved.empty() &&
           entitiesChanged.empty() && relationsAdded.empty() && relationsRemoved.empty() && relationsChanged.empty() &&
           entitiesMerged.empty() && entitiesUnmerged.empty() && judgementsAdded.empty() && judgementsRemoved.empty();
}

std::string describeJudgement(const Judgement &judgement)
{
    std::string text = std::string(judgement.verdict == Verdict::Same ? "same " : "different ") + judgement.a + " " +
                       judgement.b;
    if (!judgement.time.empty()) text += " (" + judgement.time + ")";
    if (!judgement.reason.empty()) text += ": " + judgement.reason;
    return text;
}

std::string relationKey(const Relation &relation)
{
    return relation.kind + " " + relation.from + " -> " + relation.to;
}

GraphDiff diffGraphs(const GraphStore &before, const GraphStore &after)
{
    GraphDiff diff;
    for (const Source &s : after.sources())
        if (!before.source(s.id)) diff.sourcesAdded.push_back(s.id);
    for (const Source &s : before.sources())
        if (!after.source(s.id)) diff.sourcesRemoved.push_back(s.id);

    std::vector<bool> matched(after.entityCount(), false);
    for (const Entity &old : before.entities()) {
        EntityIndex now = after.findById(old.id);
        if (now == kNoEntity) {
            diff.entitiesRemoved.push_back(old.id);
            continue;
        }
        if (after.entity(now).id != old.id) continue; // merged away: listed in entitiesMerged
        matched[now] = true;
        ChangedItem item = compareEntities(old, after.entity(now));
        if (!item.changes.empty()) diff.entitiesChanged.push_back(std::move(item));
    }
    for (EntityIndex e = 0; e < after.entityCount(); ++e)
        if (!matched[e]) diff.entitiesAdded.push_back(after.entity(e).id);

    auto oldRelations = relationsByKey(before, after);
    auto newRelations = relationsByKey(after, after);
    static const std::vector<const Relation *> kNone;
    for (const auto &[key, olds] : oldRelations) {
        auto it = newRelations.find(key);
        compareRelationGroup(key, olds, it == newRelations.end() ? kNone : it->second, diff);
    }
    for (const auto &[key, news] : newRelations) {
        auto it = oldRelations.find(key);
        std::size_t had = it == oldRelations.end() ? 0 : it->second.size();
        for (std::size_t i = had; i < news.size(); ++i) diff.relationsAdded.push_back(key);
    }
    diff.entitiesMerged = redirectsMissingFrom(before, after);
    diff.entitiesUnmerged = redirectsMissingFrom(after, before);
    compareJudgements(before, after, diff);
    for (auto *list : {&diff.sourcesAdded, &diff.sourcesRemoved, &diff.entitiesAdded, &diff.entitiesRemoved})
        std::sort(list->begin(), list->end());
    std::sort(diff.entitiesChanged.begin(), diff.entitiesChanged.end(),
              [](const ChangedItem &a, const ChangedItem &b) { return a.key < b.key; });
    return diff;
}

} // namespace liaison
