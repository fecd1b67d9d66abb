// Filters that cannot lie (issue 13 part 7): one parser for the CLI and the
// viewer; every value resolves through the graph or is refused with the
// close candidates. Each typo the issue names is a case here.
#include "liaison/close_matches.hpp"
#include "liaison/errors.hpp"
#include "liaison/filter_spec.hpp"
#include "liaison/json_io.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace liaison;
using test::runCommand;

namespace {

const GraphStore &iac()
{
    static const GraphStore store = readLiaisonJsonFile(test::iacDataset().string());
    return store;
}

// The UserError's message for `spec`, or "" when it resolves.
std::string refusal(const FilterSpec &spec)
{
    try {
        resolveFilter(iac(), spec);
        return "";
    } catch (const UserError &e) {
        return e.what();
    }
}

std::string cli(const std::string &arguments)
{
    return "'" + test::cliPath().string() + "' " + arguments;
}

std::string iacPath() { return "'" + test::iacDataset().string() + "'"; }

bool mentions(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

} // namespace

TEST(CloseMatches, ATypoFindsTheWordAndNothingFar)
{
    std::vector<std::string> kinds{"person", "organisation", "event", "country", "topic"};
    EXPECT_EQ(closeMatches("persn", kinds), std::vector<std::string>{"person"});
    EXPECT_EQ(closeMatches("EVENTS", kinds), std::vector<std::string>{"event"});
    EXPECT_TRUE(closeMatches("zzzzzz", kinds).empty());
    EXPECT_EQ(closeMatches("台湾", {"日本", "台灣"}).front(), "台灣"); // one character apart, listed first
}

TEST(FilterSpec, TaiwanResolvesFromIsoCodesAndNamesInAnyLanguage)
{
    EntityIndex taiwan = iac().findById("country:taiwan");
    ASSERT_NE(taiwan, kNoEntity);
    for (const char *typed : {"tw", "TW", "TWN", "Taiwan", "taiwan", "台灣", "臺灣", "country:taiwan"})
        EXPECT_EQ(resolveCountry(iac(), typed), taiwan) << typed;
    // Names the graph does not hold, found through ICU's region names.
    EXPECT_EQ(resolveCountry(iac(), "Тайвань"), taiwan);
    EXPECT_EQ(resolveCountry(iac(), "ru"), iac().findById("country:russia"));
    EXPECT_EQ(resolveCountry(iac(), "JP"), iac().findById("country:japan"));
}

TEST(FilterSpec, AnUnknownCountryIsRefusedWithTheGraphsCountries)
{
    FilterSpec spec;
    spec.countries = {"xx"};
    std::string message = refusal(spec);
    EXPECT_TRUE(mentions(message, "--country")) << message;
    EXPECT_TRUE(mentions(message, "'xx'")) << message;
    EXPECT_TRUE(mentions(message, "Taiwan")) << message; // the listing of the graph's countries

    spec.countries = {"Tiawan"};
    EXPECT_TRUE(mentions(refusal(spec), "did you mean 'Taiwan'?")) << refusal(spec);

    spec.countries = {"fr"}; // a real country, but none of this graph's
    message = refusal(spec);
    EXPECT_TRUE(mentions(message, "France (ISO FR)")) << message;
    EXPECT_TRUE(mentions(message, "no country of this graph")) << message;
}

TEST(FilterSpec, KindRelationKindAndSourceTyposAreRefusedWithCandidates)
{
    FilterSpec kinds;
    kinds.kinds = {"persn"};
    EXPECT_TRUE(mentions(refusal(kinds), "--kinds: unknown kind 'persn'; did you mean 'person'?")) << refusal(kinds);

    FilterSpec relations;
    relations.relationKinds = {"atended"};
    EXPECT_TRUE(mentions(refusal(relations), "did you mean 'attended'?")) << refusal(relations);

    FilterSpec sources;
    sources.sources = {"nosuch"};
    std::string message = refusal(sources);
    EXPECT_TRUE(mentions(message, "--source: no source")) << message;
    EXPECT_TRUE(mentions(message, "iac2017-report")) << message;

    FilterSpec good;
    good.kinds = {"person", "topic"};
    good.relationKinds = {"attended", "member_of"}; // in the vocabulary, maybe not in the graph
    good.sources = {"iac2017-report"};
    EXPECT_EQ(refusal(good), "");
}

TEST(FilterSpec, DatesMustBeRealCalendarDays)
{
    for (const char *bad : {"2017-13-45", "2017-13", "2017-02-30", "2017-9-1", "17", "2017/09/28", "2017-09-28x"}) {
        FilterSpec spec;
        spec.from = bad;
        EXPECT_TRUE(mentions(refusal(spec), "--from: '" + std::string(bad) + "'")) << bad << ": " << refusal(spec);
    }
    for (const char *good : {"2017", "2017-09", "2017-09-28", "2016-02-29"}) {
        FilterSpec spec;
        spec.to = good;
        EXPECT_EQ(refusal(spec), "") << good;
    }
    FilterSpec reversed;
    reversed.from = "2017-10";
    reversed.to = "2017-09-30";
    EXPECT_TRUE(mentions(refusal(reversed), "is after --to")) << refusal(reversed);
}

TEST(FilterSpec, HideIsolatedDropsWhatTheFiltersLeftAlone)
{
    FilterSpec spec;
    spec.kinds = {"person", "country"};
    ViewFilter filter = resolveFilter(iac(), spec);
    View loose = applyFilter(iac(), wholeGraph(iac()), filter);
    filter.hideIsolated = true;
    View tight = applyFilter(iac(), wholeGraph(iac()), filter);
    ASSERT_LT(tight.entities.size(), loose.entities.size()) << "persons who represent no country are isolated";
    std::vector<bool> linked(iac().entityCount(), false);
    for (RelationIndex r : tight.relations) linked[iac().relationSource(r)] = linked[iac().relationTarget(r)] = true;
    for (EntityIndex e : tight.entities) EXPECT_TRUE(linked[e]) << iac().entity(e).id;
    EXPECT_EQ(tight.relations, loose.relations);
}

// --- the command line: every typo of the issue exits 1 with candidates ------

TEST(FilterCli, CountryTwKeepsTaiwanAndDropsOtherCountries)
{
    for (const char *typed : {"tw", "TW", "Taiwan", "台灣"}) {
        auto run = runCommand(cli("export " + iacPath() + " --country '" + typed + "' --format json -o -"));
        ASSERT_EQ(run.exitCode, 0) << typed << ": " << run.err;
        EXPECT_TRUE(mentions(run.out, "\"country:taiwan\"")) << typed;
        EXPECT_FALSE(mentions(run.out, "\"id\": \"country:japan\"")) << typed;
    }
}

TEST(FilterCli, EveryTypoInTheIssueIsAUsageErrorWithCandidates)
{
    struct Case {
        std::string options, expected;
    };
    for (const Case &c : std::vector<Case>{
             {"--country xx", "Taiwan"},
             {"--kinds persn", "did you mean 'person'?"},
             {"--relation-kinds atended", "did you mean 'attended'?"},
             {"--source nosuch", "iac2017-report"},
             {"--from 2017-13-45", "has no month 13"},
         }) {
        for (const char *command : {"export", "search", "rank"}) {
            std::string extra = std::string(command) == "export" ? " -o /dev/null --format dot"
                                : std::string(command) == "search" ? " Chuang"
                                                                    : "";
            auto run = runCommand(cli(std::string(command) + " " + iacPath() + " " + c.options + extra));
            EXPECT_EQ(run.exitCode, 1) << command << " " << c.options << ": " << run.err;
            EXPECT_TRUE(mentions(run.err, c.expected)) << command << " " << c.options << ": " << run.err;
        }
    }
}

TEST(FilterCli, HideIsolatedIsAFilterFlagOfTheQueryCommands)
{
    auto loose = runCommand(cli("export " + iacPath() + " --kinds person,country --format json -o -"));
    auto tight = runCommand(cli("export " + iacPath() + " --kinds person,country --hide-isolated --format json -o -"));
    ASSERT_EQ(loose.exitCode, 0) << loose.err;
    ASSERT_EQ(tight.exitCode, 0) << tight.err;
    EXPECT_LT(tight.out.size(), loose.out.size());
    auto help = runCommand(cli("export --help"));
    EXPECT_TRUE(mentions(help.out + help.err, "--hide-isolated"));
}
