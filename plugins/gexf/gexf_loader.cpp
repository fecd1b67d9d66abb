// GEXF loader (Gephi; GEXF 1.1, 1.2 and 1.3). Mapping:
//   node id/label -> id/name; edge source/target -> from/to; edge `kind`
//   (GEXF 1.3) or a `kind` attribute -> relation kind; label -> attribute
//   "label"; weight -> attribute "weight"; type / defaultedgetype undirected
//   -> directed=false;
//   <attributes> typed by their declared type; titles of entity_fields.hpp
//   (kind, label, aliases, name.<lang>) fill the entity's fields; others are
//   attributes named by their title;
//   viz:color -> "viz.color" (#rrggbb), viz:position -> "viz.x/y/z",
//   viz:size -> "viz.size", viz:shape -> "viz.shape", viz:thickness -> "viz.thickness";
//   start/end (attributes or one spell) -> "start"/"end", several spells ->
//   "spells" (a JSON array of [start, end]); dynamic attvalues keep their
//   first value and list all in "<title>.spells";
//   hierarchy (nested <nodes>, pid, <parents>) -> `part_of` child -> parent.
// Liaison's own GEXF (attribute ids "liaison.*", see entity_fields.hpp): the
// reserved ids fill kind, names, aliases and evidence, every other attribute
// is a plain one whatever its title; the edge label is the kind (not an
// attribute); viz elements become viz.* attributes only where the node's
// "liaison.viz" lists them (the others were drawn from the kind).
#include "../common/entity_fields.hpp"
#include "../common/xml_tree.hpp"

#include <cstdio>
#include <map>

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;

struct AttrDecl {
    std::string title, type;
    bool hasDefault = false;
    std::string defaultValue;
};

const XmlElement *child(const XmlElement &e, std::string_view name)
{
    for (const auto &c : e.children)
        if (c->name == name) return c.get();
    return nullptr;
}

std::string jsonString(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
            continue;
        }
        out += c;
    }
    return out + "\"";
}

class GexfReader {
public:
    GexfReader(const XmlElement &root, Host &host) : m_root(root), m_host(host) {}

    void run()
    {
        if (m_root.name != "gexf") throw LoadError(m_root.where(), "not a GEXF document (root element <" + m_root.name + ">)");
        const XmlElement *graph = child(m_root, "graph");
        if (!graph) throw LoadError(m_root.where(), "no <graph> element in this GEXF document");
        m_undirected = graph->attributeOr("defaultedgetype", "directed") == "undirected";
        for (const auto &c : graph->children)
            if (c->name == "attributes") declarations(*c);
        for (const auto &c : graph->children)
            if (c->name == "nodes") nodes(*c, std::string());
        for (const auto &c : graph->children)
            if (c->name == "edges") edges(*c);
        m_endpoints.warn(m_host);
    }

private:
    void declarations(const XmlElement &block)
    {
        auto &table = block.attributeOr("class", "node") == "edge" ? m_edgeAttrs : m_nodeAttrs;
        for (const auto &a : block.children) {
            if (a->name != "attribute") continue;
            const std::string *id = a->attribute("id");
            if (!id) throw LoadError(a->where(), "<attribute> without an id");
            AttrDecl d;
            if (isReservedId(*id)) m_liaison = true;
            d.title = a->attributeOr("title", *id);
            d.type = a->attributeOr("type", "string");
            if (const XmlElement *def = child(*a, "default")) {
                d.hasDefault = true;
                d.defaultValue = def->allText();
            }
            table[*id] = std::move(d);
        }
    }

    // attvalues, viz and spells of a node or edge, as attributes; the well
    // known ones go through `special` first.
    template <class Special>
    void common(const XmlElement &x, const std::map<std::string, AttrDecl> &decls, std::vector<Attribute> &out,
                Special special)
    {
        std::map<std::string, bool> seen;
        std::map<std::string, std::string> spellsOf; // title -> JSON array of [value, start, end]
        if (const XmlElement *values = child(x, "attvalues")) {
            for (const auto &v : values->children) {
                if (v->name != "attvalue") continue;
                std::string id = v->attributeOr("for", v->attributeOr("id"));
                const std::string *value = v->attribute("value");
                if (!value) throw LoadError(v->where(), "<attvalue> without a value");
                auto it = decls.find(id);
                if (it == decls.end() && !m_warned.count(id)) {
                    m_warned[id] = true;
                    m_host.warning(v->where(), "attribute \"" + id + "\" is not declared; kept as a string");
                }
                std::string title = it == decls.end() ? id : it->second.title;
                if (m_liaison && (!isReservedId(id) || id.rfind("liaison.json.", 0) == 0)) title = userAttributeName(title);
                std::string type = it == decls.end() ? "string" : it->second.type;
                std::string start = v->attributeOr("start", v->attributeOr("startopen"));
                std::string end = v->attributeOr("end", v->attributeOr("endopen"));
                if (!start.empty() || !end.empty()) {
                    std::string &list = spellsOf[title];
                    list += (list.empty() ? "[" : ",") + std::string("[") + jsonString(*value) + "," +
                            jsonString(start) + "," + jsonString(end) + "]";
                }
                if (seen[id]) continue; // a dynamic attribute: the first value stands
                seen[id] = true;
                if (!special(id, title, *value)) out.push_back(typedAttribute(title, *value, type));
            }
        }
        for (auto &[title, list] : spellsOf) out.push_back({title + ".spells", list + "]", LIAISON_VALUE_RAW_JSON});
        for (const auto &[id, d] : decls)
            if (d.hasDefault && !seen[id] && !special(id, d.title, d.defaultValue))
                out.push_back(typedAttribute(m_liaison ? userAttributeName(d.title) : d.title, d.defaultValue, d.type));
        std::vector<Attribute> visual;
        viz(x, visual);
        for (auto &a : visual)
            if (!m_liaison || m_ownViz.find(a.key) != std::string::npos) out.push_back(std::move(a));
        m_ownViz.clear();
        spells(x, out);
    }

    static void viz(const XmlElement &x, std::vector<Attribute> &out)
    {
        for (const auto &c : x.children) {
            if (c->name == "color") {
                auto channel = [&](const char *k) { return std::atoi(c->attributeOr(k, "0").c_str()) & 0xFF; };
                char hex[8];
                std::snprintf(hex, sizeof hex, "#%02x%02x%02x", channel("r"), channel("g"), channel("b"));
                if (const std::string *hexAttr = c->attribute("hex")) out.push_back({"viz.color", *hexAttr, LIAISON_VALUE_STRING});
                else out.push_back({"viz.color", hex, LIAISON_VALUE_STRING});
                if (const std::string *a = c->attribute("a")) out.push_back(typedAttribute("viz.alpha", *a, "double"));
            } else if (c->name == "position") {
                for (const char *axis : {"x", "y", "z"})
                    if (const std::string *v = c->attribute(axis))
                        out.push_back(typedAttribute(std::string("viz.") + axis, *v, "double"));
            } else if (c->name == "size" || c->name == "thickness") {
                if (const std::string *v = c->attribute("value"))
                    out.push_back(typedAttribute("viz." + c->name, *v, "double"));
            } else if (c->name == "shape") {
                if (const std::string *v = c->attribute("value")) out.push_back({"viz.shape", *v, LIAISON_VALUE_STRING});
            }
        }
    }

    static void spells(const XmlElement &x, std::vector<Attribute> &out)
    {
        std::string start = x.attributeOr("start", x.attributeOr("startopen"));
        std::string end = x.attributeOr("end", x.attributeOr("endopen"));
        std::vector<std::pair<std::string, std::string>> list;
        if (const XmlElement *s = child(x, "spells"))
            for (const auto &sp : s->children)
                if (sp->name == "spell")
                    list.emplace_back(sp->attributeOr("start", sp->attributeOr("startopen")),
                                      sp->attributeOr("end", sp->attributeOr("endopen")));
        if (list.size() == 1 && start.empty() && end.empty()) {
            start = list[0].first;
            end = list[0].second;
            list.clear();
        }
        if (!start.empty()) out.push_back({"start", start, LIAISON_VALUE_STRING});
        if (!end.empty()) out.push_back({"end", end, LIAISON_VALUE_STRING});
        if (list.empty()) return;
        std::string json = "[";
        for (const auto &[s, e] : list)
            json += (json.size() > 1 ? "," : "") + std::string("[") + jsonString(s) + "," + jsonString(e) + "]";
        out.push_back({"spells", json + "]", LIAISON_VALUE_RAW_JSON});
    }

    // An attribute of Liaison's own GEXF: reserved ids through `applyReserved`,
    // JSON-text columns back to their type, the rest plain (returns false so
    // the caller types it by its declaration).
    template <class ApplyReserved>
    bool liaisonField(std::vector<Attribute> &out, const std::string &id, const std::string &title,
                      const std::string &value, ApplyReserved applyReserved)
    {
        if (!isReservedId(id)) return false;
        if (id == "liaison.viz") m_ownViz = value;
        else if (id.rfind("liaison.json.", 0) == 0) out.push_back(jsonValueAttribute(title, value));
        else if (!applyReserved(id, value)) return false;
        return true;
    }

    static void setAttribute(std::vector<Attribute> &attrs, Attribute a)
    {
        for (auto &x : attrs)
            if (x.key == a.key) {
                x = std::move(a);
                return;
            }
        attrs.push_back(std::move(a));
    }

    void nodes(const XmlElement &block, const std::string &parent)
    {
        for (const auto &n : block.children) {
            if (n->name != "node") continue;
            const std::string *id = n->attribute("id");
            if (!id || id->empty()) throw LoadError(n->where(), "<node> without an id");
            EntityData e;
            e.id = *id;
            e.origin = n->where();
            e.name = n->attributeOr("label");
            common(*n, m_nodeAttrs, e.attributes, [&](const std::string &id, const std::string &title, const std::string &value) {
                if (m_liaison) return liaisonField(e.attributes, id, title, value, [&](std::string_view rid, std::string_view v) {
                    return applyReservedEntityField(e, rid, v);
                });
                std::string k = lower(title);
                if (k == "label" && !e.name.empty()) return false; // the node's own label wins
                return applyEntityField(e, title, value);
            });
            if (e.kind.empty()) e.kind = "node";
            if (e.name.empty()) e.name = e.id;
            m_endpoints.declared(e.id);
            m_host.addEntity(e);
            std::string pid = n->attributeOr("pid", parent);
            if (!pid.empty()) m_host.addRelation({"part_of", e.id, pid, {}, {}, e.origin, {}});
            if (const XmlElement *parents = child(*n, "parents"))
                for (const auto &p : parents->children)
                    if (p->name == "parent") m_host.addRelation({"part_of", e.id, p->attributeOr("for"), {}, {}, p->where(), {}});
            for (const auto &c : n->children)
                if (c->name == "nodes") nodes(*c, e.id);
        }
    }

    void edges(const XmlElement &block)
    {
        for (const auto &x : block.children) {
            if (x->name != "edge") continue;
            const std::string *source = x->attribute("source");
            const std::string *target = x->attribute("target");
            if (!source || !target) throw LoadError(x->where(), "<edge> needs a source and a target");
            RelationData r;
            r.from = *source;
            r.to = *target;
            r.origin = x->where();
            r.kind = x->attributeOr("kind");
            const std::string *label = x->attribute("label");
            if (label && !m_liaison) r.attributes.push_back({"label", *label, LIAISON_VALUE_STRING});
            if (const std::string *w = x->attribute("weight")) r.attributes.push_back(typedAttribute("weight", *w, "double"));
            common(*x, m_edgeAttrs, r.attributes, [&](const std::string &id, const std::string &title, const std::string &value) {
                if (m_liaison) return liaisonField(r.attributes, id, title, value, [&](std::string_view rid, std::string_view v) {
                    return applyReservedRelationField(r, rid, v);
                });
                return applyRelationField(r, title, value);
            });
            std::string type = x->attributeOr("type", m_undirected ? "undirected" : "directed");
            if (type == "undirected") setAttribute(r.attributes, {"directed", "false", LIAISON_VALUE_BOOL});
            else if (type == "mutual") setAttribute(r.attributes, {"mutual", "true", LIAISON_VALUE_BOOL});
            m_endpoints.edgeEnds(m_host, *source, *target, x->where());
            m_host.addRelation(r);
        }
    }

    const XmlElement &m_root;
    Host &m_host;
    UndeclaredEndpoints m_endpoints;
    bool m_undirected = false;
    bool m_liaison = false;  // an attribute id starts with "liaison.": Liaison's own GEXF
    std::string m_ownViz;    // the current node's "liaison.viz": its viz.* attributes
    std::map<std::string, AttrDecl> m_nodeAttrs, m_edgeAttrs;
    std::map<std::string, bool> m_warned;
};

int sniffGexf(std::string_view, std::string_view bytes)
{
    return bytes.substr(0, 2048).find("<gexf") != std::string_view::npos ? 90 : 0;
}

void loadGexf(std::string_view, std::string_view bytes, Host &host)
{
    auto root = parseXml(bytes);
    GexfReader(*root, host).run();
}

const char *const kPatterns[] = {"*.gexf", nullptr};
constexpr liaison_loader kLoader =
    describe<sniffGexf, loadGexf>("gexf", "1.0.0", "GEXF 1.1-1.3 (Gephi, networkx, igraph)", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_gexf) { return &kLoader; }
