#include "exchange_columns.hpp"

namespace liaison {

using namespace detail;

namespace {

// GraphML attr.type of a column: JSON text travels as a string.
std::string graphmlType(const std::string &type) { return type == "json" ? "string" : type; }

// Key ids of user attribute columns: "n3" / "e3", or "liaison.json.n3" when
// the values are JSON text (the loader then reads them back as JSON).
std::string columnKey(char domain, std::size_t i, const ExchangeColumn &c)
{
    std::string id = domain + std::to_string(i);
    return c.type == "json" ? std::string(kReservedPrefix) + "json." + id : id;
}

} // namespace

std::string writeGraphml(const GraphStore &store, const View &view, const ExchangeOptions &options)
{
    auto nodeCols = nodeAttributeColumns(store, view);
    auto edgeCols = edgeAttributeColumns(store, view);
    auto langs = nameLanguages(store, view);
    const std::string reserved(kReservedPrefix);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    auto key = [&](const std::string &id, const char *domain, const std::string &name, const std::string &type) {
        out += "  <key id=\"" + xmlEscape(id) + "\" for=\"" + domain + "\" attr.name=\"" + xmlEscape(name) +
               "\" attr.type=\"" + type + "\"/>\n";
    };
    std::string sources = sourcesJson(store), document = documentJson(store);
    if (!sources.empty()) key(reserved + "sources", "graph", "liaison.sources", "string");
    if (!document.empty()) key(reserved + "document", "graph", "liaison.document", "string");
    key(reserved + "kind", "node", "kind", "string");
    key(reserved + "label", "node", "label", "string");
    key(reserved + "aliases", "node", "aliases", "string");
    key(reserved + "evidence", "node", "evidence", "string");
    for (const auto &lang : langs) key(reserved + "name." + lang, "node", "name." + lang, "string");
    for (std::size_t i = 0; i < nodeCols.size(); ++i)
        key(columnKey('n', i, nodeCols[i]), "node", exchangeName(nodeCols[i].name), graphmlType(nodeCols[i].type));
    key(reserved + "relation.kind", "edge", "kind", "string");
    key(reserved + "relation.evidence", "edge", "evidence", "string");
    for (std::size_t i = 0; i < edgeCols.size(); ++i)
        key(columnKey('e', i, edgeCols[i]), "edge", exchangeName(edgeCols[i].name), graphmlType(edgeCols[i].type));
    out += std::string("  <graph id=\"G\" edgedefault=\"") +
           (undirectedExport(store, view, options) ? "undirected" : "directed") + "\">\n";
    // Liaison's own fields are left out when empty; attribute values never
    // are (an empty string is a value).
    auto value = [&](const std::string &k, const std::string &v) {
        out += "      <data key=\"" + xmlEscape(k) + "\">" + xmlEscape(v) + "</data>\n";
    };
    auto data = [&](const std::string &k, const std::string &v) {
        if (!v.empty()) value(k, v);
    };
    data(reserved + "sources", sources);
    data(reserved + "document", document);
    for (EntityIndex ei : view.entities) {
        const Entity &e = store.entity(ei);
        out += "    <node id=\"" + xmlEscape(e.id) + "\">\n";
        data(reserved + "kind", e.kind);
        data(reserved + "label", e.name);
        data(reserved + "aliases", joinAliases(e.aliases));
        data(reserved + "evidence", evidenceJson(e.evidence));
        for (const auto &[lang, name] : e.names) data(reserved + "name." + lang, name);
        for (std::size_t i = 0; i < nodeCols.size(); ++i)
            if (auto it = e.attributes.find(nodeCols[i].name); it != e.attributes.end())
                value(columnKey('n', i, nodeCols[i]), columnText(it->second, nodeCols[i].type));
        out += "    </node>\n";
    }
    for (RelationIndex ri : view.relations) {
        const Relation &r = store.relation(ri);
        out += "    <edge id=\"r" + std::to_string(ri) + "\" source=\"" + xmlEscape(r.from) + "\" target=\"" +
               xmlEscape(r.to) + "\">\n";
        data(reserved + "relation.kind", r.kind);
        data(reserved + "relation.evidence", evidenceJson(r.evidence));
        for (std::size_t i = 0; i < edgeCols.size(); ++i)
            if (auto it = r.attributes.find(edgeCols[i].name); it != r.attributes.end())
                value(columnKey('e', i, edgeCols[i]), columnText(it->second, edgeCols[i].type));
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

} // namespace liaison
