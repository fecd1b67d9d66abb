// Every input a fuzzer crashed on (fuzz/, issue 7), kept under
// tests/regressions/<target>/ and named after what it broke, must now end
// in a clean answer: loaded, or refused with a located ParseError.
#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

using namespace liaison;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> regressionInputs(const std::string &target)
{
    std::vector<fs::path> files;
    fs::path dir = test::sourceDir() / "tests" / "regressions" / target;
    if (!fs::exists(dir)) return files;
    for (const auto &entry : fs::directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST(FuzzRegressions, LiaisonJsonReaderAnswersEveryCrashingInput)
{
    std::vector<fs::path> files = regressionInputs("liaison_json");
    ASSERT_FALSE(files.empty()) << "tests/regressions/liaison_json is missing";
    for (const fs::path &file : files) {
        SCOPED_TRACE(file.filename().string());
        std::string text = readWholeFile(file.string());
        try {
            std::string written = writeLiaisonJson(readLiaisonJson(text, file.filename().string()));
            EXPECT_EQ(writeLiaisonJson(readLiaisonJson(written, "rewritten.json")), written);
        } catch (const ParseError &error) {
            EXPECT_GT(error.line(), 0) << error.what();
        }
    }
}

#if __has_include("liaison/report/model_bridge.hpp")
#include "liaison/report/model_bridge.hpp"

// Crashing inputs of fuzz_report: extracted without error (the sanitizer
// build of this test catches the undefined behaviour they once caused).
TEST(FuzzRegressions, ReportExtractorAnswersEveryCrashingInput)
{
    std::vector<fs::path> files = regressionInputs("report");
    ASSERT_FALSE(files.empty()) << "tests/regressions/report is missing";
    for (const fs::path &file : files) {
        SCOPED_TRACE(file.filename().string());
        report::Extraction extraction = report::extractReport(readWholeFile(file.string()), "regression");
        EXPECT_FALSE(extraction.entities.empty());
        EXPECT_NO_THROW(readLiaisonJson(report::extractionToJson(extraction), "extraction.json"));
    }
}
#endif

#include "liaison/import_batch.hpp"
#include "liaison/plugin_host.hpp"

// Crashing inputs of the loader fuzzers (tests/regressions/<loader>/): loaded
// through the host and committed, or refused; a committed graph saves as
// Liaison JSON that reads back.
TEST(FuzzRegressions, LoadersAnswerEveryCrashingInput)
{
    PluginHost host;
    std::size_t seen = 0;
    for (const LoaderInfo &loader : host.loaders()) {
        std::string target = loader.name == "liaison-json" ? "liaison_json_plugin" : loader.name;
        for (const fs::path &file : regressionInputs(target)) {
            ++seen;
            SCOPED_TRACE(file.string());
            ImportBatch batch = host.load(loader, file.string(), readWholeFile(file.string()));
            GraphStore store;
            try {
                commitBatch(store, batch);
            } catch (const ImportError &) {
                EXPECT_EQ(store.entityCount(), 0u);
                continue;
            }
            EXPECT_NO_THROW(readLiaisonJson(writeLiaisonJson(store), "committed.json"));
        }
    }
    EXPECT_GT(seen, 0u);
}
