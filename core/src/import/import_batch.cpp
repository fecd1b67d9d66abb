// ImportBatch containers, locations, diagnostics and the import error.
#include "liaison/import_batch.hpp"

#include <algorithm>

#include <utility>

namespace liaison {

std::string InputLocation::text() const
{
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

static const char *severityName(Severity s)
{
    switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    }
    return "error";
}

std::string Diagnostic::text() const
{
    return printableText(where.text()) + ": " + severityName(severity) + ": " + printableText(message);
}

// The plugin ABI has no field for a source's content hash: a loader that
// re-reads one of our exports (GraphML, CSV) hands it over as an extra key
// "hash", lifted here. Anything but a plain JSON string stays an extra, which
// validation refuses with its position.
static void liftHash(Source &s)
{
    auto it = std::find_if(s.extra.begin(), s.extra.end(), [](const auto &e) { return e.first == "hash"; });
    if (it == s.extra.end() || !s.hash.empty()) return;
    const std::string &raw = it->second;
    if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"' || raw.find('\\') != std::string::npos) return;
    s.hash = raw.substr(1, raw.size() - 2);
    s.extra.erase(it);
}

void ImportBatch::addSource(Source source, InputLocation origin)
{
    liftHash(source);
    m_sources.push_back({std::move(source), std::move(origin)});
}

void ImportBatch::stampSourceHash(const std::string &path, const std::string &hash)
{
    for (BatchSource &s : m_sources)
        if (s.source.hash.empty() && s.source.path == path) s.source.hash = hash;
}

void ImportBatch::addEntity(Entity entity, InputLocation origin, bool implicit)
{
    m_entities.push_back({std::move(entity), std::move(origin), implicit});
}

void ImportBatch::addRelation(Relation relation, InputLocation origin)
{
    m_relations.push_back({std::move(relation), std::move(origin)});
}

void ImportBatch::addDiagnostic(Diagnostic diagnostic) { m_diagnostics.push_back(std::move(diagnostic)); }

void ImportBatch::addDocumentField(std::string key, std::string rawJson)
{
    m_documentFields.emplace_back(std::move(key), std::move(rawJson));
}

bool ImportBatch::hasErrors() const
{
    for (const auto &d : m_diagnostics)
        if (d.severity == Severity::Error) return true;
    return false;
}

template <class T>
static void moveAppend(std::vector<T> &to, std::vector<T> &from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void ImportBatch::append(ImportBatch other)
{
    moveAppend(m_sources, other.m_sources);
    moveAppend(m_entities, other.m_entities);
    moveAppend(m_relations, other.m_relations);
    moveAppend(m_diagnostics, other.m_diagnostics);
    moveAppend(m_documentFields, other.m_documentFields);
}

static std::string errorSummary(const ImportReport &report)
{
    std::string text = "import failed, the graph is unchanged:";
    for (const auto &d : report.diagnostics)
        if (d.severity == Severity::Error) text += "\n" + printableText(d.where.text()) + ": " + printableText(d.message);
    return text;
}

ImportError::ImportError(ImportReport report)
    : UserError(errorSummary(report)), m_report(std::move(report))
{
}

bool isValidUtf8(std::string_view text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) { ++p; continue; }
        int extra;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
        else return false;
        if (end - p <= extra) return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += extra + 1;
    }
    return true;
}

} // namespace liaison
