// Identity (issue 12): who is merged with whom at import, and why; candidates
// with reasons; judgements and redirects that last; evidence that accumulates.
#include "liaison/identity.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace liaison {
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

Entity entity(std::string id, std::string kind, std::string name)
{
    Entity e = person(std::move(id), std::move(name));
    e.kind = std::move(kind);
    return e;
}

Relation relation(std::string kind, std::string from, std::string to, std::string source = {}, int line = 0)
{
    Relation r;
    r.kind = std::move(kind);
    r.from = std::move(from);
    r.to = std::move(to);
    if (!source.empty()) r.evidence.push_back({source, line, {}, "quote " + std::to_string(line), -1, {}});
    return r;
}

// One document's batch: `file` names it in locations.
struct Doc {
    ImportBatch batch;
    std::string file;
    explicit Doc(std::string f) : file(std::move(f)) {}
    Doc &add(Entity e)
    {
        batch.addEntity(std::move(e), {file, 1, 0});
        return *this;
    }
    Doc &link(Relation r)
    {
        batch.addRelation(std::move(r), {file, 2, 0});
        return *this;
    }
};

GraphStore imported(Doc doc)
{
    GraphStore store;
    commitBatch(store, doc.batch);
    return store;
}

std::string idOf(const GraphStore &store, const std::string &reference)
{
    EntityIndex e = store.findById(reference);
    return e == kNoEntity ? std::string("(none)") : store.entity(e).id;
}

TEST(IdentityImport, SurnameAloneNeverMergesAcrossDocuments)
{
    GraphStore store = imported(Doc("a.txt").add(person("person:jan-novak", "Jan Novak")));
    Doc b("b.txt");
    b.add(person("person:novak", "Prof. Novak"));
    ImportReport report = commitBatch(store, b.batch);
    EXPECT_EQ(report.entitiesMerged, 0u);
    EXPECT_NE(store.findById("person:novak"), store.findById("person:jan-novak"));
    ASSERT_EQ(report.outcomes.size(), 1u);
    EXPECT_EQ(report.outcomes[0].kind, EntityOutcome::Kind::Created);
    ASSERT_EQ(report.outcomes[0].candidates.size(), 1u);
    EXPECT_NE(report.outcomes[0].candidates[0].find("surname-only form across documents"), std::string::npos)
        << report.outcomes[0].candidates[0];
}

TEST(IdentityImport, AnIdMadeOfASurnameAloneDoesNotMergeAcrossDocuments)
{
    // Two reports each mention a "Dr. Lee" with no full name; a loader makes
    // the same id of both. Re-importing the first report still merges.
    auto report = [](const std::string &file, const std::string &source) {
        Doc d(file);
        Entity lee = person("person:lee", "Dr. Lee");
        lee.evidence.push_back({source, 4, {}, "Dr. Lee spoke", -1, {}});
        d.add(std::move(lee));
        return d;
    };
    GraphStore store = imported(report("one.txt", "one"));
    ImportReport second = commitBatch(store, report("two.txt", "two").batch);
    EXPECT_EQ(second.entitiesMerged, 0u);
    EXPECT_EQ(store.entityCount(), 2u);
    ASSERT_EQ(second.outcomes.size(), 1u);
    EXPECT_NE(second.outcomes[0].reason.find("surname alone"), std::string::npos) << second.outcomes[0].reason;
    ImportReport again = commitBatch(store, report("one.txt", "one").batch);
    EXPECT_EQ(again.entitiesMerged, 1u);
    EXPECT_EQ(store.entityCount(), 2u);
}

TEST(IdentityImport, ReimportingTheDocumentWhoseSurnameIdWasKeptApartAddsNothing)
{
    // The second report's "Dr. Lee" was kept apart as person:lee@two; importing
    // that same report again (three times) must find it again, not add
    // person:lee@two-2, -3, ... and multiply every meeting of it.
    auto report = [](const std::string &file, const std::string &source) {
        Doc d(file);
        Entity lee = person("person:lee", "Dr. Lee");
        lee.evidence.push_back({source, 4, {}, "Dr. Lee spoke", -1, {}});
        d.add(std::move(lee)).add(person("person:kim-ana", "Ana Kim"));
        d.link(relation("met", "person:lee", "person:kim-ana", source, 4));
        return d;
    };
    GraphStore store = imported(report("one.txt", "one"));
    commitBatch(store, report("two.txt", "two").batch);
    ASSERT_EQ(store.entityCount(), 3u);
    ASSERT_NE(store.findById("person:lee@two"), kNoEntity);
    for (int again = 0; again < 3; ++again) {
        ImportReport reimport = commitBatch(store, report("two.txt", "two").batch);
        EXPECT_EQ(reimport.entitiesAdded, 0u) << "re-import " << again;
        EXPECT_EQ(store.entityCount(), 3u) << "re-import " << again;
        ASSERT_FALSE(reimport.outcomes.empty());
        EXPECT_EQ(reimport.outcomes[0].kind, EntityOutcome::Kind::Merged);
        EXPECT_EQ(reimport.outcomes[0].resultId, "person:lee@two");
        EXPECT_NE(reimport.outcomes[0].reason.find("kept apart"), std::string::npos) << reimport.outcomes[0].reason;
    }
    EXPECT_EQ(store.findById("person:lee@two-2"), kNoEntity);
    // Ana Kim met each Lee once: one met relation per Lee, with one quote each.
    EXPECT_EQ(store.relationCount(), 2u);
}

TEST(IdentityImport, ReimportingAFileWhoseMeaninglessIdsWereKeptApartAddsNothing)
{
    GraphStore store = imported(Doc("people.csv").add(entity("1", "person", "Alice Chen")));
    auto orgs = [] { return Doc("orgs.csv").add(entity("1", "organisation", "Acme")); };
    commitBatch(store, orgs().batch);
    ASSERT_NE(store.findById("1@orgs"), kNoEntity);
    ImportReport again = commitBatch(store, orgs().batch);
    EXPECT_EQ(again.entitiesAdded, 0u);
    EXPECT_EQ(store.entityCount(), 2u);
    EXPECT_EQ(store.findById("1@orgs-2"), kNoEntity);
    // A different row under the same meaningless id is still kept apart.
    ImportReport other = commitBatch(store, Doc("orgs.csv").add(entity("1", "organisation", "Globex")).batch);
    EXPECT_EQ(other.entitiesAdded, 1u);
    EXPECT_NE(store.findById("1@orgs-2"), kNoEntity);
}

TEST(IdentityCandidates, DifferentCountriesCountAgainst)
{
    GraphStore store = imported(Doc("a.json")
                                    .add(entity("organisation:itmo-egc", "organisation", "電子治理中心"))
                                    .add(entity("organisation:teg", "organisation", "電子治理中心"))
                                    .add(entity("country:ru", "country", "Russia"))
                                    .add(entity("country:tw", "country", "Taiwan"))
                                    .link(relation("located_in", "organisation:itmo-egc", "country:ru"))
                                    .link(relation("located_in", "organisation:teg", "country:tw")));
    Candidate c = scorePair(store, store.findById("organisation:itmo-egc"), store.findById("organisation:teg"));
    EXPECT_LT(c.score, kMergeScore);
    ASSERT_FALSE(c.counterReasons.empty());
    EXPECT_NE(c.counterReasons[0].find("different countries"), std::string::npos);
}

Entity datedEvent(std::string id, std::string start, std::string end, std::string source)
{
    Entity e = entity(std::move(id), "event", "Global Cooperation Forum");
    e.attributes["start"] = AttributeValue::string(std::move(start));
    if (!end.empty()) e.attributes["end"] = AttributeValue::string(std::move(end));
    e.evidence.push_back({std::move(source), 3, {}, "attended the Global Cooperation Forum", -1, {}});
    return e;
}

TEST(IdentityImport, EventsOfOneNameOnDaysApartStayApart)
{
    // Two editions of an annual forum named alike in two reports: two
    // events, each with its own date and evidence, and the reason said.
    GraphStore store = imported(Doc("a.txt").add(datedEvent("event:forum-2022-05-03", "2022-05-03", "", "a")));
    ImportReport second =
        commitBatch(store, Doc("b.txt").add(datedEvent("event:forum-2023-05-02", "2023-05-02", "", "b")).batch);
    EXPECT_EQ(second.entitiesMerged, 0u);
    ASSERT_EQ(store.entityCount(), 2u);
    for (const char *id : {"event:forum-2022-05-03", "event:forum-2023-05-02"}) {
        const Entity &e = store.entity(store.findById(id));
        ASSERT_EQ(e.evidence.size(), 1u) << id;
        EXPECT_EQ(*e.attribute("start"), std::string(id).substr(12)) << id;
    }
    ASSERT_EQ(second.outcomes.size(), 1u);
    ASSERT_EQ(second.outcomes[0].candidates.size(), 1u);
    EXPECT_NE(second.outcomes[0].candidates[0].find("different dates (2023-05-02 / 2022-05-03)"), std::string::npos)
        << second.outcomes[0].candidates[0];
    Candidate c = scorePair(store, 0, 1);
    EXPECT_TRUE(c.blocked);

    // Days that overlap (a two-day forum reported from its second day) are one occasion.
    commitBatch(store, Doc("c.txt").add(datedEvent("event:forum-2023-05-01", "2023-05-01", "2023-05-02", "c")).batch);
    EXPECT_EQ(store.entityCount(), 2u);
    EXPECT_EQ(store.entity(store.findById("event:forum-2023-05-02")).evidence.size(), 2u);
    // A year alone may be any day of that year: it joins that year's edition only.
    commitBatch(store, Doc("d.txt").add(datedEvent("event:forum-2022", "2022", "", "d")).batch);
    EXPECT_EQ(store.entityCount(), 2u);
    EXPECT_EQ(store.entity(store.findById("event:forum-2022-05-03")).evidence.size(), 2u);
}

TEST(IdentityImport, GenderedHonorificsAreCounterReasonsNotStripped)
{
    GraphStore store = imported(Doc("a.txt").add(person("person:lee-1", "Ms. Lee Ming")).add(person("person:wang-1", "王女士")));
    Doc b("b.txt");
    b.add(person("person:lee-2", "Mr. Lee Ming")).add(person("person:wang-2", "王先生"));
    ImportReport report = commitBatch(store, b.batch);
    EXPECT_EQ(report.entitiesMerged, 0u);
    EXPECT_EQ(store.entityCount(), 4u);
    Candidate lee = scorePair(store, store.findById("person:lee-1"), store.findById("person:lee-2"));
    EXPECT_TRUE(lee.blocked);
    ASSERT_FALSE(lee.counterReasons.empty());
    EXPECT_NE(lee.counterReasons[0].find("different gendered titles"), std::string::npos);
    // The honorific stays in the entity's name: nothing was stripped away.
    EXPECT_EQ(store.entity(store.findById("person:wang-2")).name, "王先生");
}

TEST(IdentityImport, MeaninglessIdsOfTwoFilesStayApart)
{
    GraphStore store = imported(Doc("people.csv").add(entity("1", "person", "Alice Chen")).add(entity("2", "event", "Summit")));
    Doc b("orgs.csv");
    b.add(entity("1", "organisation", "Acme")).add(entity("2", "organisation", "Globex"));
    b.link(relation("partnered_with", "1", "2"));
    ImportReport report = commitBatch(store, b.batch);
    EXPECT_EQ(report.entitiesMerged, 0u);
    EXPECT_EQ(store.entityCount(), 4u);
    EXPECT_EQ(store.entity(store.findById("1")).kind, "person");
    EXPECT_EQ(store.entity(store.findById("1")).name, "Alice Chen");
    EntityIndex acme = store.findById("1@orgs");
    ASSERT_NE(acme, kNoEntity);
    EXPECT_EQ(store.entity(acme).name, "Acme");
    // The second file's relation joins its own entities, not the first file's.
    ASSERT_EQ(store.relationCount(), 1u);
    EXPECT_EQ(store.relation(0).from, "1@orgs");
    EXPECT_EQ(store.relation(0).to, "2@orgs");
}

TEST(IdentityImport, NameOrderHyphenationAndCaseVariantsMerge)
{
    GraphStore store = imported(Doc("a.txt").add(person("person:chen-wei-ling", "Chen Wei-ling")));
    Doc b("b.txt");
    b.add(person("person:wei-ling-chen", "Wei-ling Chen"));
    Doc c("c.txt");
    c.add(person("person:chen-weiling", "CHEN Weiling"));
    commitBatch(store, b.batch);
    ImportReport report = commitBatch(store, c.batch);
    EXPECT_EQ(store.entityCount(), 1u);
    EXPECT_EQ(idOf(store, "person:wei-ling-chen"), "person:chen-wei-ling");
    ASSERT_EQ(report.merges.size(), 1u);
    EXPECT_NE(report.merges[0].reason.find("name order/spelling variant"), std::string::npos) << report.merges[0].reason;
}

TEST(IdentityImport, TraditionalAndSimplifiedFormsFold)
{
    GraphStore store = imported(Doc("a.txt").add(person("person:chuang-ming-fen", "莊明芬")));
    Doc b("b.txt");
    b.add(person("person:zhuang-ming-fen", "庄明芬"));
    ImportReport report = commitBatch(store, b.batch);
    ASSERT_EQ(report.merges.size(), 1u);
    EXPECT_EQ(report.merges[0].targetId, "person:chuang-ming-fen");
    EXPECT_NE(report.merges[0].reason.find("Traditional/Simplified"), std::string::npos) << report.merges[0].reason;
}

TEST(IdentityImport, EdgeListEndpointByNameResolvesOrIsReportedAmbiguous)
{
    GraphStore store = readLiaisonJsonFile(LIAISON_SOURCE_DIR "/datasets/iac2017/graph.json");
    std::size_t people = store.entitiesOfKind("person").size();
    Doc edges("attendance.csv");
    Entity endpoint = person("莊明芬", "莊明芬");
    edges.batch.addEntity(endpoint, {"attendance.csv", 2, 1}, true);
    Entity event = entity("Budget Hearing", "event", "Budget Hearing");
    edges.batch.addEntity(event, {"attendance.csv", 2, 1}, true);
    edges.link(relation("attended", "莊明芬", "Budget Hearing"));
    ImportReport report = commitBatch(store, edges.batch);
    EXPECT_EQ(store.entitiesOfKind("person").size(), people) << "a second 莊明芬 was created";
    ASSERT_EQ(store.relationCount() > 0, true);
    EXPECT_EQ(store.relation(store.relationCount() - 1).from, "person:chuang-ming-fen");

    // Two entities fit "Lee Ming": reported, never guessed.
    GraphStore two = imported(Doc("a.txt").add(person("person:lee-ming-1", "Lee Ming")).add(person("person:lee-ming-2", "Lee Ming")));
    Doc more("edges.csv");
    more.batch.addEntity(person("Lee Ming", "Lee Ming"), {"edges.csv", 2, 1}, true);
    more.batch.addEntity(entity("Gala", "event", "Gala"), {"edges.csv", 2, 1}, true);
    more.link(relation("attended", "Lee Ming", "Gala"));
    ImportReport ambiguous = commitBatch(two, more.batch);
    ASSERT_EQ(ambiguous.ambiguous.size(), 1u);
    EXPECT_EQ(ambiguous.ambiguous[0].candidateIds, (std::vector<std::string>{"person:lee-ming-1", "person:lee-ming-2"}));
    EXPECT_EQ(ambiguous.entitiesMerged, 0u);
}

TEST(IdentityOperations, RedirectAfterMergeResolvesEverywhereAndSurvivesASave)
{
    GraphStore store = imported(Doc("a.txt")
                                    .add(person("person:a", "Anna Virtanen"))
                                    .add(person("person:b", "A. Virtanen"))
                                    .add(entity("event:x", "event", "Summit"))
                                    .link(relation("attended", "person:b", "event:x", "a", 3)));
    MergeResult merged = mergeEntities(store, store.findById("person:a"), store.findById("person:b"), "same person");
    GraphStore reread = readLiaisonJson(writeLiaisonJson(merged.store), "merged.json");
    EXPECT_EQ(idOf(reread, "person:b"), "person:a");
    ASSERT_EQ(reread.redirects().size(), 1u);
    EXPECT_EQ(reread.redirects()[0].reason, "same person");
    EXPECT_FALSE(reread.redirects()[0].time.empty());
    ASSERT_EQ(reread.relationCount(), 1u);
    EXPECT_EQ(reread.relation(0).from, "person:a");
    // A later import that uses the old id merges into the survivor.
    Doc later("later.txt");
    later.add(person("person:b", "A. Virtanen"));
    ImportReport report = commitBatch(reread, later.batch);
    EXPECT_EQ(report.entitiesAdded, 0u);
    EXPECT_EQ(reread.entityCount(), 2u);
}

TEST(IdentityOperations, RejectedMergeNeverComesBackOnReimport)
{
    GraphStore store = imported(Doc("a.txt").add(person("person:lee-ming", "Lee Ming")));
    auto second = [] {
        Doc b("b.txt");
        b.add(person("person:ming-lee", "Ming Lee"));
        return b;
    };
    Doc b = second();
    commitBatch(store, b.batch);
    ASSERT_EQ(idOf(store, "person:ming-lee"), "person:lee-ming") << "the import merged by name order";
    // The user says no: split it off; the judgement is kept in the file.
    GraphStore split = splitEntity(store, store.findById("person:lee-ming"), "person:ming-lee");
    GraphStore saved = readLiaisonJson(writeLiaisonJson(split), "split.json");
    ASSERT_EQ(saved.judgements().size(), 1u);
    EXPECT_EQ(saved.judgements().back().verdict, Verdict::Different);
    EXPECT_NE(idOf(saved, "person:ming-lee"), idOf(saved, "person:lee-ming"));
    // Re-importing the same document, and a third one naming her again, never merges them.
    Doc again = second();
    commitBatch(saved, again.batch);
    Doc third("c.txt");
    third.add(person("person:lee-ming-c", "LEE Ming"));
    ImportReport report = commitBatch(saved, third.batch);
    EXPECT_NE(idOf(saved, "person:ming-lee"), idOf(saved, "person:lee-ming"));
    EXPECT_EQ(report.ambiguous.size(), 1u) << "both fit LEE Ming: not guessed";
}

TEST(IdentityImport, EvidenceFromTwoSourcesAccumulatesOnOneRelation)
{
    Doc a("a.txt");
    a.batch.addSource({"a", "A", {}, {}, "a.txt", "sha256:aa", {}}, {"a.txt", 0, 0});
    a.add(person("person:x", "Anna Virtanen")).add(entity("event:s", "event", "Summit"));
    a.link(relation("attended", "person:x", "event:s", "a", 3));
    GraphStore store = imported(std::move(a));
    Doc b("b.txt");
    b.batch.addSource({"b", "B", {}, {}, "b.txt", "sha256:bb", {}}, {"b.txt", 0, 0});
    b.add(person("person:x", "Anna Virtanen")).add(entity("event:s", "event", "Summit"));
    b.link(relation("attended", "person:x", "event:s", "b", 7));
    b.link(relation("attended", "person:x", "event:s", "b", 7)); // identical: kept once
    ImportReport report = commitBatch(store, b.batch);
    ASSERT_EQ(store.relationCount(), 1u);
    ASSERT_EQ(store.relation(0).evidence.size(), 2u);
    EXPECT_EQ(store.relation(0).evidence[0].source, "a");
    EXPECT_EQ(store.relation(0).evidence[1].source, "b");
    EXPECT_EQ(report.evidenceAppended, 1u);
}

TEST(IdentityImport, SourcesAreIdentifiedByContentHashAndPath)
{
    auto doc = [](const std::string &path, const std::string &hash, int line) {
        Doc d(path);
        d.batch.addSource({"report", "Report", {}, {}, path, hash, {}}, {path, 0, 0});
        d.add(person("person:x", "Anna Virtanen")).add(entity("event:s", "event", "Summit"));
        d.link(relation("attended", "person:x", "event:s", "report", line));
        return d;
    };
    GraphStore store = imported(doc("2019/report.txt", "sha256:1111111111111111", 3));
    commitBatch(store, doc("2020/report.txt", "sha256:2222222222222222", 5).batch);
    ASSERT_EQ(store.sources().size(), 2u) << "two different files with one name are two sources";
    EXPECT_EQ(store.sources()[1].path, "2020/report.txt");
    ASSERT_EQ(store.relation(0).evidence.size(), 2u);
    EXPECT_EQ(store.relation(0).evidence[1].source, store.sources()[1].id) << "quotes stay with their own file";
    commitBatch(store, doc("2019/report.txt", "sha256:1111111111111111", 3).batch);
    EXPECT_EQ(store.sources().size(), 2u) << "the same file twice is one source";
    EXPECT_EQ(store.relation(0).evidence.size(), 2u);
}

TEST(IdentityCandidates, ListsReasonsAndCounterReasons)
{
    GraphStore store = imported(Doc("a.txt")
                                    .add(person("person:a", "Chen Wei-ling"))
                                    .add(entity("organisation:o", "organisation", "NDC"))
                                    .link(relation("works_for", "person:a", "organisation:o")));
    Doc b("b.txt");
    b.add(person("person:b", "Ms. Chen")).add(person("person:c", "Mr. Chen Wei-ling"));
    b.add(entity("organisation:o", "organisation", "NDC"));
    b.link(relation("works_for", "person:c", "organisation:o"));
    commitBatch(store, b.batch);
    std::vector<Candidate> all = findCandidates(store);
    ASSERT_FALSE(all.empty());
    bool sawOrganisation = false, sawSurname = false;
    for (const Candidate &c : all) {
        for (const std::string &r : c.reasons) sawOrganisation |= r.find("same organisation \"NDC\"") != std::string::npos;
        for (const std::string &r : c.counterReasons) sawSurname |= r.find("surname-only") != std::string::npos;
    }
    EXPECT_TRUE(sawSurname);
    EXPECT_EQ(idOf(store, "person:c"), "person:a") << "full name + same organisation merges";
    (void)sawOrganisation;
}

TEST(IdentityNames, FormsAndMeaninglessIds)
{
    NameForm a = analyseName("Chen Wei-ling", "person"), b = analyseName("CHEN Weiling", "person");
    EXPECT_TRUE(std::find(a.orders.begin(), a.orders.end(), b.orders.front()) != a.orders.end());
    EXPECT_TRUE(analyseName("Prof. Novak", "person").surnameOnly);
    EXPECT_TRUE(analyseName("王女士", "person").surnameOnly);
    EXPECT_EQ(analyseName("王女士", "person").gender, Gender::Female);
    EXPECT_EQ(analyseName("Mr. Lee", "person").gender, Gender::Male);
    EXPECT_EQ(analyseName("莊明芬", "person").key, analyseName("庄明芬", "person").key);
    for (const char *id : {"1", "42", "person:17", "row-3", "n5", "E12"}) EXPECT_TRUE(isMeaninglessId(id)) << id;
    for (const char *id : {"person:chuang-ming-fen", "country:tw", "event:iac-2017", "node"})
        EXPECT_FALSE(isMeaninglessId(id)) << id;
}

} // namespace
} // namespace liaison

namespace liaison {
namespace {

TEST(IdentityFile, JudgementsRedirectsAndHashRoundTripAndBadOnesAreLocated)
{
    const std::string text = R"({"liaison": 1,
  "sources": [{"id": "r", "path": "r.txt", "hash": "sha256:00ff"}],
  "entities": [{"id": "person:a", "name": "Anna"}],
  "relations": [],
  "judgements": [{"a": "person:a", "b": "person:x", "verdict": "different", "time": "2026-12-06T23:59:00Z"}],
  "redirects": [{"from": "person:old", "to": "person:a", "reason": "merged by the user"},
                {"from": "person:older", "to": "person:old"}]})";
    GraphStore store = readLiaisonJson(text, "g.json");
    EXPECT_EQ(store.sources()[0].hash, "sha256:00ff");
    EXPECT_EQ(store.findById("person:older"), store.findById("person:a")) << "chains are followed";
    GraphStore again = readLiaisonJson(writeLiaisonJson(store), "again.json");
    EXPECT_EQ(writeLiaisonJson(again), writeLiaisonJson(store));
    ASSERT_EQ(again.judgements().size(), 1u);
    EXPECT_EQ(again.judgements()[0].verdict, Verdict::Different);

    auto error = [](const std::string &bad) {
        try {
            readLiaisonJson(bad, "bad.json");
        } catch (const ParseError &e) {
            return std::string(e.what());
        }
        return std::string("(read without error)");
    };
    EXPECT_NE(error(R"({"liaison": 1, "entities": [{"id": "a"}], "redirects": [{"from": "a", "to": "b"}]})")
                  .find("bad.json:1:"),
              std::string::npos);
    EXPECT_NE(error(R"({"liaison": 1, "entities": [{"id": "a"}], "redirects": [{"from": "b", "to": "nowhere"}]})")
                  .find("neither an entity nor a redirect"),
              std::string::npos);
    EXPECT_NE(error(R"({"liaison": 1, "judgements": [{"a": "x", "b": "y", "verdict": "maybe"}]})").find("\"same\" or"),
              std::string::npos);
    // A file without identity sections is written without them (older readers see nothing new).
    GraphStore plain = readLiaisonJson(R"({"liaison": 1, "entities": [{"id": "a"}]})", "plain.json");
    EXPECT_EQ(writeLiaisonJson(plain).find("redirects"), std::string::npos);
}

} // namespace
} // namespace liaison
