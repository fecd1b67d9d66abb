// Issue 10, cases 9 and 10: text from a user's files never reaches a terminal
// as escape sequences or bidi overrides, and never reaches a spreadsheet as a
// formula. Run through the built CLI as a user would.
#include "test_paths.hpp"

#include "liaison/exchange_export.hpp"
#include "liaison/json_io.hpp"
#include "liaison/printable.hpp"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace liaison {
namespace {

std::string cli() { return test::cliPath().string(); }

const std::string kEsc = "Eve\x1b[31mRED\x1b]0;owned\x07";     // colour + window title
const std::string kBidi = "Bob\xE2\x80\xAEtxt.exe";             // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string kC1 = "Carol\xC2\x9B" "2J";                  // U+009B, the 8-bit CSI
const std::string kBreak = "Dan\nfake: line";

// Raw control bytes a terminal would act on.
void expectNothingRaw(const std::string &output, const std::string &what)
{
    EXPECT_EQ(output.find('\x1b'), std::string::npos) << what << ":\n" << output;
    EXPECT_EQ(output.find('\x07'), std::string::npos) << what;
    EXPECT_EQ(output.find("\xE2\x80\xAE"), std::string::npos) << what;
    EXPECT_EQ(output.find("\xC2\x9B"), std::string::npos) << what;
    EXPECT_EQ(output.find("\nfake: line"), std::string::npos) << what; // a name never starts a line of its own
}

GraphStore hostileNames()
{
    GraphStore store;
    for (const auto &[id, name] : std::vector<std::pair<std::string, std::string>>{
             {"person:eve", kEsc}, {"person:bob", kBidi}, {"person:carol", kC1}, {"person:dan", kBreak}}) {
        Entity e;
        e.id = id;
        e.name = name;
        e.attributes["title"] = AttributeValue::string("t" + name);
        e.evidence.push_back({"s", 3, "", "said " + name, -1, {}});
        store.addEntity(std::move(e));
    }
    Entity event;
    event.id = "event:conf";
    event.name = "Conf " + kEsc;
    store.addEntity(std::move(event));
    for (const char *who : {"person:eve", "person:bob", "person:carol", "person:dan"}) {
        Relation r;
        r.kind = "attended";
        r.from = who;
        r.to = "event:conf";
        r.evidence.push_back({"s", 4, "", "quote " + kBidi, -1, {}});
        store.addRelation(std::move(r));
    }
    return store;
}

TEST(HostileText, PrintableTextEscapesEveryControlAndBidiCharacter)
{
    EXPECT_EQ(printableText(kEsc), "Eve\\x1B[31mRED\\x1B]0;owned\\x07");
    EXPECT_EQ(printableText(kBidi), "Bob\\u202Etxt.exe");
    EXPECT_EQ(printableText(kC1), "Carol\\u009B2J");
    EXPECT_EQ(printableText(kBreak), "Dan\\x0Afake: line");
    EXPECT_EQ(printableText(kBreak, LineBreaks::Keep), kBreak);
    EXPECT_EQ(printableText("\xE2\x81\xA6x\xE2\x81\xA9 \xE2\x80\x8F"), "\\u2066x\\u2069 \\u200F");
    EXPECT_EQ(printableText("bad \xFF\xC0 utf8"), "bad \\xFF\\xC0 utf8");
    EXPECT_EQ(printableText("莊明芬 café"), "莊明芬 café");
}

TEST(HostileText, EveryQueryCommandShowsNamesEscapedAndJsonStaysExact)
{
    fs::path dir = test::scratchDir("hostile-text");
    fs::path graph = dir / "g.json";
    saveLiaisonJsonFile(hostileNames(), graph.string());
    const std::vector<std::string> commands = {
        "search " + test::quoted(graph) + " Eve",  "search " + test::quoted(graph) + " Bob",   "met " + test::quoted(graph) + " person:eve --evidence",
        "path " + test::quoted(graph) + " person:eve person:dan", "rank " + test::quoted(graph) + " --met", "rank " + test::quoted(graph),
        "show " + test::quoted(graph) + " person:bob", "show " + test::quoted(graph) + " event:conf", "info " + test::quoted(graph),
        "communities " + test::quoted(graph) + " --met --members", "components " + test::quoted(graph)};
    for (const std::string &command : commands) {
        auto r = test::runCommand(cli() + " " + command);
        EXPECT_EQ(r.exitCode, 0) << command << "\n" << r.err;
        expectNothingRaw(r.out + r.err, command);
    }
    auto shown = test::runCommand(cli() + " show " + test::quoted(graph) + " person:eve");
    EXPECT_NE(shown.out.find("Eve\\x1B[31mRED"), std::string::npos) << shown.out;

    // --json: exact JSON that gives back the exact names.
    auto json = test::runCommand(cli() + " search " + test::quoted(graph) + " o --json");
    ASSERT_EQ(json.exitCode, 0);
    rapidjson::Document doc;
    doc.Parse(json.out.c_str());
    ASSERT_FALSE(doc.HasParseError()) << json.out;
    std::set<std::string> names;
    for (const auto &item : doc.GetArray()) names.insert(item["name"].GetString());
    EXPECT_TRUE(names.count(kBidi)) << json.out;
    EXPECT_TRUE(names.count(kC1));
}

TEST(HostileText, ImportMessagesAndTheReadingLineAreEscaped)
{
    fs::path dir = test::scratchDir("hostile-import");
    fs::path graph = dir / "g.json";
    saveLiaisonJsonFile(hostileNames(), graph.string());
    fs::path csv = dir / ("evil\x1b[2J" "\xE2\x80\xAE.csv");
    std::ofstream(csv, std::ios::binary) << "id,kind,name,title\nperson:eve,person,Other Eve,new title\n";
    auto r = test::runCommand(cli() + " import " + test::quoted(csv) + " --into " + test::quoted(graph) + " -o " + test::quoted(dir / "out.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("reading with csv"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("conflict: person:eve: attribute 'title' kept 'tEve\\x1B[31mRED"), std::string::npos) << r.err;
    expectNothingRaw(r.err, "import");
}

// Case 10: cells a spreadsheet would run as formulas are written with a
// leading ', and Liaison's own CSV loader takes it off again.
TEST(HostileText, CsvExportNeutralisesFormulasAndRoundTrips)
{
    fs::path dir = test::scratchDir("csv-injection");
    GraphStore store;
    const std::vector<std::string> names = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3",
                                            "@SUM(A1:A9)", "'=already quoted", "'plain apostrophe", "''", "-2"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        Entity e;
        e.id = "person:n" + std::to_string(i);
        e.name = names[i];
        e.attributes["cell"] = AttributeValue::string(i % 2 ? "\tTAB" : "\rCR=1");
        store.addEntity(std::move(e));
    }
    fs::path graph = dir / "g.json";
    saveLiaisonJsonFile(store, graph.string());
    auto r = test::runCommand(cli() + " export " + test::quoted(graph) + " -o " + test::quoted(dir / "t.csv"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::string nodes = readWholeFile((dir / "t.csv").string());
    EXPECT_NE(nodes.find(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","), std::string::npos) << nodes;
    EXPECT_NE(nodes.find(",\"'-2+3\","), std::string::npos) << nodes;
    EXPECT_NE(nodes.find(",-2,"), std::string::npos) << nodes; // a number is no formula
    EXPECT_NE(nodes.find(",\"'@SUM(A1:A9)\","), std::string::npos);
    EXPECT_NE(nodes.find(",\"''=already quoted\","), std::string::npos);
    EXPECT_NE(nodes.find(",'plain apostrophe,"), std::string::npos);
    EXPECT_NE(nodes.find("\"'\tTAB\""), std::string::npos);
    // No cell of the file starts with a formula character.
    for (std::size_t at = 0; (at = nodes.find_first_of(",\n", at)) != std::string::npos; ++at) {
        char next = at + 1 < nodes.size() ? nodes[at + 1] : ',';
        char after = at + 2 < nodes.size() ? nodes[at + 2] : ',';
        EXPECT_EQ(std::string("=+@\t").find(next), std::string::npos) << nodes.substr(at, 20);
        if (next == '-') {
            EXPECT_TRUE(after >= '0' && after <= '9') << nodes.substr(at, 20);
        }
    }

    r = test::runCommand(cli() + " import " + test::quoted(dir / "t.csv") + " " + test::quoted(dir / "t.edges.csv") + " -o " +
                         test::quoted(dir / "back.json"));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    GraphStore back = readLiaisonJsonFile((dir / "back.json").string());
    for (std::size_t i = 0; i < names.size(); ++i) {
        EntityIndex e = back.findById("person:n" + std::to_string(i));
        ASSERT_NE(e, kNoEntity);
        EXPECT_EQ(back.entity(e).name, names[i]);
        EXPECT_EQ(*back.entity(e).attribute("cell"), i % 2 ? "\tTAB" : "\rCR=1");
    }
}

} // namespace
} // namespace liaison
