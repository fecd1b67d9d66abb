// Pull a slice: a valid Liaison JSON file with all the evidence of what it holds.
#include "archive_cluster.hpp"
#include "test_paths.hpp"

#include "liaison/analysis.hpp"
#include "liaison/archive.hpp"
#include "liaison/json_io.hpp"

namespace liaison::test {
namespace {

using archive::Archive;

class ArchivePull : public ArchiveTest {
protected:
    void SetUp() override
    {
        ArchiveTest::SetUp();
        if (IsSkipped()) return;
        Archive(url()).push(file, "iac");
    }
    GraphStore file = readLiaisonJsonFile(iacDataset().string());
};

TEST_F(ArchivePull, EgoSliceFileHoldsTheFilesEgoNetworkWithAllItsEvidence)
{
    std::filesystem::path out = scratchDir("archive_pull") / "slice.json";
    CommandResult r = runCommand(cliPath().string() + " archive pull " + quoted(url()) +
                                 " --focus 莊明芬 --depth 1 -o " + out.string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    GraphStore slice = readLiaisonJsonFile(out.string());
    View ego = egoNetwork(file, file.findById("person:chuang-ming-fen"), 1);
    EXPECT_EQ(slice.entityCount(), ego.entities.size());
    EXPECT_EQ(slice.relationCount(), induced(file, ego.entities).relations.size());
    for (EntityIndex e : ego.entities) EXPECT_NE(slice.findById(file.entity(e).id), kNoEntity) << file.entity(e).id;
    for (const Relation &rel : slice.relations())
        EXPECT_FALSE(rel.evidence.empty()) << rel.kind << " " << rel.from << " " << rel.to;
    EXPECT_EQ(slice.sources().size(), 1u);
    // Every command opens it as usual.
    CommandResult info = runCommand(cliPath().string() + " info " + out.string());
    EXPECT_EQ(info.exitCode, 0) << info.err;
}

TEST_F(ArchivePull, CountrySourceSearchKindsAndDatesNarrowTheSlice)
{
    Archive db(url());
    GraphStore russia = db.pull({{}, 1, {"russia"}, {}, {}, {}});
    EXPECT_NE(russia.findById("country:russia"), kNoEntity);
    EXPECT_LT(russia.entityCount(), file.entityCount());
    GraphStore source = db.pull({{}, 1, {}, {"iac2017-report"}, {}, {}});
    EXPECT_GT(source.entityCount(), 100u);
    GraphStore found = db.pull({{}, 1, {}, {}, "ITMO", {}});
    EXPECT_GE(found.entityCount(), 1u);
    archive::SliceQuery people{{"person:chuang-ming-fen"}, 2, {}, {}, {}, {}};
    people.filter.kinds = {"person"};
    GraphStore persons = db.pull(people);
    for (const Entity &e : persons.entities()) EXPECT_EQ(e.kind, "person");
    archive::SliceQuery window{{}, 1, {}, {}, {}, {}};
    window.filter.from = "2030-01-01";
    EXPECT_LT(db.pull(window).entityCount(), file.entityCount());
}

TEST_F(ArchivePull, UnknownFocusCountryOrSourceIsAnErrorListingCloseCandidates)
{
    Archive db(url());
    try {
        db.pull({{"明"}, 1, {}, {}, {}, {}});
        FAIL() << "a name that is no entity's";
    } catch (const LookupError &e) {
        EXPECT_NE(std::string(e.what()).find("did you mean"), std::string::npos) << e.what();
    }
    try {
        db.pull({{}, 1, {"russ"}, {}, {}, {}});
        FAIL() << "no country russ";
    } catch (const LookupError &e) {
        EXPECT_NE(std::string(e.what()).find("country:russia"), std::string::npos) << e.what();
    }
    try {
        db.pull({{}, 1, {}, {"iac2017"}, {}, {}});
        FAIL() << "no source iac2017";
    } catch (const LookupError &e) {
        EXPECT_NE(std::string(e.what()).find("iac2017-report"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace liaison::test
