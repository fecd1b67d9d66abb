// CSV tables in four dialects (see exchange_export.hpp for the columns).
#include "exchange_columns.hpp"
#include "json/atomic_write.hpp"
#include "liaison/errors.hpp"
#include "liaison/exchange_export.hpp"
#include "liaison/json_io.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace liaison {

using namespace detail;

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it
// starts with = + - @, tab or CR and is not simply a number ("-2" stays a
// number for every client). Such a cell is written as '<cell>, and so is a
// cell already starting with ' before one of those, so the CSV loader can
// take exactly one ' off again (plugins/csv/csv_reader.cpp) and a round trip
// is exact, in every dialect.
static bool formulaStart(std::string_view text)
{
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

static bool needsNeutralising(std::string_view text)
{
    if (!text.empty() && text.front() == '\'') return text.size() > 1 && (formulaStart(text.substr(1)) || text[1] == '\'');
    if (!formulaStart(text)) return false;
    rapidjson::Document number; // a plain number literal is no formula
    number.Parse(std::string(text).c_str());
    return number.HasParseError() || !number.IsNumber();
}

const std::vector<std::string> &csvDialects()
{
    static const std::vector<std::string> kDialects{"liaison", "gephi", "neo4j", "cytoscape"};
    return kDialects;
}

namespace {

enum class Dialect { Liaison, Gephi, Neo4j, Cytoscape };

Dialect parseDialect(const std::string &name)
{
    const auto &all = csvDialects();
    auto it = std::find(all.begin(), all.end(), name);
    if (it == all.end()) {
        std::string list;
        for (const auto &d : all) list += (list.empty() ? "" : ", ") + d;
        throw UserError("unknown CSV dialect '" + name + "' (" + list + ")");
    }
    return static_cast<Dialect>(it - all.begin());
}

std::string csvField(std::string_view text)
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

void row(std::string &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csvField(fields[i]);
    out += "\r\n";
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Column names the CSV loader gives a meaning (case-insensitive), in any
// dialect: an attribute called so would change what the table is.
bool reservedName(std::string_view name)
{
    static const std::set<std::string, std::less<>> kReserved{
        "id", "label", "name", "kind", "type", "aliases", "evidence", "source", "target", "from", "to",
        "relation", "interaction", "weight", "suid", "shared name", "shared interaction"};
    std::string l = lowered(name);
    if (kReserved.count(l)) return true;
    for (std::string_view prefix : {"name.", "names.", "name:", "attr."})
        if (l.rfind(prefix, 0) == 0) return true;
    return false;
}

// True when the CSV loader would read `text` as a number or a boolean (it
// takes JSON literals as such); cautious: " 5" counts too.
bool looksTyped(std::string_view text)
{
    rapidjson::Document d;
    d.Parse(text.data(), text.size());
    return !d.HasParseError() && (d.IsNumber() || d.IsBool());
}


// The header of an attribute column: renamed to "attr.<name>" when the
// name is reserved; a type suffix where the loader's guess would be wrong.
std::string attributeHeader(const ExchangeColumn &c, Dialect dialect, bool stringsLookTyped)
{
    std::string name = reservedName(c.name) ? "attr." + c.name : c.name;
    std::string suffix;
    if (dialect == Dialect::Neo4j) {
        // neo4j-admin knows no JSON type: such a column is its JSON text.
        if (c.type == "long" || c.type == "double" || c.type == "boolean") suffix = c.type;
    } else if (c.type == "json") {
        suffix = "json";
    } else if (c.type == "string" && stringsLookTyped) {
        suffix = "string";
    }
    // A name with a colon always gets a suffix, so the last colon is ours.
    if (suffix.empty() && name.find(':') != std::string::npos)
        suffix = dialect == Dialect::Neo4j && c.type == "json" ? "string" : c.type;
    return suffix.empty() ? name : name + ":" + suffix;
}

template <class Record>
std::vector<std::string> attributeHeaders(const std::vector<ExchangeColumn> &cols, Dialect dialect,
                                          const GraphStore &store, const std::vector<std::uint32_t> &items,
                                          const Record &record)
{
    std::vector<std::string> out;
    for (const auto &c : cols) {
        bool typed = false;
        for (std::uint32_t i : items)
            if (const std::string *v = record(store, i).attribute(c.name); v && looksTyped(*v)) {
                typed = true;
                break;
            }
        out.push_back(attributeHeader(c, dialect, typed));
    }
    return out;
}

void attributeFields(std::vector<std::string> &fields, const std::vector<ExchangeColumn> &cols, const Attributes &attrs)
{
    for (const auto &c : cols) {
        auto it = attrs.find(c.name);
        fields.push_back(it == attrs.end() ? std::string() : columnText(it->second, c.type));
    }
}

bool isNumberColumn(const ExchangeColumn &c) { return c.type == "long" || c.type == "double"; }

std::string neo4jArray(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &a : items) out += (out.empty() ? "" : ";") + a;
    return out;
}

} // namespace

CsvTables writeCsvTables(const GraphStore &store, const View &view, const ExchangeOptions &options)
{
    const Dialect dialect = parseDialect(options.csvDialect);
    CsvTables t;
    if (options.csvBom) t.nodes = t.edges = "\xEF\xBB\xBF";
    auto nodeCols = nodeAttributeColumns(store, view);
    auto edgeCols = edgeAttributeColumns(store, view);
    auto langs = nameLanguages(store, view);
    const bool undirected = undirectedExport(store, view, options);

    // Gephi reads an edge's direction from Type and its weight from Weight:
    // the attributes "directed" (boolean) and "weight" (a number) go there.
    bool typeColumn = dialect == Dialect::Gephi, weightColumn = false;
    if (dialect == Dialect::Gephi)
        std::erase_if(edgeCols, [&](const ExchangeColumn &c) {
            if (c.name == "directed" && c.type == "boolean") return true;
            if (c.name == "weight" && isNumberColumn(c)) return weightColumn = true;
            return false;
        });

    auto entityOf = [](const GraphStore &s, std::uint32_t i) -> const Entity & { return s.entity(i); };
    auto relationOf = [](const GraphStore &s, std::uint32_t i) -> const Relation & { return s.relation(i); };
    std::vector<std::string> header;
    switch (dialect) {
    case Dialect::Neo4j: header = {"id:ID", ":LABEL", "name"}; break;
    case Dialect::Cytoscape: header = {"name", "label", "kind"}; break;
    default: header = {"Id", "Label", "kind"};
    }
    for (const auto &l : langs) header.push_back("name." + l);
    header.push_back(dialect == Dialect::Neo4j ? "aliases:string[]" : "aliases");
    header.push_back("evidence");
    for (auto &h : attributeHeaders(nodeCols, dialect, store, view.entities, entityOf)) header.push_back(h);
    row(t.nodes, header);
    for (EntityIndex ei : view.entities) {
        const Entity &e = store.entity(ei);
        std::vector<std::string> f{e.id, dialect == Dialect::Neo4j ? e.kind : e.name,
                                   dialect == Dialect::Neo4j ? e.name : e.kind};
        for (const auto &l : langs) f.push_back(e.names.count(l) ? e.names.at(l) : std::string());
        f.push_back(dialect == Dialect::Neo4j ? neo4jArray(e.aliases) : joinAliases(e.aliases));
        f.push_back(evidenceJson(e.evidence));
        attributeFields(f, nodeCols, e.attributes);
        row(t.nodes, f);
    }

    switch (dialect) {
    case Dialect::Neo4j: header = {":START_ID", ":END_ID", ":TYPE"}; break;
    case Dialect::Cytoscape: header = {"source", "target", "interaction"}; break;
    case Dialect::Gephi: header = {"Source", "Target", "Label", "Type", "Id"}; break;
    case Dialect::Liaison: header = {"Source", "Target", "kind", "Id"}; break;
    }
    if (weightColumn) header.push_back("Weight");
    header.push_back("evidence");
    for (auto &h : attributeHeaders(edgeCols, dialect, store, view.relations, relationOf)) header.push_back(h);
    row(t.edges, header);
    for (RelationIndex ri : view.relations) {
        const Relation &r = store.relation(ri);
        std::vector<std::string> f{r.from, r.to, r.kind};
        if (typeColumn) {
            const std::string *directed = r.attribute("directed");
            f.push_back(undirected || (directed && *directed == "false") ? "Undirected" : "Directed");
        }
        if (dialect == Dialect::Gephi || dialect == Dialect::Liaison) f.push_back("r" + std::to_string(ri));
        if (weightColumn) {
            const std::string *w = r.attribute("weight");
            f.push_back(w ? *w : std::string());
        }
        f.push_back(evidenceJson(r.evidence));
        attributeFields(f, edgeCols, r.attributes);
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
                                              const std::string &out, const ExchangeOptions &options)
{
    if (format == "graphml") {
        writeFileAtomically(out, writeGraphml(store, view, options));
        return {out};
    }
    if (format == "gexf") {
        writeFileAtomically(out, writeGexf(store, view, options));
        return {out};
    }
    if (format == "csv") {
        CsvTables t = writeCsvTables(store, view, options);
        std::string edges = csvEdgesPath(out);
        // The pair is one export: never a new node table beside an old edge table.
        writeFilesAtomically({{out, std::move(t.nodes)}, {edges, std::move(t.edges)}});
        return {out, edges};
    }
    throw UserError("unknown export format '" + format + "' (graphml, gexf, csv)");
}

} // namespace liaison
