#include "exchange_columns.hpp"
#include "liaison/errors.hpp"
#include "liaison/exchange_export.hpp"
#include "liaison/json_io.hpp"

namespace liaison {

using namespace detail;

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"):
// it starts with = + - @, tab or CR. Such a cell is written as '<cell>, and
// so is a cell already starting with ', so the CSV loader can take exactly
// one ' off again (plugins/csv/csv_reader.cpp) and a round trip is exact.
static bool needsNeutralising(std::string_view text)
{
    return !text.empty() && std::string_view("=+-@\t\r'").find(text.front()) != std::string_view::npos &&
           (text.front() != '\'' || (text.size() > 1 && std::string_view("=+-@\t\r'").find(text[1]) != std::string_view::npos));
}

static std::string csvField(std::string_view text)
{
    bool neutralise = needsNeutralising(text);
    if (!neutralise && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = neutralise ? "\"'" : "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

static void row(std::string &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csvField(fields[i]);
    out += "\r\n";
}

CsvTables writeCsvTables(const GraphStore &store, const View &view)
{
    CsvTables t;
    auto nodeCols = nodeAttributeColumns(store, view);
    auto edgeCols = edgeAttributeColumns(store, view);
    auto langs = nameLanguages(store, view);
    std::vector<std::string> header{"Id", "Label", "kind"};
    for (const auto &l : langs) header.push_back("name." + l);
    header.insert(header.end(), {"aliases", "evidence"});
    for (const auto &c : nodeCols) header.push_back(c.name);
    row(t.nodes, header);
    for (EntityIndex ei : view.entities) {
        const Entity &e = store.entity(ei);
        std::vector<std::string> f{e.id, e.name, e.kind};
        for (const auto &l : langs) f.push_back(e.names.count(l) ? e.names.at(l) : std::string());
        f.push_back(joinAliases(e.aliases));
        f.push_back(evidenceJson(e.evidence));
        for (const auto &c : nodeCols) f.push_back(e.attributes.count(c.name) ? e.attributes.find(c.name)->second.text : "");
        row(t.nodes, f);
    }
    header = {"Source", "Target", "kind", "Id", "evidence"};
    for (const auto &c : edgeCols) header.push_back(c.name);
    row(t.edges, header);
    for (RelationIndex ri : view.relations) {
        const Relation &r = store.relation(ri);
        std::vector<std::string> f{r.from, r.to, r.kind, "r" + std::to_string(ri), evidenceJson(r.evidence)};
        for (const auto &c : edgeCols) f.push_back(r.attributes.count(c.name) ? r.attributes.find(c.name)->second.text : "");
        row(t.edges, f);
    }
    return t;
}

std::string csvEdgesPath(const std::string &nodesPath)
{
    bool csv = nodesPath.size() > 4 && nodesPath.substr(nodesPath.size() - 4) == ".csv";
    return (csv ? nodesPath.substr(0, nodesPath.size() - 4) : nodesPath) + ".edges.csv";
}

std::vector<std::string> exportExchangeFormat(const GraphStore &store, const View &view, const std::string &format,
                                              const std::string &out)
{
    if (format == "graphml") {
        writeFileAtomically(out, writeGraphml(store, view));
        return {out};
    }
    if (format == "gexf") {
        writeFileAtomically(out, writeGexf(store, view));
        return {out};
    }
    if (format == "csv") {
        if (out == "-") throw UserError("csv export writes two files; give a file name, not '-'");
        CsvTables t = writeCsvTables(store, view);
        std::string edges = csvEdgesPath(out);
        writeFileAtomically(out, t.nodes);
        writeFileAtomically(edges, t.edges);
        return {out, edges};
    }
    throw UserError("unknown export format '" + format + "' (graphml, gexf, csv)");
}

} // namespace liaison
