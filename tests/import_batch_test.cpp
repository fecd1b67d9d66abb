// Import semantics a user relies on: all or nothing, lenient skips listed
// with their location, merges and ambiguities reported, the store untouched
// by a failed import (compared byte for byte through the saved JSON).
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

namespace liaison {
namespace {

Entity entity(std::string id, std::string name, std::vector<std::string> aliases = {})
{
    Entity e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.aliases = std::move(aliases);
    return e;
}

Relation relation(std::string kind, std::string from, std::string to)
{
    Relation r;
    r.kind = std::move(kind);
    r.from = std::move(from);
    r.to = std::move(to);
    return r;
}

InputLocation at(int line) { return {"in.csv", line, 1}; }

GraphStore existingGraph()
{
    GraphStore store;
    store.addEntity(entity("person:chuang-ming-fen", "Chuang Ming-fen", {"莊明芬"}));
    store.addEntity(entity("event:iac-2017", "12th IAC Annual Conference"));
    store.addEntity(entity("person:li-a", "Li Wei"));
    store.addEntity(entity("person:li-b", "Li Wei"));
    store.addRelation(relation("attended", "person:chuang-ming-fen", "event:iac-2017"));
    return store;
}

TEST(ImportBatch, CommitsAValidBatch)
{
    GraphStore store;
    ImportBatch batch;
    batch.addEntity(entity("person:a", "A"), at(2));
    batch.addEntity(entity("event:e", "E"), at(3));
    batch.addRelation(relation("attended", "person:a", "event:e"), at(4));
    ImportReport report = commitBatch(store, batch);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(store.entityCount(), 2u);
    EXPECT_EQ(store.relationCount(), 1u);
    EXPECT_EQ(report.entitiesAdded, 2u);
    EXPECT_EQ(report.relationsAdded, 1u);
}

TEST(ImportBatch, FailedImportLeavesTheStoreByteForByte)
{
    GraphStore store = existingGraph();
    const std::string before = writeLiaisonJson(store);
    ImportBatch batch;
    batch.addEntity(entity("person:new", "New Person"), at(2));
    batch.addEntity(entity("person:chuang-ming-fen", "Chuang Ming-fen"), at(3)); // a merge
    batch.addEntity(entity("person:new", "Again"), at(4));                       // duplicate id
    batch.addEntity(entity("nokind", "No kind"), at(5));                          // no kind
    batch.addEntity(entity("person:bad", "bad \xC3\x28 utf8"), at(6));            // encoding
    batch.addRelation(relation("attended", "person:new", "event:nowhere"), at(7)); // dangling
    try {
        commitBatch(store, batch);
        FAIL() << "import should have failed";
    } catch (const ImportError &e) {
        std::string what = e.what();
        EXPECT_NE(what.find("in.csv:4:1: entity person:new: duplicate id (first at in.csv:2:1)"), std::string::npos) << what;
        EXPECT_NE(what.find("in.csv:5:1"), std::string::npos) << what;
        EXPECT_NE(what.find("in.csv:6:1: entity person:bad: invalid UTF-8 in name"), std::string::npos) << what;
        EXPECT_NE(what.find("in.csv:7:1"), std::string::npos) << what;
        EXPECT_NE(what.find("dangling endpoint \"event:nowhere\""), std::string::npos) << what;
        EXPECT_FALSE(e.report().committed);
    }
    EXPECT_EQ(writeLiaisonJson(store), before);
}

TEST(ImportBatch, LoaderErrorFailsTheImport)
{
    GraphStore store = existingGraph();
    const std::string before = writeLiaisonJson(store);
    ImportBatch batch;
    batch.addEntity(entity("person:x", "X"), at(2));
    batch.addDiagnostic({Severity::Error, at(9), "unterminated quoted field"});
    EXPECT_THROW(commitBatch(store, batch), ImportError);
    EXPECT_EQ(writeLiaisonJson(store), before);
}

TEST(ImportBatch, LenientCommitsValidRecordsAndListsSkippedOnes)
{
    GraphStore store;
    ImportBatch batch;
    batch.addEntity(entity("person:a", "A"), at(2));
    batch.addEntity(entity("bad id", ""), at(3)); // no kind
    batch.addRelation(relation("knows", "person:a", "bad id"), at(4));
    batch.addRelation(relation("knows", "person:a", "person:ghost"), at(5));
    ImportOptions lenient;
    lenient.lenient = true;
    ImportReport report = commitBatch(store, batch, lenient);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(store.entityCount(), 1u);
    EXPECT_EQ(store.relationCount(), 0u);
    ASSERT_EQ(report.skipped.size(), 3u);
    EXPECT_EQ(report.skipped[0].origin.line, 3);
    EXPECT_NE(report.skipped[0].reason.find("no kind"), std::string::npos);
    EXPECT_EQ(report.skipped[1].origin.text(), "in.csv:4:1");
    EXPECT_NE(report.skipped[1].reason.find("was refused"), std::string::npos);
    EXPECT_NE(report.skipped[2].reason.find("dangling"), std::string::npos);
}

TEST(ImportBatch, MergesByIdAndByAliasAndReportsEach)
{
    GraphStore store = existingGraph();
    ImportBatch batch;
    Entity sameId = entity("event:iac-2017", "IAC 2017");
    sameId.attributes["city"] = AttributeValue::string("St Petersburg");
    batch.addEntity(sameId, at(2));
    batch.addEntity(entity("person:ming-fen-chuang", "莊明芬"), at(3)); // an alias of an existing person
    batch.addEntity(entity("organisation:chuang-ming-fen", "Chuang Ming-fen"), at(4)); // other kind: no merge
    batch.addRelation(relation("spoke_at", "person:ming-fen-chuang", "event:iac-2017"), at(5));
    ImportReport report = commitBatch(store, batch);
    ASSERT_EQ(report.merges.size(), 2u);
    EXPECT_EQ(report.merges[0].reason, "same id");
    EXPECT_EQ(report.merges[1].incomingId, "person:ming-fen-chuang");
    EXPECT_EQ(report.merges[1].targetId, "person:chuang-ming-fen");
    EXPECT_NE(report.merges[1].reason.find("莊明芬"), std::string::npos);
    EXPECT_EQ(store.entityCount(), 5u); // only the organisation is new
    EntityIndex event = store.findById("event:iac-2017");
    EXPECT_EQ(store.entity(event).name, "12th IAC Annual Conference"); // existing value kept
    ASSERT_NE(store.entity(event).attribute("city"), nullptr);
    // The relation was re-pointed at the surviving entity.
    const Relation &added = store.relation(store.relationCount() - 1);
    EXPECT_EQ(added.from, "person:chuang-ming-fen");
}

TEST(ImportBatch, AmbiguousNameIsReportedAndNotMerged)
{
    GraphStore store = existingGraph();
    ImportBatch batch;
    batch.addEntity(entity("person:li-wei", "Li Wei"), at(2));
    ImportReport report = commitBatch(store, batch);
    EXPECT_TRUE(report.merges.empty());
    ASSERT_EQ(report.ambiguous.size(), 1u);
    EXPECT_EQ(report.ambiguous[0].candidateIds, (std::vector<std::string>{"person:li-a", "person:li-b"}));
    EXPECT_NE(store.findById("person:li-wei"), kNoEntity);
}

TEST(ImportBatch, ReimportingTheSameRelationDoesNotDuplicateIt)
{
    GraphStore store = existingGraph();
    ImportBatch batch;
    batch.addRelation(relation("attended", "person:chuang-ming-fen", "event:iac-2017"), at(2));
    ImportReport report = commitBatch(store, batch);
    EXPECT_EQ(store.relationCount(), 1u);
    EXPECT_EQ(report.duplicateRelations, 1u);
}

TEST(ImportBatch, ImplicitEndpointsGiveWayToDeclaredEntities)
{
    GraphStore store = existingGraph();
    ImportBatch batch;
    Entity implicitA = entity("1", "1");
    implicitA.kind = "node";
    batch.addEntity(implicitA, at(5), true);
    Entity declared = entity("1", "Alice");
    declared.kind = "person";
    batch.addEntity(declared, at(2));
    Entity implicitOld = entity("event:iac-2017", "event:iac-2017");
    batch.addEntity(implicitOld, at(5), true);
    batch.addRelation(relation("attended", "1", "event:iac-2017"), at(5));
    ImportReport report = commitBatch(store, batch);
    EXPECT_TRUE(report.merges.empty()); // implicit entities are never merged
    EntityIndex alice = store.findById("1");
    ASSERT_NE(alice, kNoEntity);
    EXPECT_EQ(store.entity(alice).kind, "person");
    EXPECT_EQ(store.entity(alice).name, "Alice");
}

TEST(ImportBatch, Utf8Validation)
{
    EXPECT_TRUE(isValidUtf8("plain"));
    EXPECT_TRUE(isValidUtf8("莊明芬 😀"));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));         // overlong
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));     // surrogate
    EXPECT_FALSE(isValidUtf8("\xE8\x8E"));         // truncated
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
}

} // namespace
} // namespace liaison
