// Commits a validated batch: entity resolution against the existing graph
// (by id, else by normalised name/alias of the same kind), then relations.
// Works on a copy of the store that replaces the original only when every
// step succeeded, so a failure at any point leaves the store untouched.
#include "batch_validation.hpp"
#include "evidence_attribute.hpp"

#include "liaison/printable.hpp"

#include <algorithm>
#include <unordered_map>

namespace liaison {
namespace {

struct NameMatch {
    std::vector<EntityIndex> candidates;
    std::string text;   // the incoming text that matched
    std::string reason; // "same name" / "same alias"
};

// Candidates of the same kind among the entities that were in the graph
// before this import. Names within one batch are not matched against each
// other: inside one file, distinct ids mean distinct entities.
NameMatch matchByName(const GraphStore &before, const Entity &e, const std::string &kind)
{
    NameMatch match;
    auto consider = [&](const std::string &text, const char *reason) {
        if (text.empty()) return;
        for (EntityIndex c : before.findByName(text)) {
            if (before.entity(c).kind != kind) continue;
            if (std::find(match.candidates.begin(), match.candidates.end(), c) != match.candidates.end()) continue;
            match.candidates.push_back(c);
            if (match.text.empty()) {
                match.text = text;
                match.reason = reason;
            }
        }
    };
    consider(e.name, "same name");
    for (const auto &[lang, name] : e.names) consider(name, "same name");
    for (const auto &alias : e.aliases) consider(alias, "same alias");
    std::sort(match.candidates.begin(), match.candidates.end());
    return match;
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

bool sameRelation(const Relation &a, const Relation &b)
{
    return a.kind == b.kind && a.to == b.to && a.attributes == b.attributes;
}

class Committer {
public:
    Committer(const GraphStore &before, const ImportBatch &batch, const detail::ValidatedBatch &valid,
              ImportReport &report)
        : m_before(before), m_work(before), m_batch(batch), m_valid(valid), m_report(report) {}

    GraphStore run()
    {
        for (std::size_t i : m_valid.sources) m_work.addSource(m_batch.sources()[i].source);
        m_report.sourcesAdded = m_valid.sources.size();
        for (std::size_t k = 0; k < m_valid.entities.size(); ++k) entity(k);
        for (std::size_t k = 0; k < m_valid.relations.size(); ++k) relation(k);
        for (std::size_t i : m_valid.documentFields) documentField(m_batch.documentFields()[i]);
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

    // The incoming entity as the graph will hold it.
    Entity prepared(const BatchEntity &be, const std::string &kind)
    {
        Entity e = be.entity;
        e.kind = kind;
        detail::liftEvidence(e.attributes, e.evidence);
        if (escapeControlsInNames(e))
            m_report.diagnostics.push_back({Severity::Warning, be.origin,
                                            "entity " + e.id + ": control characters in its names are kept escaped as \\xHH"});
        return e;
    }

    void merge(EntityIndex target, const BatchEntity &be, const std::string &kind, std::string reason)
    {
        Entity incoming = prepared(be, kind);
        MergeRecord record{incoming.id, m_work.entity(target).id, std::move(reason), {}, be.origin};
        const std::string &existingKind = m_work.entity(target).kind;
        if (existingKind != kind)
            record.conflicts.push_back(record.targetId + ": kind '" + existingKind + "' kept, incoming '" + kind +
                                       "' dropped");
        for (std::string &c : m_work.mergeInto(target, incoming)) record.conflicts.push_back(std::move(c));
        m_canonical[incoming.id] = record.targetId;
        m_report.merges.push_back(std::move(record));
        ++m_report.entitiesMerged;
    }

    void add(const BatchEntity &be, const std::string &kind)
    {
        Entity e = prepared(be, kind);
        if (e.name.empty()) {
            auto colon = e.id.find(':');
            e.name = colon == std::string::npos ? e.id : e.id.substr(colon + 1);
        }
        m_work.addEntity(std::move(e));
        ++m_report.entitiesAdded;
    }

    void entity(std::size_t k)
    {
        const BatchEntity &be = m_batch.entities()[m_valid.entities[k]];
        const std::string &kind = m_valid.entityKinds[k];
        if (EntityIndex existing = m_before.findById(be.entity.id); existing != kNoEntity) {
            const std::string &existingId = m_before.entity(existing).id;
            merge(existing, be, kind,
                  existingId == be.entity.id ? std::string("same id")
                                             : "same id (an alias id of " + existingId + ")");
            return;
        }
        // Added earlier in this batch, from another file of the same import.
        if (EntityIndex earlier = m_work.findById(be.entity.id); earlier != kNoEntity) {
            merge(earlier, be, kind, "same id in another file of this import");
            return;
        }
        if (be.implicit) {
            add(be, kind);
            return;
        }
        NameMatch match = matchByName(m_before, be.entity, kind);
        if (match.candidates.size() == 1) {
            merge(match.candidates.front(), be, kind, match.reason + " \"" + match.text + "\"");
            return;
        }
        if (match.candidates.size() > 1) {
            AmbiguousMatch amb{be.entity.id, match.text, {}, be.origin};
            for (EntityIndex c : match.candidates) amb.candidateIds.push_back(m_before.entity(c).id);
            m_report.ambiguous.push_back(std::move(amb));
        }
        add(be, kind);
    }

    const std::string &canonical(const std::string &id) const
    {
        auto it = m_canonical.find(id);
        if (it != m_canonical.end()) return it->second;
        EntityIndex i = m_work.findById(id);
        return i == kNoEntity ? id : m_work.entity(i).id;
    }

    // Relations out of one entity of the graph, by kind and target: built the
    // first time the entity is a source in this batch, so re-importing many
    // relations out of one hub costs one pass over the hub, not one per relation.
    using OutIndex = std::unordered_multimap<std::string, RelationIndex>;
    static std::string outKey(const std::string &kind, const std::string &to) { return kind + '\n' + to; }

    bool alreadyInGraph(const Relation &r)
    {
        EntityIndex from = m_before.findById(r.from);
        if (from == kNoEntity) return false;
        auto [slot, fresh] = m_outIndex.try_emplace(from);
        if (fresh)
            for (RelationIndex ri : m_before.outRelations(from))
                slot->second.emplace(outKey(m_before.relation(ri).kind, m_before.relation(ri).to), ri);
        auto [it, end] = slot->second.equal_range(outKey(r.kind, r.to));
        for (; it != end; ++it)
            if (sameRelation(m_before.relation(it->second), r)) return true;
        return false;
    }

    void relation(std::size_t k)
    {
        const BatchRelation &br = m_batch.relations()[m_valid.relations[k]];
        Relation r = br.relation;
        r.kind = m_valid.relationKinds[k];
        detail::liftEvidence(r.attributes, r.evidence);
        r.from = canonical(r.from);
        r.to = canonical(r.to);
        if (alreadyInGraph(r)) {
            ++m_report.duplicateRelations;
            return;
        }
        m_work.addRelation(std::move(r));
        ++m_report.relationsAdded;
    }

    const GraphStore &m_before;
    GraphStore m_work;
    const ImportBatch &m_batch;
    const detail::ValidatedBatch &m_valid;
    ImportReport &m_report;
    std::unordered_map<std::string, std::string> m_canonical; // incoming id -> id in the graph
    std::unordered_map<EntityIndex, OutIndex> m_outIndex;       // see alreadyInGraph
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
