// Validation rules of an import (DESIGN §4): encodings, ids, kinds,
// duplicate ids and dangling endpoints. Pure: reads the store, never writes.
#include "batch_validation.hpp"
#include "evidence_attribute.hpp"

#include "liaison/storable.hpp"

#include "liaison/close_matches.hpp"
#include "liaison/errors.hpp"
#include "liaison/identity.hpp"

#include <set>
#include <string_view>
#include <unordered_map>

namespace liaison::detail {
namespace {

bool hasControl(std::string_view s)
{
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

// The first string field of an entity that is not valid UTF-8, or nullptr.
const char *badUtf8(const Entity &e)
{
    if (!isValidUtf8(e.id)) return "id";
    if (!isValidUtf8(e.kind)) return "kind";
    if (!isValidUtf8(e.name)) return "name";
    for (const auto &[lang, name] : e.names)
        if (!isValidUtf8(lang) || !isValidUtf8(name)) return "names";
    for (const auto &a : e.aliases)
        if (!isValidUtf8(a)) return "aliases";
    for (const auto &[k, v] : e.attributes)
        if (!isValidUtf8(k) || !isValidUtf8(v.text)) return "attributes";
    for (const auto &ev : e.evidence)
        if (!isValidUtf8(ev.source) || !isValidUtf8(ev.quote) || !isValidUtf8(ev.locator)) return "evidence";
    return nullptr;
}

const char *badUtf8(const Relation &r)
{
    if (!isValidUtf8(r.kind)) return "kind";
    if (!isValidUtf8(r.from)) return "from";
    if (!isValidUtf8(r.to)) return "to";
    for (const auto &[k, v] : r.attributes)
        if (!isValidUtf8(k) || !isValidUtf8(v.text)) return "attributes";
    for (const auto &ev : r.evidence)
        if (!isValidUtf8(ev.source) || !isValidUtf8(ev.quote) || !isValidUtf8(ev.locator)) return "evidence";
    return nullptr;
}

const char *badUtf8(const Source &s)
{
    for (const std::string *f : {&s.id, &s.title, &s.date, &s.language, &s.path})
        if (!isValidUtf8(*f)) return "source field";
    return nullptr;
}

std::string kindOf(const Entity &e)
{
    if (!e.kind.empty()) return e.kind;
    auto colon = e.id.find(':');
    return colon == std::string::npos ? std::string() : e.id.substr(0, colon);
}

// A --kind FROM=TO whose FROM no incoming entity has would change nothing
// while the user believes it did: refused, naming the kinds the input has.
void checkKindMap(const ImportBatch &batch, const ImportOptions &options)
{
    if (options.kindMap.empty()) return;
    std::set<std::string, std::less<>> incoming;
    for (const BatchEntity &be : batch.entities())
        if (std::string kind = kindOf(be.entity); !kind.empty()) incoming.insert(std::move(kind));
    const std::vector<std::string> known(incoming.begin(), incoming.end());
    for (const auto &entry : options.kindMap) {
        if (incoming.contains(entry.first)) continue;
        std::string message = "--kind " + entry.first + "=" + entry.second + ": no incoming entity has the kind '" +
                              entry.first + "'";
        if (std::string guess = didYouMean(closeMatches(entry.first, known)); !guess.empty()) message += "; " + guess;
        if (known.empty()) {
            message += " (the input has no entity with a kind)";
        } else {
            message += " (kinds in the input:";
            for (std::size_t i = 0; i < known.size(); ++i) message += (i ? ", " : " ") + known[i];
            message += ")";
        }
        throw UserError(message);
    }
}

std::string describe(const Relation &r, const std::string &kind)
{
    return "relation " + kind + " " + r.from + " -> " + r.to;
}

class Validator {
public:
    Validator(const GraphStore &store, const ImportBatch &batch, const ImportOptions &options,
              ImportReport &report)
        : m_store(store), m_batch(batch), m_options(options), m_report(report) {}

    ValidatedBatch run()
    {
        loaderDiagnostics();
        sources();
        explicitEntities();
        implicitEntities();
        relations();
        documentFields();
        return std::move(m_out);
    }

private:
    void problem(Severity severity, const InputLocation &where, const std::string &record,
                 const std::string &reason)
    {
        m_report.diagnostics.push_back({severity, where, record.empty() ? reason : record + ": " + reason});
        if (severity != Severity::Error) return;
        ++m_out.errorCount;
        if (m_options.lenient) m_report.skipped.push_back({where, record, reason});
    }

    void loaderDiagnostics()
    {
        for (const auto &d : m_batch.diagnostics()) {
            m_report.diagnostics.push_back(d);
            if (d.severity != Severity::Error) continue;
            ++m_out.errorCount;
            if (m_options.lenient) m_report.skipped.push_back({d.where, "input", d.message});
        }
    }

    void sources()
    {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < m_batch.sources().size(); ++i) {
            const auto &[s, origin] = m_batch.sources()[i];
            std::string record = "source " + s.id;
            if (const char *field = badUtf8(s)) {
                problem(Severity::Error, origin, record, std::string("invalid UTF-8 in ") + field);
                continue;
            }
            if (s.id.empty() || hasControl(s.id)) {
                problem(Severity::Error, origin, record, "a source needs a non-empty id without control characters");
                continue;
            }
            if (std::string why = storableProblem(s); !why.empty()) {
                problem(Severity::Error, origin, record, why);
                continue;
            }
            // Two files may give their sources one id (two reports called
            // report.txt in different folders): commit tells them apart by
            // content hash and path. Within one file an id names one source.
            if (auto [it, fresh] = seen.emplace(s.id, i);
                !fresh && m_batch.sources()[it->second].origin.file == origin.file) {
                problem(Severity::Error, origin, record,
                        "duplicate source id (first at " + m_batch.sources()[it->second].origin.text() + ")");
                continue;
            }
            m_sourceIds.insert(s.id);
            m_out.sources.push_back(i);
        }
    }

    bool entityValid(const BatchEntity &be, const std::string &kind)
    {
        const Entity &e = be.entity;
        std::string record = "entity " + e.id;
        if (const char *field = badUtf8(e)) {
            problem(Severity::Error, be.origin, record, std::string("invalid UTF-8 in ") + field);
            return false;
        }
        if (e.id.empty()) {
            problem(Severity::Error, be.origin, "entity", "empty id");
            return false;
        }
        if (hasControl(e.id)) {
            problem(Severity::Error, be.origin, record, "control character in id");
            return false;
        }
        if (kind.empty()) {
            problem(Severity::Error, be.origin, record, "no kind (give a kind, or an id of the form kind:slug)");
            return false;
        }
        for (unsigned char c : kind)
            if (c <= 0x20 || c == 0x7F) {
                problem(Severity::Error, be.origin, record, "kind \"" + kind + "\" contains a space or control character");
                return false;
            }
        std::string why = liftedValuesProblem(e.attributes, e.evidence);
        if (why.empty()) why = extrasProblem(e.extra, json_keys::kEntity);
        if (!why.empty()) {
            problem(Severity::Error, be.origin, record, why);
            return false;
        }
        for (const auto &ev : e.evidence) checkEvidenceSource(ev, be.origin, record);
        return true;
    }

    void checkEvidenceSource(const Evidence &ev, const InputLocation &origin, const std::string &record)
    {
        if (ev.source.empty() || m_sourceIds.count(ev.source) || m_store.source(ev.source)) return;
        problem(Severity::Warning, origin, record, "evidence names unknown source \"" + ev.source + "\"");
    }

    void explicitEntities()
    {
        for (std::size_t i = 0; i < m_batch.entities().size(); ++i) {
            const BatchEntity &be = m_batch.entities()[i];
            if (be.implicit) continue;
            std::string kind = mappedKind(be.entity);
            if (!entityValid(be, kind)) {
                m_refused.insert(be.entity.id);
                continue;
            }
            if (auto [it, fresh] = m_accepted.emplace(be.entity.id, i); !fresh) {
                // Within one file an id names one record; across the files of
                // one import the same id is the same entity (country:taiwan in
                // two reports) and is merged at commit, like an existing one.
                const InputLocation &first = m_batch.entities()[it->second].origin;
                if (first.file == be.origin.file) {
                    problem(Severity::Error, be.origin, "entity " + be.entity.id,
                            "duplicate id (first at " + first.text() + ")");
                    continue;
                }
            }
            m_out.entities.push_back(i);
            m_out.entityKinds.push_back(std::move(kind));
        }
    }

    void implicitEntities()
    {
        for (std::size_t i = 0; i < m_batch.entities().size(); ++i) {
            const BatchEntity &be = m_batch.entities()[i];
            if (!be.implicit) continue;
            const std::string &id = be.entity.id;
            // An endpoint naming an entity of the graph by id is that entity; a
            // meaningless id (1, 2, row numbers) never reaches across files.
            if (m_accepted.count(id) || m_refused.count(id)) continue;
            if (m_store.findById(id) != kNoEntity && !isMeaninglessId(id)) continue;
            std::string kind = mappedKind(be.entity);
            if (!entityValid(be, kind)) {
                m_refused.insert(id);
                continue;
            }
            m_accepted.emplace(id, i);
            m_out.entities.push_back(i);
            m_out.entityKinds.push_back(std::move(kind));
        }
    }

    std::string mappedKind(const Entity &e) const
    {
        std::string kind = kindOf(e);
        auto it = m_options.kindMap.find(kind);
        return it == m_options.kindMap.end() ? kind : it->second;
    }

    bool endpointKnown(const std::string &id) const
    {
        return m_accepted.count(id) || m_store.findById(id) != kNoEntity;
    }

    void relations()
    {
        for (std::size_t i = 0; i < m_batch.relations().size(); ++i) {
            const auto &[r, origin] = m_batch.relations()[i];
            std::string kind = !r.kind.empty()                  ? r.kind
                               : !m_options.relationKind.empty() ? m_options.relationKind
                                                                 : std::string("related_to");
            std::string record = describe(r, kind);
            if (const char *field = badUtf8(r)) {
                problem(Severity::Error, origin, "relation", std::string("invalid UTF-8 in ") + field);
                continue;
            }
            if (hasControl(kind) || kind.find(' ') != std::string::npos) {
                problem(Severity::Error, origin, record, "relation kind contains a space or control character");
                continue;
            }
            bool ok = true;
            for (const std::string *end : {&r.from, &r.to}) {
                if (!ok) break;
                if (end->empty()) {
                    problem(Severity::Error, origin, record, "empty endpoint id");
                    ok = false;
                } else if (!endpointKnown(*end)) {
                    problem(Severity::Error, origin, record,
                            m_refused.count(*end) ? "endpoint \"" + *end + "\" was refused"
                                                  : "dangling endpoint \"" + *end + "\" (no such entity)");
                    ok = false;
                }
            }
            if (!ok) continue;
            std::string why = liftedValuesProblem(r.attributes, r.evidence);
            if (why.empty()) why = extrasProblem(r.extra, json_keys::kRelation);
            if (!why.empty()) {
                problem(Severity::Error, origin, record, why);
                continue;
            }
            for (const auto &ev : r.evidence) checkEvidenceSource(ev, origin, record);
            m_out.relations.push_back(i);
            m_out.relationKinds.push_back(std::move(kind));
        }
    }

    void documentFields()
    {
        const ExtraFields &fields = m_batch.documentFields();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (std::string why = extrasProblem({fields[i]}, json_keys::kDocument); !why.empty()) {
                problem(Severity::Error, {}, "top-level key \"" + fields[i].first + "\"", why);
                continue;
            }
            m_out.documentFields.push_back(i);
        }
    }

    const GraphStore &m_store;
    const ImportBatch &m_batch;
    const ImportOptions &m_options;
    ImportReport &m_report;
    ValidatedBatch m_out;
    std::set<std::string, std::less<>> m_sourceIds;
    std::unordered_map<std::string, std::size_t> m_accepted; // id -> batch index
    std::set<std::string, std::less<>> m_refused;
};

} // namespace

ValidatedBatch validateBatch(const GraphStore &store, const ImportBatch &batch,
                             const ImportOptions &options, ImportReport &report)
{
    checkKindMap(batch, options);
    return Validator(store, batch, options, report).run();
}

} // namespace liaison::detail
