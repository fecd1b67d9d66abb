// The report-text extractor: its own sample reports (Chinese and English)
// against hand-curated expected graphs, the rules a user relies on, invalid
// input, and the seed report against datasets/iac2017/graph.json.
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/report/evaluate.hpp"
#include "liaison/report/model_bridge.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using liaison::report::Extraction;

fs::path samples() { return liaison::test::sourceDir() / "plugins" / "report" / "samples"; }

Extraction extractFile(const fs::path &path, liaison::report::Options options = {}) {
    return liaison::report::extractReport(liaison::readWholeFile(path.string()), path.stem().string(), options);
}

const liaison::report::Entity *byName(const Extraction &x, const std::string &kind, const std::string &name) {
    for (const auto &e : x.entities) {
        if (e.kind != kind)
            continue;
        if (e.name == name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end())
            return &e;
    }
    return nullptr;
}

bool related(const Extraction &x, const std::string &kind, const liaison::report::Entity *from, const liaison::report::Entity *to) {
    if (from == nullptr || to == nullptr)
        return false;
    return std::any_of(x.relations.begin(), x.relations.end(), [&](const liaison::report::Relation &r) {
        return r.kind == kind && r.from == from->id && r.to == to->id;
    });
}

liaison::report::Evaluation score(const Extraction &x, const fs::path &expected) {
    const auto store = liaison::readLiaisonJsonFile(expected.string());
    const std::vector<liaison::Entity> ce(store.entities().begin(), store.entities().end());
    const std::vector<liaison::Relation> cr(store.relations().begin(), store.relations().end());
    const auto extracted = liaison::report::toModel(x);
    return liaison::report::evaluate(extracted.entities, extracted.relations, ce, cr);
}

TEST(ReportExtract, SamplesMatchTheirExpectedGraphs) {
    int checked = 0;
    for (const auto &entry : fs::directory_iterator(samples() / "valid")) {
        if (entry.path().extension() != ".txt")
            continue;
        const fs::path expected = samples().parent_path() / "expected" / (entry.path().stem().string() + ".json");
        ASSERT_TRUE(fs::exists(expected)) << expected;
        const auto x = extractFile(entry.path());
        const auto e = score(x, expected);
        EXPECT_GE(e.entities.f1(), 0.9) << entry.path() << "\n" << liaison::report::formatEvaluation(e);
        EXPECT_GE(e.pairs.f1(), 0.8) << entry.path() << "\n" << liaison::report::formatEvaluation(e);
        ++checked;
    }
    EXPECT_GE(checked, 3);
}

TEST(ReportExtract, InvalidSamplesFailWithALocatedMessage) {
    int checked = 0;
    for (const auto &entry : fs::directory_iterator(samples() / "invalid")) {
        const std::string text = liaison::readWholeFile(entry.path().string());
        try {
            liaison::report::extractReport(text, "bad");
            ADD_FAILURE() << entry.path() << " was accepted";
        } catch (const liaison::report::TextError &e) {
            EXPECT_EQ(e.line(), 2) << entry.path();
            EXPECT_GT(e.column(), 0);
            EXPECT_NE(std::string(e.what()).find("bad:2:"), std::string::npos) << e.what();
        }
        ++checked;
    }
    EXPECT_GE(checked, 1);
}

TEST(ReportExtract, ChinesePersonsWithTitlesInAnyPositionAreOnePerson) {
    const std::string text = "經濟部工業局林副組長志明出席會議。\n會後林志明副組長與國立臺灣大學陳美玲教授交流。\n";
    const auto x = liaison::report::extractReport(text, "t");
    const auto *lin = byName(x, "person", "林志明");
    ASSERT_NE(lin, nullptr);
    EXPECT_EQ(*lin->attribute("title"), "副組長");
    EXPECT_EQ(std::count_if(x.entities.begin(), x.entities.end(), [](const auto &e) { return e.kind == "person"; }), 2);
    EXPECT_TRUE(related(x, "works_for", lin, byName(x, "organisation", "工業局")));
    EXPECT_TRUE(related(x, "works_for", byName(x, "person", "陳美玲"), byName(x, "organisation", "國立臺灣大學")));
}

TEST(ReportExtract, ForeignNamesWrittenSeveralWaysResolveToOnePerson) {
    const std::string text = "Prof. J.P Auffret opened the meeting.\n\nProfessor J.P. Auffret (U.S.A.) was elected. "
                             "Prof. Auffret thanked Dr. Jirapon S. and Mr. Jirapon Tubtimhin.\n";
    const auto x = liaison::report::extractReport(text, "t");
    const auto *a = byName(x, "person", "Prof. Auffret");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a, byName(x, "person", "Professor J.P. Auffret"));
    // Different initials: two persons, never merged.
    EXPECT_NE(byName(x, "person", "Dr. Jirapon S"), byName(x, "person", "Mr. Jirapon Tubtimhin"));
    EXPECT_TRUE(related(x, "represents", a, byName(x, "country", "United States")));
}

TEST(ReportExtract, AbbreviationsInParenthesesBecomeAliases) {
    const auto x = liaison::report::extractReport("國際電信聯盟(ITU)與亞太經合組織(APEC)的調查。\n", "t");
    const auto *itu = byName(x, "organisation", "國際電信聯盟");
    ASSERT_NE(itu, nullptr);
    EXPECT_NE(std::find(itu->aliases.begin(), itu->aliases.end(), "ITU"), itu->aliases.end());
    EXPECT_NE(byName(x, "organisation", "APEC"), nullptr);
}

TEST(ReportExtract, HomeCountryIsASetting) {
    const std::string text = "我國代表陳美玲教授報告。\n";
    const auto tw = liaison::report::extractReport(text, "t");
    EXPECT_NE(byName(tw, "country", "Taiwan"), nullptr);
    liaison::report::Options jp;
    jp.homeCountry = "JP";
    const auto x = liaison::report::extractReport(text, "t", jp);
    EXPECT_EQ(byName(x, "country", "Taiwan"), nullptr);
    EXPECT_TRUE(related(x, "represents", byName(x, "person", "陳美玲"), byName(x, "country", "Japan")));
    jp.homeCountry = "Atlantis";
    EXPECT_THROW(liaison::report::extractReport(text, "t", jp), liaison::report::ExtractError);
}

TEST(ReportExtract, EveryFactCarriesLineQuoteAndConfidence) {
    const auto x = extractFile(samples() / "valid" / "zh_trip_report.txt");
    ASSERT_FALSE(x.entities.empty());
    ASSERT_FALSE(x.relations.empty());
    auto check = [](const std::vector<liaison::report::Evidence> &evidence) {
        ASSERT_FALSE(evidence.empty());
        for (const auto &ev : evidence) {
            EXPECT_GT(ev.line, 0);
            EXPECT_FALSE(ev.quote.empty());
            EXPECT_GT(ev.confidence, 0.0);
            EXPECT_LE(ev.confidence, 1.0);
        }
    };
    for (const auto &e : x.entities)
        check(e.evidence);
    for (const auto &r : x.relations)
        check(r.evidence);
    // The MoU is quoted from its own line.
    const auto mou = std::find_if(x.relations.begin(), x.relations.end(),
                                  [](const auto &r) { return r.kind == "signed_mou_with"; });
    ASSERT_NE(mou, x.relations.end());
    EXPECT_EQ(mou->evidence.front().line, 8);
    EXPECT_NE(mou->evidence.front().quote.find("合作備忘錄"), std::string::npos);
}

TEST(ReportExtract, ProgrammesByHeadWordAndQuotes) {
    const auto x = liaison::report::extractReport(
        "我國推動「亞洲‧矽谷」方案，並進行數位國情調查。Taiwan led the Global Open Data Index.\n", "t");
    EXPECT_NE(byName(x, "programme", "亞洲‧矽谷"), nullptr);
    EXPECT_NE(byName(x, "programme", "數位國情調查"), nullptr);
    EXPECT_NE(byName(x, "programme", "Global Open Data Index"), nullptr);
    // A generic use of a head word names no programme.
    const auto y = liaison::report::extractReport("雙方可以分享相關調查，並討論專案管理。\n", "t");
    EXPECT_TRUE(std::none_of(y.entities.begin(), y.entities.end(), [](const auto &e) { return e.kind == "programme"; }));
}

TEST(ReportExtract, IsDeterministic) {
    const fs::path p = samples() / "valid" / "en_conference_report.txt";
    EXPECT_EQ(liaison::report::extractionToJson(extractFile(p)), liaison::report::extractionToJson(extractFile(p)));
}

TEST(ReportExtract, UserDataFoldersExtendTheTopicLexicon) {
    const fs::path dir = liaison::test::scratchDir("report-data");
    {
        std::ofstream out(dir / "topics.tsv");
        out << "quantum\tquantum computing\t量子計算\t量子计算\t\n";
    }
    liaison::report::Options options;
    options.dataDirs.push_back(dir.string());
    const auto x = liaison::report::extractReport("The panel discussed quantum computing.\n", "t", options);
    EXPECT_NE(byName(x, "topic", "quantum computing"), nullptr);
    options.dataDirs = {(dir / "missing").string()};
    EXPECT_THROW(liaison::report::extractReport("x\n", "t", options), liaison::report::ExtractError);
}

TEST(ReportExtract, SeedReportAgainstTheCuratedGraph) {
    const fs::path shared = liaison::test::sharedDir();
    if (shared.empty())
        GTEST_SKIP() << "shared corpora not available";
    const fs::path seed = shared / "seeds" / "000_a75ee561b5c746aa.txt";
    if (!fs::exists(seed) || !fs::exists(liaison::test::iacDataset()))
        GTEST_SKIP() << "seed report or curated graph missing";
    const auto x = extractFile(seed);
    const auto e = score(x, liaison::test::iacDataset());
    // Regression floors; the README records the current figures.
    EXPECT_GE(e.byKind.at("person").f1(), 0.95) << liaison::report::formatEvaluation(e);
    EXPECT_GE(e.byKind.at("country").f1(), 0.95);
    EXPECT_GE(e.byKind.at("programme").f1(), 0.7) << liaison::report::formatEvaluation(e);
    // The seed's figures must not drop (entity F1 0.938, linked-pair F1 0.717 before issue 11;
    // 0.733 and met-pair F1 0.857 once a visit's attendee list gives who met whom; pairs 0.737 once
    // member and speaker triggers govern only the persons of their own list).
    EXPECT_GE(e.entities.f1(), 0.937) << liaison::report::formatEvaluation(e);
    EXPECT_GE(e.pairs.f1(), 0.736) << liaison::report::formatEvaluation(e);
    EXPECT_GE(e.metPairs.f1(), 0.85) << liaison::report::formatEvaluation(e);
}

} // namespace
