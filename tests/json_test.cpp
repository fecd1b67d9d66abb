#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace liaison;
namespace fs = std::filesystem;

namespace {

const char *kSmall = R"({"liaison": 1,
  "sources": [{"id": "s1", "title": "Report", "language": "en", "archive": {"box": 7}}],
  "entities": [
    {"id": "person:a", "kind": "person", "name": "Ann", "names": {"zh": "安"}, "aliases": ["Dr. Ann"],
     "attributes": {"title": "Dr.", "score": 3.10, "flags": [1, 2], "ok": true},
     "evidence": [{"source": "s1", "line": 4, "quote": "Dr. Ann spoke", "page": "iv"}],
     "colour": "red"},
    {"id": "event:e", "kind": "event", "name": "Summit", "attributes": {"start": "2017-09-28"}}
  ],
  "relations": [{"kind": "spoke_at", "from": "person:a", "to": "event:e", "weight": 2}],
  "generator": {"name": "hand"}
})";

ParseError parseFailure(const std::string &text)
{
    try {
        readLiaisonJson(text, "bad.json");
    } catch (const ParseError &error) {
        return error;
    }
    ADD_FAILURE() << "expected a ParseError for: " << text;
    return ParseError("", 0, 0, "");
}

} // namespace

TEST(LiaisonJson, ReadsEntitiesRelationsSourcesAndEvidence)
{
    GraphStore store = readLiaisonJson(kSmall, "small.json");
    ASSERT_EQ(store.entityCount(), 2u);
    ASSERT_EQ(store.relationCount(), 1u);
    const Entity &ann = store.entity(store.findById("person:a"));
    EXPECT_EQ(ann.names.at("zh"), "安");
    EXPECT_EQ(ann.attribute("score")->c_str(), std::string("3.10")) << "number literal kept as written";
    ASSERT_EQ(ann.evidence.size(), 1u);
    EXPECT_EQ(ann.evidence[0].line, 4);
    EXPECT_EQ(store.sources()[0].title, "Report");
}

TEST(LiaisonJson, RoundTripKeepsUnknownKeysAndAttributes)
{
    GraphStore store = readLiaisonJson(kSmall, "small.json");
    std::string once = writeLiaisonJson(store);
    for (const char *kept : {"\"archive\"", "\"colour\"", "\"generator\"", "\"weight\"", "\"page\"", "[1,2]", "3.10"})
        EXPECT_NE(once.find(kept), std::string::npos) << kept << " lost in:\n" << once;
    std::string twice = writeLiaisonJson(readLiaisonJson(once, "once.json"));
    EXPECT_EQ(once, twice) << "a second round trip changes nothing";
}

TEST(LiaisonJson, StructuralErrorsNameLineAndColumn)
{
    ParseError missingId = parseFailure("{\"liaison\": 1,\n \"entities\": [\n  {\"name\": \"x\"}]}");
    EXPECT_EQ(missingId.line(), 3);
    EXPECT_EQ(missingId.column(), 3);
    EXPECT_NE(missingId.message().find("\"id\""), std::string::npos);

    ParseError duplicate = parseFailure(
        "{\"liaison\": 1, \"entities\": [{\"id\": \"p:a\"},\n{\"id\": \"p:a\"}]}");
    EXPECT_EQ(duplicate.line(), 2);
    EXPECT_NE(duplicate.message().find("duplicate entity id 'p:a'"), std::string::npos);

    ParseError dangling = parseFailure("{\"liaison\": 1, \"entities\": [{\"id\": \"p:a\"}],\n"
                                       "\"relations\": [{\"kind\": \"met\", \"from\": \"p:a\", \"to\": \"p:zz\"}]}");
    EXPECT_EQ(dangling.line(), 2);
    EXPECT_NE(dangling.message().find("'p:zz'"), std::string::npos);

    ParseError wrongType = parseFailure("{\"liaison\": 1, \"entities\": [{\"id\": \"p:a\", \"aliases\": \"A\"}]}");
    EXPECT_NE(wrongType.message().find("\"aliases\" to be an array"), std::string::npos);

    ParseError version = parseFailure("{\"liaison\": 2}");
    EXPECT_NE(version.message().find("version"), std::string::npos);
    EXPECT_NE(std::string(version.what()).find("bad.json:1:"), std::string::npos);
}

TEST(LiaisonJson, SyntaxErrorsNameLineAndColumn)
{
    ParseError truncated = parseFailure("{\"liaison\": 1,\n \"entities\": [{\"id\": \"p:a\"");
    EXPECT_EQ(truncated.line(), 2);
    EXPECT_NE(truncated.message().find("invalid JSON"), std::string::npos);

    ParseError badUtf8 = parseFailure(std::string("{\"liaison\": 1, \"entities\": [{\"id\": \"p:\xff\"}]}"));
    EXPECT_EQ(badUtf8.line(), 1);
    EXPECT_NE(badUtf8.message().find("encoding"), std::string::npos);

    ParseError empty = parseFailure("");
    EXPECT_NE(empty.message().find("empty"), std::string::npos);

    std::string deep(100000, '[');
    ParseError nested = parseFailure("{\"liaison\": 1, \"x\": " + deep);
    EXPECT_NE(nested.message().find("nesting"), std::string::npos);
}

TEST(LiaisonJson, AtomicSaveReplacesTheFileWholeAndLeavesNoTemporaries)
{
    fs::path dir = test::scratchDir("atomic");
    fs::path target = dir / "graph.json";
    GraphStore store = readLiaisonJson(kSmall, "small.json");
    saveLiaisonJsonFile(store, target.string());
    std::string first = readWholeFile(target.string());
    EXPECT_EQ(readLiaisonJsonFile(target.string()).entityCount(), 2u);

    // A save that fails (directory not writable) leaves the old bytes.
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    bool failed = false;
    if (::geteuid() != 0) {
        EXPECT_THROW(saveLiaisonJsonFile(GraphStore(), target.string()), IoError);
        failed = true;
    }
    fs::permissions(dir, fs::perms::owner_all);
    if (failed) {
        EXPECT_EQ(readWholeFile(target.string()), first);
    }

    // A save into a missing directory fails with the path named, old file untouched.
    try {
        saveLiaisonJsonFile(store, (dir / "missing" / "g.json").string());
        ADD_FAILURE() << "expected IoError";
    } catch (const IoError &error) {
        EXPECT_NE(std::string(error.what()).find("missing"), std::string::npos);
    }
    std::size_t files = 0;
    for (const auto &entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
    EXPECT_EQ(files, 1u) << "no temporary file left behind";
    fs::remove_all(dir);
}

TEST(LiaisonJson, IacDatasetLoadsAndRoundTrips)
{
    GraphStore store = readLiaisonJsonFile(test::iacDataset().string());
    EXPECT_GE(store.entityCount(), 100u);
    EXPECT_GE(store.relationCount(), 300u);
    for (const Entity &e : store.entities()) EXPECT_FALSE(e.evidence.empty()) << e.id << " has no evidence";
    for (const Relation &r : store.relations())
        EXPECT_FALSE(r.evidence.empty()) << r.kind << " " << r.from << " -> " << r.to << " has no evidence";
    std::string saved = writeLiaisonJson(store);
    EXPECT_EQ(writeLiaisonJson(readLiaisonJson(saved, "saved.json")), saved);
}

// JSONTestSuite (nst/JSONTestSuite): every n_* file is rejected as JSON with a
// position; every y_* file is accepted as JSON (it may still not be a Liaison
// document, which is a different, structural error).
TEST(LiaisonJson, JsonTestSuite)
{
    fs::path suite = test::sharedDir() / "corpora" / "json" / "test_parsing";
    if (test::sharedDir().empty() || !fs::exists(suite)) GTEST_SKIP() << "../shared/corpora is absent";
    int rejected = 0, accepted = 0;
    for (const auto &entry : fs::directory_iterator(suite)) {
        std::string name = entry.path().filename().string();
        if (name.rfind("n_", 0) != 0 && name.rfind("y_", 0) != 0) continue;
        std::string text = readWholeFile(entry.path().string());
        bool syntaxError = false;
        std::string message;
        try {
            readLiaisonJson(text, name);
        } catch (const JsonSyntaxError &error) {
            syntaxError = true;
            message = error.what();
            EXPECT_GE(error.line(), 1) << name;
            EXPECT_GE(error.column(), 1) << name;
        } catch (const ParseError &) {
        }
        if (name[0] == 'n') {
            EXPECT_TRUE(syntaxError) << name << " was accepted as JSON";
            EXPECT_EQ(message.rfind(name + ":", 0), 0u) << message;
            rejected += syntaxError;
        } else {
            EXPECT_FALSE(syntaxError) << name << " rejected: " << message;
            accepted += !syntaxError;
        }
    }
    EXPECT_GE(rejected, 180);
    EXPECT_GE(accepted, 90);
}
