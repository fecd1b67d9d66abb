// Option values and names that match nothing known are errors naming the
// close candidates, never an empty or unchanged result (known-problems.md).
#include "test_paths.hpp"

#include <gtest/gtest.h>

namespace liaison {
namespace {

std::string cli(const std::string &arguments) { return test::quoted(test::cliPath()) + " " + arguments; }

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

TEST(CliNoMatch, KindMapWhoseFromNoEntityHasIsRefusedWithTheInputsKinds)
{
    auto dir = test::scratchDir("no-match-kind");
    test::writeFile(dir / "nodes.csv", "id,kind,name\nn1,node,Alpha\nn2,node,Beta\n");
    auto r = test::runCommand(cli("import " + test::quoted(dir / "nodes.csv") + " --kind nod=person -o " +
                                  test::quoted(dir / "out.json")));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(has(r.err, "--kind nod=person: no incoming entity has the kind 'nod'")) << r.err;
    EXPECT_TRUE(has(r.err, "did you mean 'node'?")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json"));

    auto ok = test::runCommand(cli("import " + test::quoted(dir / "nodes.csv") + " --kind node=person -o " +
                                   test::quoted(dir / "out.json")));
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
}

} // namespace
} // namespace liaison
