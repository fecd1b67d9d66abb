// Safe output (issue 7): a briefing SVG is opened in browsers and DOT is fed
// back to Graphviz. Whatever the graph holds (ids, names, relation kinds,
// the title) shows literally: no element, attribute or Graphviz markup can be
// injected, and no export writes anywhere but the path it was asked for.
#include "test_paths.hpp"

#include "liaison/json_io.hpp"
#include "liaison/exchange_export.hpp"
#include "liaison/layout.hpp"

#include <expat.h>
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

using namespace liaison;
namespace fs = std::filesystem;

namespace {

// Payloads aimed at SVG/XML, Graphviz escString, Graphviz HTML labels and DOT syntax.
const std::vector<std::string> kPayloads = {
    "<script>alert(1)</script>",
    "\" onload=\"alert(1)",
    "' onmouseover='alert(2)",
    "<<B>bold</B>>",
    "<<TABLE><TR><TD HREF=\"javascript:alert(3)\">x</TD></TR></TABLE>>",
    "]]><svg onload=alert(4)>",
    "&lt;&amp;&#x3C;&#60;",
    "\\N \\G \\E \\T \\H \\L \\l \\r \\n",
    "a\"; b [label=<<I>i</I>>]; c -- d; \"",
    "<!ENTITY x \"y\">&x;",
    "<?xml-stylesheet href=\"evil.xsl\"?>",
    "<a xlink:href=\"javascript:alert(5)\">click</a>",
    "<foreignObject><body onload=\"alert(6)\"/></foreignObject>",
    "--><script>alert(7)</script><!--",
    "&x; &nbsp; &amp",
};

GraphStore hostileStore()
{
    GraphStore store;
    for (std::size_t i = 0; i < kPayloads.size(); ++i) {
        Entity e;
        // The payload in the id too (printable: ids refuse only control characters).
        e.id = "person:" + kPayloads[i];
        e.kind = "person";
        e.name = kPayloads[i];
        store.addEntity(std::move(e));
    }
    Entity hub;
    hub.id = "event:hub";
    hub.kind = "event";
    hub.name = "Hub";
    store.addEntity(std::move(hub));
    for (std::size_t i = 0; i < kPayloads.size(); ++i) {
        Relation r;
        r.kind = kPayloads[(i + 1) % kPayloads.size()];
        r.from = "person:" + kPayloads[i];
        r.to = "event:hub";
        store.addRelation(std::move(r));
    }
    return store;
}

struct XmlSummary {
    bool wellFormed = false;
    std::string error;
    std::set<std::string> elements;
    std::set<std::string> attributes;
    std::vector<std::string> texts; // text content of <text> and <title>
    bool sawDoctypeEntities = false;
};

struct XmlState {
    XmlSummary summary;
    int depth = 0;
    std::string current;
};

void XMLCALL onStart(void *data, const XML_Char *name, const XML_Char **attributes)
{
    auto *state = static_cast<XmlState *>(data);
    state->summary.elements.insert(name);
    for (const XML_Char **a = attributes; *a; a += 2) state->summary.attributes.insert(a[0]);
    std::string_view element(name);
    if (element == "text" || element == "title") {
        ++state->depth;
        state->current.clear();
    }
}

void XMLCALL onEnd(void *data, const XML_Char *name)
{
    auto *state = static_cast<XmlState *>(data);
    std::string_view element(name);
    if ((element == "text" || element == "title") && state->depth > 0) {
        --state->depth;
        state->summary.texts.push_back(state->current);
    }
}

void XMLCALL onText(void *data, const XML_Char *text, int length)
{
    auto *state = static_cast<XmlState *>(data);
    if (state->depth > 0) state->current.append(text, static_cast<std::size_t>(length));
}

void XMLCALL onEntity(void *data, const XML_Char *, int, const XML_Char *, int, const XML_Char *,
                      const XML_Char *, const XML_Char *, const XML_Char *)
{
    static_cast<XmlState *>(data)->summary.sawDoctypeEntities = true;
}

XmlSummary readXml(const std::string &xml)
{
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                        &XML_ParserFree);
    XmlState state;
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    XML_SetEntityDeclHandler(parser.get(), onEntity);
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK) {
        state.summary.wellFormed = true;
    } else {
        state.summary.error = std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) + " at line " +
                              std::to_string(XML_GetCurrentLineNumber(parser.get()));
    }
    return state.summary;
}

LayoutOptions options(LayoutEngine engine)
{
    LayoutOptions o;
    o.engine = engine;
    o.title = "<script>alert('title')</script> \" onload=\"x";
    return o;
}

bool contains(const std::vector<std::string> &texts, const std::string &text)
{
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

} // namespace

TEST(SafeOutput, SvgHasNoInjectedElementOrAttributeAndShowsEveryPayloadLiterally)
{
    GraphStore store = hostileStore();
    View view = wholeGraph(store);
    for (LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Sfdp}) {
        std::string svg = renderDiagram(store, view, DiagramFormat::Svg, options(engine));
        XmlSummary xml = readXml(svg);
        ASSERT_TRUE(xml.wellFormed) << xml.error << "\n" << svg;
        EXPECT_FALSE(xml.sawDoctypeEntities);
        // Only what Graphviz's SVG renderer draws with.
        const std::set<std::string> allowedElements = {"svg", "g", "title", "polygon", "polyline",
                                                       "ellipse", "path", "text"};
        for (const std::string &element : xml.elements)
            EXPECT_TRUE(allowedElements.contains(element)) << "unexpected <" << element << "> in\n" << svg;
        for (const std::string &attribute : xml.attributes) {
            EXPECT_NE(attribute.rfind("on", 0), 0u) << "event handler attribute " << attribute;
            EXPECT_EQ(attribute.find("href"), std::string::npos) << "link attribute " << attribute;
        }
        for (const std::string &payload : kPayloads) {
            EXPECT_TRUE(contains(xml.texts, payload)) << "label not shown literally: " << payload;
            // The id is the node's tooltip title.
            EXPECT_TRUE(contains(xml.texts, "person:" + payload)) << "id not shown literally: " << payload;
        }
        EXPECT_TRUE(contains(xml.texts, options(engine).title));
    }
}

TEST(SafeOutput, DotRereadsWithEveryIdLabelAndKindIntactAndNoHtmlLabel)
{
    GraphStore store = hostileStore();
    View view = wholeGraph(store);
    std::string dot = renderDiagram(store, view, DiagramFormat::Dot, options(LayoutEngine::Dot));
    std::unique_ptr<Agraph_t, decltype(&agclose)> g(agmemread(dot.c_str()), &agclose);
    ASSERT_TRUE(g) << dot;
    EXPECT_EQ(agnedges(g.get()), static_cast<int>(kPayloads.size()));
    for (const std::string &payload : kPayloads) {
        std::string id = "person:" + payload;
        Agnode_t *node = agnode(g.get(), id.data(), 0);
        ASSERT_TRUE(node) << "node " << id << " lost in\n" << dot;
        char *label = agget(node, const_cast<char *>("label"));
        ASSERT_TRUE(label);
        EXPECT_FALSE(aghtmlstr(label)) << payload;
        // The only rewriting is Graphviz's own escaping of '\' and '&'.
        std::string expected;
        for (char c : payload) expected += c == '\\' ? std::string("\\\\") : c == '&' ? std::string("&amp;") : std::string(1, c);
        EXPECT_EQ(label, expected);
    }
    // Exactly the nodes and edges of the view (+ the legend): DOT syntax in a
    // payload created nothing.
    EXPECT_EQ(agnnodes(g.get()), static_cast<int>(store.entityCount() + 1));
}

// The export command writes its output, through a temporary beside it, and
// nothing else; no file name is ever built from graph content.
TEST(SafeOutput, ExportWritesOnlyThePathAskedFor)
{
    fs::path dir = test::scratchDir("safe-export");
    fs::path work = dir / "work", out = dir / "out";
    fs::create_directories(work);
    fs::create_directories(out);
    GraphStore store = hostileStore();
    for (const char *id : {"person:../../escaped", "person:/tmp/liaison-escaped", "person:~/x"}) {
        Entity e;
        e.id = id;
        e.kind = "person";
        e.name = std::string("../") + id;
        store.addEntity(std::move(e));
    }
    Source source;
    source.id = "../../source";
    source.title = "../../../title.svg";
    source.path = "/etc/passwd";
    store.addSource(std::move(source));
    fs::path input = work / "graph.json";
    saveLiaisonJsonFile(store, input.string());

    std::set<fs::path> before;
    for (const auto &entry : fs::recursive_directory_iterator(dir)) before.insert(entry.path());
    for (const char *format : {"svg", "dot", "json"}) {
        fs::path target = out / (std::string("briefing.") + format);
        std::string command = "cd '" + work.string() + "' && '" + test::cliPath().string() + "' export graph.json --format " +
                              format + " --layout dot -o '" + target.string() + "'";
        test::CommandResult result = test::runCommand(command);
        ASSERT_EQ(result.exitCode, 0) << result.err;
        EXPECT_TRUE(fs::exists(target));
    }
    std::set<fs::path> after;
    for (const auto &entry : fs::recursive_directory_iterator(dir)) after.insert(entry.path());
    std::set<fs::path> expected = before;
    for (const char *format : {"svg", "dot", "json"}) expected.insert(out / (std::string("briefing.") + format));
    EXPECT_EQ(after, expected);
    EXPECT_FALSE(fs::exists("/tmp/liaison-escaped"));
    EXPECT_FALSE(fs::exists(dir.parent_path() / "escaped"));
    fs::remove_all(dir);
}

// Issue 10, case 11: every string the store can hold (NUL and other C0
// controls included, which Liaison JSON carries as \u escapes) gives
// well-formed SVG, GraphML and GEXF and an uncut DOT label; the control
// characters are shown escaped, never dropped with what follows them.
namespace {

GraphStore controlCharacterStore()
{
    GraphStore store;
    const std::string names[] = {std::string("Visible\0Hidden", 14), "bell\x07" "and\x01one", "tab\tnew\nline",
                                 "esc\x1b[31mred", "nonchar\xEF\xBF\xBE"};
    for (std::size_t i = 0; i < std::size(names); ++i) {
        Entity e;
        e.id = "person:c" + std::to_string(i);
        e.name = names[i];
        e.attributes["note"] = AttributeValue::string(names[i]);
        store.addEntity(std::move(e));
    }
    Relation r;
    r.kind = "met";
    r.from = "person:c0";
    r.to = "person:c1";
    r.attributes["quote"] = AttributeValue::string(std::string("said\0this", 9));
    store.addRelation(std::move(r));
    return store;
}

} // namespace

TEST(SafeOutput, ControlCharactersGiveWellFormedXmlAndUncutLabels)
{
    GraphStore store = controlCharacterStore();
    View view = wholeGraph(store);
    std::string svg = renderDiagram(store, view, DiagramFormat::Svg, options(LayoutEngine::Dot));
    XmlSummary xml = readXml(svg);
    ASSERT_TRUE(xml.wellFormed) << xml.error;
    EXPECT_TRUE(contains(xml.texts, "Visible\\x00Hidden")) << svg;
    EXPECT_TRUE(contains(xml.texts, "esc\\x1B[31mred")) << svg;
    for (const std::string &doc : {writeGraphml(store, view), writeGexf(store, view)}) {
        XmlSummary parsed = readXml(doc);
        EXPECT_TRUE(parsed.wellFormed) << parsed.error << "\n" << doc;
        EXPECT_NE(doc.find("Visible\\x00Hidden"), std::string::npos);
        EXPECT_NE(doc.find("said\\x00this"), std::string::npos);
        EXPECT_NE(doc.find("nonchar\\uFFFE"), std::string::npos);
    }
    std::string dot = renderDiagram(store, view, DiagramFormat::Dot, options(LayoutEngine::Dot));
    std::unique_ptr<Agraph_t, decltype(&agclose)> g(agmemread(dot.c_str()), &agclose);
    ASSERT_TRUE(g) << dot;
    Agnode_t *node = agnode(g.get(), const_cast<char *>("person:c0"), 0);
    ASSERT_TRUE(node);
    EXPECT_STREQ(agget(node, const_cast<char *>("label")), "Visible\\\\x00Hidden"); // \\ is Graphviz's escape of '\'
}

// Liaison re-imports its own GraphML of such a graph, and an import stores a
// control character in a name visibly escaped, with a warning at its line.
TEST(SafeOutput, OwnGraphmlReimportsAndImportEscapesControlsInNames)
{
    fs::path dir = test::scratchDir("control-names");
    GraphStore store = controlCharacterStore();
    writeFileAtomically((dir / "g.graphml").string(), writeGraphml(store, wholeGraph(store)));
    auto r = test::runCommand("'" + test::cliPath().string() + "' import '" + (dir / "g.graphml").string() + "' -o '" +
                              (dir / "back.json").string() + "'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readLiaisonJsonFile((dir / "back.json").string()).entityCount(), store.entityCount());

    std::ofstream(dir / "names.csv", std::ios::binary) << "id,kind,name\nperson:x,person,\"A\x01" "B\"\n";
    r = test::runCommand("'" + test::cliPath().string() + "' import '" + (dir / "names.csv").string() + "' -o '" +
                         (dir / "names.json").string() + "'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("names.csv:2:1: warning: entity person:x: control characters in its names are kept escaped"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(readLiaisonJsonFile((dir / "names.json").string()).entity(0).name, "A\\x01B");
}
