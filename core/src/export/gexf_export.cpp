#include "exchange_columns.hpp"
#include "liaison/layout.hpp"

#include <algorithm>
#include <cstdio>

namespace liaison {

using namespace detail;

namespace {

// GEXF 1.2draft attribute type of a column: JSON text travels as a string.
std::string gexfType(const std::string &type) { return type == "json" ? "string" : type; }

std::string columnId(char domain, std::size_t i, const ExchangeColumn &c)
{
    std::string id = domain + std::to_string(i);
    return c.type == "json" ? std::string(kReservedPrefix) + "json." + id : id;
}

bool isHexColour(const std::string &s)
{
    return s.size() == 7 && s[0] == '#' &&
           std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// The node attributes that Gephi's viz elements hold (as the GEXF loader
// names them), with the column type each needs to be written as viz.
struct VizKey {
    const char *name;
    bool number; // else a "#rrggbb" colour or a shape name
};
constexpr VizKey kVizKeys[] = {{"viz.color", false}, {"viz.alpha", true}, {"viz.size", true}, {"viz.x", true},
                               {"viz.y", true},      {"viz.z", true},     {"viz.shape", false}};

// True when every value of the column fits its viz element, so the column
// travels as viz and not as an attribute.
bool vizColumn(const ExchangeColumn &c)
{
    for (const VizKey &k : kVizKeys)
        if (c.name == k.name) return k.number ? c.type == "long" || c.type == "double" : c.type == "string";
    return false;
}

void vizElements(std::string &out, const Entity &e, const std::vector<std::string> &vizKeys)
{
    auto own = [&](const char *key) -> const std::string * {
        if (std::find(vizKeys.begin(), vizKeys.end(), key) == vizKeys.end()) return nullptr;
        return e.attribute(key);
    };
    std::string colour(styleOfKind(e.kind).fill);
    if (const std::string *c = own("viz.color"); c && isHexColour(*c)) colour = *c;
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(colour.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
    out += "        <viz:color r=\"" + std::to_string(r) + "\" g=\"" + std::to_string(g) + "\" b=\"" +
           std::to_string(b) + "\"";
    if (const std::string *a = own("viz.alpha")) out += " a=\"" + xmlEscape(*a) + "\"";
    out += "/>\n";
    const std::string *size = own("viz.size");
    out += "        <viz:size value=\"" + (size ? xmlEscape(*size) : std::string("10")) + "\"/>\n";
    const std::string *x = own("viz.x"), *y = own("viz.y"), *z = own("viz.z");
    if (x && y) {
        out += "        <viz:position x=\"" + xmlEscape(*x) + "\" y=\"" + xmlEscape(*y) + "\"";
        if (z) out += " z=\"" + xmlEscape(*z) + "\"";
        out += "/>\n";
    }
    if (const std::string *shape = own("viz.shape")) out += "        <viz:shape value=\"" + xmlEscape(*shape) + "\"/>\n";
}

} // namespace

std::string writeGexf(const GraphStore &store, const View &view, const ExchangeOptions &options)
{
    auto nodeCols = nodeAttributeColumns(store, view);
    auto edgeCols = edgeAttributeColumns(store, view);
    auto langs = nameLanguages(store, view);
    std::vector<std::string> vizKeys;
    auto allColours = [&](const std::string &key) {
        for (EntityIndex e : view.entities)
            if (const std::string *v = store.entity(e).attribute(key); v && !isHexColour(*v)) return false;
        return true;
    };
    std::erase_if(nodeCols, [&](const ExchangeColumn &c) {
        if (!vizColumn(c) || (c.name == "viz.color" && !allColours(c.name))) return false;
        vizKeys.push_back(c.name);
        return true;
    });
    const std::string reserved(kReservedPrefix);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
                      "version=\"1.2\">\n"
                      "  <meta><creator>Liaison</creator></meta>\n";
    out += std::string("  <graph defaultedgetype=\"") +
           (undirectedExport(store, view, options) ? "undirected" : "directed") + "\" mode=\"static\">\n";
    auto decl = [&](const std::string &id, const std::string &title, const std::string &type) {
        out += "      <attribute id=\"" + xmlEscape(id) + "\" title=\"" + xmlEscape(title) + "\" type=\"" + type + "\"/>\n";
    };
    out += "    <attributes class=\"node\" mode=\"static\">\n";
    decl(reserved + "kind", "kind", "string");
    decl(reserved + "aliases", "aliases", "string");
    decl(reserved + "evidence", "evidence", "string");
    // Which viz elements of a node are its own attributes (the others are
    // drawn from its kind and come back as nothing).
    if (!vizKeys.empty()) decl(reserved + "viz", "liaison.viz", "string");
    for (const auto &lang : langs) decl(reserved + "name." + lang, "name." + lang, "string");
    for (std::size_t i = 0; i < nodeCols.size(); ++i) decl(columnId('n', i, nodeCols[i]), exchangeName(nodeCols[i].name), gexfType(nodeCols[i].type));
    out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
    decl(reserved + "relation.kind", "kind", "string");
    decl(reserved + "relation.evidence", "evidence", "string");
    for (std::size_t i = 0; i < edgeCols.size(); ++i) decl(columnId('e', i, edgeCols[i]), exchangeName(edgeCols[i].name), gexfType(edgeCols[i].type));
    out += "    </attributes>\n    <nodes>\n";
    auto value = [&](const std::string &id, const std::string &v) {
        out += "          <attvalue for=\"" + xmlEscape(id) + "\" value=\"" + xmlEscape(v) + "\"/>\n";
    };
    auto field = [&](const std::string &id, const std::string &v) {
        if (!v.empty()) value(id, v);
    };
    for (EntityIndex ei : view.entities) {
        const Entity &e = store.entity(ei);
        out += "      <node id=\"" + xmlEscape(e.id) + "\" label=\"" + xmlEscape(e.name) + "\">\n        <attvalues>\n";
        field(reserved + "kind", e.kind);
        field(reserved + "aliases", joinAliases(e.aliases));
        field(reserved + "evidence", evidenceJson(e.evidence));
        std::string own;
        for (const auto &k : vizKeys)
            if (e.attributes.count(k)) own += (own.empty() ? "" : " ") + k;
        field(reserved + "viz", own);
        for (const auto &[lang, name] : e.names) field(reserved + "name." + lang, name);
        for (std::size_t i = 0; i < nodeCols.size(); ++i)
            if (auto it = e.attributes.find(nodeCols[i].name); it != e.attributes.end())
                value(columnId('n', i, nodeCols[i]), columnText(it->second, nodeCols[i].type));
        out += "        </attvalues>\n";
        vizElements(out, e, vizKeys);
        out += "      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (RelationIndex ri : view.relations) {
        const Relation &r = store.relation(ri);
        // The kind is the edge's label (what Gephi shows, networkx reads as
        // "label") and a declared attribute "kind".
        out += "      <edge id=\"r" + std::to_string(ri) + "\" source=\"" + xmlEscape(r.from) + "\" target=\"" +
               xmlEscape(r.to) + "\" label=\"" + xmlEscape(r.kind) + "\">\n        <attvalues>\n";
        field(reserved + "relation.kind", r.kind);
        field(reserved + "relation.evidence", evidenceJson(r.evidence));
        for (std::size_t i = 0; i < edgeCols.size(); ++i)
            if (auto it = r.attributes.find(edgeCols[i].name); it != r.attributes.end())
                value(columnId('e', i, edgeCols[i]), columnText(it->second, edgeCols[i].type));
        out += "        </attvalues>\n      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

} // namespace liaison
