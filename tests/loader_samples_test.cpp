// Every plugins/<name>/samples/valid file loads (with the loader <name>,
// which is also the one chosen automatically); every samples/invalid file
// fails with a message located at file:line. Liaison JSON, read by core
// itself, keeps its samples beside its schema (schema/samples).
#include "test_paths.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace fs = std::filesystem;

namespace liaison {
namespace {

struct Sample {
    std::string loader;
    fs::path path;
    bool valid;
};

std::vector<Sample> samples()
{
    std::vector<std::pair<std::string, fs::path>> folders{{"liaison-json", test::sourceDir() / "schema" / "samples"}};
    for (const auto &plugin : fs::directory_iterator(test::sourceDir() / "plugins"))
        folders.emplace_back(plugin.path().filename().string(), plugin.path() / "samples");
    std::vector<Sample> out;
    for (const auto &[loader, folder] : folders) {
        for (bool valid : {true, false}) {
            fs::path dir = folder / (valid ? "valid" : "invalid");
            if (!fs::is_directory(dir)) continue;
            for (const auto &f : fs::directory_iterator(dir)) out.push_back({loader, f.path(), valid});
        }
    }
    std::sort(out.begin(), out.end(), [](const Sample &a, const Sample &b) { return a.path < b.path; });
    return out;
}

TEST(LoaderSamples, EveryLoaderHasValidAndInvalidSamples)
{
    PluginHost host;
    auto all = samples();
    for (const auto &l : host.loaders()) {
        std::size_t valid = 0, invalid = 0;
        for (const auto &s : all)
            if (s.loader == l.name) (s.valid ? valid : invalid)++;
        EXPECT_GT(valid, 0u) << l.name;
        EXPECT_GT(invalid, 0u) << l.name;
    }
}

TEST(LoaderSamples, ValidLoadAndInvalidFailWithALocation)
{
    PluginHost host;
    auto all = samples();
    ASSERT_GT(all.size(), 12u);
    for (const auto &s : all) {
        SCOPED_TRACE(s.path.string());
        std::string bytes = readWholeFile(s.path.string());
        EXPECT_EQ(host.choose(s.path.string(), bytes).name, s.loader);
        ImportBatch batch = host.load(*host.find(s.loader), s.path.string(), bytes);
        GraphStore store;
        if (s.valid) {
            ImportReport report;
            try {
                report = commitBatch(store, batch);
            } catch (const ImportError &e) {
                ADD_FAILURE() << e.what();
                continue;
            }
            EXPECT_GT(store.entityCount(), 0u);
            continue;
        }
        try {
            commitBatch(store, batch);
            ADD_FAILURE() << "invalid sample was accepted";
        } catch (const ImportError &e) {
            std::regex located(std::regex_replace(s.path.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                               ":[1-9][0-9]*");
            EXPECT_TRUE(std::regex_search(std::string(e.what()), located)) << e.what();
        }
        EXPECT_EQ(store.entityCount(), 0u);
    }
}

} // namespace
} // namespace liaison
