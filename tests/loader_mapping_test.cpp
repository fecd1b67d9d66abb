// What each loader makes of its format's features (see the README's
// loader mapping), checked on the shipped samples.
#include "test_paths.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

namespace liaison {
namespace {

GraphStore loadSample(const std::string &relative)
{
    PluginHost host;
    std::string path = (test::sourceDir() / "plugins" / relative).string();
    GraphStore store;
    commitBatch(store, host.loadFile(path));
    return store;
}

const Entity &byId(const GraphStore &s, const std::string &id)
{
    EntityIndex i = s.findById(id);
    if (i == kNoEntity) throw std::runtime_error("no entity " + id);
    return s.entity(i);
}

std::string attr(const Entity &e, const std::string &key)
{
    const std::string *v = e.attribute(key);
    return v ? *v : std::string("<none>");
}

TEST(LoaderMapping, CsvLiaisonColumns)
{
    GraphStore s = loadSample("csv/samples/valid/liaison_nodes.csv");
    const Entity &p = byId(s, "person:chuang-ming-fen");
    EXPECT_EQ(p.kind, "person");
    EXPECT_EQ(p.names.at("zh"), "莊明芬");
    EXPECT_EQ(p.aliases, (std::vector<std::string>{"莊明芬", "Ms. Chuang"}));
    EXPECT_EQ(attr(p, "title"), "Deputy Director, \"Dept. of Information\"");
}

TEST(LoaderMapping, CsvBomSemicolonAndQuotedLineBreak)
{
    GraphStore s = loadSample("csv/samples/valid/bom_semicolon_nodes.csv");
    EXPECT_EQ(byId(s, "n1").name, "漢語");
    EXPECT_EQ(byId(s, "n2").name, "Multi\r\nline");
    EXPECT_EQ(attr(byId(s, "n1"), "Country"), "TW");
}

TEST(LoaderMapping, CsvEdgeListHeaderNamesTheKinds)
{
    GraphStore s = loadSample("csv/samples/valid/attendance_edge_list.csv");
    EXPECT_EQ(byId(s, "Evelyn Jefferson").kind, "person");
    EXPECT_EQ(byId(s, "E1").kind, "event");
    EXPECT_EQ(s.relationCount(), 2u);
}

TEST(LoaderMapping, CsvGephiEdges)
{
    GraphStore s = loadSample("csv/samples/valid/gephi_edges.csv");
    ASSERT_EQ(s.relationCount(), 2u);
    // Without a kind column, Gephi's edge Label is the relation kind (issue 16).
    EXPECT_EQ(s.relation(0).kind, "knows");
    EXPECT_EQ(s.relation(0).attribute("Label"), nullptr);
    EXPECT_EQ(s.relation(1).kind, "related_to");
    EXPECT_EQ(*s.relation(0).attribute("weight"), "1.5");
    EXPECT_EQ(*s.relation(1).attribute("directed"), "false");
    EXPECT_EQ(byId(s, "3").kind, "node");
}

TEST(LoaderMapping, DotClustersBecomeGroups)
{
    GraphStore s = loadSample("dot/samples/valid/clusters.gv");
    EXPECT_EQ(byId(s, "chuang").kind, "person");
    EXPECT_EQ(byId(s, "chuang").name, "Chuang Ming-fen");
    EXPECT_EQ(attr(byId(s, "chuang"), "shape"), "box");
    EXPECT_EQ(byId(s, "group:cluster_tw").name, "Taiwan delegation");
    std::size_t memberOf = 0, partOf = 0, attended = 0;
    for (const auto &r : s.relations()) {
        if (r.kind == "member_of") ++memberOf;
        if (r.kind == "part_of" && r.from == "group:cluster_egov" && r.to == "group:cluster_ru") ++partOf;
        if (r.kind == "attended") ++attended;
    }
    EXPECT_EQ(memberOf, 3u); // chuang, lee -> tw; chugunov -> egov only
    EXPECT_EQ(partOf, 1u);
    EXPECT_EQ(attended, 1u);
}

// cgraph's own "Warning: " prefix is dropped: the diagnostic already says
// it is a warning ("x.dot:1: warning: syntax ambiguity ...").
TEST(LoaderMapping, DotWarningsLoseCgraphsPrefix)
{
    PluginHost host;
    ImportBatch batch = host.load(*host.find("dot"), "ambiguous.dot", "digraph { a -> 1a }\n");
    ASSERT_EQ(batch.diagnostics().size(), 1u);
    const Diagnostic &d = batch.diagnostics()[0];
    EXPECT_EQ(d.severity, Severity::Warning);
    EXPECT_EQ(d.message.rfind("syntax ambiguity", 0), 0u) << d.message;
    EXPECT_EQ(d.text().find("Warning:"), std::string::npos) << d.text();
}

// Both XML loaders accept an edge to a node they never declared (networkx,
// graphology and Gephi read such files): the endpoint becomes a "node"
// named by its id, and a declared node of that id wins. Each undeclared
// endpoint is warned about at its first edge.
TEST(LoaderMapping, XmlEdgesToUndeclaredNodesCreateThem)
{
    const std::pair<const char *, const char *> files[] = {
        {"edge.graphml", R"(<graphml><graph edgedefault="directed"><node id="a"><data key="x">1</data></node>)"
                         R"(<edge source="a" target="b"/></graph></graphml>)"},
        {"edge.gexf", R"(<gexf version="1.2"><graph><nodes><node id="a" label="Ann"/></nodes>)"
                      R"(<edges><edge id="0" source="a" target="b"/></edges></graph></gexf>)"},
    };
    PluginHost host;
    for (const auto &[name, text] : files) {
        SCOPED_TRACE(name);
        GraphStore s;
        ImportBatch batch = host.load(host.choose(name, text), name, text);
        // Said, with the edge's position: a misspelt id would be a phantom entity.
        std::size_t warned = 0;
        for (const auto &d : batch.diagnostics()) {
            if (d.message.find("\"b\", which this file does not declare") == std::string::npos) continue;
            ++warned;
            EXPECT_EQ(d.severity, Severity::Warning);
            EXPECT_GT(d.where.line, 0) << d.message;
        }
        EXPECT_EQ(warned, 1u) << "once, for b only (a is declared)";
        commitBatch(s, std::move(batch));
        ASSERT_EQ(s.entityCount(), 2u);
        EXPECT_EQ(byId(s, "b").kind, "node");
        EXPECT_EQ(byId(s, "b").name, "b");
        EXPECT_EQ(s.relationCount(), 1u);
    }
}

TEST(LoaderMapping, GraphmlTypedKeysAndDefaults)
{
    GraphStore s = loadSample("graphml/samples/valid/typed_keys.graphml");
    const Entity &a = byId(s, "a");
    EXPECT_EQ(a.kind, "person"); // from the key default
    EXPECT_EQ(a.name, "Alice");
    EXPECT_EQ(a.attributes.at("age").type, AttributeValue::Type::Number);
    EXPECT_EQ(a.attributes.at("vip"), (AttributeValue{AttributeValue::Type::Bool, "true"}));
    EXPECT_EQ(byId(s, "e").kind, "event");
    EXPECT_EQ(s.relation(0).kind, "attended");
    EXPECT_EQ(s.relation(0).attribute("directed"), nullptr);
    EXPECT_EQ(*s.relation(1).attribute("directed"), "false");
}

TEST(LoaderMapping, GexfVizSpellsAndHierarchy)
{
    GraphStore s = loadSample("gexf/samples/valid/viz_spells.gexf");
    const Entity &p = byId(s, "p1");
    EXPECT_EQ(p.kind, "person");
    EXPECT_EQ(attr(p, "viz.color"), "#4e79a7");
    EXPECT_EQ(attr(p, "viz.x"), "1.5");
    EXPECT_EQ(attr(p, "start"), "2017-09-27");
    EXPECT_EQ(attr(byId(s, "e1"), "start"), "2017-09-28"); // a single spell
    EXPECT_EQ(attr(byId(s, "s1"), "score"), "0");            // default
    bool partOf = false;
    for (const auto &r : s.relations()) partOf = partOf || (r.kind == "part_of" && r.from == "s1" && r.to == "e1");
    EXPECT_TRUE(partOf);
}

TEST(LoaderMapping, GmlListsAndUndirected)
{
    GraphStore s = loadSample("gml/samples/valid/karate_head.gml");
    EXPECT_EQ(byId(s, "1").name, "Mr. Hi");
    EXPECT_EQ(byId(s, "1").kind, "person");
    EXPECT_EQ(attr(byId(s, "1"), "graphics.x"), "1.5");
    EXPECT_EQ(*s.relation(0).attribute("directed"), "false");
}

TEST(LoaderMapping, XmlEntityDeclarationsAreRefused)
{
    PluginHost host;
    std::string path = (test::sourceDir() / "plugins/graphml/samples/invalid/billion_laughs.graphml").string();
    ImportBatch batch = host.loadFile(path);
    ASSERT_TRUE(batch.hasErrors());
    EXPECT_NE(batch.diagnostics().front().message.find("entity declarations are not accepted"), std::string::npos);
}

} // namespace
} // namespace liaison
