// DOT loader through Graphviz's cgraph (agmemread). cgraph is used as a
// parser only: every string is copied out before agclose.
//   node            -> entity: id = node name, kind = its `kind` attribute
//                      or "node", name = its label (unless "\N"), other
//                      non-empty attributes -> attributes;
//   edge            -> relation: kind = its `kind` attribute (else the
//                      host's default), other attributes -> attributes;
//                      in an undirected graph, attribute directed=false;
//   cluster         -> entity of kind "group" (id "group:<subgraph name>",
//                      name = its label), each node directly in it gets a
//                      `member_of` relation to it, a nested cluster a
//                      `part_of` relation to its parent;
//   other subgraphs -> nothing of their own (their attributes already apply
//                      to their nodes and edges).
// Only the first graph of a file is read. charset=latin1 is converted.
// Liaison's own DOT export (graph attribute liaison=1): nodes carry kind,
// label, name.<lang> and aliases, edges kind; every other attribute is
// Graphviz styling (or evidence_count, which describes evidence that DOT
// does not carry) and is not an attribute; the legend's cluster
// (cluster_liaison_legend) and its node are skipped.
#include "../common/entity_fields.hpp"

#include <graphviz/cgraph.h>
#include <graphviz_messages/graphviz_messages.hpp>

#include <cstring>
#include <set>
#include <string>

// Exported by libcgraph (2.42, 2.43) but declared only in its private cghdr.h.
extern "C" void aglexbad(void);

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;

constexpr const char *kLegendCluster = "cluster_liaison_legend";

// The "line N" that cgraph puts in syntax errors, or 0.
std::uint32_t errorLine(const std::string &message)
{
    auto at = message.find("line ");
    if (at == std::string::npos) return 0;
    return static_cast<std::uint32_t>(std::strtoul(message.c_str() + at + 5, nullptr, 10));
}

std::string oneLine(std::string text)
{
    for (char &c : text)
        if (c == '\n' || c == '\r') c = ' ';
    std::string_view t = trim(text);
    if (t.substr(0, 7) == "Error: ") t.remove_prefix(7);
    if (t.substr(0, 9) == "Warning: ") t.remove_prefix(9);
    return std::string(t);
}

struct GraphGuard {
    Agraph_t *g = nullptr;
    ~GraphGuard()
    {
        if (g) agclose(g);
    }
};

class Converter {
public:
    Converter(Agraph_t *g, Host &host, std::string_view source) : m_g(g), m_host(host), m_source(source)
    {
        const char *charset = agget(g, const_cast<char *>("charset"));
        std::string cs = lower(charset ? charset : "");
        m_latin1 = cs == "latin1" || cs == "latin-1" || cs == "iso-8859-1" || cs == "l1" || cs == "iso_8859-1";
        const char *liaison = agget(g, const_cast<char *>("liaison"));
        m_liaison = liaison && std::string_view(liaison) == "1";
        if (m_liaison) m_legend = agsubg(g, const_cast<char *>(kLegendCluster), 0);
    }

    void run()
    {
        for (Agnode_t *n = agfstnode(m_g); n; n = agnxtnode(m_g, n))
            if (!m_legend || !agidnode(m_legend, AGID(n), 0)) node(n);
        for (Agnode_t *n = agfstnode(m_g); n; n = agnxtnode(m_g, n))
            for (Agedge_t *e = agfstout(m_g, n); e; e = agnxtout(m_g, e)) edge(e);
        clusters(m_g, std::string());
    }

private:
    std::string text(const char *s) const
    {
        if (!s) return {};
        if (!m_latin1) return s;
        std::string out;
        for (const unsigned char *p = reinterpret_cast<const unsigned char *>(s); *p; ++p) {
            if (*p < 0x80) {
                out += static_cast<char>(*p);
            } else {
                out += static_cast<char>(0xC0 | (*p >> 6));
                out += static_cast<char>(0x80 | (*p & 0x3F));
            }
        }
        return out;
    }

    // The attributes of a node or edge; kind, label (nodes) and, for nodes,
    // the names and aliases of entity_fields.hpp go to their fields.
    template <class Object>
    std::vector<Attribute> attributes(Object *obj, int kind, std::string &kindOut, std::string *labelOut,
                                      EntityData *entity)
    {
        std::vector<Attribute> out;
        for (Agsym_t *sym = agnxtattr(m_g, kind, nullptr); sym; sym = agnxtattr(m_g, kind, sym)) {
            std::string value = text(agxget(obj, sym));
            if (value.empty()) continue;
            std::string key = text(sym->name);
            if (key == "kind") {
                kindOut = value;
                continue;
            }
            if (labelOut && key == "label") {
                if (value != "\\N") *labelOut = m_liaison ? literalText(value) : value;
                continue;
            }
            if (entity && key != "name" && key != "label" && applyEntityField(*entity, key, value)) continue;
            if (!m_liaison) out.push_back(guessedAttribute(key, value));
        }
        return out;
    }

    void node(Agnode_t *n)
    {
        EntityData e;
        e.id = text(agnameof(n));
        std::string label;
        e.attributes = attributes(n, AGNODE, e.kind, &label, &e);
        if (e.kind.empty()) e.kind = "node";
        e.name = label.empty() ? e.id : label;
        // cgraph keeps no line numbers for nodes. An id the host will refuse
        // (control characters, invalid UTF-8) is located by its first mention
        // in the text, so the error says where; other records stay unlocated
        // (a search for every node would be quadratic).
        if (refused(e.id)) e.origin = firstMention(e.id);
        m_host.addEntity(e);
    }

    void edge(Agedge_t *e)
    {
        RelationData r;
        r.from = text(agnameof(agtail(e)));
        r.to = text(agnameof(aghead(e)));
        r.attributes = attributes(e, AGEDGE, r.kind, nullptr, nullptr);
        if (!agisdirected(m_g)) r.attributes.push_back({"directed", "false", LIAISON_VALUE_BOOL});
        if (refused(r.from)) r.origin = firstMention(r.from);
        else if (refused(r.to)) r.origin = firstMention(r.to);
        m_host.addRelation(r);
    }

    void clusters(Agraph_t *parent, const std::string &parentId)
    {
        for (Agraph_t *sub = agfstsubg(parent); sub; sub = agnxtsubg(sub)) {
            std::string name = text(agnameof(sub));
            if (sub == m_legend) continue;
            if (name.rfind("cluster", 0) != 0) {
                clusters(sub, parentId); // a plain subgraph may hold clusters
                continue;
            }
            EntityData group;
            group.id = "group:" + name;
            group.kind = "group";
            const char *label = agget(sub, const_cast<char *>("label"));
            group.name = label && *label ? text(label) : name;
            // A cluster name used twice in one graph (b7.gv) is one group.
            if (m_groups.insert(group.id).second) m_host.addEntity(group);
            if (!parentId.empty()) m_host.addRelation({"part_of", group.id, parentId, {}, {}, {}, {}});
            for (Agnode_t *n = agfstnode(sub); n; n = agnxtnode(sub, n))
                if (!inChildCluster(sub, n)) m_host.addRelation({"member_of", text(agnameof(n)), group.id, {}, {}, {}, {}});
            clusters(sub, group.id);
        }
    }

    // True when `n` belongs to a cluster nested in `g` (then it is that
    // cluster's member, not g's directly).
    static bool inChildCluster(Agraph_t *g, Agnode_t *n)
    {
        for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
            bool cluster = std::strncmp(agnameof(sub), "cluster", 7) == 0;
            if (agidnode(sub, AGID(n), 0) && (cluster || inChildCluster(sub, n))) return true;
        }
        return false;
    }

    // The inverse of the exporter's literalLabel (core/src/layout/build_graph):
    // "\\\\" -> "\\", "&amp;" -> "&".
    static std::string literalText(std::string_view label)
    {
        std::string out;
        for (std::size_t i = 0; i < label.size(); ++i) {
            if (label.substr(i, 5) == "&amp;") {
                out += '&';
                i += 4;
                continue;
            }
            if (label[i] == '\\' && i + 1 < label.size() && label[i + 1] == '\\') ++i;
            out += label[i];
        }
        return out;
    }

    // An id the host refuses: a control character or invalid UTF-8.
    static bool refused(std::string_view id)
    {
        for (unsigned char c : id)
            if (c < 0x20 || c == 0x7F) return true;
        return !validUtf8(id);
    }

    Location firstMention(std::string_view id) const
    {
        std::size_t at = m_source.find(id);
        return at == std::string_view::npos ? Location{} : locate(m_source, at);
    }

    Agraph_t *m_g;
    Host &m_host;
    std::string_view m_source;
    bool m_latin1 = false;
    bool m_liaison = false;          // graph attribute liaison=1: Liaison's own export
    Agraph_t *m_legend = nullptr;    // its legend cluster, skipped
    std::set<std::string> m_groups;
};

int sniffDot(std::string_view, std::string_view bytes)
{
    std::string head = lower(bytes.substr(0, 1024));
    for (const char *kw : {"digraph", "graph", "strict"}) {
        auto at = head.find(kw);
        if (at != std::string::npos && head.find('{', at) != std::string::npos) return at < 64 ? 60 : 30;
    }
    return 0;
}

void loadDot(std::string_view, std::string_view bytes, Host &host)
{
    std::string text(bytes); // agmemread needs a NUL-terminated copy
    if (std::memchr(text.data(), '\0', text.size()))
        throw LoadError(locate(bytes, text.find('\0')), "NUL byte in a DOT file");
    std::string messages;
    GraphGuard graph;
    {
        // cgraph reports through a process-wide callback; the host calls
        // loaders one at a time.
        graphviz_messages::Scope collecting;
        graph.g = agmemread(text.c_str());
        // cgraph's lexer keeps its buffer after a parse: after an aborted one
        // ("memory exhausted" on deep nesting or long edge chains) the next,
        // valid, file failed with "syntax error in line 1", and after a good
        // one the next error's line was one too far. Flushing it each time
        // fixes both.
        aglexbad();
        messages = graphviz_messages::take();
    }
    if (!graph.g) {
        if (messages.empty()) messages = bytes.find_first_not_of(" \t\r\n") == std::string_view::npos
                                             ? "empty file: no graph"
                                             : "not a DOT graph";
        throw LoadError({std::max<std::uint32_t>(errorLine(messages), 1), 0, {}}, oneLine(messages));
    }
    if (!messages.empty()) {
        if (messages.find("rror") != std::string::npos)
            throw LoadError({errorLine(messages), 0, {}}, oneLine(messages));
        host.warning({errorLine(messages), 0, {}}, oneLine(messages));
    }
    Converter(graph.g, host, bytes).run();
}

const char *const kPatterns[] = {"*.dot", "*.gv", nullptr};
constexpr liaison_loader kLoader =
    describe<sniffDot, loadDot>("dot", "1.0.0", "Graphviz DOT (through cgraph)", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_dot) { return &kLoader; }
