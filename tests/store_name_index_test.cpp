// The name index is built on the first name lookup, not while a file loads
// (graph_store.cpp, NameIndex). These tests pin what that laziness must never
// change for a user: every name, alias and merged name is found whenever the
// first lookup comes, by however many readers at once, in copies too.
#include "liaison/graph_store.hpp"
#include "layout_fixture.hpp"

#include <gtest/gtest.h>

#include <thread>

using namespace liaison;

namespace {

// A person with aliases, from the tests' own entity maker.
Entity person(std::string id, std::string name, std::vector<std::string> aliases = {})
{
    Entity e = test::makeEntity(std::move(id), "person", std::move(name));
    e.aliases = std::move(aliases);
    return e;
}

std::string nameOf(int i) { return "Person Number " + std::to_string(i); }

// A store of `count` persons whose name index has not been built yet.
GraphStore storeOfPersons(int count)
{
    GraphStore store;
    for (int i = 0; i < count; ++i)
        store.addEntity(person("person:p" + std::to_string(i), nameOf(i), {"alias " + std::to_string(i)}));
    return store;
}

} // namespace

TEST(NameIndex, ConcurrentFirstLookupsAllSeeTheWholeIndexOnce)
{
    constexpr int kPersons = 3000;
    constexpr int kReaders = 8;
    const GraphStore store = storeOfPersons(kPersons);

    // Every reader starts at once on an unbuilt index, then looks up every
    // name: a reader that saw a half-built index, or two builders that both
    // filled it, would find a name missing or twice.
    std::vector<int> wrongAnswers(kReaders, 0);
    std::vector<std::thread> readers;
    for (int r = 0; r < kReaders; ++r) {
        readers.emplace_back([&, r] {
            for (int k = 0; k < kPersons; ++k) {
                int i = (k + r * 397) % kPersons; // each reader in its own order
                auto found = store.findByName(nameOf(i));
                auto byAlias = store.findByName("alias " + std::to_string(i));
                if (found != std::vector<EntityIndex>{static_cast<EntityIndex>(i)} || byAlias != found)
                    ++wrongAnswers[r];
            }
        });
    }
    for (auto &reader : readers) reader.join();
    for (int r = 0; r < kReaders; ++r) EXPECT_EQ(wrongAnswers[r], 0) << "reader " << r;
}

TEST(NameIndex, NamesAddedAndMergedBeforeTheFirstLookupAreFound)
{
    GraphStore store = storeOfPersons(3);
    EntityIndex chuang = store.addEntity(person("person:chuang-ming-fen", "莊明芬"));
    store.mergeInto(chuang, person("person:chuang", "Chuang Ming-fen", {"莊副處長明芬"}), "same person");

    EXPECT_EQ(store.findByName("莊明芬"), std::vector<EntityIndex>{chuang});
    EXPECT_EQ(store.findByName("Chuang Ming-fen"), std::vector<EntityIndex>{chuang});
    EXPECT_EQ(store.findByName("莊副處長明芬"), std::vector<EntityIndex>{chuang});
    EXPECT_EQ(store.findByName("person number 2"), std::vector<EntityIndex>{2});
}

TEST(NameIndex, NamesAddedAndMergedAfterTheFirstLookupAreFoundOnce)
{
    GraphStore store = storeOfPersons(3);
    ASSERT_EQ(store.findByName("person number 1"), std::vector<EntityIndex>{1}); // builds the index

    EntityIndex chuang = store.addEntity(person("person:chuang-ming-fen", "莊明芬"));
    EXPECT_EQ(store.findByName("莊明芬"), std::vector<EntityIndex>{chuang});
    // Merging a record that repeats a name already indexed must not list the
    // entity twice under it.
    store.mergeInto(chuang, person("person:chuang", "莊明芬", {"Chuang Ming-fen"}), "same person");
    EXPECT_EQ(store.findByName("莊明芬"), std::vector<EntityIndex>{chuang});
    EXPECT_EQ(store.findByName("chuang ming-fen"), std::vector<EntityIndex>{chuang});
}

TEST(NameIndex, ACopyMadeBeforeOrAfterTheFirstLookupHasItsOwnIndex)
{
    GraphStore original = storeOfPersons(3);
    GraphStore copiedUnbuilt = original; // no index yet in either
    ASSERT_EQ(original.findByName("person number 0"), std::vector<EntityIndex>{0});
    GraphStore copiedBuilt = original; // the built index is copied

    EntityIndex inUnbuilt = copiedUnbuilt.addEntity(person("person:only-in-first-copy", "First Copy Only"));
    EntityIndex inBuilt = copiedBuilt.addEntity(person("person:only-in-second-copy", "Second Copy Only"));

    EXPECT_EQ(copiedUnbuilt.findByName("first copy only"), std::vector<EntityIndex>{inUnbuilt});
    EXPECT_EQ(copiedBuilt.findByName("second copy only"), std::vector<EntityIndex>{inBuilt});
    EXPECT_EQ(copiedBuilt.findByName("person number 2"), std::vector<EntityIndex>{2});
    EXPECT_TRUE(original.findByName("first copy only").empty()) << "a copy's additions stay in the copy";
    EXPECT_TRUE(original.findByName("second copy only").empty());
    EXPECT_TRUE(copiedBuilt.findByName("first copy only").empty());
}
