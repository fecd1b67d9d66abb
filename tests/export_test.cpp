#include "layout_fixture.hpp"
#include "test_paths.hpp"

#include "liaison/analysis.hpp"
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/layout.hpp"

#include <expat.h>
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

using namespace liaison;
using liaison::test::kHostileLabel;
using liaison::test::smallStore;

namespace {

// What an SVG holds, read with expat: element names and the text of <text>.
struct SvgContent {
    bool wellFormed = false;
    std::string error;
    std::multiset<std::string> elements;
    std::vector<std::string> texts;
};

struct SvgParse {
    SvgContent content;
    int textDepth = 0;
    std::string current;
};

void XMLCALL onStart(void *data, const XML_Char *name, const XML_Char **)
{
    auto *parse = static_cast<SvgParse *>(data);
    parse->content.elements.insert(name);
    if (std::string_view(name) == "text") {
        ++parse->textDepth;
        parse->current.clear();
    }
}

void XMLCALL onEnd(void *data, const XML_Char *name)
{
    auto *parse = static_cast<SvgParse *>(data);
    if (std::string_view(name) == "text" && parse->textDepth > 0) {
        --parse->textDepth;
        parse->content.texts.push_back(parse->current);
    }
}

void XMLCALL onText(void *data, const XML_Char *text, int length)
{
    auto *parse = static_cast<SvgParse *>(data);
    if (parse->textDepth > 0)
        parse->current.append(text, static_cast<std::size_t>(length));
}

SvgContent parseSvg(const std::string &svg)
{
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreate("UTF-8"), &XML_ParserFree);
    SvgParse parse;
    XML_SetUserData(parser.get(), &parse);
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    if (XML_Parse(parser.get(), svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_OK) {
        parse.content.wellFormed = true;
    } else {
        parse.content.error = std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) +
                              " at line " +
                              std::to_string(XML_GetCurrentLineNumber(parser.get()));
    }
    return parse.content;
}

bool hasText(const SvgContent &svg, const std::string &text)
{
    return std::find(svg.texts.begin(), svg.texts.end(), text) != svg.texts.end();
}

struct GraphCloser {
    void operator()(Agraph_t *g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

LayoutOptions diagramOptions(LayoutEngine engine = LayoutEngine::Dot)
{
    LayoutOptions options;
    options.engine = engine;
    options.title = "IAC 2017 國際資訊長學會年會";
    return options;
}

} // namespace

TEST(Export, SvgIsXmlWithEveryLabelTitleAndLegend)
{
    GraphStore store = smallStore();
    View view = wholeGraph(store);
    std::string svg = renderDiagram(store, view, DiagramFormat::Svg, diagramOptions());
    SvgContent content = parseSvg(svg);
    ASSERT_TRUE(content.wellFormed) << content.error;
    for (EntityIndex e : view.entities)
        EXPECT_TRUE(hasText(content, store.entity(e).name)) << store.entity(e).name;
    for (RelationIndex r : view.relations)
        EXPECT_TRUE(hasText(content, store.relation(r).kind)) << store.relation(r).kind;
    EXPECT_TRUE(hasText(content, "IAC 2017 國際資訊長學會年會"));
    // Issue 13: a kind outside the first five is named, never "Other".
    for (std::string_view kind : {"Kinds", "Person", "Organisation", "Event", "Country", "Topic",
                                  "Document"})
        EXPECT_TRUE(hasText(content, std::string(kind))) << kind;
    EXPECT_FALSE(hasText(content, "Other"));
    EXPECT_NE(svg.find("Noto Sans CJK TC"), std::string::npos);
    EXPECT_NE(svg.find(std::string(styleOfKind("person").fill)), std::string::npos);
}

TEST(Export, LegendListsOnlyKindsPresent)
{
    GraphStore store = smallStore();
    View view = induced(store, {store.findById("person:radomir-bolgov"),
                                store.findById("event:iac2017")});
    SvgContent content = parseSvg(renderDiagram(store, view, DiagramFormat::Svg, {}));
    ASSERT_TRUE(content.wellFormed) << content.error;
    EXPECT_TRUE(hasText(content, "Person"));
    EXPECT_TRUE(hasText(content, "Event"));
    EXPECT_FALSE(hasText(content, "Topic"));
    EXPECT_FALSE(hasText(content, "Organisation"));
}

TEST(Export, HostileLabelIsShownLiterallyNeverInterpreted)
{
    GraphStore store = smallStore(true);
    View view = wholeGraph(store);
    for (LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Sfdp}) {
        LayoutOptions options = diagramOptions(engine);
        options.title = kHostileLabel;
        std::string svg = renderDiagram(store, view, DiagramFormat::Svg, options);
        SvgContent content = parseSvg(svg);
        ASSERT_TRUE(content.wellFormed) << content.error;
        EXPECT_EQ(content.elements.count("script"), 0u);
        // Node label and title, character for character.
        EXPECT_EQ(std::count(content.texts.begin(), content.texts.end(), kHostileLabel), 2)
            << svg;
        EXPECT_EQ(svg.find("<script"), std::string::npos);
        EXPECT_TRUE(hasText(content, test::kEntityLabel)) << svg;
    }
}

TEST(Export, DotRereadsThroughCgraphWithTheSameCounts)
{
    GraphStore store = smallStore(true);
    View view = wholeGraph(store);
    for (bool legend : {false, true}) {
        LayoutOptions options = diagramOptions(LayoutEngine::Neato);
        options.legend = legend;
        std::string dot = renderDiagram(store, view, DiagramFormat::Dot, options);
        GraphPtr g(agmemread(dot.c_str()));
        ASSERT_TRUE(g) << dot;
        EXPECT_EQ(agnnodes(g.get()), static_cast<int>(view.entities.size() + (legend ? 1 : 0)));
        EXPECT_EQ(agnedges(g.get()), static_cast<int>(view.relations.size()));
        EXPECT_STREQ(agget(g.get(), const_cast<char *>("layout")), "neato");
        Agnode_t *chinese = agnode(g.get(), const_cast<char *>("person:chuang-ming-fen"), 0);
        ASSERT_TRUE(chinese);
        EXPECT_STREQ(agget(chinese, const_cast<char *>("label")), "莊明芬");
        Agnode_t *hostile = agnode(g.get(), const_cast<char *>("person:hostile"), 0);
        ASSERT_TRUE(hostile);
        // Escaped for Graphviz: backslash doubled, & as an entity, never HTML.
        char *label = agget(hostile, const_cast<char *>("label"));
        EXPECT_STREQ(label, "<script>alert(1)</script> &amp; \"q\" \\\\N");
        EXPECT_FALSE(aghtmlstr(label));
    }
}

// Every node's and edge's <title> in an SVG export, in order.
std::vector<std::string> svgTitles(const std::string &svg)
{
    std::vector<std::string> titles;
    for (std::size_t at = svg.find("<title>"); at != std::string::npos; at = svg.find("<title>", at + 1))
        titles.push_back(svg.substr(at, svg.find("</title>", at) - at));
    return titles;
}

TEST(Export, SameInputGivesSameBytes)
{
    GraphStore store = smallStore(true);
    View view = wholeGraph(store);
    EXPECT_EQ(renderDiagram(store, view, DiagramFormat::Dot, diagramOptions()),
              renderDiagram(store, view, DiagramFormat::Dot, diagramOptions()));
    for (LayoutEngine engine : allLayoutEngines()) {
        // Graphviz 2.43's fdp is not reproducible between processes on this
        // graph (`fdp -Tsvg` run 8 times on one file gives 2-3 drawings; it
        // follows the heap's layout), and every render has its own worker
        // process now. Its exports are compared by what they draw instead.
        SCOPED_TRACE(std::string(layoutEngineName(engine)));
        std::string first = renderDiagram(store, view, DiagramFormat::Svg, diagramOptions(engine));
        std::string second = renderDiagram(store, view, DiagramFormat::Svg, diagramOptions(engine));
        if (engine == LayoutEngine::Fdp)
            EXPECT_EQ(svgTitles(first), svgTitles(second));
        else
            EXPECT_EQ(first, second);
    }
}

TEST(Export, PngAndPdfHaveTheirSignatures)
{
    GraphStore store = smallStore();
    View view = wholeGraph(store);
    std::string png = renderDiagram(store, view, DiagramFormat::Png, diagramOptions());
    ASSERT_GE(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    std::string pdf = renderDiagram(store, view, DiagramFormat::Pdf, diagramOptions());
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    // The CJK font is embedded, so a reader without it still shows the glyphs.
    EXPECT_NE(pdf.find("NotoSansCJK"), std::string::npos);
}

TEST(Export, TimeLimitedRenderReportsItsFallback)
{
    GraphStore store;
    // dot needs more than 20 s for this graph, sfdp about 0.25 s.
    for (int i = 0; i < 150; ++i)
        store.addEntity(test::makeEntity("person:p" + std::to_string(i), "person",
                                         "P" + std::to_string(i)));
    std::uint32_t seed = 7;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < 600; ++i)
        store.addRelation(test::makeRelation("met",
                                             "person:p" + std::to_string((next() >> 8) % 150),
                                             "person:p" + std::to_string((next() >> 8) % 150)));
    std::vector<std::string> messages;
    LayoutOptions options;
    options.engine = LayoutEngine::Dot;
    options.timeLimit = std::chrono::milliseconds(3000);
    options.messages = &messages;
    options.legend = false;
    std::string svg = renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, options);
    EXPECT_TRUE(parseSvg(svg).wellFormed);
    ASSERT_FALSE(messages.empty());
    EXPECT_NE(messages.front().find("dot did not finish"), std::string::npos) << messages.front();
}

// Writes a Chinese-label PNG beside the test binary's temp dir for a look:
// LIAISON_KEEP_PNG=path keeps it.
TEST(Export, ChinesePngRendersNonEmpty)
{
    GraphStore store = smallStore();
    std::string png = renderDiagram(store, wholeGraph(store), DiagramFormat::Png, diagramOptions());
    ASSERT_GT(png.size(), 1000u);
    if (const char *keep = std::getenv("LIAISON_KEEP_PNG"))
        std::ofstream(keep, std::ios::binary) << png;
}

TEST(Export, CuratedDatasetRendersEveryLabel)
{
    std::filesystem::path dataset = test::iacDataset();
    if (!std::filesystem::exists(dataset))
        GTEST_SKIP() << dataset << " not present";
    GraphStore store = readLiaisonJsonFile(dataset.string());
    View view = wholeGraph(store);
    LayoutOptions options = diagramOptions(LayoutEngine::Sfdp);
    options.timeLimit = std::chrono::seconds(60);
    std::string svg = renderDiagram(store, view, DiagramFormat::Svg, options);
    EXPECT_EQ(svg, renderDiagram(store, view, DiagramFormat::Svg, options)) << "not stable";
    SvgContent content = parseSvg(svg);
    ASSERT_TRUE(content.wellFormed) << content.error;
    for (EntityIndex e : view.entities) {
        const Entity &entity = store.entity(e);
        EXPECT_TRUE(hasText(content, entity.name.empty() ? entity.id : entity.name)) << entity.id;
    }
    LayoutResult layout = layoutView(store, view, options);
    EXPECT_EQ(layout.nodes.size(), view.entities.size());
}

// --- issue 13 part 5: exports of what you see -------------------------------

TEST(Export, TheLegendSaysWhatEachEdgeColourMeans)
{
    GraphStore store = smallStore();
    std::string svg = renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, diagramOptions());
    SvgContent content = parseSvg(svg);
    ASSERT_TRUE(content.wellFormed) << content.error;
    EXPECT_TRUE(hasText(content, "Relations"));
    for (const char *meaning : {"spoke at", "works for", "held in", "discussed", "hosted"})
        EXPECT_TRUE(hasText(content, meaning)) << meaning;
    EXPECT_NE(svg.find(std::string(styleOfRelation("works_for").colour)), std::string::npos);
}

TEST(Export, EdgeLabelsGiveWayToTheLegendAboveTheLimit)
{
    GraphStore store = smallStore();
    LayoutOptions options = diagramOptions();
    options.edgeLabelLimit = 3; // the small graph has 9 relations
    SvgContent content = parseSvg(renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, options));
    ASSERT_TRUE(content.wellFormed) << content.error;
    EXPECT_EQ(std::count(content.texts.begin(), content.texts.end(), "works_for"), 0);
    EXPECT_TRUE(hasText(content, "works for")) << "the legend still explains the colour";
}

TEST(Export, HighlightedEntitiesHaveAThickDarkRedOutline)
{
    GraphStore store = smallStore();
    LayoutOptions options = diagramOptions();
    std::string plain = renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, options);
    options.highlight = {store.findById("person:radomir-bolgov")};
    std::string marked = renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, options);
    EXPECT_EQ(plain.find("#8b0000"), std::string::npos);
    std::size_t node = marked.find("<title>person:radomir&#45;bolgov</title>");
    ASSERT_NE(node, std::string::npos) << marked;
    std::size_t outline = marked.find("stroke=\"#8b0000\" stroke-width=\"4\"", node);
    EXPECT_LT(outline, marked.find("</g>", node)) << "the outline belongs to that node";
}

TEST(Export, APagedPdfIsOnePageOfThatSize)
{
    GraphStore store = readLiaisonJsonFile(test::iacDataset().string());
    LayoutOptions options = diagramOptions(LayoutEngine::Sfdp);
    PageSize a4 = parsePageSize("A4-landscape");
    EXPECT_NEAR(a4.width, 841.89, 0.01);
    EXPECT_THROW(parsePageSize("A5"), UserError);
    options.pageWidth = a4.width;
    options.pageHeight = a4.height;
    std::vector<std::string> messages;
    options.messages = &messages;
    std::string pdf = renderDiagram(store, wholeGraph(store), DiagramFormat::Pdf, options);
    EXPECT_NE(pdf.find("/MediaBox [ 0 0 842 595 ]"), std::string::npos) << pdf.substr(0, 2000);
    EXPECT_NE(pdf.find("/Count 1"), std::string::npos) << "one page, nothing split";
    bool told = false;
    for (const std::string &m : messages) told |= m.find("best-connected") != std::string::npos;
    EXPECT_TRUE(told) << "170 labels do not fit A4 at 6 pt; the export says what it left out";
    // and so does the drawing's legend, which the layout worker amends
    std::string svg = renderDiagram(store, wholeGraph(store), DiagramFormat::Svg, options);
    EXPECT_NE(svg.find("less connected entities drawn unlabelled"), std::string::npos);
}

TEST(Export, TwopiPutsTheRootAtTheCentre)
{
    GraphStore store = readLiaisonJsonFile(test::iacDataset().string());
    EntityIndex focus = store.findById("person:chuang-ming-fen");
    View view = egoNetwork(store, focus, 1);
    LayoutOptions options;
    options.engine = LayoutEngine::Twopi;
    options.root = focus;
    LayoutResult layout = layoutView(store, view, options);
    Point centre{(layout.lowerLeft.x + layout.upperRight.x) / 2, (layout.lowerLeft.y + layout.upperRight.y) / 2};
    double width = layout.upperRight.x - layout.lowerLeft.x;
    for (const NodeLayout &n : layout.nodes)
        if (n.entity == focus) {
            EXPECT_NEAR(n.centre.x, centre.x, width * 0.1);
            EXPECT_NEAR(n.centre.y, centre.y, width * 0.1);
        }
    // Nodes are not piled on top of each other.
    for (std::size_t i = 0; i < layout.nodes.size(); ++i)
        for (std::size_t j = i + 1; j < layout.nodes.size(); ++j) {
            const NodeLayout &a = layout.nodes[i], &b = layout.nodes[j];
            bool overlap = std::abs(a.centre.x - b.centre.x) * 2 < (a.width + b.width) * 0.9 &&
                           std::abs(a.centre.y - b.centre.y) * 2 < (a.height + b.height) * 0.9;
            EXPECT_FALSE(overlap) << store.entity(a.entity).id << " on " << store.entity(b.entity).id;
        }
}
