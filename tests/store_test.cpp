#include "liaison/errors.hpp"
#include "liaison/graph_store.hpp"
#include "liaison/normalize.hpp"

#include <gtest/gtest.h>

using namespace liaison;

namespace {

Entity person(std::string id, std::string name, std::vector<std::string> aliases = {})
{
    Entity e;
    e.id = std::move(id);
    e.kind = "person";
    e.name = std::move(name);
    e.aliases = std::move(aliases);
    return e;
}

} // namespace

TEST(GraphStore, IndexesEntitiesByIdNameAliasAndKind)
{
    GraphStore store;
    EntityIndex chuang = store.addEntity(person("person:chuang-ming-fen", "莊明芬", {"莊副處長明芬"}));
    Entity org;
    org.id = "organisation:itmo";
    org.name = "ITMO University";
    EntityIndex itmo = store.addEntity(org);

    EXPECT_EQ(store.findById("person:chuang-ming-fen"), chuang);
    EXPECT_EQ(store.findById("person:nobody"), kNoEntity);
    EXPECT_EQ(store.findByName("莊明芬"), std::vector<EntityIndex>{chuang});
    EXPECT_EQ(store.findByName("莊副處長明芬"), std::vector<EntityIndex>{chuang});
    EXPECT_EQ(store.findByName("itmo university"), std::vector<EntityIndex>{itmo});
    EXPECT_EQ(store.entity(itmo).kind, "organisation") << "kind defaults to the id prefix";
    EXPECT_EQ(store.entitiesOfKind("person"), std::vector<EntityIndex>{chuang});
}

TEST(GraphStore, RefusesDuplicateIdsAndDanglingRelations)
{
    GraphStore store;
    store.addEntity(person("person:a", "A"));
    EXPECT_THROW(store.addEntity(person("person:a", "Another A")), GraphError);
    Relation r{"met", "person:a", "person:missing", {}, {}, {}};
    EXPECT_THROW(store.addRelation(r), GraphError);
    EXPECT_EQ(store.relationCount(), 0u);
    EXPECT_EQ(store.entityCount(), 1u);
}

TEST(GraphStore, RelationsAreReachableBothWays)
{
    GraphStore store;
    EntityIndex a = store.addEntity(person("person:a", "A"));
    EntityIndex b = store.addEntity(person("person:b", "B"));
    RelationIndex r = store.addRelation({"met", "person:a", "person:b", {}, {}, {}});
    EXPECT_EQ(store.outRelations(a), std::vector<RelationIndex>{r});
    EXPECT_EQ(store.inRelations(b), std::vector<RelationIndex>{r});
    EXPECT_EQ(store.relationSource(r), a);
    EXPECT_EQ(store.relationTarget(r), b);
    EXPECT_EQ(store.outDegree(b), 0u);
}

TEST(GraphStore, SearchIsCaseAndWidthInsensitive)
{
    GraphStore store;
    EntityIndex e = store.addEntity(person("person:auffret", "J.P. Auffret", {"Prof. Auffret"}));
    EXPECT_EQ(store.search("AUFFRET"), std::vector<EntityIndex>{e});
    EXPECT_EQ(store.search("ＡＵＦＦＲＥＴ"), std::vector<EntityIndex>{e}) << "full-width letters";
    EXPECT_EQ(store.findByName("Dr. J.P. Auffret"), std::vector<EntityIndex>{e}) << "honorific stripped";
    EXPECT_TRUE(store.search("zzz").empty());
}

// Search folds Traditional/Simplified as resolution does (show resolves
// 庄明芬 to 莊明芬; search must find it too, in the CLI and the viewer).
TEST(GraphStore, SearchFindsHanTextInEitherScript)
{
    GraphStore store;
    EntityIndex chuang = store.addEntity(person("person:chuang-ming-fen", "莊明芬"));
    Entity taiwan{"country:taiwan", "country", "臺灣", {}, {"台灣"}, {}, {}};
    EntityIndex tw = store.addEntity(taiwan);
    EXPECT_EQ(store.search("庄明芬"), std::vector<EntityIndex>{chuang}) << "Simplified 庄 finds Traditional 莊";
    EXPECT_EQ(store.search("明芬"), std::vector<EntityIndex>{chuang}) << "a substring, unchanged";
    EXPECT_EQ(store.search("台湾"), std::vector<EntityIndex>{tw}) << "Simplified 湾 finds 灣";
    EXPECT_TRUE(store.search("陈").empty());
}

TEST(GraphStore, MergeUnitesAliasesNamesAndEvidenceAndReportsConflicts)
{
    GraphStore store;
    Entity first = person("person:obi", "Toshio Obi");
    first.attributes["title"] = AttributeValue::string("Prof.");
    EntityIndex obi = store.addEntity(first);
    Entity second = person("person:dr-obi", "Dr. Obi", {"小尾敏夫"});
    second.attributes["title"] = AttributeValue::string("Dr.");
    second.evidence.push_back({"report", 299, "", "Dr. Obi", -1, {}});
    std::vector<std::string> conflicts = store.mergeInto(obi, second);

    const Entity &merged = store.entity(obi);
    EXPECT_EQ(merged.id, "person:obi");
    EXPECT_NE(std::find(merged.aliases.begin(), merged.aliases.end(), "小尾敏夫"), merged.aliases.end());
    EXPECT_EQ(merged.evidence.size(), 1u);
    EXPECT_EQ(merged.attribute("title")->c_str(), std::string("Prof.")) << "existing value wins";
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_NE(conflicts[0].find("title"), std::string::npos);
    EXPECT_EQ(store.findById("person:dr-obi"), obi) << "the merged id still resolves";
    EXPECT_EQ(store.findByName("小尾敏夫"), std::vector<EntityIndex>{obi});
}

TEST(Normalize, FoldsWidthCasePunctuationAndStripsTitles)
{
    EXPECT_EQ(foldText("  Ｐｒｏｆ.  J.P.   AUFFRET "), "prof j p auffret");
    EXPECT_EQ(normalizeName("Prof. J.P. Auffret").key, "j p auffret");
    EXPECT_EQ(normalizeName("莊副處長明芬").key, "莊明芬");
    EXPECT_EQ(normalizeName("廖洲棚副教授").key, "廖洲棚");
    NormalizedName n = normalizeName("Dr. Obi");
    EXPECT_EQ(n.key, "obi");
    EXPECT_EQ(n.titles, std::vector<std::string>{"dr"});
    EXPECT_EQ(normalizeName("教授").key, "教授") << "a bare title is kept, never emptied";
}
