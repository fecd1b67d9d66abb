// CSV loader: a nodes table, an edges table, or an edges table alone that
// creates its nodes. Column names (case-insensitive) of Gephi and of Liaison:
//   nodes: Id|id, Label|name, kind|type, aliases ('|'-separated),
//          name.<lang> (names per language); every other column an attribute;
//   edges: Source|from, Target|to, kind|relation (relation kind),
//          Type (Directed/Undirected -> attribute "directed"), Weight, Id, Label
//          and every other column attributes.
// A table with neither id nor source/target/from/to columns and at least two
// columns is an edge list: column 1 -> column 2, and the two header names are
// the kinds of the endpoints (woman,event -> kinds "woman" and "event").
#include "../common/loader_text.hpp"
#include "csv_reader.hpp"

#include <map>

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;

enum class Table { Nodes, Edges, EdgeList };

struct Columns {
    Table table = Table::Nodes;
    int id = -1, kind = -1, name = -1, aliases = -1, from = -1, to = -1, type = -1;
    std::map<int, std::string> names; // column -> language
    std::vector<std::string> header;
    std::string fromKind = "node", toKind = "node";
};

int find(const std::vector<std::string> &lowered, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        for (std::size_t i = 0; i < lowered.size(); ++i)
            if (lowered[i] == n) return static_cast<int>(i);
    return -1;
}

Columns classify(const CsvRow &headerRow)
{
    Columns c;
    std::vector<std::string> lowered;
    for (const auto &h : headerRow.fields) {
        c.header.emplace_back(trim(h));
        lowered.push_back(lower(trim(h)));
    }
    c.from = find(lowered, {"source", "from"});
    c.to = find(lowered, {"target", "to"});
    c.id = find(lowered, {"id"});
    if (c.from >= 0 || c.to >= 0) {
        if (c.from < 0 || c.to < 0)
            throw LoadError({headerRow.line, 1, {}}, "an edges table needs both Source and Target (or from and to) columns");
        c.table = Table::Edges;
        c.kind = find(lowered, {"kind", "relation"});
        c.type = find(lowered, {"type"});
        c.id = find(lowered, {"id"}); // an edge's own id: not kept (Liaison relations have none)
        return c;
    }
    if (c.id >= 0) {
        c.table = Table::Nodes;
        c.kind = find(lowered, {"kind", "type"});
        c.name = find(lowered, {"name", "label"});
        c.aliases = find(lowered, {"aliases"});
        for (std::size_t i = 0; i < lowered.size(); ++i)
            for (const char *prefix : {"name.", "names.", "name:"})
                if (lowered[i].rfind(prefix, 0) == 0 && lowered[i].size() > std::string_view(prefix).size())
                    c.names[static_cast<int>(i)] = c.header[i].substr(std::string_view(prefix).size());
        return c;
    }
    if (lowered.size() < 2 || lowered[0].empty() || lowered[1].empty())
        throw LoadError({headerRow.line, 1, {}},
                        "cannot tell what this table holds: give an id column (nodes), Source and Target or "
                        "from and to columns (edges), or two named columns (an edge list)");
    c.table = Table::EdgeList;
    c.from = 0;
    c.to = 1;
    c.fromKind = kindFromName(c.header[0]);
    c.toKind = kindFromName(c.header[1]);
    return c;
}

std::vector<std::string> splitAliases(std::string_view text)
{
    std::vector<std::string> out;
    while (!text.empty()) {
        auto bar = text.find('|');
        std::string_view part = trim(text.substr(0, bar));
        if (!part.empty()) out.emplace_back(part);
        if (bar == std::string_view::npos) break;
        text.remove_prefix(bar + 1);
    }
    return out;
}

bool used(const Columns &c, int i)
{
    return i == c.id || i == c.kind || i == c.name || i == c.aliases || i == c.from || i == c.to ||
           i == c.type || c.names.count(i);
}

void addNode(const Columns &c, const CsvRow &row, Host &host)
{
    Location where{row.line, 1, {}};
    auto field = [&](int i) { return i >= 0 && i < static_cast<int>(row.fields.size()) ? std::string(trim(row.fields[i])) : std::string(); };
    EntityData e;
    e.origin = where;
    e.id = field(c.id);
    if (e.id.empty()) throw LoadError(where, "empty id");
    e.kind = field(c.kind);
    if (e.kind.empty() && e.id.find(':') == std::string::npos) e.kind = "node";
    e.name = field(c.name);
    if (c.aliases >= 0) e.aliases = splitAliases(field(c.aliases));
    for (const auto &[col, lang] : c.names)
        if (std::string n = field(col); !n.empty()) e.names.emplace_back(lang, n);
    for (std::size_t i = 0; i < row.fields.size() && i < c.header.size(); ++i)
        if (!used(c, static_cast<int>(i)) && !row.fields[i].empty())
            e.attributes.push_back(guessedAttribute(c.header[i], row.fields[i]));
    host.addEntity(e);
}

void addEdge(const Columns &c, const CsvRow &row, Host &host)
{
    Location where{row.line, 1, {}};
    auto field = [&](int i) { return i >= 0 && i < static_cast<int>(row.fields.size()) ? std::string(trim(row.fields[i])) : std::string(); };
    RelationData r;
    r.origin = where;
    r.from = field(c.from);
    r.to = field(c.to);
    if (r.from.empty() || r.to.empty()) throw LoadError(where, "an edge needs both endpoints");
    r.kind = field(c.kind);
    if (c.type >= 0) {
        std::string type = lower(field(c.type));
        if (type == "undirected") r.attributes.push_back({"directed", "false", LIAISON_VALUE_BOOL});
        else if (type == "directed") r.attributes.push_back({"directed", "true", LIAISON_VALUE_BOOL});
        else if (!type.empty()) r.attributes.push_back({"type", field(c.type), LIAISON_VALUE_STRING});
    }
    for (std::size_t i = 0; i < row.fields.size() && i < c.header.size(); ++i)
        if (!used(c, static_cast<int>(i)) && !row.fields[i].empty())
            r.attributes.push_back(guessedAttribute(lower(c.header[i]) == "weight" ? "weight" : c.header[i], row.fields[i]));
    // Endpoints without a row of their own in a nodes table (of this import)
    // still exist: an edge list creates its nodes.
    for (auto [id, kind] : {std::pair{r.from, c.fromKind}, std::pair{r.to, c.toKind}}) {
        EntityData e;
        e.id = id;
        e.kind = id.find(':') == std::string::npos || c.table == Table::EdgeList ? kind : std::string();
        e.name = id;
        e.implicit = true;
        e.origin = where;
        host.addEntity(e);
    }
    host.addRelation(r);
}

int sniffCsv(std::string_view, std::string_view bytes)
{
    std::string_view head = stripBom(bytes.substr(0, 2048));
    auto nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (line.empty() || line.front() == '{' || line.front() == '<' || line.front() == '[') return 0;
    for (char d : {',', ';', '\t'})
        if (line.find(d) != std::string_view::npos) return 20;
    return 0;
}

void loadCsv(std::string_view, std::string_view bytes, Host &host)
{
    std::string_view text = stripBom(bytes);
    CsvReader reader(text, guessDelimiter(text));
    CsvRow header;
    if (!reader.next(header)) throw LoadError({1, 1, {}}, "empty file: a CSV table needs a header row");
    Columns columns = classify(header);
    CsvRow row;
    std::uint64_t rows = 0;
    while (reader.next(row)) {
        if (row.fields.size() > columns.header.size())
            throw LoadError({row.line, 1, {}}, "row has " + std::to_string(row.fields.size()) +
                                                   " fields, the header has " + std::to_string(columns.header.size()));
        bool blank = true;
        for (const auto &f : row.fields) blank = blank && trim(f).empty();
        if (blank) continue;
        if (columns.table == Table::Nodes) addNode(columns, row, host);
        else addEdge(columns, row, host);
        if (++rows % 4096 == 0) {
            host.progress(rows, 0);
            if (host.cancelled()) return;
        }
    }
}

const char *const kPatterns[] = {"*.csv", "*.tsv", nullptr};
constexpr liaison_loader kLoader = describe<sniffCsv, loadCsv>(
    "csv", "1.0.0", "CSV node and edge tables (Gephi and Liaison column names)", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_csv) { return &kLoader; }
