// A small element tree built with expat for the XML loaders (GraphML, GEXF).
// Safe by construction: entity declarations (internal or external) are
// refused, so no entity expansion ("billion laughs") and no external fetch
// can happen; expat itself never opens a network connection or a file.
// Element and attribute names lose their namespace prefix ("viz:color" ->
// "color"); the prefix is kept in `prefix`.
#pragma once

#include "liaison/plugin.hpp"

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace liaison::loaders {

struct XmlElement {
    std::string name;   // local name
    std::string prefix; // namespace prefix as written, may be empty
    std::vector<std::pair<std::string, std::string>> attributes; // local names
    std::vector<std::unique_ptr<XmlElement>> children;
    std::string text; // character data directly inside, concatenated
    std::uint32_t line = 0, column = 0;

    // The attribute's value, or nullptr.
    const std::string *attribute(std::string_view key) const
    {
        for (const auto &[k, v] : attributes)
            if (k == key) return &v;
        return nullptr;
    }
    std::string attributeOr(std::string_view key, std::string fallback = {}) const
    {
        const std::string *v = attribute(key);
        return v ? *v : fallback;
    }
    plugin::Location where() const { return {line, column, {}}; }
    // All text inside, children included.
    std::string allText() const
    {
        std::string out = text;
        for (const auto &c : children) out += c->allText();
        return out;
    }
};

// Elements nested deeper than this are refused (GraphML and GEXF need < 20;
// the tree is destroyed and walked recursively, so depth must stay bounded).
inline constexpr std::size_t kMaxXmlDepth = 1000;

// Parses `bytes`; throws plugin::LoadError at the parser's position for
// malformed XML, an entity declaration or nesting past kMaxXmlDepth.
std::unique_ptr<XmlElement> parseXml(std::string_view bytes);

// The edge endpoints a GraphML or GEXF file names without declaring them.
// Both formats want every node declared; an undeclared one is most often a
// misspelt id, which would otherwise become a phantom entity unnoticed. Each
// is reported once, at its first edge, after the whole file is read (nodes
// may be declared after the edges that name them).
class UndeclaredEndpoints {
public:
    void declared(const std::string &id) { m_declared.insert(id); }

    // Hands over the ends `from` and `to` of an edge at `where` as implicit
    // entities of kind "node" named by their id (networkx, graphology and
    // Gephi accept edges to undeclared nodes; the host drops an implicit
    // entity whose id is declared), and remembers them for warn().
    void edgeEnds(plugin::Host &host, const std::string &from, const std::string &to, const plugin::Location &where)
    {
        for (const std::string *end : {&from, &to}) {
            plugin::EntityData e;
            e.id = *end;
            e.kind = "node";
            e.name = *end;
            e.implicit = true;
            e.origin = where;
            host.addEntity(e);
            if (m_seen.insert(*end).second) m_named.emplace_back(*end, where);
        }
    }
    void warn(plugin::Host &host) const
    {
        constexpr std::size_t kMostWarnings = 20;
        std::size_t warned = 0, more = 0;
        for (const auto &[id, where] : m_named) {
            if (m_declared.count(id)) continue;
            if (warned == kMostWarnings) {
                ++more;
                continue;
            }
            ++warned;
            host.warning(where, "edge names node \"" + id +
                                    "\", which this file does not declare: it is the graph's entity of that id, "
                                    "or else a new entity of kind node (a misspelt id makes a phantom entity)");
        }
        if (more > 0)
            host.warning(m_named.front().second,
                         "and " + std::to_string(more) + " more undeclared nodes named by edges, each a new entity");
    }

private:
    std::set<std::string> m_declared, m_seen;
    std::vector<std::pair<std::string, plugin::Location>> m_named;
};

} // namespace liaison::loaders
