#include "exchange_columns.hpp"
#include "liaison/exchange_export.hpp"

namespace liaison {

using namespace detail;

std::string writeGraphml(const GraphStore &store, const View &view)
{
    auto nodeCols = nodeAttributeColumns(store, view);
    auto edgeCols = edgeAttributeColumns(store, view);
    auto langs = nameLanguages(store, view);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    auto key = [&](const std::string &id, const char *domain, const std::string &name, const std::string &type) {
        out += "  <key id=\"" + xmlEscape(id) + "\" for=\"" + domain + "\" attr.name=\"" + xmlEscape(name) +
               "\" attr.type=\"" + type + "\"/>\n";
    };
    key("n_kind", "node", "kind", "string");
    key("n_label", "node", "label", "string");
    key("n_aliases", "node", "aliases", "string");
    key("n_evidence", "node", "evidence", "string");
    for (std::size_t i = 0; i < langs.size(); ++i) key("n_name" + std::to_string(i), "node", "name." + langs[i], "string");
    for (std::size_t i = 0; i < nodeCols.size(); ++i) key("n" + std::to_string(i), "node", nodeCols[i].name, nodeCols[i].type);
    key("e_kind", "edge", "kind", "string");
    key("e_evidence", "edge", "evidence", "string");
    for (std::size_t i = 0; i < edgeCols.size(); ++i) key("e" + std::to_string(i), "edge", edgeCols[i].name, edgeCols[i].type);
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    auto data = [&](const std::string &k, const std::string &v) {
        if (!v.empty()) out += "      <data key=\"" + xmlEscape(k) + "\">" + xmlEscape(v) + "</data>\n";
    };
    for (EntityIndex ei : view.entities) {
        const Entity &e = store.entity(ei);
        out += "    <node id=\"" + xmlEscape(e.id) + "\">\n";
        data("n_kind", e.kind);
        data("n_label", e.name);
        data("n_aliases", joinAliases(e.aliases));
        data("n_evidence", evidenceJson(e.evidence));
        for (std::size_t i = 0; i < langs.size(); ++i)
            if (auto it = e.names.find(langs[i]); it != e.names.end()) data("n_name" + std::to_string(i), it->second);
        for (std::size_t i = 0; i < nodeCols.size(); ++i)
            if (auto it = e.attributes.find(nodeCols[i].name); it != e.attributes.end())
                data("n" + std::to_string(i), it->second.text);
        out += "    </node>\n";
    }
    for (RelationIndex ri : view.relations) {
        const Relation &r = store.relation(ri);
        out += "    <edge id=\"r" + std::to_string(ri) + "\" source=\"" + xmlEscape(r.from) + "\" target=\"" +
               xmlEscape(r.to) + "\">\n";
        data("e_kind", r.kind);
        data("e_evidence", evidenceJson(r.evidence));
        for (std::size_t i = 0; i < edgeCols.size(); ++i)
            if (auto it = r.attributes.find(edgeCols[i].name); it != r.attributes.end())
                data("e" + std::to_string(i), it->second.text);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

} // namespace liaison
