// Liaison -> GraphML / GEXF / CSV -> Liaison keeps kinds, names in each
// language, aliases, attributes and evidence (the IAC 2017 dataset).
#include "test_paths.hpp"

#include "liaison/exchange_export.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace liaison {
namespace {

void expectSameGraph(const GraphStore &a, const GraphStore &b)
{
    ASSERT_EQ(a.entityCount(), b.entityCount());
    ASSERT_EQ(a.relationCount(), b.relationCount());
    for (const Entity &e : a.entities()) {
        EntityIndex i = b.findById(e.id);
        ASSERT_NE(i, kNoEntity) << e.id;
        const Entity &f = b.entity(i);
        EXPECT_EQ(f.kind, e.kind) << e.id;
        EXPECT_EQ(f.name, e.name) << e.id;
        EXPECT_EQ(f.names, e.names) << e.id;
        EXPECT_EQ(f.aliases, e.aliases) << e.id;
        EXPECT_EQ(f.evidence, e.evidence) << e.id;
        for (const auto &[key, value] : e.attributes) {
            if (value.type == AttributeValue::Type::Null) continue;
            auto it = f.attributes.find(key);
            ASSERT_NE(it, f.attributes.end()) << e.id << " " << key;
            EXPECT_EQ(it->second.text, value.text) << e.id << " " << key;
        }
    }
    for (RelationIndex r = 0; r < a.relationCount(); ++r) {
        const Relation &x = a.relation(r), &y = b.relation(r);
        EXPECT_EQ(y.kind, x.kind);
        EXPECT_EQ(y.from, x.from);
        EXPECT_EQ(y.to, x.to);
        EXPECT_EQ(y.evidence, x.evidence);
        for (const auto &[key, value] : x.attributes) {
            if (value.type == AttributeValue::Type::Null) continue;
            ASSERT_NE(y.attribute(key), nullptr) << key;
            EXPECT_EQ(*y.attribute(key), value.text) << key;
        }
    }
}

GraphStore reimport(const std::vector<std::string> &files)
{
    PluginHost host;
    ImportBatch batch;
    for (const auto &f : files) batch.append(host.loadFile(f));
    GraphStore store;
    commitBatch(store, batch);
    return store;
}

class ExchangeRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ExchangeRoundTrip, KeepsKindsNamesAliasesAndEvidence)
{
    if (!fs::exists(test::iacDataset())) GTEST_SKIP() << "no IAC dataset";
    GraphStore original = readLiaisonJsonFile(test::iacDataset().string());
    ASSERT_GT(original.entityCount(), 10u);
    fs::path dir = test::scratchDir("exchange-" + GetParam());
    std::string ext = GetParam() == "csv" ? "csv" : GetParam();
    auto files = exportExchangeFormat(original, wholeGraph(original), GetParam(), (dir / ("iac." + ext)).string());
    GraphStore back = reimport(files);
    expectSameGraph(original, back);
    // Stable output: the same graph exports to the same bytes.
    auto again = exportExchangeFormat(back, wholeGraph(back), GetParam(), (dir / ("again." + ext)).string());
    EXPECT_EQ(readWholeFile(again[0]), readWholeFile(files[0]));
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Formats, ExchangeRoundTrip, ::testing::Values("graphml", "gexf", "csv"));

} // namespace
} // namespace liaison
