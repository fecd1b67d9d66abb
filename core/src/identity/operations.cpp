// The identity operations a user performs (CLI merge/split/alias/judge, the
// viewer's merge): each builds a new store and leaves the input untouched,
// so the viewer keeps the old one for undo and a CLI failure writes nothing.
#include "liaison/errors.hpp"
#include "liaison/identity.hpp"
#include "liaison/name_lookup.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace liaison {

std::string utcNow()
{
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

namespace {

// A store with `base`'s sources, document extras, judgements and the given
// redirects, then `entities` and `relations` (endpoints through redirects).
GraphStore rebuilt(const GraphStore &base, const std::vector<Entity> &entities, std::vector<Relation> relations,
                   const std::vector<Redirect> &redirects)
{
    GraphStore out;
    out.reserve(entities.size(), relations.size());
    for (const Source &s : base.sources()) out.addSource(s);
    out.documentExtras() = base.documentExtras();
    out.judgements() = base.judgements();
    for (const Entity &e : entities) out.addEntity(e);
    for (const Redirect &r : redirects) out.addRedirect(r);
    for (Relation &r : relations) out.addRelation(std::move(r));
    return out;
}

bool sameFact(const Relation &a, const Relation &b)
{
    return a.kind == b.kind && a.from == b.from && a.to == b.to && a.attributes == b.attributes;
}

// Relations with identical kind, endpoints and attributes become one that
// holds the evidence of all (in order, identical items once).
std::vector<Relation> folded(std::vector<Relation> relations)
{
    std::vector<Relation> out;
    for (Relation &r : relations) {
        auto same = std::find_if(out.begin(), out.end(), [&](const Relation &o) { return sameFact(o, r); });
        if (same == out.end()) {
            out.push_back(std::move(r));
            continue;
        }
        for (Evidence &e : r.evidence)
            if (std::find(same->evidence.begin(), same->evidence.end(), e) == same->evidence.end())
                same->evidence.push_back(std::move(e));
    }
    return out;
}

void forgetJudgement(GraphStore &store, const std::string &a, const std::string &b)
{
    std::erase_if(store.judgements(),
                  [&](const Judgement &j) { return (j.a == a && j.b == b) || (j.a == b && j.b == a); });
}

void recordJudgement(GraphStore &store, const std::string &a, const std::string &b, Verdict verdict,
                     const std::string &reason)
{
    forgetJudgement(store, a, b);
    store.judgements().push_back({a, b, verdict, utcNow(), reason, {}});
}

std::string quoteList(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &i : items) out += (out.empty() ? "\"" : ", \"") + i + "\"";
    return out.empty() ? "none" : out;
}

} // namespace

MergeResult mergeEntities(const GraphStore &store, EntityIndex keep, EntityIndex gone, const std::string &reason)
{
    if (keep == gone) throw UserError("cannot merge " + store.entity(keep).id + " into itself");
    const Entity &keepEntity = store.entity(keep);
    const Entity &goneEntity = store.entity(gone);
    if (const Judgement *j = judgementOn(store, keepEntity.id, goneEntity.id); j && j->verdict == Verdict::Different)
        throw UserError(keepEntity.id + " and " + goneEntity.id + " were judged different" +
                        (j->time.empty() ? "" : " on " + j->time) +
                        "; judge them the same first (liaison judge FILE A B same)");
    std::vector<Entity> entities;
    entities.reserve(store.entityCount());
    for (EntityIndex i = 0; i < store.entityCount(); ++i)
        if (i != gone) entities.push_back(store.entity(i));
    std::vector<Relation> relations, brought;
    for (RelationIndex r = 0; r < store.relationCount(); ++r) {
        Relation copy = store.relation(r);
        bool touches = copy.from == goneEntity.id || copy.to == goneEntity.id;
        if (touches) brought.push_back(copy);
        if (copy.from == goneEntity.id) copy.from = keepEntity.id;
        if (copy.to == goneEntity.id) copy.to = keepEntity.id;
        relations.push_back(std::move(copy));
    }
    GraphStore out = rebuilt(store, entities, folded(std::move(relations)), store.redirects());
    MergeResult result;
    result.conflicts = out.mergeInto(out.findById(keepEntity.id), goneEntity, reason, utcNow());
    for (const Relation &r : brought) out.noteRedirectedRelation(goneEntity.id, r);
    recordJudgement(out, keepEntity.id, goneEntity.id, Verdict::Same, reason);
    result.store = std::move(out);
    return result;
}

namespace {

// True when `held` (an endpoint of a relation of the survivor) is where the
// merge put `brought` (the endpoint as the merged-away entity had it).
bool endpointMatches(const GraphStore &store, const std::string &held, const std::string &brought,
                     const std::string &goneId, const std::string &survivorId)
{
    if (brought == goneId) return held == survivorId;
    EntityIndex i = store.findById(brought);
    return held == (i == kNoEntity ? brought : store.entity(i).id);
}

// Takes out of `survivor` what only `snapshot` brought: aliases (never the
// survivor's own display or language names) and evidence items.
void withdraw(Entity &survivor, const Entity &snapshot)
{
    auto own = [&](const std::string &text) {
        if (text == survivor.name) return true;
        for (const auto &[language, name] : survivor.names)
            if (name == text) return true;
        return false;
    };
    std::vector<std::string> brought{snapshot.name};
    for (const auto &[language, name] : snapshot.names) brought.push_back(name);
    for (const std::string &a : snapshot.aliases) brought.push_back(a);
    std::erase_if(survivor.aliases, [&](const std::string &alias) {
        return !own(alias) && std::find(brought.begin(), brought.end(), alias) != brought.end();
    });
    std::erase_if(survivor.evidence, [&](const Evidence &e) {
        return std::find(snapshot.evidence.begin(), snapshot.evidence.end(), e) != snapshot.evidence.end();
    });
}

} // namespace

GraphStore splitEntity(const GraphStore &store, EntityIndex entity, const std::string &onlyId)
{
    const Entity &survivor = store.entity(entity);
    std::vector<Redirect> kept, undone;
    std::vector<std::string> mergedHere;
    for (const Redirect &r : store.redirects()) {
        bool here = store.findById(r.to) == entity && r.entity;
        if (here) mergedHere.push_back(r.from);
        if (here && (onlyId.empty() || r.from == onlyId))
            undone.push_back(r);
        else
            kept.push_back(r);
    }
    if (undone.empty()) {
        if (!onlyId.empty())
            throw UserError(onlyId + " was not merged into " + survivor.id + " (merged into it: " +
                            quoteList(mergedHere) + ")");
        throw UserError("nothing was merged into " + survivor.id + " (no redirect to it records what was merged)");
    }
    std::vector<Entity> entities(store.entities().begin(), store.entities().end());
    Entity &changed = entities[entity];
    std::vector<Relation> relations(store.relations().begin(), store.relations().end());
    std::vector<bool> emptied(relations.size(), false);
    for (const Redirect &r : undone) {
        withdraw(changed, *r.entity);
        Entity restored = *r.entity;
        restored.id = r.from;
        entities.push_back(std::move(restored));
        for (const Relation &brought : r.relations) {
            // The survivor's copy of the relation loses the evidence it brought
            // (and goes when nothing else supports it); the restored entity
            // gets the relation back with that evidence.
            for (std::size_t i = 0; i < emptied.size(); ++i) {
                Relation &held = relations[i];
                if (held.kind != brought.kind || held.attributes != brought.attributes) continue;
                if (!(endpointMatches(store, held.from, brought.from, r.from, survivor.id) &&
                      endpointMatches(store, held.to, brought.to, r.from, survivor.id)))
                    continue;
                std::size_t before = held.evidence.size();
                std::erase_if(held.evidence, [&](const Evidence &e) {
                    return std::find(brought.evidence.begin(), brought.evidence.end(), e) != brought.evidence.end();
                });
                emptied[i] = held.evidence.empty() && (before > 0 || brought.evidence.empty());
                break;
            }
            relations.push_back(brought);
        }
    }
    std::vector<Relation> remaining;
    for (std::size_t i = 0; i < relations.size(); ++i)
        if (i >= emptied.size() || !emptied[i]) remaining.push_back(std::move(relations[i]));
    relations = std::move(remaining);
    GraphStore out = rebuilt(store, entities, folded(std::move(relations)), kept);
    for (const Redirect &r : undone)
        recordJudgement(out, survivor.id, r.from, Verdict::Different, "split by the user");
    return out;
}

GraphStore judge(const GraphStore &store, EntityIndex a, EntityIndex b, Verdict verdict, const std::string &reason)
{
    if (a == b) throw UserError("both names are " + store.entity(a).id + "; a judgement needs two entities");
    if (verdict == Verdict::Same) {
        GraphStore copy = store; // an earlier "different" on the pair is overruled
        forgetJudgement(copy, store.entity(a).id, store.entity(b).id);
        MergeResult merged = mergeEntities(copy, a, b, reason.empty() ? "judged the same by the user" : reason);
        return std::move(merged.store);
    }
    GraphStore out = store;
    recordJudgement(out, store.entity(a).id, store.entity(b).id, Verdict::Different,
                    reason.empty() ? "judged different by the user" : reason);
    return out;
}

GraphStore addAlias(const GraphStore &store, EntityIndex entity, const std::string &alias, AliasSharing sharing)
{
    if (alias.empty()) throw UserError("an alias cannot be empty");
    std::vector<Entity> entities(store.entities().begin(), store.entities().end());
    Entity &e = entities[entity];
    if (alias == e.name || std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end())
        throw UserError("\"" + alias + "\" is already a name of " + e.id);
    if (sharing == AliasSharing::Refuse) {
        // A name two entities bear makes every lookup of it ambiguous, and
        // is most often the other entity's name given to the wrong one.
        std::vector<EntityIndex> named = store.findByName(alias);
        for (EntityIndex other : findByNameForm(store, alias)) named.push_back(other);
        for (EntityIndex other : named)
            if (other != entity)
                throw UserError("\"" + alias + "\" already names " + store.entity(other).name + " (" +
                                store.entity(other).id + "); if they are one, merge them (judge ... same), "
                                "else give " + e.id + " the name anyway with --shared");
    }
    e.aliases.push_back(alias);
    return rebuilt(store, entities, {store.relations().begin(), store.relations().end()}, store.redirects());
}

GraphStore removeAlias(const GraphStore &store, EntityIndex entity, const std::string &alias)
{
    std::vector<Entity> entities(store.entities().begin(), store.entities().end());
    Entity &e = entities[entity];
    if (alias == e.name)
        throw UserError("\"" + alias + "\" is the display name of " + e.id + ", not an alias");
    auto it = std::find(e.aliases.begin(), e.aliases.end(), alias);
    if (it == e.aliases.end())
        throw UserError(e.id + " has no alias \"" + alias + "\"; its aliases: " + quoteList(e.aliases));
    e.aliases.erase(it);
    return rebuilt(store, entities, {store.relations().begin(), store.relations().end()}, store.redirects());
}

} // namespace liaison
