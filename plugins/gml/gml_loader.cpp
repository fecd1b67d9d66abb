// GML loader (igraph, networkx, Gephi, yEd, OGDF). A GML file is nested
// `key value` lists; `graph [ node [ id .. label .. ] edge [ source .. target .. ] ]`.
//   node id -> entity id (as written), label -> name, the well-known keys of
//   entity_fields.hpp (kind, name, aliases, name.<lang>) -> fields; other
//   scalar keys -> typed attributes; nested lists (graphics [...]) ->
//   attributes "graphics.x" ...;
//   edge source/target -> from/to, `kind` -> relation kind, others ->
//   attributes; `directed 0` (the default) -> directed=false on every edge.
// Text that is not UTF-8 is read as ISO-8859-1 (GML's own charset); \" in a
// string is accepted as a quote (OGDF writes it).
#include "../common/entity_fields.hpp"

#include <memory>

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;

struct GmlValue;
using GmlList = std::vector<std::pair<std::string, std::unique_ptr<GmlValue>>>;

struct GmlValue {
    enum class Type { Number, String, List } type = Type::String;
    std::string text;
    GmlList list;
    Location where;
};

class GmlParser {
public:
    explicit GmlParser(std::string_view text) : m_text(text) {}

    GmlList parseDocument()
    {
        GmlList top = parseList(false);
        return top;
    }

private:
    Location here() const
    {
        return {m_line, static_cast<std::uint32_t>(m_pos - m_lineStart + 1), {}};
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (c == '\n') {
                ++m_line;
                m_lineStart = ++m_pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '#') { // comment to end of line
                while (m_pos < m_text.size() && m_text[m_pos] != '\n') ++m_pos;
            } else {
                break;
            }
        }
    }

    GmlList parseList(bool nested)
    {
        GmlList out;
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size()) {
                if (nested) throw LoadError(here(), "unexpected end of file: missing ']'");
                return out;
            }
            if (m_text[m_pos] == ']') {
                if (!nested) throw LoadError(here(), "unbalanced ']'");
                ++m_pos;
                return out;
            }
            Location keyAt = here();
            std::size_t start = m_pos;
            while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'))
                ++m_pos;
            if (m_pos == start)
                throw LoadError(keyAt, std::string("expected a key, found '") + m_text[m_pos] + "'");
            std::string key(m_text.substr(start, m_pos - start));
            skipSpace();
            if (m_pos >= m_text.size()) throw LoadError(here(), "key \"" + key + "\" has no value");
            auto value = std::make_unique<GmlValue>();
            value->where = here();
            char c = m_text[m_pos];
            if (c == '[') {
                ++m_pos;
                value->type = GmlValue::Type::List;
                // parseList recurses and the tree is freed recursively: bound the depth.
                if (m_depth >= kMaxDepth)
                    throw LoadError(value->where, "lists nested deeper than " + std::to_string(kMaxDepth) + " levels");
                ++m_depth;
                value->list = parseList(true);
                --m_depth;
            } else if (c == '"') {
                value->type = GmlValue::Type::String;
                value->text = parseString();
            } else {
                std::size_t s = m_pos;
                while (m_pos < m_text.size() && !std::isspace(static_cast<unsigned char>(m_text[m_pos])) &&
                       m_text[m_pos] != ']' && m_text[m_pos] != '[')
                    ++m_pos;
                value->text = std::string(m_text.substr(s, m_pos - s));
                std::string_view t = value->text;
                bool numeric = !t.empty() && (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '-' ||
                                              t[0] == '+' || t[0] == '.');
                bool word = !t.empty();
                for (char ch : t) word = word && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
                if (!numeric && !word)
                    throw LoadError(value->where, "value of \"" + key + "\" is neither a number, a \"string\" nor a [list]");
                // Gephi and yEd accept bare words ("id A") as strings.
                value->type = numeric ? GmlValue::Type::Number : GmlValue::Type::String;
            }
            out.emplace_back(std::move(key), std::move(value));
        }
    }

    std::string parseString()
    {
        Location start = here();
        ++m_pos;
        std::string out;
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos++];
            if (c == '\\' && m_pos < m_text.size() && m_text[m_pos] == '"') {
                out += '"';
                ++m_pos;
                continue;
            }
            if (c == '"') return out;
            if (c == '\n') {
                ++m_line;
                m_lineStart = m_pos;
            }
            out += c;
        }
        throw LoadError(start, "unterminated string");
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::size_t m_lineStart = 0;
    static constexpr std::size_t kMaxDepth = 1000; // real GML nests < 10
    std::size_t m_depth = 0;
};

std::string latin1ToUtf8(std::string_view s)
{
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

Attribute scalar(std::string key, const GmlValue &v)
{
    if (v.type == GmlValue::Type::Number && isJsonNumber(v.text)) return {std::move(key), v.text, LIAISON_VALUE_NUMBER};
    return {std::move(key), v.text, LIAISON_VALUE_STRING};
}

void flatten(const std::string &prefix, const GmlList &list, std::vector<Attribute> &out)
{
    for (const auto &[k, v] : list) {
        if (v->type == GmlValue::Type::List) flatten(prefix + k + ".", v->list, out);
        else out.push_back(scalar(prefix + k, *v));
    }
}

const GmlValue *find(const GmlList &list, std::string_view key)
{
    for (const auto &[k, v] : list)
        if (k == key) return v.get();
    return nullptr;
}

void node(const GmlValue &n, Host &host)
{
    const GmlValue *id = find(n.list, "id");
    if (!id || id->type == GmlValue::Type::List) throw LoadError(n.where, "node without an id");
    EntityData e;
    e.id = id->text;
    e.origin = n.where;
    for (const auto &[k, v] : n.list) {
        if (k == "id") continue;
        if (v->type == GmlValue::Type::List) {
            flatten(k + ".", v->list, e.attributes);
            continue;
        }
        if (!applyEntityField(e, k, v->text)) e.attributes.push_back(scalar(k, *v));
    }
    if (e.kind.empty()) e.kind = "node";
    if (e.name.empty()) e.name = e.id;
    host.addEntity(e);
}

void edge(const GmlValue &x, bool directed, Host &host)
{
    const GmlValue *source = find(x.list, "source");
    const GmlValue *target = find(x.list, "target");
    if (!source || !target) throw LoadError(x.where, "edge without a source and a target");
    RelationData r;
    r.from = source->text;
    r.to = target->text;
    r.origin = x.where;
    for (const auto &[k, v] : x.list) {
        if (k == "source" || k == "target") continue;
        if (v->type == GmlValue::Type::List) {
            flatten(k + ".", v->list, r.attributes);
            continue;
        }
        if (!applyRelationField(r, k, v->text)) r.attributes.push_back(scalar(k, *v));
    }
    if (!directed) r.attributes.push_back({"directed", "false", LIAISON_VALUE_BOOL});
    host.addRelation(r);
}

int sniffGml(std::string_view, std::string_view bytes)
{
    std::string head = lower(bytes.substr(0, 2048));
    auto at = head.find("graph");
    if (at == std::string::npos) return 0;
    auto bracket = head.find_first_not_of(" \t\r\n", at + 5);
    return bracket != std::string::npos && head[bracket] == '[' ? 70 : 0;
}

void loadGml(std::string_view, std::string_view bytes, Host &host)
{
    std::string converted;
    std::string_view text = stripBom(bytes);
    if (!validUtf8(text)) {
        converted = latin1ToUtf8(text);
        text = converted;
    }
    GmlList top = GmlParser(text).parseDocument();
    const GmlValue *graph = find(top, "graph");
    if (!graph || graph->type != GmlValue::Type::List) throw LoadError({1, 1, {}}, "no graph [ ... ] in this GML file");
    const GmlValue *directed = find(graph->list, "directed");
    bool isDirected = directed && directed->text != "0";
    for (const auto &[k, v] : graph->list) {
        if (k == "node" && v->type == GmlValue::Type::List) node(*v, host);
        else if (k == "edge" && v->type == GmlValue::Type::List) edge(*v, isDirected, host);
    }
}

const char *const kPatterns[] = {"*.gml", nullptr};
constexpr liaison_loader kLoader = describe<sniffGml, loadGml>("gml", "1.0.0", "GML (igraph, networkx, Gephi, yEd)", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_gml) { return &kLoader; }
