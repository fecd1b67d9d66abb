// The optional "positions" section of Liaison JSON v1 (issue 13 part 4):
// typed access, a save/load round trip, and a file that readers without the
// section still read and write back unchanged.
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/positions.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

using namespace liaison;

namespace {

GraphStore twoPeople()
{
    return readLiaisonJson(R"({"liaison": 1, "entities": [
        {"id": "person:a", "kind": "person", "name": "A"},
        {"id": "person:b", "kind": "person", "name": "B"}],
      "relations": [{"kind": "met", "from": "person:a", "to": "person:b"}]})",
                           "two.json");
}

} // namespace

TEST(Positions, AFileWithoutTheSectionHasNone)
{
    EXPECT_TRUE(readPositions(twoPeople()).empty());
}

TEST(Positions, SurviveASaveAndALoad)
{
    GraphStore store = twoPeople();
    Positions positions;
    positions.engine = "sfdp";
    positions.entities["person:a"] = {12.5, -40.25, false};
    positions.entities["person:b"] = {-3, 7.25, true}; // saved to 1/100 pt
    storePositions(store, positions);
    std::string text = writeLiaisonJson(store);
    EXPECT_NE(text.find("\"positions\""), std::string::npos);
    GraphStore again = readLiaisonJson(text, "again.json");
    EXPECT_EQ(readPositions(again), positions);
    // Saved twice, the bytes do not move: stable text for version control.
    EXPECT_EQ(writeLiaisonJson(again), text);
}

TEST(Positions, StoringNoneRemovesTheSection)
{
    GraphStore store = twoPeople();
    Positions positions;
    positions.entities["person:a"] = {1, 2, false};
    storePositions(store, positions);
    storePositions(store, {});
    EXPECT_EQ(writeLiaisonJson(store).find("\"positions\""), std::string::npos);
}

TEST(Positions, AMalformedSectionNamesTheEntityAndWhatWasExpected)
{
    GraphStore store = readLiaisonJson(R"({"liaison": 1,
        "entities": [{"id": "person:a", "kind": "person", "name": "A"}],
        "positions": {"unit": "pt", "entities": {"person:a": {"x": "left", "y": 3}}}})",
                                       "bad.json");
    try {
        readPositions(store);
        FAIL() << "accepted a string coordinate";
    } catch (const UserError &e) {
        EXPECT_NE(std::string(e.what()).find("person:a"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("\"x\""), std::string::npos) << e.what();
    }
    GraphStore inches = readLiaisonJson(R"({"liaison": 1, "positions": {"unit": "in", "entities": {}}})", "in.json");
    EXPECT_THROW(readPositions(inches), UserError);
}

TEST(Positions, TheSchemaDocumentsTheSection)
{
    std::string schema = readWholeFile((test::sourceDir() / "schema/liaison-v1.schema.json").string());
    EXPECT_NE(schema.find("\"positions\": {\"$ref\": \"#/$defs/positions\"}"), std::string::npos);
    std::string readme = readWholeFile((test::sourceDir() / "README.md").string());
    EXPECT_NE(readme.find("| `positions` |"), std::string::npos);
}
