// Issue 10, case 1: every graph the store can hold saves to a file that reads
// back to the same graph. Random graphs (seeded, so a failure reproduces)
// with every value shape the model has: any code point in any string
// (controls, NUL, bidi marks, astral), numbers at the edges of double range,
// confidences anywhere in 0..1, structured attributes, unknown keys. And the
// other half of the property: what a save could not write is refused by the
// store itself, so it never holds it.
#include "liaison/json_io.hpp"
#include "liaison/storable.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <tuple>
#include <random>

using namespace liaison;

namespace {

class RandomGraph {
public:
    explicit RandomGraph(unsigned seed) : m_random(seed) {}

    GraphStore make()
    {
        GraphStore store;
        int sources = pick(0, 3);
        for (int i = 0; i < sources; ++i) store.addSource(source(i));
        int entities = pick(1, 30);
        for (int i = 0; i < entities; ++i) store.addEntity(entity(i));
        int relations = pick(0, 40);
        for (int i = 0; i < relations; ++i) store.addRelation(relation(store));
        if (chance(2)) store.documentExtras().emplace_back(text(0, 6) + "x", rawJson());
        return store;
    }

private:
    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    bool chance(int oneIn) { return pick(1, oneIn) == 1; }

    // One code point of any class a user's file may bring, as UTF-8.
    std::string codePoint()
    {
        static const char32_t special[] = {0x0, 0x1, 0x9, 0xA, 0x1B, 0x7F, 0x85, 0x200E, 0x202E, 0x2066,
                                           0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF, U'"', U'\\', U'<', U'&', U'%', U'莊'};
        char32_t c;
        switch (pick(0, 3)) {
        case 0: c = special[pick(0, std::size(special) - 1)]; break;
        case 1: c = static_cast<char32_t>(pick(0x20, 0x7E)); break;
        case 2: c = static_cast<char32_t>(pick(0x80, 0xD7FF)); break;
        default: c = static_cast<char32_t>(pick(0xE000, 0x10FFFF)); break;
        }
        std::string out;
        if (c < 0x80) return out += static_cast<char>(c), out;
        if (c < 0x800) return out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))}, out;
        if (c < 0x10000)
            return out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))},
                   out;
        return out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                       static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))},
               out;
    }

    std::string text(int low, int high)
    {
        std::string out;
        for (int n = pick(low, high); n > 0; --n) out += codePoint();
        return out;
    }

    // Printable text for ids and kinds (the format refuses controls there).
    std::string printable(int length)
    {
        std::string out;
        while (static_cast<int>(out.size()) < length) {
            std::string c = codePoint();
            if (static_cast<unsigned char>(c[0]) >= 0x20 && c[0] != 0x7F) out += c;
        }
        return out;
    }

    std::string numberLiteral()
    {
        static const char *edges[] = {"0", "-0", "1", "-1", "3.10", "1e308", "-1.7976931348623157e308",
                                      "4.9e-324", "2.2250738585072014e-308", "123456789012345678901234567890",
                                      "1E+2", "0.000001"};
        if (chance(2)) return edges[pick(0, std::size(edges) - 1)];
        std::uniform_real_distribution<double> any(-1e300, 1e300);
        return jsonNumber(any(m_random));
    }

    // Compact JSON, as the reader keeps structured values.
    std::string rawJson()
    {
        switch (pick(0, 3)) {
        case 0: return "[]";
        case 1: return "{\"a\":[1,2.5,\"x\"],\"b\":null}";
        case 2: return "[true,{\"deep\":[[[]]]}]";
        default: return "{}";
        }
    }

    Attributes attributes()
    {
        Attributes out;
        for (int n = pick(0, 4); n > 0; --n) {
            AttributeValue v;
            switch (pick(0, 4)) {
            case 0: v = AttributeValue::string(text(0, 12)); break;
            case 1: v = AttributeValue::number(numberLiteral()); break;
            case 2: v = {AttributeValue::Type::Bool, chance(2) ? "true" : "false"}; break;
            case 3: v = {AttributeValue::Type::Null, "null"}; break;
            default: v = {AttributeValue::Type::RawJson, rawJson()}; break;
            }
            out.insert_or_assign(text(0, 5), std::move(v));
        }
        return out;
    }

    std::vector<Evidence> evidence()
    {
        std::vector<Evidence> out;
        for (int n = pick(0, 3); n > 0; --n) {
            Evidence e;
            e.source = text(0, 6);
            e.line = chance(3) ? 0 : pick(1, 1'000'000'000);
            e.locator = text(0, 4);
            e.quote = text(0, 30);
            std::uniform_real_distribution<double> unit(0, 1);
            switch (pick(0, 3)) {
            case 0: e.confidence = -1; break;
            case 1: e.confidence = chance(2) ? 0.0 : 1.0; break;
            case 2: e.confidence = std::nextafter(1.0, 0.0); break;
            default: e.confidence = unit(m_random); break;
            }
            if (chance(4)) e.extra.emplace_back("x-" + text(0, 4), rawJson());
            out.push_back(std::move(e));
        }
        return out;
    }

    Source source(int i)
    {
        Source s;
        s.id = "s" + std::to_string(i) + printable(pick(0, 4));
        s.title = text(0, 20);
        s.date = text(0, 10);
        s.language = text(0, 3);
        s.path = text(0, 10);
        if (chance(3)) s.extra.emplace_back("sha256", "\"" + std::to_string(i) + "\"");
        return s;
    }

    Entity entity(int i)
    {
        Entity e;
        e.kind = printable(pick(1, 8));
        e.id = e.kind + ":" + std::to_string(i) + "-" + printable(pick(0, 6));
        e.name = text(1, 20);
        for (int n = pick(0, 2); n > 0; --n) e.names.insert_or_assign(text(0, 3), text(0, 10));
        for (int n = pick(0, 3); n > 0; --n) e.aliases.push_back(text(0, 10));
        e.attributes = attributes();
        e.evidence = evidence();
        if (chance(4)) e.extra.emplace_back("x-" + text(0, 3), rawJson());
        return e;
    }

    Relation relation(const GraphStore &store)
    {
        Relation r;
        r.kind = printable(pick(1, 10));
        auto last = static_cast<int>(store.entityCount()) - 1;
        r.from = store.entity(static_cast<EntityIndex>(pick(0, last))).id;
        r.to = store.entity(static_cast<EntityIndex>(pick(0, last))).id;
        r.attributes = attributes();
        r.evidence = evidence();
        if (chance(4)) r.extra.emplace_back("x-" + text(0, 3), rawJson());
        return r;
    }

    std::mt19937 m_random;
};

void expectSameGraph(const GraphStore &a, const GraphStore &b)
{
    ASSERT_EQ(a.sources().size(), b.sources().size());
    for (std::size_t i = 0; i < a.sources().size(); ++i) {
        const Source &x = a.sources()[i], &y = b.sources()[i];
        EXPECT_EQ(std::tie(x.id, x.title, x.date, x.language, x.path, x.extra),
                  std::tie(y.id, y.title, y.date, y.language, y.path, y.extra));
    }
    ASSERT_EQ(a.entityCount(), b.entityCount());
    for (std::size_t i = 0; i < a.entityCount(); ++i) {
        const Entity &x = a.entities()[i], &y = b.entities()[i];
        EXPECT_EQ(std::tie(x.id, x.kind, x.name, x.names, x.aliases, x.attributes, x.evidence, x.extra),
                  std::tie(y.id, y.kind, y.name, y.names, y.aliases, y.attributes, y.evidence, y.extra))
            << "entity " << i;
    }
    ASSERT_EQ(a.relationCount(), b.relationCount());
    for (std::size_t i = 0; i < a.relationCount(); ++i) {
        const Relation &x = a.relations()[i], &y = b.relations()[i];
        EXPECT_EQ(std::tie(x.kind, x.from, x.to, x.attributes, x.evidence, x.extra),
                  std::tie(y.kind, y.from, y.to, y.attributes, y.evidence, y.extra))
            << "relation " << i;
    }
    EXPECT_EQ(a.documentExtras(), b.documentExtras());
}

} // namespace

TEST(SaveRoundTripProperty, EveryGraphTheStoreHoldsReadsBackTheSame)
{
    for (unsigned seed = 1; seed <= 300; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        GraphStore store = RandomGraph(seed).make();
        std::string saved = writeLiaisonJson(store);
        GraphStore back = readLiaisonJson(saved, "saved.json");
        expectSameGraph(store, back);
        ASSERT_EQ(writeLiaisonJson(back), saved); // stable: a second save is byte-identical
        if (HasFatalFailure() || HasNonfatalFailure()) return;
    }
}

TEST(SaveRoundTripProperty, TheStoreRefusesWhatASaveCouldNotReadBack)
{
    auto entityWith = [](auto change) {
        Entity e;
        e.id = "person:x";
        change(e);
        return e;
    };
    auto refused = [&](auto change) {
        GraphStore store;
        EXPECT_THROW(store.addEntity(entityWith(change)), GraphError);
        EXPECT_EQ(store.entityCount(), 0u);
    };
    for (double bad : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                       std::numeric_limits<double>::quiet_NaN(), 1.5, 1.8e307, -0.5})
        refused([bad](Entity &e) { e.evidence.push_back({"s", 1, "", "q", bad, {}}); });
    refused([](Entity &e) { e.attributes["n"] = AttributeValue::number("1e400"); });
    refused([](Entity &e) { e.attributes["n"] = AttributeValue::number("inf"); });
    refused([](Entity &e) { e.attributes["n"] = AttributeValue::number(" 1"); });
    refused([](Entity &e) { e.attributes["b"] = {AttributeValue::Type::Bool, "yes"}; });
    refused([](Entity &e) { e.attributes["r"] = {AttributeValue::Type::RawJson, "{\"open\": "}; });
    refused([](Entity &e) { e.extra.emplace_back("name", "\"twice\""); });
    refused([](Entity &e) { e.extra.emplace_back("x", "[1, 2"); });
    refused([](Entity &e) { e.id = "person:\x1b[31mred"; });

    GraphStore store;
    store.addEntity(entityWith([](Entity &) {}));
    Entity incoming = entityWith([](Entity &e) { e.evidence.push_back({"s", 1, "", "q", 2.0, {}}); });
    EXPECT_THROW(store.mergeInto(0, incoming), GraphError);
    EXPECT_TRUE(store.entity(0).evidence.empty());
    store.documentExtras().emplace_back("sources", "[]");
    EXPECT_THROW(writeLiaisonJson(store), GraphError);
}

TEST(SaveRoundTripProperty, NumbersAreWrittenShortestAndNeverNonFinite)
{
    EXPECT_EQ(jsonNumber(0.1), "0.1");
    EXPECT_EQ(jsonNumber(0.123456789), "0.123456789"); // a save once kept 3 digits
    EXPECT_EQ(std::strtod(jsonNumber(std::nextafter(1.0, 0.0)).c_str(), nullptr), std::nextafter(1.0, 0.0));
    EXPECT_THROW(jsonNumber(std::numeric_limits<double>::infinity()), std::domain_error);
    EXPECT_THROW(jsonNumber(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
}
