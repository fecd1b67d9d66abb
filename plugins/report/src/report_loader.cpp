// The `report` loader: extractReport behind the plugin ABI. Options come from
// the environment (the ABI carries none):
//   LIAISON_REPORT_DATA          ':'-separated folders of extra data files
//                                (same names as plugins/report/data/*);
//   LIAISON_REPORT_HOME_COUNTRY  the reporting country (ISO code or name;
//                                "none" disables 我國/our country), default TW;
//   LIAISON_REPORT_MIN_CONFIDENCE facts below it are dropped, default 0.
// PDF, Word (.docx) and OpenDocument (.odt) reports are read as text first
// (plugins/documents): evidence then cites "page P, line L" or "paragraph N"
// as its locator instead of a line of the file.
// Every entity id is handed over once (ImportBatch refuses duplicates): records
// with the same id are merged, as are relations with the same kind and ends.
// The loader sees the plugin ABI and the extraction library (its own records
// and errors) only; no core type.
#include "liaison/plugin.hpp"
#include "liaison/report/extract.hpp"
#include "document_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>

namespace {

using namespace liaison::plugin;
namespace report = liaison::report;

// Extracted values are text; evidence keeps its line, locator, quote and confidence.
std::vector<Attribute> attributeRecords(const report::Attributes &in)
{
    std::vector<Attribute> out;
    for (const auto &[key, value] : in) out.push_back({key, value, LIAISON_VALUE_STRING});
    return out;
}

std::vector<Evidence> evidenceRecords(const std::vector<report::Evidence> &in)
{
    std::vector<Evidence> out;
    for (const auto &e : in)
        out.push_back({e.source, static_cast<std::uint32_t>(e.line > 0 ? e.line : 0), e.locator, e.quote,
                       e.confidence});
    return out;
}

std::uint32_t firstLine(const std::vector<report::Evidence> &in)
{
    for (const auto &e : in)
        if (e.line > 0) return static_cast<std::uint32_t>(e.line);
    return 0;
}

template <class T>
void appendUnique(std::vector<T> &to, const std::vector<T> &from)
{
    for (const auto &x : from)
        if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

bool sameEvidence(const report::Evidence &a, const report::Evidence &b)
{
    return a.source == b.source && a.line == b.line && a.quote == b.quote;
}

void mergeEvidence(std::vector<report::Evidence> &to, const std::vector<report::Evidence> &from)
{
    for (const auto &e : from)
        if (std::none_of(to.begin(), to.end(), [&](const auto &x) { return sameEvidence(x, e); })) to.push_back(e);
}

// Entities with one id merged into the first (names, aliases, attributes:
// first value wins; evidence united); order of first appearance kept.
std::vector<report::Entity> uniqueEntities(std::vector<report::Entity> in)
{
    std::vector<report::Entity> out;
    std::map<std::string, std::size_t> at;
    for (auto &e : in) {
        auto [it, fresh] = at.emplace(e.id, out.size());
        if (fresh) {
            out.push_back(std::move(e));
            continue;
        }
        report::Entity &kept = out[it->second];
        for (const auto &[lang, name] : e.names) kept.names.emplace(lang, name);
        if (e.name != kept.name && !e.name.empty()) e.aliases.push_back(e.name);
        appendUnique(kept.aliases, e.aliases);
        for (const auto &[k, v] : e.attributes) kept.attributes.emplace(k, v);
        mergeEvidence(kept.evidence, e.evidence);
    }
    return out;
}

std::vector<report::Relation> uniqueRelations(std::vector<report::Relation> in)
{
    std::vector<report::Relation> out;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> at;
    for (auto &r : in) {
        auto [it, fresh] = at.emplace(std::tuple{r.kind, r.from, r.to}, out.size());
        if (fresh) {
            out.push_back(std::move(r));
            continue;
        }
        report::Relation &kept = out[it->second];
        for (const auto &[k, v] : r.attributes) kept.attributes.emplace(k, v);
        mergeEvidence(kept.evidence, r.evidence);
    }
    return out;
}

std::vector<std::string> splitPath(const char *value)
{
    std::vector<std::string> out;
    if (value == nullptr) return out;
    std::string_view rest(value);
    while (true) {
        auto colon = rest.find(':');
        if (std::string_view part = rest.substr(0, colon); !part.empty()) out.emplace_back(part);
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    return out;
}

report::Options optionsFromEnvironment(std::string_view path)
{
    report::Options o;
    o.dataDirs = splitPath(std::getenv("LIAISON_REPORT_DATA"));
    if (const char *home = std::getenv("LIAISON_REPORT_HOME_COUNTRY"); home != nullptr && *home != '\0')
        o.homeCountry = std::string_view(home) == "none" ? std::string() : std::string(home);
    if (const char *min = std::getenv("LIAISON_REPORT_MIN_CONFIDENCE"); min != nullptr && *min != '\0') {
        char *end = nullptr;
        double v = std::strtod(min, &end);
        if (end == min || *end != '\0' || v < 0 || v > 1)
            throw LoadError({}, "LIAISON_REPORT_MIN_CONFIDENCE must be a number in 0..1, not \"" + std::string(min) + "\"");
        o.minConfidence = v;
    }
    o.sourcePath = std::string(path);
    return o;
}

// The source id: the file's stem ("reports/2017-iac.txt" -> "2017-iac").
std::string sourceIdOf(std::string_view path)
{
    std::string stem = std::filesystem::path(std::string(path)).stem().string();
    return stem.empty() || stem == "-" ? std::string("report") : stem;
}

// Valid UTF-8 (no overlongs, no surrogates); `bad` gets the offset of the
// first invalid byte.
bool validUtf8(std::string_view s, std::size_t &bad)
{
    auto u = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = u(i);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4) || i + n > s.size()) {
            // A sequence cut by the end of the sniffed window is not an error.
            if (n != 0 && i + n > s.size()) return true;
            bad = i;
            return false;
        }
        for (std::size_t k = 1; k < n; ++k)
            if ((u(i + k) & 0xC0) != 0x80) {
                bad = i;
                return false;
            }
        if ((n == 3 && c == 0xE0 && u(i + 1) < 0xA0) || (n == 3 && c == 0xED && u(i + 1) >= 0xA0) ||
            (n == 4 && c == 0xF0 && u(i + 1) < 0x90) || (n == 4 && c == 0xF4 && u(i + 1) >= 0x90)) {
            bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

// Plain UTF-8 prose: no NUL or other binary control bytes, valid UTF-8 in
// the first 4 KB, not a markup or data format another loader reads, and
// text made of words (letters or Han characters), not a table of numbers.
int sniffReport(std::string_view, std::string_view bytes)
{
    if (!liaison::documents::documentFormat(bytes).empty()) return 80;
    std::string_view head = bytes.substr(0, 4096);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    std::size_t bad = 0;
    if (head.empty() || !validUtf8(head, bad)) return 0;
    std::size_t letters = 0, nonAscii = 0, separators = 0;
    for (char ch : head) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') return 0;
        if (c >= 0x80) ++nonAscii;
        else if (std::isalpha(c)) ++letters;
        else if (c == ',' || c == ';' || c == '\t' || c == '{' || c == '<' || c == '[') ++separators;
    }
    auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return 0;
    if (char c = head[first]; c == '{' || c == '<' || c == '[') return 0;
    std::size_t words = letters + nonAscii;
    if (words < head.size() / 2 || separators * 8 > head.size()) return 5;
    return nonAscii > head.size() / 4 ? 40 : 25;
}

// Evidence lines of a document's text -> where they are in the document.
void citeDocument(report::Extraction &x, const liaison::documents::DocumentText &document)
{
    auto cite = [&](std::vector<report::Evidence> &evidence) {
        for (auto &e : evidence)
            if (e.line > 0 && static_cast<std::size_t>(e.line) <= document.lines.size()) {
                e.locator = document.locator(static_cast<std::size_t>(e.line) - 1);
                e.line = 0;
            }
    };
    for (auto &e : x.entities) cite(e.evidence);
    for (auto &r : x.relations) cite(r.evidence);
}

void loadReport(std::string_view path, std::string_view bytes, Host &host)
{
    report::Options options = optionsFromEnvironment(path);
    const std::string sourceId = sourceIdOf(path);
    std::optional<liaison::documents::DocumentText> document;
    std::string documentText;
    if (!liaison::documents::documentFormat(bytes).empty()) {
        try {
            document = liaison::documents::documentText(bytes);
        } catch (const liaison::documents::DocumentError &e) {
            throw LoadError({}, e.what());
        }
        documentText = document->joined();
        bytes = documentText;
    }
    std::size_t bad = 0;
    if (validUtf8(bytes, bad)) options.sourceTitle = report::documentTitle(bytes);
    report::Extraction x;
    try {
        x = report::extractReport(bytes, sourceId, options);
    } catch (const report::TextError &e) {
        throw LoadError({static_cast<std::uint32_t>(e.line()), static_cast<std::uint32_t>(e.column()), {}},
                        e.message());
    } catch (const report::ExtractError &e) {
        throw LoadError({}, e.what());
    }
    if (document) citeDocument(x, *document);
    for (const auto &d : x.diagnostics)
        host.note({static_cast<std::uint32_t>(d.line), static_cast<std::uint32_t>(d.column), {}}, d.message);
    for (const auto &s : x.sources)
        if (!host.addSource({s.id, s.title, s.date, s.language, s.path, {}, {}})) return;
    for (const auto &e : uniqueEntities(std::move(x.entities))) {
        EntityData d;
        d.id = e.id;
        d.kind = e.kind;
        d.name = e.name;
        for (const auto &[lang, name] : e.names) d.names.emplace_back(lang, name);
        d.aliases = e.aliases;
        d.attributes = attributeRecords(e.attributes);
        d.evidence = evidenceRecords(e.evidence);
        d.origin = {firstLine(e.evidence), 1, {}};
        if (!host.addEntity(d)) return;
    }
    for (const auto &r : uniqueRelations(std::move(x.relations))) {
        RelationData d{r.kind, r.from, r.to, attributeRecords(r.attributes), evidenceRecords(r.evidence), {firstLine(r.evidence), 1, {}}, {}};
        if (!host.addRelation(d)) return;
    }
}

const char *const kPatterns[] = {"*.txt", "*.md", "*.text", "*.pdf", "*.docx", "*.odt", nullptr};
constexpr liaison_loader kLoader = describe<sniffReport, loadReport>(
    "report", "1.0.0",
    "Reports as text, PDF, Word or OpenDocument (Chinese, English): persons, organisations, events, countries, topics",
    kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_report) { return &kLoader; }
