// Commits a validated batch: sources identified by content hash and path,
// entity resolution through the identity module (by id, else by candidates
// scored with reasons, DESIGN §2), then relations, whose evidence accumulates.
// Works on a copy of the store that replaces the original only when every
// step succeeded, so a failure at any point leaves the store untouched.
#include "batch_validation.hpp"
#include "evidence_attribute.hpp"
#include "identity/profile.hpp"
#include "liaison/normalize.hpp"

#include "liaison/printable.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <memory>
#include <unordered_map>

namespace liaison {
namespace {

using FileId = std::pair<std::string, std::string>; // (input file, id as the file wrote it)

std::string candidateText(const GraphStore &store, const Candidate &c, EntityIndex other)
{
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", c.score);
    std::string text = store.entity(other).id + " (score " + score + "): ";
    for (std::size_t i = 0; i < c.reasons.size(); ++i) text += (i ? "; " : "") + c.reasons[i];
    if (!c.counterReasons.empty()) {
        text += "; against: ";
        for (std::size_t i = 0; i < c.counterReasons.size(); ++i) text += (i ? "; " : "") + c.counterReasons[i];
    }
    return text;
}

// Names reach terminals, labels and every export: a control character in one
// (NUL, ESC, BEL...) is stored visibly escaped as \xHH (printable.hpp), never
// raw and never silently. Tab and line breaks stay: a multi-line label is
// data, and every output escapes them where a line must stay one line.
// Returns whether anything changed.
bool escapeControlsInNames(Entity &e)
{
    bool changed = false;
    auto fix = [&changed](std::string &name) {
        std::string shown;
        std::size_t from = 0;
        for (std::size_t i = 0; i < name.size(); ++i) {
            auto c = static_cast<unsigned char>(name[i]);
            if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' || c == '\r') continue;
            shown.append(name, from, i - from).append(printableText(name.substr(i, 1)));
            from = i + 1;
        }
        if (from == 0) return;
        name = shown.append(name, from, std::string::npos);
        changed = true;
    };
    fix(e.name);
    for (auto &[language, name] : e.names) fix(name);
    for (std::string &alias : e.aliases) fix(alias);
    return changed;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &i : items) out += (out.empty() ? "" : "; ") + i;
    return out;
}

// The key under which identical relations (kind, endpoints, attributes) fold.
std::string factKey(const Relation &r)
{
    std::string key = r.kind + '\0' + r.from + '\0' + r.to;
    for (const auto &[k, v] : r.attributes) key += '\0' + k + '\x01' + v.text;
    return key;
}

class Committer {
public:
    Committer(const GraphStore &before, const ImportBatch &batch, const detail::ValidatedBatch &valid,
              ImportReport &report)
        : m_before(before), m_work(before), m_batch(batch), m_valid(valid), m_report(report) {}

    GraphStore run()
    {
        for (std::size_t i : m_valid.sources) source(m_batch.sources()[i]);
        collectNeighbours();
        for (std::size_t k = 0; k < m_valid.entities.size(); ++k) entity(k);
        for (std::size_t k = 0; k < m_valid.relations.size(); ++k) relation(k);
        for (std::size_t i : m_valid.documentFields) documentField(m_batch.documentFields()[i]);
        applySameJudgements();
        return std::move(m_work);
    }

private:
    // An unknown top-level key joins the graph's own; where the graph already
    // has the key with another value, the graph's is kept and the user told.
    void documentField(const std::pair<std::string, std::string> &field)
    {
        ExtraFields &extras = m_work.documentExtras();
        auto same = std::find_if(extras.begin(), extras.end(), [&](const auto &e) { return e.first == field.first; });
        if (same == extras.end()) {
            extras.push_back(field);
            return;
        }
        if (same->second != field.second)
            m_report.diagnostics.push_back({Severity::Warning, {}, "top-level key \"" + field.first +
                                            "\": the graph's value is kept, the imported one is not"});
    }

    // --- sources: content hash + path ---------------------------------------
    void source(const BatchSource &bs)
    {
        Source s = bs.source;
        const std::string &file = bs.origin.file;
        for (const Source &old : m_work.sources()) {
            if (s.hash.empty() || old.hash != s.hash) continue;
            // The same document imported again (or under another id): one source.
            if (old.id != s.id) {
                m_sourceIds[{file, s.id}] = old.id;
                m_report.sourceNotes.push_back("source " + s.id + " of " + file + " is the document already imported as " +
                                               old.id + " (same content hash)");
            }
            return;
        }
        if (const Source *old = m_work.source(s.id)) {
            bool sameDocument = (old->hash.empty() || s.hash.empty() || old->hash == s.hash) &&
                                (old->path.empty() || s.path.empty() || old->path == s.path);
            if (sameDocument) {
                if (old->title != s.title || old->date != s.date || old->language != s.language)
                    m_report.sourceNotes.push_back("source " + s.id + " is already in the graph with other details; "
                                                   "the existing source is kept");
                return;
            }
            std::string fresh = freshSourceId(s);
            m_report.sourceNotes.push_back("source " + s.id + " of " + file + " is another document than the " + s.id +
                                           " in the graph (" + (old->path != s.path ? "other path" : "other content") +
                                           "); added as " + fresh);
            m_sourceIds[{file, s.id}] = fresh;
            s.id = fresh;
        }
        m_work.addSource(std::move(s));
        ++m_report.sourcesAdded;
    }

    std::string freshSourceId(const Source &s) const
    {
        std::string base = s.id + (s.hash.size() > 15 ? "-" + s.hash.substr(7, 8) : std::string());
        std::string id = base;
        for (int n = 2; m_work.source(id); ++n) id = base + "-" + std::to_string(n);
        return id;
    }

    void remapEvidence(std::vector<Evidence> &evidence, const std::string &file) const
    {
        if (m_sourceIds.empty()) return;
        for (Evidence &e : evidence)
            if (auto it = m_sourceIds.find({file, e.source}); it != m_sourceIds.end()) e.source = it->second;
    }

    // --- entities --------------------------------------------------------------
    // Neighbours and sources of each incoming id, from the batch's relations,
    // for scoring candidates before the relations are committed.
    void collectNeighbours()
    {
        for (std::size_t k = 0; k < m_valid.relations.size(); ++k) {
            const BatchRelation &br = m_batch.relations()[m_valid.relations[k]];
            const Relation &r = br.relation;
            auto note = [&](const std::string &self, const std::string &other) {
                detail::Profile &p = m_batchContext[{br.origin.file, self}];
                EntityIndex known = m_before.findById(other);
                p.neighbours.insert(known == kNoEntity ? other : m_before.entity(known).id);
                for (const Evidence &e : r.evidence)
                    if (!e.source.empty()) p.sources.insert(e.source);
            };
            note(r.from, r.to);
            note(r.to, r.from);
        }
    }

    // The incoming entity as the graph will hold it. `report`: this is its
    // commit (tell the user what was escaped), not a look at it for scoring.
    Entity prepared(const BatchEntity &be, const std::string &kind, bool report = false) const
    {
        Entity e = be.entity;
        e.kind = kind;
        detail::liftEvidence(e.attributes, e.evidence);
        remapEvidence(e.evidence, be.origin.file);
        if (escapeControlsInNames(e) && report)
            m_report.diagnostics.push_back({Severity::Warning, be.origin,
                                            "entity " + e.id + ": control characters in its names are kept escaped as \\xHH"});
        return e;
    }

    void merge(EntityIndex target, const BatchEntity &be, const std::string &kind, std::string reason)
    {
        Entity incoming = prepared(be, kind, true);
        MergeRecord record{incoming.id, m_work.entity(target).id, reason, {}, be.origin};
        // An edge-list endpoint's "id" is a name, not an id to redirect.
        if (be.implicit) incoming.id = record.targetId;
        const std::string &existingKind = m_work.entity(target).kind;
        if (existingKind != kind)
            record.conflicts.push_back(record.targetId + ": kind '" + existingKind + "' kept, incoming '" + kind +
                                       "' dropped");
        for (std::string &c : m_work.mergeInto(target, incoming, reason, now()))
            record.conflicts.push_back(std::move(c));
        m_ids[{be.origin.file, be.entity.id}] = record.targetId;
        m_report.outcomes.push_back({EntityOutcome::Kind::Merged, be.entity.id, record.targetId, std::move(reason),
                                     {}, be.origin});
        m_report.merges.push_back(std::move(record));
        ++m_report.entitiesMerged;
    }

    void add(const BatchEntity &be, const std::string &kind, std::string id, std::string reason,
             std::vector<std::string> candidates = {}, bool ambiguous = false)
    {
        Entity e = prepared(be, kind, true);
        e.id = std::move(id);
        if (e.name.empty()) {
            auto colon = be.entity.id.find(':');
            e.name = colon == std::string::npos ? be.entity.id : be.entity.id.substr(colon + 1);
        }
        m_ids[{be.origin.file, be.entity.id}] = e.id;
        m_report.outcomes.push_back({ambiguous ? EntityOutcome::Kind::Ambiguous : EntityOutcome::Kind::Created,
                                     be.entity.id, e.id, std::move(reason), std::move(candidates), be.origin});
        EntityIndex added = m_work.addEntity(std::move(e));
        m_addedFrom[added] = be.origin.file;
        if (m_index) m_index->add(added, profileOf(be, kind));
        ++m_report.entitiesAdded;
    }

    // The stem of the new ids an entity kept apart gets: "1@nodes-b".
    static std::string keptApartBase(const BatchEntity &be)
    {
        std::string stem = be.origin.file;
        if (auto slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
        if (auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
        return be.entity.id + "@" + (stem.empty() ? std::string("import") : stem);
    }

    // A new id for an entity whose meaningless id ("1") is taken: "1@nodes-b",
    // then "1@nodes-b-2", ...
    std::string freshId(const BatchEntity &be) const
    {
        const std::string base = keptApartBase(be);
        std::string id = base;
        for (int n = 2; m_work.findById(id) != kNoEntity; ++n) id = base + "-" + std::to_string(n);
        return id;
    }

    // The entities earlier imports kept apart under freshId(be), in order.
    std::vector<EntityIndex> keptApartBefore(const BatchEntity &be) const
    {
        std::vector<EntityIndex> found;
        const std::string base = keptApartBase(be);
        std::string id = base;
        for (int n = 2;; ++n) {
            EntityIndex e = m_work.findById(id);
            if (e == kNoEntity) return found;
            found.push_back(e);
            id = base + "-" + std::to_string(n);
        }
    }

    // The sources that cite the incoming entity (its evidence and its
    // relations' in this batch).
    std::set<std::string> sourcesOf(const BatchEntity &be, const std::string &kind) const
    {
        std::set<std::string> mine;
        for (const Evidence &e : prepared(be, kind).evidence) mine.insert(e.source);
        if (auto it = m_batchContext.find({be.origin.file, be.entity.id}); it != m_batchContext.end())
            mine.insert(it->second.sources.begin(), it->second.sources.end());
        mine.erase(std::string());
        return mine;
    }

    // The sources that cite an entity of the graph (its evidence and its relations').
    std::set<std::string> sourcesOf(EntityIndex existing) const
    {
        std::set<std::string> old;
        for (const Evidence &e : m_work.entity(existing).evidence) old.insert(e.source);
        for (RelationIndex r : m_work.outRelations(existing))
            for (const Evidence &e : m_work.relation(r).evidence) old.insert(e.source);
        for (RelationIndex r : m_work.inRelations(existing))
            for (const Evidence &e : m_work.relation(r).evidence) old.insert(e.source);
        old.erase(std::string());
        return old;
    }

    static bool shareAny(const std::set<std::string> &a, const std::set<std::string> &b)
    {
        for (const std::string &s : a)
            if (b.contains(s)) return true;
        return false;
    }

    // Re-importing a document whose entity was kept apart the first time must
    // find that entity again, not keep it apart from itself under yet another
    // id (which duplicated every such person on each re-import). `same`
    // says which earlier kept-apart entity is this one.
    template <class Same> bool mergeIntoKeptApart(const BatchEntity &be, const std::string &kind, Same same)
    {
        for (EntityIndex earlier : keptApartBefore(be)) {
            if (!same(earlier)) continue;
            merge(earlier, be, kind,
                  "same entity as " + m_work.entity(earlier).id + ", kept apart under that id when \"" +
                      be.entity.id + "\" was first imported from this file");
            return true;
        }
        return false;
    }

    // A person id a loader made from a surname alone ("person:lee" for "Dr.
    // Lee") says no more than the surname: across documents it is no reason.
    bool surnameOnlyAcrossDocuments(const BatchEntity &be, const std::string &kind, EntityIndex existing) const
    {
        if (knownKind(kind) != KnownKind::Person) return false;
        // Sources first (cheap): the same document again is a plain re-import.
        std::set<std::string> mine = sourcesOf(be, kind), old = sourcesOf(existing);
        if (mine.empty() || old.empty()) return false; // nothing says where either came from
        if (shareAny(mine, old)) return false;
        Entity e = be.entity;
        e.kind = kind;
        detail::Profile incoming = detail::profileOfEntity(e);
        if (incoming.forms.empty()) return false;
        for (const NameForm &f : incoming.forms)
            if (!f.surnameOnly) return false;
        return true;
    }

    detail::Profile profileOf(const BatchEntity &be, const std::string &kind) const
    {
        Entity e = be.entity;
        e.kind = kind;
        detail::Profile p = detail::profileOfEntity(e);
        if (auto it = m_batchContext.find({be.origin.file, be.entity.id}); it != m_batchContext.end()) {
            p.neighbours = it->second.neighbours;
            p.sources.insert(it->second.sources.begin(), it->second.sources.end());
        }
        return p;
    }

    void entity(std::size_t k)
    {
        const BatchEntity &be = m_batch.entities()[m_valid.entities[k]];
        const std::string &kind = m_valid.entityKinds[k];
        const std::string &id = be.entity.id;
        if (!isMeaninglessId(id)) {
            EntityIndex sameId = m_work.findById(id);
            if (sameId != kNoEntity && surnameOnlyAcrossDocuments(be, kind, sameId)) {
                const std::set<std::string> mine = sourcesOf(be, kind);
                if (mergeIntoKeptApart(be, kind, [&](EntityIndex e) { return shareAny(mine, sourcesOf(e)); })) return;
                add(be, kind, freshId(be),
                    "id \"" + id + "\" is made of a surname alone (" + m_work.entity(sameId).name +
                        ") and already names an entity of another document; kept apart under a new id");
                return;
            }
            if (EntityIndex existing = m_before.findById(id); existing != kNoEntity) {
                const std::string &existingId = m_before.entity(existing).id;
                merge(existing, be, kind,
                      existingId == id ? std::string("same id") : "same id (an alias id of " + existingId + ")");
                return;
            }
            // Added earlier in this batch, from another file of the same import.
            if (EntityIndex earlier = m_work.findById(id); earlier != kNoEntity) {
                merge(earlier, be, kind, "same id in another file of this import");
                return;
            }
        } else if (EntityIndex taken = m_work.findById(id); taken != kNoEntity) {
            // "1" means nothing across files: the same id merges only with the same kind and name.
            const Entity &other = m_work.entity(taken);
            std::string name = be.entity.name.empty() ? id : be.entity.name;
            if (other.kind == kind && foldText(other.name) == foldText(name)) {
                merge(taken, be, kind, "same id \"" + id + "\" and same name");
                return;
            }
            if (mergeIntoKeptApart(be, kind, [&](EntityIndex e) {
                    const Entity &kept = m_work.entity(e);
                    return kept.kind == kind && foldText(kept.name) == foldText(name);
                }))
                return;
            add(be, kind, freshId(be),
                "id \"" + id + "\" (a number or row index) already names " + other.id + " (" + other.name +
                    ") from another file; kept apart under a new id");
            return;
        }
        resolveByName(be, kind);
    }

    detail::CandidateIndex *index()
    {
        if (!m_index) m_index = std::make_unique<detail::CandidateIndex>(m_work);
        return m_index.get();
    }

    void resolveByName(const BatchEntity &be, const std::string &kind)
    {
        // Names are matched against other files and the graph only: an import
        // of one file into an empty graph skips the work.
        if (m_firstFile.empty()) m_firstFile = be.origin.file;
        if (m_before.entityCount() == 0 && m_firstFile == be.origin.file) return add(be, kind, be.entity.id, {});
        detail::Profile profile = profileOf(be, kind);
        // An edge-list endpoint of no particular kind ("node") may name an entity of any kind.
        bool anyKind = be.implicit && kind == "node";
        std::vector<EntityIndex> found = index()->lookup(profile, anyKind ? std::string() : kind);
        std::vector<std::pair<EntityIndex, Candidate>> mergeable;
        std::vector<std::string> notMerged;
        Entity incoming = be.entity;
        incoming.kind = kind;
        for (EntityIndex c : found) {
            // Within one file distinct ids are distinct entities.
            if (auto it = m_addedFrom.find(c); it != m_addedFrom.end() && it->second == be.origin.file) continue;
            Entity other = m_work.entity(c);
            if (anyKind) incoming.kind = other.kind;
            Candidate cand = detail::scoreProfiles(m_work, incoming, profile, other, m_index->profile(c));
            if (cand.reasons.empty()) continue;
            if (!cand.blocked && cand.score >= kMergeScore)
                mergeable.emplace_back(c, std::move(cand));
            else
                notMerged.push_back(candidateText(m_work, cand, c));
        }
        if (mergeable.size() == 1) {
            const auto &[target, cand] = mergeable.front();
            std::string reason = joined(cand.reasons);
            if (be.implicit) reason = "endpoint named \"" + be.entity.id + "\": " + reason;
            merge(target, be, m_work.entity(target).kind == kind || !anyKind ? kind : m_work.entity(target).kind,
                  reason);
            if (!notMerged.empty()) m_report.outcomes.back().candidates = std::move(notMerged);
            return;
        }
        if (mergeable.size() > 1) {
            AmbiguousMatch amb{be.entity.id, be.entity.name.empty() ? be.entity.id : be.entity.name, {}, be.origin};
            std::vector<std::string> texts;
            for (const auto &[c, cand] : mergeable) {
                amb.candidateIds.push_back(m_work.entity(c).id);
                texts.push_back(candidateText(m_work, cand, c));
            }
            texts.insert(texts.end(), notMerged.begin(), notMerged.end());
            m_report.ambiguous.push_back(std::move(amb));
            return add(be, kind, uniqueId(be), "several entities fit; not guessed", std::move(texts), true);
        }
        add(be, kind, uniqueId(be), {}, std::move(notMerged));
    }

    // The incoming id, unless an entity of an earlier file of this import took it.
    std::string uniqueId(const BatchEntity &be) const
    {
        return m_work.findById(be.entity.id) == kNoEntity ? be.entity.id : freshId(be);
    }

    const std::string &now()
    {
        if (m_now.empty()) m_now = utcNow();
        return m_now;
    }

    // --- relations: evidence accumulates ---------------------------------------
    std::string canonical(const std::string &file, const std::string &id) const
    {
        if (auto it = m_ids.find({file, id}); it != m_ids.end()) return resolved(it->second);
        return resolved(id);
    }

    std::string resolved(const std::string &id) const
    {
        EntityIndex i = m_work.findById(id);
        return i == kNoEntity ? id : m_work.entity(i).id;
    }

    void relation(std::size_t k)
    {
        const BatchRelation &br = m_batch.relations()[m_valid.relations[k]];
        Relation r = br.relation;
        r.kind = m_valid.relationKinds[k];
        detail::liftEvidence(r.attributes, r.evidence);
        remapEvidence(r.evidence, br.origin.file);
        Relation asGiven = r;
        r.from = canonical(br.origin.file, r.from);
        r.to = canonical(br.origin.file, r.to);
        if (m_facts.empty() && m_work.relationCount() > 0)
            for (RelationIndex i = 0; i < m_work.relationCount(); ++i) m_facts.emplace(factKey(m_work.relation(i)), i);
        std::string key = factKey(r);
        // Two equal relations of one file stay two (the file said so twice);
        // against the graph or another file they are one fact with more evidence.
        auto it = m_facts.find(key);
        if (it != m_facts.end() && m_relationFile.count(it->second) && m_relationFile[it->second] == br.origin.file)
            it = m_facts.end(), key.clear();
        if (it != m_facts.end()) {
            ++m_report.duplicateRelations;
            m_report.evidenceAppended += m_work.appendRelationEvidence(it->second, r.evidence);
        } else {
            RelationIndex added = m_work.addRelation(std::move(r));
            m_relationFile[added] = br.origin.file;
            if (!key.empty()) m_facts.emplace(std::move(key), added);
            ++m_report.relationsAdded;
        }
        // A relation of an entity merged away in this import is noted on its
        // redirect, so that a split can give it back.
        for (const std::string *end : {&asGiven.from, &asGiven.to})
            if (m_work.findById(*end) != kNoEntity && m_work.entity(m_work.findById(*end)).id != *end)
                m_work.noteRedirectedRelation(*end, asGiven);
    }

    // A judgement "same" on two ids that are both live entities now (one was
    // re-created by this import) merges them again.
    void applySameJudgements()
    {
        for (const Judgement &j : std::vector<Judgement>(m_work.judgements())) {
            if (j.verdict != Verdict::Same) continue;
            EntityIndex a = m_work.findById(j.a), b = m_work.findById(j.b);
            if (a == kNoEntity || b == kNoEntity || a == b) continue;
            std::string goneId = m_work.entity(b).id, keepId = m_work.entity(a).id;
            m_work = std::move(mergeEntities(m_work, a, b, "judged the same on " + j.time).store);
            m_report.merges.push_back({goneId, keepId, "judged the same on " + j.time, {}, {}});
            ++m_report.entitiesMerged;
        }
    }

    const GraphStore &m_before;
    GraphStore m_work;
    const ImportBatch &m_batch;
    const detail::ValidatedBatch &m_valid;
    ImportReport &m_report;
    std::map<FileId, std::string> m_ids;       // (file, incoming id) -> id in the graph
    std::map<FileId, std::string> m_sourceIds; // (file, source id) -> source id in the graph
    std::map<FileId, detail::Profile> m_batchContext;
    std::unordered_map<EntityIndex, std::string> m_addedFrom; // entities this import added -> their file
    std::unordered_map<std::string, RelationIndex> m_facts;
    std::unordered_map<RelationIndex, std::string> m_relationFile; // relations this import added -> their file
    std::unique_ptr<detail::CandidateIndex> m_index;
    std::string m_now;
    std::string m_firstFile;
};

} // namespace

ImportReport commitBatch(GraphStore &store, const ImportBatch &batch, const ImportOptions &options)
{
    ImportReport report;
    detail::ValidatedBatch valid = detail::validateBatch(store, batch, options, report);
    if (valid.errorCount > 0 && !options.lenient) throw ImportError(std::move(report));
    GraphStore result = Committer(store, batch, valid, report).run();
    store = std::move(result); // noexcept: the commit point
    report.committed = true;
    return report;
}

} // namespace liaison
