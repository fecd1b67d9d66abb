// Davis Southern Women: the attendance edge list imports as persons and
// events, and who-met-whom agrees exactly with the co-attendance matrix of
// ../shared/corpora/social/davis-southern-women/expected.json.
#include "test_paths.hpp"

#include "liaison/analysis.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace fs = std::filesystem;

namespace liaison {
namespace {

struct Matrix {
    std::vector<std::string> order;
    std::vector<std::vector<int>> counts;
};

// Just enough JSON reading for the oracle's "women_coattendance_matrix".
Matrix readOracle(const std::string &text)
{
    Matrix m;
    auto at = text.find("\"women_coattendance_matrix\"");
    auto orderAt = text.find("\"order\"", at);
    auto orderEnd = text.find(']', orderAt);
    std::string order = text.substr(orderAt, orderEnd - orderAt);
    std::regex quoted("\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(order.begin(), order.end(), quoted); it != std::sregex_iterator(); ++it)
        if ((*it)[1] != "order") m.order.push_back((*it)[1]);
    auto matrixAt = text.find("\"matrix\"", at);
    std::size_t pos = text.find('[', matrixAt) + 1;
    for (std::size_t row = 0; row < m.order.size(); ++row) {
        std::size_t open = text.find('[', pos), close = text.find(']', open);
        std::string cells = text.substr(open + 1, close - open - 1);
        std::vector<int> values;
        std::regex number("[0-9]+");
        for (auto it = std::sregex_iterator(cells.begin(), cells.end(), number); it != std::sregex_iterator(); ++it)
            values.push_back(std::stoi(it->str()));
        m.counts.push_back(values);
        pos = close + 1;
    }
    return m;
}

TEST(DavisImport, WhoMetAgreesWithTheCoattendanceMatrix)
{
    if (test::sharedDir().empty()) GTEST_SKIP() << "../shared is absent";
    fs::path dir = test::sharedDir() / "corpora/social/davis-southern-women";
    PluginHost host;
    GraphStore store;
    ImportOptions options;
    options.kindMap = {{"woman", "person"}};
    options.relationKind = "attended";
    commitBatch(store, host.loadFile((dir / "networkx-2.8.8/attendance.csv").string()), options);
    EXPECT_EQ(store.entitiesOfKind("person").size(), 18u);
    EXPECT_EQ(store.entitiesOfKind("event").size(), 14u);
    EXPECT_EQ(store.relationCount(), 89u);

    Matrix oracle = readOracle(readWholeFile((dir / "expected.json").string()));
    ASSERT_EQ(oracle.order.size(), 18u);
    std::size_t pairs = 0, weight = 0;
    for (std::size_t i = 0; i < oracle.order.size(); ++i) {
        EntityIndex a = store.findById(oracle.order[i]);
        ASSERT_NE(a, kNoEntity) << oracle.order[i];
        std::map<std::string, std::size_t> met;
        for (const MetLink &link : whoMet(store, a)) met[store.entity(link.person).id] = link.weight();
        for (std::size_t j = 0; j < oracle.order.size(); ++j) {
            if (i == j) continue;
            std::size_t expected = static_cast<std::size_t>(oracle.counts[i][j]);
            std::size_t actual = met.count(oracle.order[j]) ? met[oracle.order[j]] : 0;
            EXPECT_EQ(actual, expected) << oracle.order[i] << " -- " << oracle.order[j];
            if (i < j && actual > 0) {
                ++pairs;
                weight += actual;
            }
        }
    }
    EXPECT_EQ(pairs, 139u);
    EXPECT_EQ(weight, 322u);
}

} // namespace
} // namespace liaison
