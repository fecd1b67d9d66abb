#include "exchange_columns.hpp"
#include "liaison/errors.hpp"
#include "liaison/exchange_export.hpp"
#include "liaison/json_io.hpp"

namespace liaison {

using namespace detail;

static std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
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
        std::string stem = out.size() > 4 && out.substr(out.size() - 4) == ".csv" ? out.substr(0, out.size() - 4) : out;
        std::string edges = stem + ".edges.csv";
        writeFileAtomically(out, t.nodes);
        writeFileAtomically(edges, t.edges);
        return {out, edges};
    }
    throw UserError("unknown export format '" + format + "' (graphml, gexf, csv)");
}

} // namespace liaison
