// CSV loader: a nodes table, an edges table, or an edges table alone that
// creates its nodes. Column names (case-insensitive) of Liaison, Gephi,
// neo4j-admin import and Cytoscape:
//   nodes: Id|id|*:ID, Label|name, kind|type|:LABEL, aliases ('|'-separated;
//          ';' in aliases:string[]), name.<lang> (names per language); a
//          table keyed by `name` without an id column (Cytoscape) takes
//          `name` as the id and `label` as the display name;
//   edges: Source|from|:START_ID, Target|to|:END_ID, kind|relation|
//          interaction|:TYPE (relation kind; without one, an edge Label is the
//          kind), Type (Undirected -> attribute directed=false), Weight -> weight,
//          Id, and every other column attributes.
// Header suffixes give a column's type (year:string, n:long, b:boolean,
// x:json, tags:string[]); untyped values are guessed (numbers, booleans),
// except in a neo4j table (any *:ID / :START_ID header), where untyped means
// string. "attr.<name>" is the attribute <name> whatever <name> is (the
// exporter renames reserved attribute names so).
// A table with two or more named columns and nothing else recognisable is
// an edge list: column 1 -> column 2, the two header names are the kinds of
// the endpoints (woman,event -> kinds "woman" and "event"), further columns
// attributes. Refused, naming the columns found: a Cytoscape attribute table
// (SUID, shared name, shared interaction), and a table of three or more
// columns whose second column holds a number in the first row (a table of
// measures per node, not of node pairs).
#include "../common/entity_fields.hpp"
#include "csv_reader.hpp"

#include <map>

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;

enum class Table { Nodes, Edges, EdgeList };

// A header cell: "attr.year:string" -> name "year", type "string", attribute.
struct Header {
    std::string name;     // as the attribute will be called
    std::string lowered;  // of name, for matching ("" for an explicit attribute)
    std::string type;     // lower-case type suffix, "" = none
    std::string role;     // neo4j role: "id", "label", "start_id", "end_id", "type"
};

bool knownType(const std::string &t)
{
    static const char *const kTypes[] = {"string", "json",  "int",  "integer", "long",    "short",
                                         "byte",   "float", "double", "boolean", "bool",  "char",
                                         "date",   "datetime", "localdatetime", "time", "localtime", "duration"};
    std::string base = t.size() > 2 && t.substr(t.size() - 2) == "[]" ? t.substr(0, t.size() - 2) : t;
    for (const char *k : kTypes)
        if (base == k) return true;
    return false;
}

Header parseHeader(std::string_view cell)
{
    Header h;
    std::string text(trim(cell));
    auto colon = text.rfind(':');
    if (colon != std::string::npos) {
        std::string suffix = lower(text.substr(colon + 1));
        for (const char *role : {"id", "label", "start_id", "end_id", "type", "ignore"})
            if (suffix == role || suffix.rfind(std::string(role) + "(", 0) == 0) {
                h.role = role;
                h.name = text.substr(0, colon);
                return h;
            }
        if (knownType(suffix)) {
            h.type = suffix;
            text.resize(colon);
        }
    }
    if (text.rfind("attr.", 0) == 0) {
        h.name = text.substr(5);
        return h; // an attribute, whatever its name
    }
    h.name = text;
    h.lowered = lower(text);
    return h;
}

struct Columns {
    Table table = Table::Nodes;
    int id = -1, kind = -1, name = -1, aliases = -1, from = -1, to = -1, type = -1, label = -1;
    bool neo4j = false;
    std::map<int, std::string> names; // column -> language
    std::vector<Header> header;
    std::string fromKind = "node", toKind = "node";
};

int find(const Columns &c, std::initializer_list<const char *> names, const char *role = nullptr)
{
    for (std::size_t i = 0; i < c.header.size(); ++i)
        if (role && c.header[i].role == role) return static_cast<int>(i);
    for (const char *n : names)
        for (std::size_t i = 0; i < c.header.size(); ++i)
            if (c.header[i].role.empty() && c.header[i].lowered == n) return static_cast<int>(i);
    return -1;
}

std::string columnList(const CsvRow &headerRow)
{
    std::string out;
    for (const auto &h : headerRow.fields) out += (out.empty() ? "" : ", ") + std::string(trim(h));
    return out;
}

Columns classify(const CsvRow &headerRow, const CsvRow *firstRow)
{
    Columns c;
    for (const auto &h : headerRow.fields) {
        c.header.push_back(parseHeader(h));
        if (c.header.back().role == "id" || c.header.back().role == "start_id") c.neo4j = true;
    }
    c.from = find(c, {"source", "from"}, "start_id");
    c.to = find(c, {"target", "to"}, "end_id");
    if (c.from >= 0 || c.to >= 0) {
        if (c.from < 0 || c.to < 0)
            throw LoadError({headerRow.line, 1, {}}, "an edges table needs both Source and Target (or from and to) columns");
        c.table = Table::Edges;
        c.kind = find(c, {"kind", "relation", "interaction"}, "type");
        c.type = find(c, {"type"});
        if (c.type == c.kind) c.type = -1;
        c.label = find(c, {"label"});
        c.id = find(c, {"id"}); // an edge's own id: not kept (Liaison relations have none)
        return c;
    }
    c.id = find(c, {"id"}, "id");
    bool keyedByName = false;
    if (c.id < 0 && find(c, {"name"}) >= 0 && find(c, {"interaction", "shared interaction"}) < 0) {
        c.id = find(c, {"name"}); // Cytoscape's node table: `name` is the key
        keyedByName = true;
    }
    if (c.id >= 0) {
        c.table = Table::Nodes;
        c.kind = find(c, {"kind", "type"}, "label");
        c.name = keyedByName ? find(c, {"label"}) : find(c, {"name", "label"});
        c.aliases = find(c, {"aliases"});
        for (std::size_t i = 0; i < c.header.size(); ++i)
            for (const char *prefix : {"name.", "names.", "name:"})
                if (c.header[i].lowered.rfind(prefix, 0) == 0 && c.header[i].lowered.size() > std::string_view(prefix).size())
                    c.names[static_cast<int>(i)] = c.header[i].name.substr(std::string_view(prefix).size());
        return c;
    }
    bool named = c.header.size() >= 2 && !c.header[0].lowered.empty() && !c.header[1].lowered.empty();
    bool cytoscape = find(c, {"suid", "shared name", "shared interaction"}) >= 0;
    bool measures = c.header.size() >= 3 && firstRow && firstRow->fields.size() >= 2 &&
                    isJsonNumber(trim(firstRow->fields[1]));
    if (!named || cytoscape || measures)
        throw LoadError({headerRow.line, 1, {}},
                        "not a node or edge table: no id, Source/Target, from/to or :START_ID/:END_ID column "
                        "among the columns found (" + columnList(headerRow) + ")" +
                            (cytoscape ? "; a Cytoscape attribute table has no endpoints: export the network "
                                         "as a source,target,interaction table"
                                       : ""));
    c.table = Table::EdgeList;
    c.from = 0;
    c.to = 1;
    c.fromKind = kindFromName(c.header[0].name);
    c.toKind = kindFromName(c.header[1].name);
    return c;
}

std::vector<std::string> splitList(std::string_view text, char separator)
{
    std::vector<std::string> out;
    while (!text.empty()) {
        auto bar = text.find(separator);
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
           i == c.type || c.names.count(i) || c.header[i].role == "ignore";
}

std::string jsonQuoted(std::string_view s)
{
    std::string out = "\"";
    for (char ch : s) {
        unsigned char u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') out += '\\';
        if (u < 0x20) {
            static const char *hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
            continue;
        }
        out += ch;
    }
    return out + "\"";
}

// A cell as an attribute of the column's type (see the file comment).
Attribute typedCell(const Columns &c, const Header &h, std::string_view value)
{
    const std::string &t = h.type;
    if (t.empty()) return c.neo4j ? Attribute{h.name, std::string(value), LIAISON_VALUE_STRING} : guessedAttribute(h.name, value);
    if (t == "json") return jsonValueAttribute(h.name, value);
    if (t.size() > 2 && t.substr(t.size() - 2) == "[]") {
        bool text = t == "string[]" || t == "char[]";
        std::string json = "[";
        for (const auto &item : splitList(value, ';')) {
            if (json.size() > 1) json += ",";
            json += text || !isJsonNumber(item) ? jsonQuoted(item) : item;
        }
        return {h.name, json + "]", LIAISON_VALUE_RAW_JSON};
    }
    if (t == "boolean" || t == "bool") return typedAttribute(h.name, value, "boolean");
    if (t == "string" || t == "char" || t.find("date") != std::string::npos || t.find("time") != std::string::npos ||
        t == "duration")
        return {h.name, std::string(value), LIAISON_VALUE_STRING};
    return typedAttribute(h.name, value, t);
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
    if (c.aliases >= 0) e.aliases = splitList(field(c.aliases), c.header[c.aliases].type == "string[]" ? ';' : '|');
    for (const auto &[col, lang] : c.names)
        if (std::string n = field(col); !n.empty()) e.names.emplace_back(lang, n);
    for (std::size_t i = 0; i < row.fields.size() && i < c.header.size(); ++i)
        if (!used(c, static_cast<int>(i)) && !row.fields[i].empty())
            e.attributes.push_back(typedCell(c, c.header[i], row.fields[i]));
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
    r.kind = field(c.kind >= 0 ? c.kind : c.label);
    if (c.type >= 0) {
        std::string type = lower(field(c.type));
        if (type == "undirected") r.attributes.push_back({"directed", "false", LIAISON_VALUE_BOOL});
        else if (!type.empty() && type != "directed") r.attributes.push_back({"type", field(c.type), LIAISON_VALUE_STRING});
    }
    for (std::size_t i = 0; i < row.fields.size() && i < c.header.size(); ++i) {
        int col = static_cast<int>(i);
        if (used(c, col) || (col == c.label && c.kind < 0) || row.fields[i].empty()) continue;
        Header h = c.header[i];
        if (h.lowered == "weight") h.name = "weight";
        r.attributes.push_back(typedCell(c, h, row.fields[i]));
    }
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
    CsvRow row;
    bool any = reader.next(row);
    Columns columns = classify(header, any ? &row : nullptr);
    std::uint64_t rows = 0;
    for (; any; any = reader.next(row)) {
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
    "csv", "1.0.0", "CSV node and edge tables (Liaison, Gephi, neo4j-admin, Cytoscape columns)", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_csv) { return &kLoader; }
