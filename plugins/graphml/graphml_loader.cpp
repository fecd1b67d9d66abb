// GraphML loader (Gephi, Cytoscape, yEd, igraph, networkx). Keys are typed
// (attr.type) and their defaults applied; the well-known attribute names of
// entity_fields.hpp fill kind, name, aliases and names; every other key is an
// attribute named by its attr.name. Undirected edges (edgedefault or
// directed="false") carry directed=false. A node holding a nested <graph>
// is a group: the nested nodes get a `member_of` relation to it. yEd labels
// (y:NodeLabel / y:EdgeLabel) become names / a "label" attribute.
// Hyperedges and ports have no equivalent: skipped with a warning.
// Liaison's own GraphML (key ids "liaison.*", see entity_fields.hpp): the
// reserved keys fill kind, name, names, aliases and evidence, every other
// key is a plain attribute; graph data "liaison.sources" (a JSON array of
// Liaison JSON sources) adds the sources.
#include "../common/entity_fields.hpp"
#include "../common/xml_tree.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>

namespace {

using namespace liaison::plugin;
using namespace liaison::loaders;

struct Key {
    std::string id, name, type, domain;
    bool hasDefault = false;
    std::string defaultValue;
    bool graphics = false; // yfiles.type: structured data, not a value
};

const XmlElement *findDescendant(const XmlElement &e, std::string_view name)
{
    for (const auto &c : e.children) {
        if (c->name == name) return c.get();
        if (const XmlElement *d = findDescendant(*c, name)) return d;
    }
    return nullptr;
}

class GraphmlReader {
public:
    GraphmlReader(const XmlElement &root, Host &host) : m_root(root), m_host(host) {}

    void run()
    {
        if (m_root.name != "graphml")
            throw LoadError(m_root.where(), "not a GraphML document (root element <" + m_root.name + ">)");
        for (const auto &c : m_root.children)
            if (c->name == "key") key(*c);
        bool any = false;
        for (const auto &c : m_root.children)
            if (c->name == "graph") {
                any = true;
                graph(*c, std::string());
            }
        if (!any) throw LoadError(m_root.where(), "no <graph> element in this GraphML document");
        m_endpoints.warn(m_host);
    }

private:
    void key(const XmlElement &k)
    {
        const std::string *id = k.attribute("id");
        if (!id) throw LoadError(k.where(), "<key> without an id");
        Key info;
        info.id = *id;
        if (isReservedId(*id)) m_liaison = true;
        info.name = k.attributeOr("attr.name", *id);
        info.type = k.attributeOr("attr.type", "string");
        info.domain = k.attributeOr("for", "all");
        info.graphics = k.attribute("yfiles.type") != nullptr;
        for (const auto &c : k.children)
            if (c->name == "default") {
                info.hasDefault = true;
                info.defaultValue = c->allText();
            }
        if (!m_keys.emplace(*id, std::move(info)).second)
            throw LoadError(k.where(), "key id \"" + *id + "\" declared twice");
    }

    // The keys of a domain that have a default, to apply before <data>.
    template <class Apply>
    void defaults(std::string_view domain, Apply apply)
    {
        for (const auto &[id, k] : m_keys)
            if (k.hasDefault && !k.graphics && (k.domain == domain || k.domain == "all")) apply(k, k.defaultValue);
    }

    // The value of a <data> element: its text, or for yEd graphics its label.
    std::string dataValue(const XmlElement &d, const Key *k, const char *labelElement, bool &isLabel)
    {
        isLabel = false;
        if ((k && k->graphics) || !d.children.empty()) {
            const XmlElement *label = findDescendant(d, labelElement);
            if (!label) return {};
            isLabel = true;
            return std::string(trim(label->allText()));
        }
        return d.text;
    }

    const Key *keyOf(const XmlElement &d)
    {
        const std::string *id = d.attribute("key");
        if (!id) throw LoadError(d.where(), "<data> without a key");
        auto it = m_keys.find(*id);
        if (it != m_keys.end()) return &it->second;
        if (m_warnedKeys.emplace(*id, true).second)
            m_host.warning(d.where(), "data key \"" + *id + "\" is not declared; kept as a string attribute");
        return nullptr;
    }

    void graph(const XmlElement &g, const std::string &parentNode)
    {
        bool directed = g.attributeOr("edgedefault", "directed") != "undirected";
        for (const auto &c : g.children) {
            if (c->name == "data") graphData(*c);
            else if (c->name == "node") node(*c, parentNode);
            else if (c->name == "edge") edge(*c, directed);
            else if (c->name == "hyperedge" && !m_warnedHyperedge) {
                m_warnedHyperedge = true;
                m_host.warning(c->where(), "hyperedges have no equivalent in Liaison; skipped");
            }
        }
    }

    void graphData(const XmlElement &d)
    {
        const Key *k = keyOf(d);
        if (!k || !m_liaison || k->id != "liaison.sources") return;
        rapidjson::Document doc;
        doc.Parse(d.text.c_str(), d.text.size());
        if (doc.HasParseError() || !doc.IsArray())
            throw LoadError(d.where(), "liaison.sources is not a JSON array of sources");
        for (const auto &item : doc.GetArray()) {
            if (!item.IsObject() || !item.HasMember("id") || !item["id"].IsString())
                throw LoadError(d.where(), "a source in liaison.sources has no string id");
            SourceData s;
            s.origin = d.where();
            for (const auto &member : item.GetObject()) {
                std::string name(member.name.GetString(), member.name.GetStringLength());
                std::string *field = name == "id" ? &s.id : name == "title" ? &s.title : name == "date" ? &s.date
                                   : name == "language" ? &s.language : name == "path" ? &s.path : nullptr;
                if (field && member.value.IsString()) {
                    *field = std::string(member.value.GetString(), member.value.GetStringLength());
                    continue;
                }
                rapidjson::StringBuffer buffer;
                rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
                member.value.Accept(w);
                s.extra.push_back(jsonValueAttribute(name, std::string_view(buffer.GetString(), buffer.GetSize())));
            }
            m_host.addSource(s);
        }
    }

    // A key's value for a Liaison GraphML; false when the file is not Liaison's.
    template <class Record, class ApplyReserved>
    bool liaisonField(Record &record, const Key &k, const std::string &value, ApplyReserved applyReserved)
    {
        if (!m_liaison) return false;
        std::string name = userAttributeName(k.name);
        if (k.id.rfind("liaison.json.", 0) == 0) record.attributes.push_back(jsonValueAttribute(name, value));
        else if (!isReservedId(k.id) || !applyReserved(record, k.id, value))
            record.attributes.push_back(typedAttribute(name, value, k.type));
        return true;
    }

    void node(const XmlElement &n, const std::string &parentNode)
    {
        const std::string *id = n.attribute("id");
        if (!id || id->empty()) throw LoadError(n.where(), "<node> without an id");
        EntityData e;
        e.id = *id;
        e.origin = n.where();
        auto apply = [&](const Key &k, const std::string &value) {
            if (liaisonField(e, k, value, applyReservedEntityField)) return;
            if (!applyEntityField(e, k.name, value)) e.attributes.push_back(typedAttribute(k.name, value, k.type));
        };
        defaults("node", apply);
        for (const auto &c : n.children) {
            if (c->name != "data") continue;
            const Key *k = keyOf(*c);
            bool isLabel = false;
            std::string value = dataValue(*c, k, "NodeLabel", isLabel);
            if (isLabel) {
                if (!value.empty()) e.name = value;
                continue;
            }
            if (k) apply(*k, value);
            else e.attributes.push_back({c->attributeOr("key"), value, LIAISON_VALUE_STRING});
        }
        dedupeAttributes(e.attributes);
        if (e.kind.empty()) e.kind = "node";
        if (e.name.empty()) e.name = e.id;
        m_endpoints.declared(e.id);
        m_host.addEntity(e);
        if (!parentNode.empty()) m_host.addRelation({"member_of", e.id, parentNode, {}, {}, e.origin, {}});
        for (const auto &c : n.children)
            if (c->name == "graph") graph(*c, e.id);
    }

    void edge(const XmlElement &x, bool directedDefault)
    {
        const std::string *source = x.attribute("source");
        const std::string *target = x.attribute("target");
        if (!source || !target) throw LoadError(x.where(), "<edge> needs a source and a target");
        RelationData r;
        r.from = *source;
        r.to = *target;
        r.origin = x.where();
        auto apply = [&](const Key &k, const std::string &value) {
            if (liaisonField(r, k, value, applyReservedRelationField)) return;
            if (!applyRelationField(r, k.name, value)) r.attributes.push_back(typedAttribute(k.name, value, k.type));
        };
        defaults("edge", apply);
        for (const auto &c : x.children) {
            if (c->name != "data") continue;
            const Key *k = keyOf(*c);
            bool isLabel = false;
            std::string value = dataValue(*c, k, "EdgeLabel", isLabel);
            if (isLabel) {
                if (!value.empty()) r.attributes.push_back({"label", value, LIAISON_VALUE_STRING});
                continue;
            }
            if (k) apply(*k, value);
            else r.attributes.push_back({c->attributeOr("key"), value, LIAISON_VALUE_STRING});
        }
        bool directed = directedDefault;
        if (const std::string *d = x.attribute("directed")) directed = trim(*d) != "false";
        if (!directed) r.attributes.push_back({"directed", "false", LIAISON_VALUE_BOOL});
        dedupeAttributes(r.attributes);
        m_endpoints.edgeEnds(m_host, *source, *target, x.where());
        m_host.addRelation(r);
    }

    // A <data> overrides the key's default: keep the last value per key.
    static void dedupeAttributes(std::vector<Attribute> &attrs)
    {
        std::map<std::string, std::size_t> last;
        for (std::size_t i = 0; i < attrs.size(); ++i) last[attrs[i].key] = i;
        std::vector<Attribute> out;
        for (std::size_t i = 0; i < attrs.size(); ++i)
            if (last[attrs[i].key] == i) out.push_back(std::move(attrs[i]));
        attrs = std::move(out);
    }

    const XmlElement &m_root;
    Host &m_host;
    UndeclaredEndpoints m_endpoints;
    std::map<std::string, Key> m_keys;
    std::map<std::string, bool> m_warnedKeys;
    bool m_warnedHyperedge = false;
    bool m_liaison = false; // a key id starts with "liaison.": Liaison's own GraphML
};

int sniffGraphml(std::string_view, std::string_view bytes)
{
    std::string_view head = bytes.substr(0, 2048);
    return head.find("<graphml") != std::string_view::npos ? 90 : 0;
}

void loadGraphml(std::string_view, std::string_view bytes, Host &host)
{
    auto root = parseXml(bytes);
    GraphmlReader(*root, host).run();
}

const char *const kPatterns[] = {"*.graphml", "*.graphml.xml", nullptr};
constexpr liaison_loader kLoader = describe<sniffGraphml, loadGraphml>(
    "graphml", "1.0.0", "GraphML (Gephi, Cytoscape, yEd, igraph, networkx)", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(liaison_builtin_graphml) { return &kLoader; }
