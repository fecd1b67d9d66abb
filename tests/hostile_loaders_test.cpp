// Hostile inputs to the loader plugins (issue 7), through the plugin host as
// the CLI uses them: entity expansion and external entities in XML, deep
// nesting, mismatched CSV quotes, DOT that Graphviz rejects, invalid UTF-8,
// huge values, control characters in ids. Each ends in a located error (or
// loads), in bounded time, and never reaches the store.
#include "test_paths.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

using namespace liaison;

namespace {

std::string repeat(const std::string &piece, std::size_t times)
{
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

ImportBatch load(const std::string &loader, const std::string &bytes, const std::string &file = "hostile")
{
    static PluginHost host;
    const LoaderInfo *info = host.find(loader);
    EXPECT_TRUE(info) << loader;
    if (!info) return {};
    return host.load(*info, file, bytes);
}

// The first error diagnostic; fails the test when there is none.
Diagnostic firstError(const ImportBatch &batch)
{
    for (const Diagnostic &d : batch.diagnostics())
        if (d.severity == Severity::Error) return d;
    ADD_FAILURE() << "expected an error diagnostic";
    return {};
}

// The first error of a strict commit of `batch` into an empty store, which
// must stay empty.
std::string commitError(const ImportBatch &batch)
{
    GraphStore store;
    try {
        commitBatch(store, batch);
    } catch (const ImportError &error) {
        EXPECT_EQ(store.entityCount(), 0u);
        return error.what();
    }
    ADD_FAILURE() << "expected the import to be refused";
    return {};
}

const std::string kLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
)";

std::string graphmlWith(const std::string &prolog, const std::string &label)
{
    return prolog + R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="label" for="node" attr.name="label" attr.type="string"/>
<graph edgedefault="directed"><node id="n1"><data key="label">)" +
           label + "</data></node></graph></graphml>\n";
}

std::string gexfWith(const std::string &prolog, const std::string &label)
{
    return prolog + R"(<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<nodes><node id="n1" label=")" +
           label + R"("/></nodes><edges/></graph></gexf>
)";
}

} // namespace

TEST(HostileLoaders, BillionLaughsIsRefusedAtTheDeclarationQuickly)
{
    for (const char *loader : {"graphml", "gexf"}) {
        SCOPED_TRACE(loader);
        std::string text = std::string(loader) == "graphml" ? graphmlWith(kLaughs, "&lol9;") : gexfWith(kLaughs, "&lol9;");
        auto start = std::chrono::steady_clock::now();
        ImportBatch batch = load(loader, text, "laughs.xml");
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_LT(seconds, 2.0);
        Diagnostic error = firstError(batch);
        EXPECT_EQ(error.where.line, 3) << error.text();
        EXPECT_NE(error.message.find("entity"), std::string::npos) << error.text();
        EXPECT_TRUE(batch.entities().empty());
        EXPECT_NE(commitError(batch).find("laughs.xml:3"), std::string::npos);
    }
}

TEST(HostileLoaders, ExternalEntitiesAreNeverFetched)
{
    const std::string prologs[] = {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g SYSTEM \"file:///etc/passwd\">\n",
    };
    for (const char *loader : {"graphml", "gexf"}) {
        for (const std::string &prolog : prologs) {
            SCOPED_TRACE(std::string(loader) + ": " + prolog);
            std::string text = std::string(loader) == "graphml" ? graphmlWith(prolog, "&xxe;") : gexfWith(prolog, "&xxe;");
            ImportBatch batch = load(loader, text, "xxe.xml");
            for (const BatchEntity &e : batch.entities()) {
                EXPECT_EQ(e.entity.name.find("root:"), std::string::npos) << "file content leaked into a name";
                for (const auto &[key, value] : e.entity.attributes)
                    EXPECT_EQ(value.text.find("root:"), std::string::npos) << key;
            }
            // Either refused with a location, or loaded without the entity's text.
            if (batch.hasErrors()) {
                EXPECT_GT(firstError(batch).where.line, 0) << firstError(batch).text();
            }
        }
    }
}

TEST(HostileLoaders, DeeplyNestedXmlIsHandledWithoutStackOverflow)
{
    const std::size_t depth = 1'000'000;
    std::string nested = repeat("<x>", depth) + repeat("</x>", depth);
    for (const char *loader : {"graphml", "gexf"}) {
        SCOPED_TRACE(loader);
        std::string text = std::string(loader) == "graphml"
                               ? "<graphml><graph><node id=\"a\">" + nested + "</node></graph></graphml>"
                               : "<gexf><graph><nodes><node id=\"a\">" + nested + "</node></nodes></graph></gexf>";
        ImportBatch batch = load(loader, text);
        // Loaded (the unknown elements ignored) or refused with a location: not a crash.
        if (batch.hasErrors()) {
            EXPECT_GT(firstError(batch).where.line, 0) << firstError(batch).text();
        }
    }
}

TEST(HostileLoaders, DeeplyNestedGmlIsHandledWithoutStackOverflow)
{
    const std::size_t depth = 1'000'000;
    std::string text = "graph [ node [ id 1 x " + repeat("a [ ", depth) + repeat("] ", depth) + "] ]\n";
    ImportBatch batch = load("gml", text);
    if (batch.hasErrors()) {
        EXPECT_GT(firstError(batch).where.line, 0) << firstError(batch).text();
    }
}

TEST(HostileLoaders, DeeplyNestedDotIsRefusedOrLoaded)
{
    const std::size_t depth = 100'000;
    std::string text = "digraph g { " + repeat("subgraph { ", depth) + "a -> b" + repeat(" }", depth) + " }\n";
    ImportBatch batch = load("dot", text);
    if (batch.hasErrors()) {
        EXPECT_GT(firstError(batch).where.line, 0) << firstError(batch).text();
    }
}

TEST(HostileLoaders, CsvMismatchedQuotesAreLocated)
{
    // The quote opened on line 3 is never closed.
    ImportBatch batch = load("csv", "Source,Target\na,b\n\"c,d\ne,f\ng,h\n", "quotes.csv");
    Diagnostic error = firstError(batch);
    EXPECT_EQ(error.where.line, 3) << error.text();
    EXPECT_EQ(error.where.column, 1) << error.text();
    // A stray quote inside an unquoted field.
    ImportBatch stray = load("csv", "Source,Target\na,b\"x\"y\n", "stray.csv");
    if (stray.hasErrors()) {
        EXPECT_EQ(firstError(stray).where.line, 2) << firstError(stray).text();
    }
    // Text after a closing quote.
    ImportBatch after = load("csv", "Source,Target\n\"a\"junk,b\n", "after.csv");
    if (after.hasErrors()) {
        EXPECT_EQ(firstError(after).where.line, 2) << firstError(after).text();
    }
}

TEST(HostileLoaders, DotThatGraphvizRejectsIsLocated)
{
    ImportBatch batch = load("dot", "digraph g {\n  a -> b;\n  c -> ;\n}\n", "bad.dot");
    Diagnostic error = firstError(batch);
    EXPECT_EQ(error.where.line, 3) << error.text();
    for (const char *bad : {"graph {", "digraph { a -> b [label=\"x] }", "strict strict graph {}",
                            "digraph { a -- b }", "\xff\xfe"}) {
        ImportBatch b = load("dot", bad, "bad.dot");
        EXPECT_TRUE(b.hasErrors()) << bad;
    }
}

TEST(HostileLoaders, InvalidUtf8IsLocated)
{
    struct Case {
        const char *loader;
        std::string text;
        int line;
    } cases[] = {
        {"csv", "Id,Label\nn1,ok\nn2,bad\xC3\x28 here\n", 3},
        {"graphml", graphmlWith("", "bad\xC3\x28"), 3},
        {"gexf", gexfWith("", "bad\xC3\x28"), 2},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.loader);
        ImportBatch batch = load(c.loader, c.text, "utf8");
        std::string message = batch.hasErrors() ? firstError(batch).text() : commitError(batch);
        EXPECT_NE(message.find("utf8:" + std::to_string(c.line)), std::string::npos) << message;
    }
}

TEST(HostileLoaders, HugeAttributeValuesLoad)
{
    std::string big(16 << 20, 'v');
    ImportBatch csv = load("csv", "Id,Label,note\nn1,One," + big + "\n", "big.csv");
    ASSERT_FALSE(csv.hasErrors()) << firstError(csv).text();
    ASSERT_EQ(csv.entities().size(), 1u);
    EXPECT_EQ(csv.entities()[0].entity.attributes.at("note").text.size(), big.size());
    ImportBatch graphml = load("graphml", graphmlWith("", big), "big.graphml");
    ASSERT_FALSE(graphml.hasErrors()) << firstError(graphml).text();
    ASSERT_EQ(graphml.entities().size(), 1u);
    EXPECT_EQ(graphml.entities()[0].entity.name.size(), big.size());
}

TEST(HostileLoaders, ControlCharactersInIdsAreRefusedWithALocation)
{
    struct Case {
        const char *loader;
        std::string text;
        int line;
    } cases[] = {
        {"csv", "Id,Label\nn1,One\nn\x01" "2,Two\n", 3},
        {"graphml", "<graphml>\n<graph>\n<node id=\"a&#9;b\"/>\n</graph></graphml>", 3},
        {"gexf", "<gexf><graph>\n<nodes>\n<node id=\"a&#9;b\" label=\"x\"/></nodes></graph></gexf>", 3},
        {"gml", "graph [\n node [ id 1 ]\n node [ id \"a\x1b" "b\" ]\n]\n", 3},
        {"dot", "digraph {\n a;\n \"b\x02\";\n}\n", 3},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.loader);
        ImportBatch batch = load(c.loader, c.text, "ids");
        std::string message = batch.hasErrors() ? firstError(batch).text() : commitError(batch);
        EXPECT_NE(message.find("ids:" + std::to_string(c.line)), std::string::npos) << message;
        EXPECT_NE(message.find("control character"), std::string::npos) << message;
    }
    // XML itself forbids references to most control characters: refused by the parser, located.
    ImportBatch xml = load("graphml", "<graphml>\n<graph>\n<node id=\"a&#x1;b\"/>\n</graph></graphml>", "ids");
    EXPECT_NE(firstError(xml).text().find("ids:3:"), std::string::npos) << firstError(xml).text();
}

TEST(HostileLoaders, MessagesNeverCarryTerminalEscapes)
{
    // An id that would clear the user's terminal if echoed raw.
    ImportBatch batch = load("csv", "Id,Label\n\x1b[2J\x1b]0;pwned\x07,x\n", "esc.csv");
    std::string message = batch.hasErrors() ? firstError(batch).text() : commitError(batch);
    EXPECT_EQ(message.find('\x1b'), std::string::npos) << message;
    EXPECT_EQ(message.find('\x07'), std::string::npos) << message;
    EXPECT_NE(message.find("\\x1B[2J"), std::string::npos) << message;
    EXPECT_NE(message.find("esc.csv:2"), std::string::npos) << message;
}

// cgraph kept its lexer buffer after a parse it aborted ("memory exhausted"
// on a long edge chain), and the next valid file then failed with "syntax
// error in line 1". Each load must start clean.
TEST(HostileLoaders, ABadDotFileDoesNotBreakTheNextOne)
{
    std::string chain = "digraph g { a0";
    for (int i = 1; i < 20000; ++i) chain += " -> a" + std::to_string(i);
    chain += " }\n";
    const std::string good = "digraph g {\n  a -> b;\n}\n";
    const std::string bad = "digraph g {\n  a -> b;\n  c -> ;\n}\n";
    EXPECT_TRUE(load("dot", chain, "chain.gv").hasErrors());
    ImportBatch after = load("dot", good, "good.gv");
    EXPECT_FALSE(after.hasErrors()) << firstError(after).text();
    EXPECT_EQ(after.entities().size(), 2u);
    // And the line of an error does not drift with what was parsed before.
    EXPECT_EQ(firstError(load("dot", bad, "bad.gv")).where.line, 3);
    EXPECT_FALSE(load("dot", good, "good.gv").hasErrors());
    EXPECT_EQ(firstError(load("dot", bad, "bad.gv")).where.line, 3);
}
