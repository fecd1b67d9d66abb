// Liaison -> GraphML / GEXF / CSV (each dialect) / DOT -> Liaison keeps what
// each format can hold (issue 16): kinds, names in each language, aliases,
// attributes with their JSON types, evidence and sources; user attributes
// named like Liaison's own fields (kind, label, name.en, id, source...) stay
// attributes. Two graphs: the IAC 2017 dataset and tests/fixtures/exchange/
// clashes.json (every clash and value type).
#include "test_paths.hpp"

#include "liaison/exchange_export.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/layout.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace liaison {
namespace {

// What a format cannot hold, so the comparison leaves it out.
struct Losses {
    bool evidence = false;   // DOT: counts only
    bool attributes = false; // DOT: no user attributes
    bool sources = false;    // only GraphML carries sources
    bool emptyStrings = false;            // CSV: "" reads as absent
    bool relationOrder = false;           // DOT: relations come back grouped by tail
    std::set<std::string> untypedKeys;    // come back as their JSON text (neo4j)
};

void expectSameAttributes(const Attributes &a, const Attributes &b, const Losses &losses, const std::string &what)
{
    for (const auto &[key, value] : a) {
        if (value.type == AttributeValue::Type::Null && !losses.untypedKeys.empty()) continue;
        if (value.text.empty() && value.type == AttributeValue::Type::String && losses.emptyStrings) continue;
        auto it = b.find(key);
        ASSERT_NE(it, b.end()) << what << " lost attribute " << key;
        if (losses.untypedKeys.count(key)) continue; // as its JSON text
        if (value.type != AttributeValue::Type::Null) {
            EXPECT_EQ(it->second.text, value.text) << what << " " << key;
        }
        EXPECT_EQ(static_cast<int>(it->second.type), static_cast<int>(value.type)) << what << " type of " << key;
    }
    for (const auto &[key, value] : b) EXPECT_TRUE(a.count(key)) << what << " gained attribute " << key;
}

void expectSameGraph(const GraphStore &a, const GraphStore &b, const Losses &losses = {})
{
    ASSERT_EQ(a.entityCount(), b.entityCount());
    ASSERT_EQ(a.relationCount(), b.relationCount());
    for (const Entity &e : a.entities()) {
        EntityIndex i = b.findById(e.id);
        ASSERT_NE(i, kNoEntity) << e.id;
        const Entity &f = b.entity(i);
        EXPECT_EQ(f.kind, e.kind) << e.id;
        EXPECT_EQ(f.name, e.name) << e.id;
        EXPECT_EQ(f.names, e.names) << e.id;
        EXPECT_EQ(f.aliases, e.aliases) << e.id;
        if (!losses.evidence) {
            EXPECT_EQ(f.evidence, e.evidence) << e.id;
        }
        if (!losses.attributes) expectSameAttributes(e.attributes, f.attributes, losses, e.id);
    }
    std::vector<RelationIndex> order(b.relationCount());
    for (RelationIndex r = 0; r < b.relationCount(); ++r) order[r] = r;
    if (losses.relationOrder) {
        // Match each relation of `a` with the first unmatched one of `b` with the same ends and kind.
        std::vector<bool> used(b.relationCount());
        for (RelationIndex r = 0; r < a.relationCount(); ++r) {
            const Relation &x = a.relation(r);
            for (RelationIndex s = 0; s < b.relationCount(); ++s)
                if (!used[s] && b.relation(s).from == x.from && b.relation(s).to == x.to && b.relation(s).kind == x.kind) {
                    used[s] = true;
                    order[r] = s;
                    break;
                }
        }
    }
    for (RelationIndex r = 0; r < a.relationCount(); ++r) {
        const Relation &x = a.relation(r), &y = b.relation(order[r]);
        EXPECT_EQ(y.kind, x.kind);
        EXPECT_EQ(y.from, x.from);
        EXPECT_EQ(y.to, x.to);
        if (!losses.evidence) {
            EXPECT_EQ(y.evidence, x.evidence);
        }
        if (!losses.attributes) expectSameAttributes(x.attributes, y.attributes, losses, x.from + " " + x.kind);
    }
    if (losses.sources) return;
    ASSERT_EQ(a.sources().size(), b.sources().size());
    for (std::size_t i = 0; i < a.sources().size(); ++i) {
        EXPECT_EQ(a.sources()[i].id, b.sources()[i].id);
        EXPECT_EQ(a.sources()[i].title, b.sources()[i].title);
        EXPECT_EQ(a.sources()[i].date, b.sources()[i].date);
        EXPECT_EQ(a.sources()[i].path, b.sources()[i].path);
        EXPECT_EQ(a.sources()[i].extra, b.sources()[i].extra);
    }
}

GraphStore reimport(const std::vector<std::string> &files)
{
    PluginHost host;
    ImportBatch batch;
    for (const auto &f : files) batch.append(host.loadFile(f));
    GraphStore store;
    commitBatch(store, batch);
    return store;
}

fs::path clashesFixture() { return test::sourceDir() / "tests/fixtures/exchange/clashes.json"; }

GraphStore loadGraph(const std::string &which)
{
    return readLiaisonJsonFile((which == "iac" ? test::iacDataset() : clashesFixture()).string());
}

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// format[/dialect] x graph
using Case = std::tuple<std::string, std::string>;

class ExchangeRoundTrip : public ::testing::TestWithParam<Case> {};

TEST_P(ExchangeRoundTrip, KeepsWhatTheFormatCanHold)
{
    auto [spec, graph] = GetParam();
    if (graph == "iac" && !fs::exists(test::iacDataset())) GTEST_SKIP() << "no IAC dataset";
    GraphStore original = loadGraph(graph);
    std::string format = spec.substr(0, spec.find('/'));
    ExchangeOptions options;
    if (format == "csv") options.csvDialect = spec.substr(4);
    Losses losses;
    losses.sources = format != "graphml";
    losses.emptyStrings = format == "csv";
    if (options.csvDialect == "neo4j") losses.untypedKeys = {"tags", "mixed", "rank"};
    fs::path dir = test::scratchDir("exchange-" + format + "-" + options.csvDialect + "-" + graph);
    auto files = exportExchangeFormat(original, wholeGraph(original), format, (dir / ("g." + format)).string(), options);
    GraphStore back = reimport(files);
    expectSameGraph(original, back, losses);
    // Stable output: the same graph exports to the same bytes.
    auto again = exportExchangeFormat(back, wholeGraph(back), format, (dir / ("again." + format)).string(), options);
    if (!losses.sources) {
        EXPECT_EQ(readWholeFile(again[0]), readWholeFile(files[0]));
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Formats, ExchangeRoundTrip,
                         ::testing::Combine(::testing::Values("graphml", "gexf", "csv/liaison", "csv/gephi",
                                                              "csv/neo4j", "csv/cytoscape"),
                                            ::testing::Values("iac", "clashes")),
                         [](const auto &info) {
                             std::string name = std::get<0>(info.param) + "_" + std::get<1>(info.param);
                             for (char &c : name)
                                 if (c == '/') c = '_';
                             return name;
                         });

class DotRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(DotRoundTrip, GivesBackTheEntitiesAndRelationKinds)
{
    if (GetParam() == "iac" && !fs::exists(test::iacDataset())) GTEST_SKIP() << "no IAC dataset";
    GraphStore original = loadGraph(GetParam());
    LayoutOptions options;
    options.title = "A title";
    std::string dot = renderDiagram(original, wholeGraph(original), DiagramFormat::Dot, options);
    EXPECT_NE(dot.find("cluster_liaison_legend"), std::string::npos);
    fs::path dir = test::scratchDir("dot-roundtrip-" + GetParam());
    writeText(dir / "g.dot", dot);
    GraphStore back = reimport({(dir / "g.dot").string()});
    Losses losses;
    losses.evidence = losses.attributes = losses.sources = losses.relationOrder = true;
    expectSameGraph(original, back, losses);
    for (const Entity &e : back.entities()) EXPECT_TRUE(e.attributes.empty()) << e.id; // no styling, no legend
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Graphs, DotRoundTrip, ::testing::Values("iac", "clashes"));

TEST(ExchangeFormats, DotCarriesKindNamesAliasesAndEvidenceCount)
{
    GraphStore g = loadGraph("clashes");
    std::string dot = renderDiagram(g, wholeGraph(g), DiagramFormat::Dot, {});
    EXPECT_NE(dot.find("kind=person"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"name.en\"=\"Chuang Ming-fen\""), std::string::npos) << dot;
    EXPECT_NE(dot.find("aliases=\"莊副處長明芬|Ms. Chuang\""), std::string::npos) << dot;
    EXPECT_NE(dot.find("evidence_count=1"), std::string::npos) << dot;
    EXPECT_NE(dot.find("kind=spoke_at"), std::string::npos) << dot;
}

TEST(ExchangeFormats, GraphmlDirectionFollowsTheGraphOrTheOption)
{
    GraphStore g = loadGraph("clashes");
    EXPECT_NE(writeGraphml(g, wholeGraph(g)).find("edgedefault=\"directed\""), std::string::npos);
    ExchangeOptions undirected;
    undirected.undirected = true;
    EXPECT_NE(writeGraphml(g, wholeGraph(g), undirected).find("edgedefault=\"undirected\""), std::string::npos);
    EXPECT_NE(writeGexf(g, wholeGraph(g), undirected).find("defaultedgetype=\"undirected\""), std::string::npos);
    // Every relation undirected (as the loaders record it): the graph is.
    GraphStore u;
    u.addEntity({"person:a", "person", "A", {}, {}, {}, {}, {}});
    u.addEntity({"person:b", "person", "B", {}, {}, {}, {}, {}});
    Relation r{"met", "person:a", "person:b", {}, {}, {}};
    r.attributes["directed"] = {AttributeValue::Type::Bool, "false"};
    u.addRelation(r);
    EXPECT_NE(writeGraphml(u, wholeGraph(u)).find("edgedefault=\"undirected\""), std::string::npos);
}

TEST(ExchangeFormats, GraphmlDeclaresIntegersBooleansAndDateStrings)
{
    GraphStore g = loadGraph("clashes");
    std::string xml = writeGraphml(g, wholeGraph(g));
    EXPECT_NE(xml.find("attr.name=\"born\" attr.type=\"long\""), std::string::npos);
    EXPECT_NE(xml.find("attr.name=\"height\" attr.type=\"double\""), std::string::npos);
    EXPECT_NE(xml.find("attr.name=\"active\" attr.type=\"boolean\""), std::string::npos);
    EXPECT_NE(xml.find("attr.name=\"year\" attr.type=\"string\""), std::string::npos);
    EXPECT_NE(xml.find("<key id=\"liaison.kind\" for=\"node\" attr.name=\"kind\""), std::string::npos);
    EXPECT_NE(xml.find("<data key=\"liaison.sources\">"), std::string::npos);
}

TEST(ExchangeFormats, ForeignGraphmlKeepsDeclaredTypes)
{
    fs::path dir = test::scratchDir("graphml-types");
    writeText(dir / "g.graphml",
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
              "<key id=\"d0\" for=\"node\" attr.name=\"count\" attr.type=\"int\"/>"
              "<key id=\"d1\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>"
              "<key id=\"d2\" for=\"node\" attr.name=\"year\" attr.type=\"string\"/>"
              "<graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"d0\">3</data><data key=\"d1\">true</data>"
              "<data key=\"d2\">2017</data></node><node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>");
    GraphStore g = reimport({(dir / "g.graphml").string()});
    const Entity &a = g.entity(g.findById("a"));
    EXPECT_EQ(a.attributes.at("count"), (AttributeValue{AttributeValue::Type::Number, "3"}));
    EXPECT_EQ(a.attributes.at("ok"), (AttributeValue{AttributeValue::Type::Bool, "true"}));
    EXPECT_EQ(a.attributes.at("year"), (AttributeValue{AttributeValue::Type::String, "2017"}));
    EXPECT_EQ(*g.relation(0).attribute("directed"), "false");
    fs::remove_all(dir);
}

TEST(ExchangeFormats, GexfIs12DraftWithKindAsEdgeLabelAndKindColours)
{
    GraphStore g = loadGraph("clashes");
    std::string xml = writeGexf(g, wholeGraph(g));
    EXPECT_NE(xml.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
    EXPECT_NE(xml.find("version=\"1.2\""), std::string::npos);
    EXPECT_NE(xml.find("label=\"spoke_at\""), std::string::npos);
    EXPECT_NE(xml.find("<attribute id=\"liaison.relation.kind\" title=\"kind\" type=\"string\"/>"), std::string::npos);
    // person fill #a0cbe8; ITMO's own colour and position.
    EXPECT_NE(xml.find("<viz:color r=\"160\" g=\"203\" b=\"232\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<viz:color r=\"51\" g=\"102\" b=\"153\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<viz:position x=\"12.5\" y=\"-3\"/>"), std::string::npos);
}

TEST(ExchangeFormats, GephiVizIsReadBackIntoTheSameFields)
{
    fs::path dir = test::scratchDir("gexf-viz");
    writeText(dir / "g.gexf",
              "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">"
              "<graph><nodes><node id=\"a\" label=\"A\"><viz:color r=\"255\" g=\"0\" b=\"16\"/><viz:size value=\"4.5\"/>"
              "<viz:position x=\"1.5\" y=\"2\" z=\"0\"/></node></nodes><edges/></graph></gexf>");
    GraphStore g = reimport({(dir / "g.gexf").string()});
    std::string again = writeGexf(g, wholeGraph(g));
    EXPECT_NE(again.find("<viz:color r=\"255\" g=\"0\" b=\"16\"/>"), std::string::npos) << again;
    EXPECT_NE(again.find("<viz:size value=\"4.5\"/>"), std::string::npos) << again;
    EXPECT_NE(again.find("<viz:position x=\"1.5\" y=\"2\" z=\"0\"/>"), std::string::npos) << again;
    writeText(dir / "again.gexf", again);
    GraphStore back = reimport({(dir / "again.gexf").string()});
    Losses noSources;
    noSources.sources = true;
    expectSameGraph(g, back, noSources);
    fs::remove_all(dir);
}

test::CommandResult importCsv(const fs::path &dir, const std::string &name, const std::string &text)
{
    writeText(dir / name, text);
    return test::runCommand(test::cliPath().string() + " import " + (dir / name).string() + " -o " +
                            (dir / "out.json").string());
}

TEST(ExchangeFormats, CytoscapeEdgeAttributeTableIsRefusedNamingItsColumns)
{
    fs::path dir = test::scratchDir("csv-suid");
    auto r = importCsv(dir, "edge_table.csv",
                       "SUID,EdgeBetweenness,interaction,name,selected,shared interaction,shared name\n"
                       "152,4.0,pp,A (pp) B,false,pp,A (pp) B\n");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("edge_table.csv:1:1: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("SUID, EdgeBetweenness, interaction, name, selected, shared interaction, shared name"),
              std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.json"));
    // A table of measures per node is no edge list either.
    r = importCsv(dir, "measures.csv", "node,degree,betweenness\nA,3,0.5\n");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("node, degree, betweenness"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(ExchangeFormats, CytoscapeInteractionIsTheRelationKind)
{
    fs::path dir = test::scratchDir("csv-cytoscape");
    writeText(dir / "net.csv", "source,target,interaction,since\nA,B,works_for,2017\n");
    GraphStore g = reimport({(dir / "net.csv").string()});
    ASSERT_EQ(g.relationCount(), 1u);
    EXPECT_EQ(g.relation(0).kind, "works_for");
    EXPECT_EQ(g.relation(0).attributes.count("interaction"), 0u);
    fs::remove_all(dir);
}

TEST(ExchangeFormats, CsvRenamesReservedAttributesAndTypesAmbiguousColumns)
{
    GraphStore g = loadGraph("clashes");
    CsvTables t = writeCsvTables(g, wholeGraph(g));
    std::string header = t.nodes.substr(0, t.nodes.find("\r\n"));
    for (const char *column : {"attr.id", "attr.kind", "attr.label", "attr.name.en", "attr.source", "attr.attr.x",
                               "year:string", "tags:json", "mixed:json", "born", "active"})
        EXPECT_NE(header.find(std::string(",") + column), std::string::npos) << column << " in " << header;
    ExchangeOptions neo4j;
    neo4j.csvDialect = "neo4j";
    t = writeCsvTables(g, wholeGraph(g), neo4j);
    EXPECT_EQ(t.nodes.rfind("id:ID,:LABEL,name,", 0), 0u) << t.nodes;
    EXPECT_NE(t.nodes.find(",born:long,"), std::string::npos);
    EXPECT_NE(t.nodes.find(",active:boolean,"), std::string::npos);
    EXPECT_EQ(t.edges.rfind(":START_ID,:END_ID,:TYPE,", 0), 0u) << t.edges;
    ExchangeOptions gephi;
    gephi.csvDialect = "gephi";
    t = writeCsvTables(g, wholeGraph(g), gephi);
    EXPECT_EQ(t.edges.rfind("Source,Target,Label,Type,Id,Weight,", 0), 0u) << t.edges;
    EXPECT_NE(t.edges.find("person:chuang-ming-fen,person:liao-chou-peng,met,Undirected,"), std::string::npos);
}

TEST(ExchangeFormats, CsvByteOrderMarkOnlyWhenAsked)
{
    GraphStore g = loadGraph("clashes");
    EXPECT_NE(writeCsvTables(g, wholeGraph(g)).nodes.substr(0, 3), "\xEF\xBB\xBF");
    ExchangeOptions bom;
    bom.csvBom = true;
    CsvTables t = writeCsvTables(g, wholeGraph(g), bom);
    EXPECT_EQ(t.nodes.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(t.edges.substr(0, 3), "\xEF\xBB\xBF");
}

TEST(ExchangeFormats, UnknownCsvDialectIsAnErrorListingTheDialects)
{
    fs::path dir = test::scratchDir("csv-dialect");
    auto r = test::runCommand(test::cliPath().string() + " export " + clashesFixture().string() +
                              " --format csv --csv-dialect gefi -o " + (dir / "x.csv").string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("unknown CSV dialect 'gefi' (liaison, gephi, neo4j, cytoscape)"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

} // namespace
} // namespace liaison
