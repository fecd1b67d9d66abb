#include "exchange_columns.hpp"
#include "liaison/exchange_export.hpp"

namespace liaison {

using namespace detail;

std::string writeGexf(const GraphStore &store, const View &view)
{
    auto nodeCols = nodeAttributeColumns(store, view);
    auto edgeCols = edgeAttributeColumns(store, view);
    auto langs = nameLanguages(store, view);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                      "  <meta><creator>Liaison</creator></meta>\n"
                      "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
    auto decl = [&](const std::string &id, const std::string &title, const std::string &type) {
        out += "      <attribute id=\"" + xmlEscape(id) + "\" title=\"" + xmlEscape(title) + "\" type=\"" + type + "\"/>\n";
    };
    out += "    <attributes class=\"node\" mode=\"static\">\n";
    decl("kind", "kind", "string");
    decl("aliases", "aliases", "string");
    decl("evidence", "evidence", "string");
    for (std::size_t i = 0; i < langs.size(); ++i) decl("name" + std::to_string(i), "name." + langs[i], "string");
    for (std::size_t i = 0; i < nodeCols.size(); ++i) decl("n" + std::to_string(i), nodeCols[i].name, nodeCols[i].type);
    out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
    decl("evidence", "evidence", "string");
    for (std::size_t i = 0; i < edgeCols.size(); ++i) decl("e" + std::to_string(i), edgeCols[i].name, edgeCols[i].type);
    out += "    </attributes>\n    <nodes>\n";
    auto value = [&](const std::string &id, const std::string &v) {
        if (!v.empty()) out += "          <attvalue for=\"" + xmlEscape(id) + "\" value=\"" + xmlEscape(v) + "\"/>\n";
    };
    for (EntityIndex ei : view.entities) {
        const Entity &e = store.entity(ei);
        out += "      <node id=\"" + xmlEscape(e.id) + "\" label=\"" + xmlEscape(e.name) + "\">\n        <attvalues>\n";
        value("kind", e.kind);
        value("aliases", joinAliases(e.aliases));
        value("evidence", evidenceJson(e.evidence));
        for (std::size_t i = 0; i < langs.size(); ++i)
            if (auto it = e.names.find(langs[i]); it != e.names.end()) value("name" + std::to_string(i), it->second);
        for (std::size_t i = 0; i < nodeCols.size(); ++i)
            if (auto it = e.attributes.find(nodeCols[i].name); it != e.attributes.end())
                value("n" + std::to_string(i), it->second.text);
        out += "        </attvalues>\n      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (RelationIndex ri : view.relations) {
        const Relation &r = store.relation(ri);
        out += "      <edge id=\"r" + std::to_string(ri) + "\" source=\"" + xmlEscape(r.from) + "\" target=\"" +
               xmlEscape(r.to) + "\" kind=\"" + xmlEscape(r.kind) + "\">\n        <attvalues>\n";
        value("evidence", evidenceJson(r.evidence));
        for (std::size_t i = 0; i < edgeCols.size(); ++i)
            if (auto it = r.attributes.find(edgeCols[i].name); it != r.attributes.end())
                value("e" + std::to_string(i), it->second.text);
        out += "        </attvalues>\n      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

} // namespace liaison
