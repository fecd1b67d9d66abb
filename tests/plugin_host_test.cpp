// The plugin boundary: built-ins always there, modules of another ABI
// refused with nothing registered, misbehaving loaders contained.
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace liaison {
namespace {

const std::string kModules = LIAISON_TEST_MODULE_DIR;

std::vector<std::string> names(const PluginHost &host)
{
    std::vector<std::string> out;
    for (const auto &l : host.loaders()) out.push_back(l.name);
    return out;
}

TEST(PluginHost, BuiltInLoadersNeedNoPluginFolder)
{
    PluginHost host;
    for (const char *name : {"liaison-json", "csv", "dot", "graphml", "gexf", "gml"}) {
        const LoaderInfo *l = host.find(name);
        ASSERT_NE(l, nullptr) << name;
        EXPECT_TRUE(l->builtin);
        EXPECT_EQ(l->origin, "built-in");
        EXPECT_EQ(l->abi, 1u);
    }
}

// Liaison JSON is the store's own format: the host reads it itself, no
// plugin ABI in between (so nothing of a record is lost on the way), and it
// is chosen for a Liaison JSON file and located when refused.
TEST(PluginHost, ReadsLiaisonJsonItself)
{
    PluginHost host;
    const LoaderInfo *json = host.find("liaison-json");
    ASSERT_NE(json, nullptr);
    EXPECT_TRUE(json->native);
    EXPECT_EQ(json->descriptor, nullptr);
    std::string text = R"({"liaison": 1, "sources": [{"id": "r1", "x-src": true}],
      "entities": [{"id": "person:a", "kind": "person", "name": "A", "x-note": {"k": [1, 2]},
                    "evidence": [{"source": "r1", "line": 3, "x-ev": 1}]},
                   {"id": "event:e", "name": "E"}],
      "relations": [{"kind": "attended", "from": "person:a", "to": "event:e", "x-rel": "y"}]})";
    EXPECT_EQ(&host.choose("graph.json", text), json);
    ImportBatch batch = host.load(*json, "graph.json", text);
    ASSERT_FALSE(batch.hasErrors());
    ASSERT_EQ(batch.entities().size(), 2u);
    const Entity &a = batch.entities()[0].entity;
    ASSERT_EQ(a.extra.size(), 1u);
    EXPECT_EQ(a.extra[0].first, "x-note");
    ASSERT_EQ(a.evidence.size(), 1u);
    EXPECT_EQ(a.evidence[0].line, 3);
    EXPECT_EQ(a.evidence[0].extra.size(), 1u);
    EXPECT_EQ(batch.entities()[1].entity.kind, "event");
    ASSERT_EQ(batch.relations().size(), 1u);
    EXPECT_EQ(batch.relations()[0].relation.extra.size(), 1u);
    EXPECT_EQ(batch.sources().at(0).source.extra.size(), 1u);

    ImportBatch refused = host.load(*json, "bad.json", "{\"liaison\": 1,\n \"entities\": [{\"kind\": \"person\"}]}");
    ASSERT_TRUE(refused.hasErrors());
    EXPECT_EQ(refused.diagnostics()[0].where.file, "bad.json");
    EXPECT_EQ(refused.diagnostics()[0].where.line, 2);
    EXPECT_TRUE(refused.entities().empty());
}

TEST(PluginHost, LoadsAGoodModuleAndUsesIt)
{
    PluginHost host;
    const LoaderInfo &info = host.loadModule(kModules + "/good.so");
    EXPECT_EQ(info.name, "good-module");
    EXPECT_EQ(info.version, "2.1.0");
    EXPECT_EQ(info.origin, kModules + "/good.so");
    EXPECT_EQ(&host.choose("x.testmod", "anything"), host.find("good-module"));
    ImportBatch batch = host.load(*host.find("good-module"), "x.testmod", "anything");
    ASSERT_EQ(batch.entities().size(), 1u);
    EXPECT_EQ(batch.entities()[0].entity.id, "person:from-module");
}

TEST(PluginHost, RefusesAnotherAbiVersionAndRegistersNothing)
{
    PluginHost host;
    auto before = names(host);
    try {
        host.loadModule(kModules + "/future_abi.so");
        FAIL() << "module of ABI 2 accepted";
    } catch (const PluginError &e) {
        EXPECT_NE(std::string(e.what()).find("future_abi.so: refused: plugin ABI version 2, this Liaison speaks version 1"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(names(host), before);
    EXPECT_EQ(host.find("future-abi"), nullptr);
}

TEST(PluginHost, RefusesATruncatedDescriptor)
{
    PluginHost host;
    auto before = names(host);
    try {
        host.loadModule(kModules + "/small_struct.so");
        FAIL() << "truncated descriptor accepted";
    } catch (const PluginError &e) {
        EXPECT_NE(std::string(e.what()).find("struct_size 8 is smaller"), std::string::npos) << e.what();
    }
    EXPECT_EQ(names(host), before);
}

TEST(PluginHost, RefusesAFileThatIsNoLoader)
{
    PluginHost host;
    EXPECT_THROW(host.loadModule(kModules + "/does-not-exist.so"), PluginError);
}

TEST(PluginHost, AThrowingModuleLeavesTheStoreUntouched)
{
    PluginHost host;
    host.loadModule(kModules + "/throwing.so");
    GraphStore store = readLiaisonJson(R"({"liaison":1,"entities":[{"id":"person:a","kind":"person","name":"A"}]})", "t.json");
    const std::string before = writeLiaisonJson(store);
    ImportBatch batch = host.load(*host.find("throwing"), "x.testmod", "data");
    ASSERT_TRUE(batch.hasErrors());
    EXPECT_NE(batch.diagnostics().back().message.find("threw an exception"), std::string::npos);
    EXPECT_THROW(commitBatch(store, batch), ImportError);
    EXPECT_EQ(writeLiaisonJson(store), before);
}

TEST(PluginHost, DiscoversModulesOnThePluginPathAndListsRefusals)
{
    ::setenv("LIAISON_PLUGIN_PATH", kModules.c_str(), 1);
    PluginHost host;
    host.discoverModules();
    ::unsetenv("LIAISON_PLUGIN_PATH");
    EXPECT_NE(host.find("good-module"), nullptr);
    EXPECT_NE(host.find("throwing"), nullptr);
    EXPECT_EQ(host.find("future-abi"), nullptr);
    EXPECT_EQ(host.find("small-struct"), nullptr);
    std::size_t refused = 0;
    for (const auto &p : host.problems())
        if (p.path.find("future_abi.so") != std::string::npos || p.path.find("small_struct.so") != std::string::npos)
            ++refused;
    EXPECT_EQ(refused, 2u);
}

TEST(PluginHost, BuildFolderModulesAreShadowedByBuiltIns)
{
    PluginHost host;
    const LoaderInfo &csv = host.loadModule(std::string(LIAISON_BUILD_PLUGIN_DIR) + "/csv.so");
    EXPECT_FALSE(csv.active);
    EXPECT_EQ(csv.shadowedBy, "built-in");
    EXPECT_TRUE(host.find("csv")->builtin);
}

// In-process descriptors that misbehave in the ways a C plugin can.
int sniffNever(const liaison_input *) { return 0; }
int garbageCode(const liaison_input *, const liaison_host *) { return 42; }
int silentFailure(const liaison_input *, const liaison_host *) { return LIAISON_LOAD_FAILED; }
int nullArrays(const liaison_input *, const liaison_host *host)
{
    liaison_entity_record r{};
    r.struct_size = sizeof r;
    r.id = {"person:x", 8};
    r.alias_count = 3; // but aliases == NULL
    EXPECT_EQ(host->add_entity(host, &r), LIAISON_REJECTED);
    liaison_relation_record small{};
    small.struct_size = 4;
    EXPECT_EQ(host->add_relation(host, &small), LIAISON_REJECTED);
    return LIAISON_LOAD_OK;
}
const char *const kNoPatterns[] = {nullptr};
const liaison_loader kGarbage{1, sizeof(liaison_loader), "garbage", "1", "d", kNoPatterns, sniffNever, garbageCode};
const liaison_loader kSilent{1, sizeof(liaison_loader), "silent", "1", "d", kNoPatterns, sniffNever, silentFailure};
const liaison_loader kNulls{1, sizeof(liaison_loader), "nulls", "1", "d", kNoPatterns, sniffNever, nullArrays};

TEST(PluginHost, MisbehavingLoadersBecomeErrorsNeverCommits)
{
    PluginHost host;
    host.registerLoader(&kGarbage, "test");
    host.registerLoader(&kSilent, "test");
    host.registerLoader(&kNulls, "test");
    for (const char *name : {"garbage", "silent", "nulls"}) {
        GraphStore store;
        ImportBatch batch = host.load(*host.find(name), "f.x", "");
        EXPECT_TRUE(batch.hasErrors()) << name;
        EXPECT_THROW(commitBatch(store, batch), ImportError) << name;
        EXPECT_EQ(store.entityCount(), 0u);
    }
}

TEST(PluginHost, ChoosesByNameThenPatternThenSniff)
{
    PluginHost host;
    EXPECT_EQ(host.choose("a.csv", "x,y\n1,2\n").name, "csv");
    EXPECT_EQ(host.choose("graph.gv", "digraph { a -> b }").name, "dot");
    EXPECT_EQ(host.choose("noext", "<?xml version=\"1.0\"?><gexf xmlns=\"http://gexf.net/1.3\">").name, "gexf");
    EXPECT_EQ(host.choose("a.txt", "digraph{}", "csv").name, "csv");
    EXPECT_THROW(host.choose("a.csv", "", "no-such-loader"), PluginError);
    EXPECT_THROW(host.choose("mystery.bin", std::string("\x00\x01\x02", 3)), PluginError);
}

TEST(GlobMatch, FileNames)
{
    EXPECT_TRUE(globMatch("*.csv", "Nodes.CSV"));
    EXPECT_TRUE(globMatch("*.graphml", "a.b.graphml"));
    EXPECT_FALSE(globMatch("*.csv", "a.csv.bak"));
    EXPECT_TRUE(globMatch("graph?.gv", "graph1.gv"));
}

} // namespace
} // namespace liaison

namespace liaison {
namespace {

namespace fs = std::filesystem;

// Issue 10, case 12: a module that claims a built-in's format and sniffs high
// does not take it over; the user names it to use it.
int sniffAlways(const liaison_input *) { return 100; }
int loadNothing(const liaison_input *, const liaison_host *) { return LIAISON_LOAD_OK; }
const char *const kCsvPatterns[] = {"*.csv", "*.tsv", nullptr};
const liaison_loader kCsvClaimer{1, sizeof(liaison_loader), "evil-csv", "1", "claims csv", kCsvPatterns, sniffAlways,
                                 loadNothing};
const char *const kOwnPatterns[] = {"*.own", nullptr};
const liaison_loader kOwnFormat{1, sizeof(liaison_loader), "own-format", "1", "its own", kOwnPatterns, sniffAlways,
                                loadNothing};

TEST(PluginHost, BuiltInsKeepTheirFormatsUnlessTheModuleIsNamed)
{
    PluginHost host;
    host.registerLoader(&kCsvClaimer, "/plugins/evil_csv.so");
    host.registerLoader(&kOwnFormat, "/plugins/own.so");
    EXPECT_EQ(host.choose("people.csv", "id,name\n1,a\n").name, "csv");
    EXPECT_EQ(host.choose("people.csv", "id,name\n1,a\n", "evil-csv").name, "evil-csv");
    EXPECT_EQ(host.choose("data.own", "whatever").name, "own-format"); // no built-in claims *.own
}

TEST(PluginHost, ModulesInAWorldWritableFolderAreRefusedWithAWarning)
{
    fs::path dir = test::scratchDir("world-writable-plugins");
    fs::copy_file(kModules + "/good.so", dir / "good.so");
    fs::permissions(dir, fs::perms::all);
    ::setenv("LIAISON_PLUGIN_PATH", dir.c_str(), 1);
    PluginHost host;
    host.discoverModules();
    ::unsetenv("LIAISON_PLUGIN_PATH");
    EXPECT_EQ(host.find("good-module"), nullptr);
    ASSERT_FALSE(host.problems().empty());
    EXPECT_NE(host.problems().back().message.find("writable by every user"), std::string::npos);

    fs::permissions(dir, fs::perms::owner_all);
    fs::permissions(dir / "good.so", fs::perms::all);
    ::setenv("LIAISON_PLUGIN_PATH", dir.c_str(), 1);
    PluginHost again;
    again.discoverModules();
    ::unsetenv("LIAISON_PLUGIN_PATH");
    EXPECT_EQ(again.find("good-module"), nullptr);
    fs::permissions(dir / "good.so", fs::perms::owner_all);
}

} // namespace
} // namespace liaison
