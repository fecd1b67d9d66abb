// An extract of a view (export --format json, a focused subgraph) keeps the
// identity record of the entities it holds: merges stay undoable there and
// rejected merges stay rejected.
#include "layout_fixture.hpp"

#include "liaison/errors.hpp"
#include "liaison/graph_store.hpp"
#include "liaison/identity.hpp"
#include "liaison/json_io.hpp"
#include "liaison/view.hpp"

#include <gtest/gtest.h>

using namespace liaison;

namespace {

// Anna Virtanen with A. Virtanen merged into her (who brought "attended
// Summit"), and Lee Ming judged different from Ming Lee.
GraphStore judgedStore()
{
    using test::makeEntity;
    GraphStore store;
    for (Entity e : {makeEntity("person:a", "person", "Anna Virtanen"), makeEntity("person:b", "person", "A. Virtanen"),
                     makeEntity("person:c", "person", "Lee Ming"), makeEntity("person:d", "person", "Ming Lee"),
                     makeEntity("event:x", "event", "Summit")})
        store.addEntity(std::move(e));
    store.addRelation(test::makeRelation("attended", "person:b", "event:x"));
    GraphStore merged = mergeEntities(store, store.findById("person:a"), store.findById("person:b"), "same").store;
    return judge(merged, merged.findById("person:c"), merged.findById("person:d"), Verdict::Different, "not her");
}

// Through a save and a read, as the next command sees the file.
GraphStore saved(const GraphStore &store) { return readLiaisonJson(writeLiaisonJson(store), "extract.json"); }

} // namespace

TEST(ExtractIdentity, AWholeExtractKeepsEveryJudgementAndRedirect)
{
    GraphStore store = judgedStore();
    GraphStore whole = saved(extractView(store, wholeGraph(store)));
    EXPECT_EQ(whole.judgements(), store.judgements());
    ASSERT_EQ(whole.redirects().size(), 1u);
    EXPECT_EQ(whole.findById("person:b"), whole.findById("person:a"));
    // The merge can be undone there, with the relation it brought.
    GraphStore split = splitEntity(whole, whole.findById("person:a"));
    ASSERT_NE(split.findById("person:b"), split.findById("person:a"));
    ASSERT_EQ(split.relationCount(), 1u);
    EXPECT_EQ(split.relation(0).from, "person:b");
    // And the rejected merge stays rejected.
    EXPECT_THROW(mergeEntities(whole, whole.findById("person:c"), whole.findById("person:d"), "redo"), UserError);
}

TEST(ExtractIdentity, AFocusedExtractKeepsWhatIsAboutItsEntitiesOnly)
{
    GraphStore store = judgedStore();
    // Anna alone: her merge comes along (without the relation to the Summit,
    // which the view left out); the judgement on two others does not.
    GraphStore anna = saved(extractView(store, induced(store, {store.findById("person:a")})));
    ASSERT_EQ(anna.redirects().size(), 1u);
    EXPECT_TRUE(anna.redirects()[0].relations.empty());
    for (const Judgement &j : anna.judgements()) EXPECT_NE(j.verdict, Verdict::Different) << j.a << " ~ " << j.b;
    GraphStore split = splitEntity(anna, anna.findById("person:a"));
    EXPECT_NE(split.findById("person:b"), split.findById("person:a"));
    // Both judged persons: their judgement comes along, no redirect.
    GraphStore pair = saved(extractView(store, induced(store, {store.findById("person:c"), store.findById("person:d")})));
    EXPECT_TRUE(pair.redirects().empty());
    ASSERT_EQ(pair.judgements().size(), 1u);
    EXPECT_EQ(pair.judgements()[0].verdict, Verdict::Different);
    EXPECT_THROW(mergeEntities(pair, pair.findById("person:c"), pair.findById("person:d"), "redo"), UserError);
    // One of them only: the judgement names an entity left out, so it goes.
    GraphStore one = saved(extractView(store, induced(store, {store.findById("person:c")})));
    EXPECT_TRUE(one.judgements().empty());
}
