// Input Liaison cannot take as it is gets a message naming the file and the
// position, never a silent store (known-problems.md, "Input that is stored
// without a warning").
#include "test_paths.hpp"

#include <gtest/gtest.h>

namespace liaison {
namespace {

std::string cli(const std::string &arguments) { return test::quoted(test::cliPath()) + " " + arguments; }

bool has(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// `liaison import FILE -o DIR/out.json` with `extra` options.
test::CommandResult import(const std::filesystem::path &file, const std::string &extra = "")
{
    return test::runCommand(cli("import " + test::quoted(file) + " " + extra + " -o " +
                                test::quoted(file.parent_path() / "out.json")));
}

TEST(LocatedInput, AFileTheLoaderFindsNothingInIsNamedInAWarning)
{
    auto dir = test::scratchDir("located-empty");
    test::writeFile(dir / "notes.txt", "Nothing here names anyone.\n");
    auto r = import(dir / "notes.txt", "--plugin report");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(has(r.err, "notes.txt: warning: the report loader found no entity in this file")) << r.err;
}

} // namespace
} // namespace liaison
