// The report evaluation's meeting and date figures (bench/report_eval and the
// CI floors rely on them): met pairs, who-met-whom pairs through shared
// events, and dated facts.
#include "liaison/report/evaluate.hpp"

#include <gtest/gtest.h>

namespace {

using liaison::Entity;
using liaison::Relation;

Entity entity(const std::string &kind, const std::string &name, const std::string &start = {}) {
    Entity e;
    e.kind = kind;
    e.name = name;
    e.id = kind + ":" + name;
    if (!start.empty())
        e.attributes["start"] = liaison::AttributeValue::string(start);
    return e;
}

Relation relation(const std::string &kind, const Entity &from, const Entity &to, const std::string &date = {}) {
    Relation r;
    r.kind = kind;
    r.from = from.id;
    r.to = to.id;
    if (!date.empty())
        r.attributes["date"] = liaison::AttributeValue::string(date);
    return r;
}

TEST(ReportEvaluate, MetPairsAreScoredOnTheirOwn) {
    const Entity a = entity("person", "Ann"), b = entity("person", "Bo"), c = entity("person", "Cy");
    const std::vector<Entity> truth{a, b, c};
    const std::vector<Relation> truthRelations{relation("met", a, b), relation("met", a, c)};
    // The extractor found Ann-Bo as `met`, Ann-Cy only as some other link.
    const std::vector<Relation> found{relation("met", b, a), relation("works_for", a, c)};
    const auto e = liaison::report::evaluate(truth, found, truth, truthRelations);
    EXPECT_EQ(e.metPairs.truePositives, 1);
    EXPECT_EQ(e.metPairs.falseNegatives, 1);
    EXPECT_EQ(e.metPairs.falsePositives, 0);
    ASSERT_EQ(e.missedMeetings.size(), 1u);
    EXPECT_NE(e.missedMeetings[0].find("person:Cy"), std::string::npos);
}

TEST(ReportEvaluate, WhoMetCountsPersonsOfOneEventTree) {
    const Entity a = entity("person", "Ann"), b = entity("person", "Bo");
    const Entity summit = entity("event", "Summit"), forum = entity("event", "Forum");
    const std::vector<Entity> all{a, b, summit, forum};
    const std::vector<Relation> truth{relation("met", a, b)};
    // Ann attended the summit, Bo spoke at a forum that is part of it.
    const std::vector<Relation> found{relation("attended", a, summit), relation("spoke_at", b, forum),
                                      relation("part_of", forum, summit)};
    const auto e = liaison::report::evaluate(all, found, all, truth);
    EXPECT_EQ(e.whoMetPairs.truePositives, 1);
    EXPECT_EQ(e.whoMetPairs.falseNegatives, 0);
    EXPECT_EQ(e.metPairs.truePositives, 0); // not an explicit `met`
}

TEST(ReportEvaluate, DatesOfMeetingsAndEventsAreChecked) {
    const Entity a = entity("person", "Ann"), b = entity("person", "Bo"), c = entity("person", "Cy");
    const std::vector<Entity> truth{a, b, c, entity("event", "Talks", "2020-11-20")};
    const std::vector<Relation> truthRelations{relation("met", a, b, "2013-09-16"), relation("met", a, c, "2013-09-15")};
    const std::vector<Entity> extracted{a, b, c, entity("event", "Talks", "2020-11-19")};
    const std::vector<Relation> found{relation("met", a, b, "2013-09-16"), relation("met", a, c, "2012-09-15")};
    const auto e = liaison::report::evaluate(extracted, found, truth, truthRelations);
    EXPECT_EQ(e.datedFacts, 3);
    EXPECT_EQ(e.datesChecked, 3);
    EXPECT_EQ(e.datesCorrect, 1);
    EXPECT_EQ(e.wrongDates.size(), 2u);
}

TEST(ReportEvaluate, ADateIsRightToThePrecisionOfTheAnnotation) {
    // Annotated "in September 2017": the day the text gives is within it. Annotated
    // a day: the year alone is not that day.
    const Entity a = entity("person", "Ann"), b = entity("person", "Bo");
    const std::vector<Entity> both{a, b};
    struct Case {
        const char *annotated, *extracted;
        int correct;
    };
    for (const Case &c : {Case{"2017-09", "2017-09-28", 1}, Case{"2017-09", "2017-10-02", 0},
                          Case{"2017-09-28", "2017", 0}, Case{"2017-09", "2017-090", 0}}) {
        const auto e = liaison::report::evaluate(both, {relation("met", a, b, c.extracted)}, both,
                                                 {relation("met", a, b, c.annotated)});
        EXPECT_EQ(e.datesCorrect, c.correct) << c.annotated << " / " << c.extracted;
    }
}

TEST(ReportEvaluate, AccumulateSumsCounts) {
    liaison::report::Evaluation total, one;
    one.metPairs.truePositives = 2;
    one.byKind["person"].falseNegatives = 1;
    one.datedFacts = 3;
    liaison::report::accumulate(total, one);
    liaison::report::accumulate(total, one);
    EXPECT_EQ(total.metPairs.truePositives, 4);
    EXPECT_EQ(total.byKind["person"].falseNegatives, 2);
    EXPECT_EQ(total.datedFacts, 6);
}

} // namespace
