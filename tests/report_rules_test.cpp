// The report extractor's rule families on the shapes of real readouts and
// press releases (issue 11): persons named with an office in any position,
// transliterated and dotted Chinese names, title anaphora, meetings and visits
// with the date they inherit, 民國 and numeric dates, quotes cut at word or
// clause boundaries. Each test is one family, in English and/or Chinese.
#include "liaison/report/extract.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

namespace {

using liaison::report::Extraction;

Extraction extract(const std::string &text) { return liaison::report::extractReport(text, "t"); }

const liaison::report::Entity *person(const Extraction &x, const std::string &name) {
    for (const auto &e : x.entities)
        if (e.kind == "person" &&
            (e.name == name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end()))
            return &e;
    return nullptr;
}

int countPersons(const Extraction &x) {
    return static_cast<int>(std::count_if(x.entities.begin(), x.entities.end(),
                                          [](const liaison::report::Entity &e) { return e.kind == "person"; }));
}

// The `met` relation between two persons (either direction), or nullptr.
const liaison::report::Relation *met(const Extraction &x, const std::string &a, const std::string &b) {
    const auto *pa = person(x, a);
    const auto *pb = person(x, b);
    if (pa == nullptr || pb == nullptr)
        return nullptr;
    for (const auto &r : x.relations)
        if (r.kind == "met" && ((r.from == pa->id && r.to == pb->id) || (r.from == pb->id && r.to == pa->id)))
            return &r;
    return nullptr;
}

std::string dateOf(const liaison::report::Relation *r) {
    const std::string *d = r == nullptr ? nullptr : r->attribute("date");
    return d == nullptr ? std::string() : *d;
}

bool relates(const Extraction &x, const std::string &kind, const std::string &from, const std::string &toName) {
    const auto *p = person(x, from);
    return p != nullptr && std::any_of(x.relations.begin(), x.relations.end(), [&](const liaison::report::Relation &r) {
               if (r.kind != kind || r.from != p->id)
                   return false;
               for (const auto &e : x.entities)
                   if (e.id == r.to && (e.name == toName || (e.names.count("zh-Hant") > 0 && e.names.at("zh-Hant") == toName)))
                       return true;
               return false;
           });
}

const liaison::report::Entity *entityNamed(const Extraction &x, const std::string &kind, const std::string &name) {
    for (const auto &e : x.entities)
        if (e.kind == kind && (e.name == name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end()))
            return &e;
    return nullptr;
}

int countKind(const Extraction &x, const std::string &kind) {
    return static_cast<int>(
        std::count_if(x.entities.begin(), x.entities.end(), [&](const liaison::report::Entity &e) { return e.kind == kind; }));
}

bool anyRelation(const Extraction &x, const std::string &kind, const std::string &personName) {
    const auto *p = person(x, personName);
    return p != nullptr && std::any_of(x.relations.begin(), x.relations.end(),
                                       [&](const liaison::report::Relation &r) { return r.kind == kind && r.from == p->id; });
}

TEST(ReportRules, OfficeBeforeTheNameWithOrWithoutItsDomain) {
    const auto x = extract("Today, Administrator Samantha Power met with Zambia Minister of Foreign Affairs "
                           "Stanley Kakubo. Secretary of State John Kerry and Foreign Minister Sergey Lavrov met "
                           "in Geneva. The Assistant Secretary for Policy and International Affairs spoke.\n");
    EXPECT_NE(person(x, "Samantha Power"), nullptr);
    EXPECT_NE(person(x, "Stanley Kakubo"), nullptr);
    EXPECT_NE(person(x, "John Kerry"), nullptr);
    EXPECT_NE(person(x, "Sergey Lavrov"), nullptr);
    EXPECT_EQ(person(x, "International Affairs"), nullptr);
    EXPECT_EQ(countPersons(x), 4);
    EXPECT_TRUE(relates(x, "represents", "Stanley Kakubo", "Zambia"));
}

TEST(ReportRules, NameThenOfficeIsAnApposition) {
    const auto x = extract("The U.S. delegation was led by Keith Krach, Under Secretary of State for Economic "
                           "Growth, Energy and the Environment. Bi-khim Hsiao, Representative of the Taipei "
                           "Economic and Cultural Representative Office (TECRO), signed it.\n");
    EXPECT_NE(person(x, "Keith Krach"), nullptr);
    EXPECT_NE(person(x, "Bi-khim Hsiao"), nullptr);
    EXPECT_EQ(person(x, "Economic Growth"), nullptr);
    EXPECT_EQ(countPersons(x), 2);
}

TEST(ReportRules, LaterMentionsByOfficeAndSurnameAreOnePerson) {
    const auto x = extract("Administrator Samantha Power met with UN World Food Program Executive Director David "
                           "Beasley. Administrator Power and Executive Director Beasley also discussed Mozambique.\n");
    EXPECT_EQ(countPersons(x), 2);
    EXPECT_NE(met(x, "Samantha Power", "David Beasley"), nullptr);
}

TEST(ReportRules, MeetingsWithAPronounSubjectInheritTheParagraphDate) {
    const auto x = extract("Travel to Kenya and Nigeria, August 22-25, 2016\n\n"
                           "Secretary of State John Kerry traveled to Nairobi, Kenya, on August 22 to meet with "
                           "President Kenyatta. Secretary Kerry also met with Kenyan Foreign Minister Amina Mohamed.\n\n"
                           "The Secretary traveled to Abuja, Nigeria, on August 24. He met with President Buhari.\n");
    EXPECT_EQ(dateOf(met(x, "John Kerry", "Kenyatta")), "2016-08-22");
    EXPECT_EQ(dateOf(met(x, "John Kerry", "Amina Mohamed")), "2016-08-22");
    EXPECT_EQ(dateOf(met(x, "John Kerry", "Buhari")), "2016-08-24");
    EXPECT_EQ(met(x, "Kenyatta", "Buhari"), nullptr);
    EXPECT_TRUE(relates(x, "visited", "John Kerry", "Kenya"));
    EXPECT_TRUE(relates(x, "visited", "John Kerry", "Nigeria"));
}

TEST(ReportRules, ChineseMeetingWithTransliteratedNameAndTodayFromTheDateline) {
    const auto x = extract("接見捷克議長訪團\n\n日期:109-09-02\n\n"
                           "行政院長蘇貞昌今(2)日在行政院接見「捷克參議院議長韋德齊(Miloš Vystrčil)」訪團一行。"
                           "蘇院長表示,兩國對民主的堅持讓我們坐在一起。\n");
    const auto *guest = person(x, "韋德齊");
    ASSERT_NE(guest, nullptr);
    EXPECT_NE(std::find(guest->aliases.begin(), guest->aliases.end(), "Miloš Vystrčil"), guest->aliases.end());
    EXPECT_EQ(dateOf(met(x, "蘇貞昌", "韋德齊")), "2020-09-02");
    EXPECT_EQ(countPersons(x), 2); // 蘇院長 is 蘇貞昌
}

TEST(ReportRules, ChineseMeetingsWrittenWithAPartner) {
    const auto x = extract("安东尼·布林肯国务卿与新闻媒体见面\n\n2023年6月19日\n\n"
                           "布林肯国务卿:在北京,我与习近平主席进行了一次重要谈话。"
                           "我还与中国外交官员王毅主任和秦刚国务委员进行了讨论。\n");
    EXPECT_NE(person(x, "安东尼·布林肯"), nullptr);
    EXPECT_EQ(dateOf(met(x, "安东尼·布林肯", "习近平")), "2023-06-19");
    EXPECT_NE(met(x, "安东尼·布林肯", "王毅"), nullptr);
    EXPECT_NE(met(x, "安东尼·布林肯", "秦刚"), nullptr);
}

TEST(ReportRules, TitleWithSurnameOnly) {
    const auto x = extract("外交部次長柯森耀說明行程規畫。柯次長首先表示,蔡總統曾出訪帛琉。\n");
    EXPECT_EQ(countPersons(x), 2);
    const auto *ko = person(x, "柯森耀");
    ASSERT_NE(ko, nullptr);
    EXPECT_NE(std::find(ko->aliases.begin(), ko->aliases.end(), "柯次長"), ko->aliases.end());
    EXPECT_NE(person(x, "蔡總統"), nullptr);
}

TEST(ReportRules, VisitsToCountriesAndToTheHomeCountry) {
    const auto x = extract("113年11月22日\n\n賴清德總統將於11月30日至12月6日率團訪問馬紹爾群島、吐瓦魯及帛琉等友邦國家。"
                           "史瓦帝尼內政部長桑蒂蕾(Princess Tsandzile)訂於本年10月9日來臺出席國慶。\n");
    for (const char *country : {"Marshall Islands", "Tuvalu", "Palau"})
        EXPECT_TRUE(relates(x, "visited", "賴清德", country)) << country;
    EXPECT_TRUE(relates(x, "visited", "桑蒂蕾", "Taiwan"));
    EXPECT_EQ(person(x, "Tsandzile"), nullptr); // the parenthesis is the original, not another person
}

TEST(ReportRules, MinguoAndNumericDates) {
    const auto x = extract("(2020/11/20, Washington, DC)\n\nOn that day Minister John Deng met with Ingrid Larson, "
                           "Managing Director of the American Institute.\n\n"
                           "104年10月29日 歐洲司司長高安接見德國次長柯樂眉(Anette Kramme)。\n\n"
                           "-09/16/13 Secretary Kerry met with Foreign Minister Laurent Fabius.\n");
    const auto y = extract("Readout\n六月 20, 2023\nSecretary Blinken met with Director Wang Yi.\n");
    EXPECT_EQ(dateOf(met(x, "John Deng", "Ingrid Larson")), "2020-11-20");
    EXPECT_EQ(dateOf(met(x, "高安", "柯樂眉")), "2015-10-29");
    EXPECT_EQ(dateOf(met(x, "Kerry", "Laurent Fabius")), "2013-09-16");
    EXPECT_EQ(dateOf(met(y, "Blinken", "Wang Yi")), "2023-06-20");
}

// A day the month does not have is a typo, not a date: the meeting stays
// undated rather than the graph storing "2017-02-30" (which the store now
// refuses, failing the whole import).
TEST(ReportRules, ADayTheMonthDoesNotHaveIsNoDate) {
    const auto x = extract("2017年2月30日 歐洲司司長高安接見德國次長柯樂眉(Anette Kramme)。\n\n"
                           "On April 31, 2019 Secretary Kerry met with Foreign Minister Laurent Fabius.\n");
    const auto leap = extract("2016年2月29日 歐洲司司長高安接見德國次長柯樂眉(Anette Kramme)。\n");
    ASSERT_NE(met(x, "高安", "柯樂眉"), nullptr);
    EXPECT_EQ(dateOf(met(x, "高安", "柯樂眉")).find("02-30"), std::string::npos) << dateOf(met(x, "高安", "柯樂眉"));
    ASSERT_NE(met(x, "Kerry", "Laurent Fabius"), nullptr);
    EXPECT_EQ(dateOf(met(x, "Kerry", "Laurent Fabius")).find("04-31"), std::string::npos);
    EXPECT_EQ(dateOf(met(leap, "高安", "柯樂眉")), "2016-02-29") << "a leap day is a day";
    for (const auto &e : x.entities)
        for (const auto &[key, value] : e.attributes)
            EXPECT_TRUE(value.find("02-30") == std::string::npos && value.find("04-31") == std::string::npos)
                << e.id << " " << key << "=" << value;
}

TEST(ReportRules, QuotesAreCutAtWordAndClauseBoundaries) {
    std::string en = "Administrator Samantha Power met with Minister Stanley Kakubo";
    for (int i = 0; i < 20; ++i)
        en += " and discussed agricultural production";
    std::string zh = "行政院長蘇貞昌接見議長韋德齊(Miloš Vystrčil)";
    for (int i = 0; i < 20; ++i)
        zh += "，雙方就經貿合作交換意見";
    const auto x = extract(en + ".\n\n" + zh + "。\n");
    int checked = 0;
    for (const auto &r : x.relations) {
        for (const auto &ev : r.evidence) {
            const std::string &q = ev.quote;
            ASSERT_FALSE(q.empty());
            const bool latin = static_cast<unsigned char>(q[0]) < 0x80;
            if (latin) {
                // Starts at a word, ends at a word: every word of the quote is a word of the text.
                const std::string first = q.substr(0, q.find(' '));
                const std::string last = q.substr(q.rfind(' ') + 1);
                EXPECT_NE((" " + en + " ").find(" " + first + " "), std::string::npos) << q;
                EXPECT_NE((" " + en + ".").find(" " + last), std::string::npos) << q;
                EXPECT_TRUE(std::string(" .").find((en + ".")[(en + ".").find(last) + last.size()]) != std::string::npos) << q;
            } else {
                // A Chinese quote starts at the sentence or after a clause mark.
                EXPECT_TRUE(zh.rfind(q.substr(0, 6), 0) == 0 || zh.find("，" + q.substr(0, 12)) != std::string::npos) << q;
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 0);
}

TEST(ReportRules, ChineseGovernmentBodiesFromTheirHeadAndTheTitleAfterIt) {
    // 府/部/司 are weak heads: taken before a title (秘書長, 司長) or as the first character of
    // the head's title before a name (外交部長林佳龍); delegation members are not members of those.
    const auto x = extract("本次訪問團成員包括總統府秘書長潘孟安、外交部長林佳龍。歐洲司司長高安報告。"
                           "蘇院長表示歡迎。\n");
    EXPECT_NE(entityNamed(x, "organisation", "總統府"), nullptr);
    EXPECT_NE(entityNamed(x, "organisation", "外交部"), nullptr);
    EXPECT_NE(entityNamed(x, "organisation", "歐洲司"), nullptr);
    EXPECT_EQ(countKind(x, "organisation"), 3);
    EXPECT_TRUE(relates(x, "works_for", "林佳龍", "外交部"));
    EXPECT_TRUE(relates(x, "works_for", "潘孟安", "總統府"));
    EXPECT_TRUE(relates(x, "works_for", "高安", "歐洲司"));
    EXPECT_FALSE(anyRelation(x, "member_of", "潘孟安"));
    EXPECT_EQ(countKind(x, "event"), 0); // 訪問團 is a delegation, not a visit
}

TEST(ReportRules, ChineseParliamentsCouncilsAndQuotedNamesWithTheirEnglishName) {
    const auto x = extract("訪華外賓包括歐洲議會議員訪華團、公眾外交協調會執行長王珮玲,"
                           "並捐助美國「一個地球未來基金會」(One Earth Future Foundation)。\n");
    EXPECT_NE(entityNamed(x, "organisation", "歐洲議會"), nullptr);
    EXPECT_NE(entityNamed(x, "organisation", "公眾外交協調會"), nullptr);
    const auto *fund = entityNamed(x, "organisation", "一個地球未來基金會");
    ASSERT_NE(fund, nullptr);
    EXPECT_EQ(fund->names.count("en") > 0 ? fund->names.at("en") : std::string(), "One Earth Future Foundation");
    EXPECT_EQ(countKind(x, "organisation"), 3);
}

const std::string *attributeOf(const liaison::report::Entity *e, const std::string &key) {
    return e == nullptr ? nullptr : e->attribute(key);
}

TEST(ReportRules, EnglishEventNamesAcrossHyphensListsNumbersAndQuotes) {
    const auto x = extract("Today, Administrator Jane Doe attended the U.S.-Asia Leaders Summit in Washington. "
                           "She hosted the \u201cBuilding Partnerships for Agenda 2030\u201d Youth Forum, then attended "
                           "the Trade, Security and Governance Forum. On the eve of the Summit, she met President "
                           "John Roe.\n");
    EXPECT_NE(entityNamed(x, "event", "U.S.-Asia Leaders Summit"), nullptr);
    EXPECT_NE(entityNamed(x, "event", "Building Partnerships for Agenda 2030 Youth Forum"), nullptr);
    EXPECT_NE(entityNamed(x, "event", "Trade, Security and Governance Forum"), nullptr);
    EXPECT_NE(entityNamed(x, "event", "Summit"), nullptr); // "the Summit" is the latest summit
    EXPECT_EQ(countKind(x, "event"), 3);
    EXPECT_EQ(entityNamed(x, "organisation", "Youth Forum"), nullptr);
}

TEST(ReportRules, TitleCaseHeadingsAndBriefingsAreNoEvents) {
    const auto x = extract("-09/15/13 Remarks With Israeli Prime Minister Benjamin Netanyahu After Their Meeting\n\n"
                           "-09/14/13 Background Briefing in Geneva\n\n"
                           "Upcoming Clean Energy Ministerial July 19-20, 2010\n");
    EXPECT_EQ(entityNamed(x, "event", "Their Meeting"), nullptr);
    EXPECT_EQ(entityNamed(x, "event", "13 Background Briefing"), nullptr);
    const auto *ministerial = entityNamed(x, "event", "Clean Energy Ministerial");
    ASSERT_NE(ministerial, nullptr);
    EXPECT_EQ(countKind(x, "event"), 1);
    ASSERT_NE(attributeOf(ministerial, "start"), nullptr);
    EXPECT_EQ(*attributeOf(ministerial, "start"), "2010-07-19");
}

TEST(ReportRules, ChineseCeremoniesAndBriefingsNamedBackToTheVerbWithTheirNearestDate) {
    const auto x = extract("103年1月7日\n"
                           "馬總統將於1月23日至30日率團前往友邦參加新任總統就職典禮。"
                           "該國預計於今年1月27日舉辦新任總統就職典禮。"
                           "他也將擔任我國國慶大典主賓。自上次10月1日新聞說明會後,訪客增加。\n");
    const auto *inauguration = entityNamed(x, "event", "新任總統就職典禮");
    ASSERT_NE(inauguration, nullptr);
    ASSERT_NE(attributeOf(inauguration, "start"), nullptr);
    EXPECT_EQ(*attributeOf(inauguration, "start"), "2014-01-27");
    EXPECT_NE(entityNamed(x, "event", "國慶大典"), nullptr);      // 我國 leaves the name
    EXPECT_EQ(entityNamed(x, "event", "新聞說明會"), nullptr);    // 上次: another occasion
    EXPECT_EQ(countKind(x, "event"), 2);
}

TEST(ReportRules, TripCodeNamesAreEventsNotProgrammes) {
    const auto x = extract("副總統「帛誼專案」啟程\n\n這次出訪是以「南島永續」為名,總統率團訪問友邦。\n");
    const auto *trip = entityNamed(x, "event", "帛誼專案");
    ASSERT_NE(trip, nullptr);
    EXPECT_EQ(*attributeOf(trip, "type"), "visit");
    EXPECT_NE(entityNamed(x, "event", "南島永續"), nullptr);
    EXPECT_EQ(countKind(x, "programme"), 0);
}

TEST(ReportRules, ParticipationFromTheVerbBeforeTheEventAndDelegationLeaders) {
    const auto x = extract("On November 20th, Taiwan and the United States held the first U.S.-Taiwan Trade Dialogue "
                           "in Washington. The U.S. delegation was led by Keith Krach, Under Secretary of State. "
                           "Minister John Deng, Economic Minister Wang Mei-hua and other officials attended the "
                           "dialogue virtually. Administrator Jane Doe spoke at the Peace and Governance Forum.\n");
    EXPECT_TRUE(relates(x, "attended", "Keith Krach", "U.S.-Taiwan Trade Dialogue"));
    EXPECT_TRUE(relates(x, "attended", "John Deng", "U.S.-Taiwan Trade Dialogue"));
    EXPECT_TRUE(relates(x, "attended", "Wang Mei-hua", "U.S.-Taiwan Trade Dialogue"));
    EXPECT_TRUE(relates(x, "spoke_at", "Jane Doe", "Peace and Governance Forum"));
    EXPECT_FALSE(relates(x, "attended", "Jane Doe", "U.S.-Taiwan Trade Dialogue"));
}

TEST(ReportRules, ChineseRostersAndEnumeratedSubjectsAttendTheEvent) {
    const auto x = extract("總統率團訪問友邦。這次出訪是以「南島永續」為名。"
                           "本次訪問團成員包括總統府秘書長潘孟安、外交部長林佳龍。\n\n"
                           "王志明部長、李小華次長及陳美玲處長都到臺灣參加總統就職典禮,"
                           "張志強總理擔任我國國慶大典主賓。\n");
    EXPECT_TRUE(relates(x, "attended", "潘孟安", "南島永續"));
    EXPECT_TRUE(relates(x, "attended", "林佳龍", "南島永續"));
    for (const char *name : {"王志明", "李小華", "陳美玲"})
        EXPECT_TRUE(relates(x, "attended", name, "總統就職典禮")) << name;
    EXPECT_TRUE(relates(x, "attended", "張志強", "國慶大典"));
    EXPECT_FALSE(relates(x, "attended", "張志強", "總統就職典禮"));
}

TEST(ReportRules, ChineseOrganisationNamesStopAtTitlesVerbsDatesPlacesAndCounts) {
    const auto x = extract("出席者:亞西及非洲司司長陳俊賢。公眾外交協調會執行長兼外交部發言人王珮玲在外交部一樓新聞中心主持。"
                           "德國聯邦勞動與社會部政務次長柯樂眉訪華。蘇院長熱情迎接捷克參議院議長韋德齊一行人。"
                           "部長訂於10月9日至13日偕夫婿及內政部政務次長馬錫烈拉來臺,並在索馬利亞建立5個海事安全中心。\n");
    for (const char *name : {"亞西及非洲司", "公眾外交協調會", "外交部", "德國聯邦勞動與社會部", "捷克參議院", "內政部"})
        EXPECT_NE(entityNamed(x, "organisation", name), nullptr) << name;
    for (const auto &e : x.entities) {
        if (e.kind != "organisation")
            continue;
        for (const char *bad : {"兼", "一樓", "院長", "迎接", "偕", "5個"})
            EXPECT_EQ(e.name.find(bad), std::string::npos) << e.name;
    }
    EXPECT_TRUE(relates(x, "works_for", "陳俊賢", "亞西及非洲司"));
}

TEST(ReportRules, EnglishLegislaturesPossessivesAndOneOfPart) {
    const auto x = extract("Today, U.S. Agency for International Development (USAID) Administrator Samantha Power met "
                           "Taiwan's Legislative Yuan Speaker Su Jia-chyuan and the Japan-ROC Diet Members' "
                           "Consultative Council. The Assistant Secretary from the Department of Energy for Policy and "
                           "International Affairs spoke.\n");
    EXPECT_NE(entityNamed(x, "organisation", "Legislative Yuan"), nullptr);
    EXPECT_NE(entityNamed(x, "organisation", "Japan-ROC Diet Members' Consultative Council"), nullptr);
    EXPECT_NE(entityNamed(x, "organisation", "Department of Energy"), nullptr);
    EXPECT_EQ(entityNamed(x, "organisation", "Taiwan's Legislative Yuan"), nullptr);
    EXPECT_TRUE(relates(x, "works_for", "Samantha Power", "Agency for International Development"));
}

TEST(ReportRules, CompanionsOfAMeetingMetThePartnersWithTheSameDateAndQuote) {
    const auto x = extract("WASHINGTON, June 8, 2022 \u2014 Secretary of State John Kerry met with Foreign Minister "
                           "Sergey Lavrov, accompanied by Ambassador Jane Hartley and Under Secretary Wendy Sherman.\n\n"
                           "王志明部長今(8)日接見吐瓦魯總理戴斐立訪問團一行,由外交部長林佳龍陪同。\n");
    EXPECT_EQ(dateOf(met(x, "Jane Hartley", "Sergey Lavrov")), "2022-06-08");
    EXPECT_EQ(dateOf(met(x, "Wendy Sherman", "Sergey Lavrov")), "2022-06-08");
    EXPECT_EQ(met(x, "Jane Hartley", "John Kerry"), nullptr); // the same side
    const auto *companion = met(x, "林佳龍", "戴斐立");
    ASSERT_NE(companion, nullptr);
    ASSERT_FALSE(companion->evidence.empty());
    EXPECT_EQ(companion->evidence.front().line, 3);
    EXPECT_NE(companion->evidence.front().quote.find("陪同"), std::string::npos);
}

// Each host met each visitor on `date`; hosts did not meet hosts, nor visitors visitors.
void expectHostsMetVisitors(const Extraction &x, const std::vector<std::string> &hosts,
                            const std::vector<std::string> &visitors, const std::string &date) {
    for (const auto &h : hosts)
        for (const auto &v : visitors)
            EXPECT_EQ(dateOf(met(x, h, v)), date) << h << " -- " << v;
    EXPECT_EQ(met(x, hosts[0], hosts[1]), nullptr);
    EXPECT_EQ(met(x, visitors[0], visitors[1]), nullptr);
}

// A trip report's visit section with its attendee list: the hosts met each visitor
// (not each other, nor the visitors among themselves), on the date of the section.
TEST(ReportRules, AttendeeListOfAVisitMeansHostsMetVisitors) {
    const auto zh = extract("出國報告摘要\n\n"
                            "外交部代表團於 2019 年 4 月 15 日至 18 日赴日本拜會東京大學公共政策研究所，並出席亞太數位治理論壇。\n\n"
                            "一、拜會東京大學公共政策研究所\n"
                            "時間：2019年4月16日\n"
                            "出席人員：日本東京大學公共政策研究所所長 Suzuki Taro 教授、副所長 Tanaka Ken 教授、"
                            "外交部亞東司張科長文華、國立成功大學吳明德教授。\n"
                            "雙方就數位治理交換意見。\n");
    expectHostsMetVisitors(zh, {"Suzuki Taro", "Tanaka Ken"}, {"張文華", "吳明德"}, "2019-04-16");
    const auto *evidence = met(zh, "Suzuki Taro", "張文華");
    ASSERT_NE(evidence, nullptr);
    ASSERT_FALSE(evidence->evidence.empty());
    EXPECT_EQ(evidence->evidence.front().line, 7);
    EXPECT_NE(evidence->evidence.front().quote.find("出席人員"), std::string::npos);

    const auto en = extract("Trip report\n\n"
                            "The delegation of the National Development Council travelled to Melbourne, Australia, from "
                            "11 to 14 March 2019 to attend a conference and to visit the University of Melbourne.\n\n"
                            "1. Visit to the University of Melbourne\n"
                            "Date: 12 March 2019\n"
                            "Participants: Prof. Jane Smith, University of Melbourne; Dr. Alan Brown, University of "
                            "Melbourne; Ms. Lin Ya-wen, National Development Council; Dr. Chen Li-hua, National Taiwan "
                            "University.\n"
                            "The two sides discussed open data and the exchange of researchers in the coming years.\n");
    expectHostsMetVisitors(en, {"Jane Smith", "Alan Brown"}, {"Lin Ya-wen", "Chen Li-hua"}, "2019-03-12");
    EXPECT_TRUE(relates(en, "works_for", "Alan Brown", "University of Melbourne")); // "A, ORG;" in a list
    EXPECT_TRUE(anyRelation(en, "attended", "Chen Li-hua"));                    // "Participants:" is a label
}

// Organisations known by their proper name (no head word) or by a short form, in both
// scripts; one entity for all forms of one organisation; never read out of an e-mail address.
TEST(ReportRules, OrganisationsKnownByTheirProperName) {
    const auto x = extract("國家發展委員會今日表示，國發會將與聯合國及世界衛生組織合作。\n\n"
                           "Contact: press@usaid.gov\n\n"
                           "The Administrator said USAID would work with the United Nations, the UN World Food "
                           "Program and WHO.\n");
    const auto *ndc = entityNamed(x, "organisation", "國家發展委員會");
    ASSERT_NE(ndc, nullptr);
    EXPECT_EQ(entityNamed(x, "organisation", "國發會"), ndc);
    const auto *un = entityNamed(x, "organisation", "聯合國");
    ASSERT_NE(un, nullptr);
    EXPECT_EQ(entityNamed(x, "organisation", "United Nations"), un);
    EXPECT_EQ(entityNamed(x, "organisation", "WHO"), entityNamed(x, "organisation", "世界衛生組織"));
    EXPECT_NE(entityNamed(x, "organisation", "UN World Food Program"), nullptr);
    const auto *usaid = entityNamed(x, "organisation", "USAID");
    ASSERT_NE(usaid, nullptr);
    EXPECT_EQ(usaid->evidence.front().line, 5); // not the e-mail address of line 3
    EXPECT_EQ(countKind(x, "organisation"), 5);
}

TEST(ReportRules, OfficialsMetWhereAVisitTakesPlaceRepresentThatCountry) {
    const auto x = extract("Readout, May 2, 2024\n\n"
                           "Secretary Blinken traveled to Jakarta on May 3. He met with President Joko Widodo and "
                           "WFP Executive Director Cindy McCain.\n\n"
                           "In Lusaka, the Administrator will meet with President Hakainde Hichilema.\n\n"
                           "In Taipei, Secretary Blinken met with Premier Chen Chien-jen.\n");
    EXPECT_TRUE(relates(x, "visited", "Blinken", "Indonesia"));
    EXPECT_TRUE(relates(x, "represents", "Joko Widodo", "Indonesia"));
    EXPECT_TRUE(relates(x, "represents", "Hakainde Hichilema", "Zambia"));
    EXPECT_FALSE(anyRelation(x, "represents", "Cindy McCain")); // she works for WFP
    EXPECT_FALSE(anyRelation(x, "represents", "Chen Chien-jen")); // met at home (Taiwan)
    const auto y = extract("安东尼·布林肯国务卿与新闻媒体见面\n\n2023年6月19日\n\n"
                           "布林肯国务卿:在首尔,我与尹锡悦总统进行了一次重要谈话。\n");
    EXPECT_TRUE(relates(y, "represents", "尹锡悦", "South Korea"));
}

TEST(ReportRules, MeetingPlacesAndVisitsDatedByTheNextDatedSentence) {
    const auto x = extract("Travel, September 2013\n\n"
                           "Secretary of State John Kerry and Foreign Minister Sergey Lavrov met in Geneva, "
                           "Switzerland, September 12-14.\n\n"
                           "Secretary Kerry then traveled to Rome. He met with Foreign Minister Emma Bonino on "
                           "Monday, September 16.\n");
    EXPECT_TRUE(relates(x, "visited", "John Kerry", "Switzerland"));
    EXPECT_FALSE(relates(x, "visited", "Sergey Lavrov", "Switzerland"));
    EXPECT_TRUE(relates(x, "visited", "John Kerry", "Italy"));
    for (const auto &r : x.relations)
        if (r.kind == "visited" && r.to == "country:italy") {
            EXPECT_EQ(dateOf(&r), "2013-09-16");
        }
}

TEST(ReportRules, EnglishDatesWithOrdinalSuffixes) {
    const auto x = extract("Clean Energy Ministerial July 19-20th, 2010\n\n"
                           "On November 20th, Secretary Chu met with Minister Wan Gang before the Clean Energy "
                           "Ministerial (July 19-20th).\n");
    const auto *event = entityNamed(x, "event", "Clean Energy Ministerial");
    ASSERT_NE(event, nullptr);
    EXPECT_TRUE(event->aliases.empty()); // a date in parentheses is no other name
    ASSERT_NE(event->attribute("start"), nullptr);
    EXPECT_EQ(*event->attribute("start"), "2010-07-19");
    EXPECT_EQ(*event->attribute("end"), "2010-07-20");
    EXPECT_EQ(dateOf(met(x, "Chu", "Wan Gang")), "2010-11-20");
}

TEST(ReportRules, LabelledRolesAndSpeakerTurnsOfABriefing) {
    const auto x = extract("本部例行新聞說明會紀要\n\n一、時 間:106年10月3日(星期二)上午10時30分\n"
                           "二、主持人:外交部發言人李明華\n三、出席者:亞太司司長陳小華\n\n※亞太司司長陳小華報告:\n\n"
                           "一、本月訪華外賓眾多。\n");
    EXPECT_TRUE(relates(x, "chaired", "李明華", "新聞說明會"));
    EXPECT_TRUE(relates(x, "attended", "陳小華", "新聞說明會"));
    EXPECT_TRUE(relates(x, "spoke_at", "陳小華", "新聞說明會"));
    EXPECT_FALSE(anyRelation(x, "visited", "陳小華")); // 訪華外賓 are others
    const auto y = extract("Press Briefing on the Summit\n\nMODERATOR: Good afternoon. Assistant Secretary Daniel "
                           "Kritenbrink will brief you.\n\nASSISTANT SECRETARY KRITENBRINK: Thank you.\n");
    EXPECT_TRUE(relates(y, "spoke_at", "Daniel Kritenbrink", "Press Briefing"));
    EXPECT_FALSE(anyRelation(y, "chaired", "Daniel Kritenbrink"));
}

TEST(ReportRules, QuotedMottoesAreNoProgrammes) {
    const auto x = extract("總統期許達到「智慧永續」、「民主永續」及「邦誼永續」等目標,此行以「攜手同心、互利共榮」為主軸,"
                           "並推動「數據開放行動方案」與「亞洲‧矽谷」。\n");
    for (const char *motto : {"智慧永續", "民主永續", "邦誼永續", "攜手同心、互利共榮"})
        EXPECT_EQ(entityNamed(x, "programme", motto), nullptr) << motto;
    EXPECT_NE(entityNamed(x, "programme", "數據開放行動方案"), nullptr);
    EXPECT_NE(entityNamed(x, "programme", "亞洲‧矽谷"), nullptr);
}

bool locatedIn(const Extraction &x, const liaison::report::Entity *org, const std::string &countryId) {
    return org != nullptr && std::any_of(x.relations.begin(), x.relations.end(), [&](const liaison::report::Relation &r) {
               return r.kind == "located_in" && r.from == org->id && r.to == countryId;
           });
}

// `theirs` (located in `country`) and `ours` are two organisations.
void expectTwoBodies(const Extraction &x, const std::string &theirs, const std::string &ours, const std::string &country) {
    const auto *a = entityNamed(x, "organisation", theirs);
    const auto *b = entityNamed(x, "organisation", ours);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_NE(a, b);
    EXPECT_TRUE(locatedIn(x, a, country));
    EXPECT_FALSE(locatedIn(x, b, country));
}

TEST(ReportRules, GovernmentBodiesBelongToTheCountryNamedWithThem) {
    // A ministry named with a foreign country (and its form of state, 王國) is that country's, also
    // when named bare later in the paragraph; ours (我內政部, or bare elsewhere) is another body.
    const auto x = extract("史瓦濟蘭王國內政部長桑蒂蕾(Princess Tsandzile)將偕內政部政務次長馬錫烈拉(Anthony Masilela)"
                           "來臺訪問。\n\n桑蒂蕾部長此行亦將拜會我內政部長林右昌。\n");
    expectTwoBodies(x, "史瓦濟蘭王國內政部", "內政部", "country:eswatini");
    EXPECT_TRUE(relates(x, "works_for", "桑蒂蕾", "史瓦濟蘭王國內政部"));
    EXPECT_TRUE(relates(x, "works_for", "馬錫烈拉", "史瓦濟蘭王國內政部"));
    EXPECT_TRUE(relates(x, "represents", "馬錫烈拉", "Eswatini"));
    EXPECT_TRUE(relates(x, "works_for", "林右昌", "內政部"));
    EXPECT_FALSE(anyRelation(x, "represents", "林右昌"));
}

TEST(ReportRules, SigningWithAPersonIsAMeetingWithDateAndQuote) {
    const auto x = extract("Readout, November 20, 2020\n\n"
                           "Representative Bi-khim Hsiao of TECRO signed a Memorandum of Understanding (MOU) with "
                           "Ingrid Larson, Managing Director of AIT, to establish the dialogue.\n");
    const auto *r = met(x, "Bi-khim Hsiao", "Ingrid Larson");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(dateOf(r), "2020-11-20");
    ASSERT_FALSE(r->evidence.empty());
    EXPECT_NE(r->evidence.front().quote.find("signed"), std::string::npos);
    const auto y = extract("2019年5月3日\n\n史瓦濟蘭王國內政部長桑蒂蕾(Princess Tsandzile)與我內政部長林右昌於臺北共同簽署移民事務合作備忘錄。\n");
    EXPECT_EQ(dateOf(met(y, "桑蒂蕾", "林右昌")), "2019-05-03");
    // Signing with an organisation, or signing alone, is no meeting.
    const auto z = extract("Secretary John Kerry signed the agreement. Minister Emma Bonino signed an MOU with the "
                           "Ministry of Energy.\n");
    EXPECT_EQ(met(z, "John Kerry", "Emma Bonino"), nullptr);
}

TEST(ReportRules, EnglishGovernmentBodiesOfAnotherCountryAreTheirsAndPossessivesArePlaces) {
    const auto x = extract("Secretary John Kerry met with officials of Zambia's Ministry of Foreign Affairs. The Ministry "
                           "of Foreign Affairs thanked him. Taiwan's Legislative Yuan welcomed the visit.\n\n"
                           "Minister Lin Chia-lung of the Ministry of Foreign Affairs spoke.\n");
    expectTwoBodies(x, "Zambia Ministry of Foreign Affairs", "Ministry of Foreign Affairs", "country:zambia");
    EXPECT_TRUE(locatedIn(x, entityNamed(x, "organisation", "Legislative Yuan"), "country:taiwan"));
}

TEST(ReportRules, PossessiveCountryCarriesAcrossAListAndEnvoysRepresentTheirSender) {
    const auto x = extract("Today, Secretary John Kerry met with Japan's Foreign Minister Fumio Kishida and Defense "
                           "Minister Itsunori Onodera. ROC Representative to Japan Frank Hsieh attended. Angola’s President "
                           "João Lourenço also attended.\n");
    EXPECT_TRUE(relates(x, "represents", "Fumio Kishida", "Japan"));
    EXPECT_TRUE(relates(x, "represents", "Itsunori Onodera", "Japan"));
    EXPECT_TRUE(relates(x, "represents", "Frank Hsieh", "Taiwan"));
    EXPECT_FALSE(relates(x, "represents", "Frank Hsieh", "Japan")); // posted to Japan
    EXPECT_TRUE(relates(x, "represents", "João Lourenço", "Angola"));
    EXPECT_FALSE(anyRelation(x, "represents", "John Kerry"));
}

TEST(ReportRules, AVisitQualifyingAGroupNounNamesTheListedVisitors) {
    // 訪華外賓, 來臺訪問團, 訪臺貴賓, 來台人士: the persons listed after the group noun visited.
    const auto x = extract("本週訪臺貴賓有德國聯邦勞動與社會部政務次長柯樂眉、捷克參議院議長韋德齊。\n\n"
                           "外交部長林佳龍表示,來臺訪問團成員包括亞太司司長陳小華。\n");
    EXPECT_TRUE(relates(x, "visited", "柯樂眉", "Taiwan"));
    EXPECT_TRUE(relates(x, "visited", "韋德齊", "Taiwan"));
    EXPECT_TRUE(relates(x, "visited", "陳小華", "Taiwan"));
    EXPECT_FALSE(anyRelation(x, "visited", "林佳龍")); // who speaks of the visitors is none of them
}

TEST(ReportRules, QuotedTitlesWithAnEventHeadAreEventsNotProgrammes) {
    const auto x = extract("外交部與全球事務研究所於4月24日合辦「加台經濟合作為加西地區創造機會」研討會,"
                           "並出席「非正式資深官員會議」,推動「新南向政策」。\n");
    EXPECT_NE(entityNamed(x, "event", "加台經濟合作為加西地區創造機會研討會"), nullptr);
    EXPECT_NE(entityNamed(x, "event", "非正式資深官員會議"), nullptr);
    EXPECT_EQ(entityNamed(x, "programme", "加台經濟合作為加西地區創造機會"), nullptr);
    EXPECT_EQ(entityNamed(x, "programme", "非正式資深官員會議"), nullptr);
    EXPECT_NE(entityNamed(x, "programme", "新南向政策"), nullptr);
}

// "start..end" of an event, empty parts where it has none.
std::string daysOf(const liaison::report::Entity *e) {
    const std::string *start = attributeOf(e, "start");
    const std::string *end = attributeOf(e, "end");
    return (start == nullptr ? "" : *start) + ".." + (end == nullptr ? "" : *end);
}

TEST(ReportRules, AnEventFirstDatedByItsYearTakesTheDaysWrittenLater) {
    // The purpose names the edition with its year only; the account of the trip gives the days.
    const auto x = extract("壹、目的\n\n本次會議主要任務為參與 2017 年國際資訊長協會(IAC)第 12 屆年會。\n\n"
                           "貳、過程\n\n本團參與 9 月 28 日至 30 日的 2017 年國際資訊長協會(IAC)第 12 屆年會,"
                           "分享我國經驗。\n");
    const auto *conference = entityNamed(x, "event", "國際資訊長協會第12屆年會");
    EXPECT_EQ(daysOf(conference), "2017-09-28..2017-09-30");
    EXPECT_EQ(conference == nullptr ? "" : conference->id, "event:國際資訊長協會第12屆年會-2017-09-28");
}

TEST(ReportRules, SessionsWithoutADateOfTheirOwnInheritTheirConferenceDays) {
    const auto x = extract("一、年會\n\n本團參與 9 月 28 日至 30 日的 2017 年國際資訊長協會(IAC)第 12 屆年會。\n\n"
                           "(一)議題 1:年會專題報告\n\n由 Prof. Obi 擔任主持人,請 Prof. Auffret 分享數位政府經驗。\n\n"
                           "(二)議題 2:資訊安全\n\n由 Prof. Dahlberg 擔任主持人,請 Dr. Kudo 分享經驗。\n");
    for (const char *session : {"議題 1:年會專題報告", "議題 2:資訊安全"})
        EXPECT_EQ(daysOf(entityNamed(x, "event", session)), "2017-09-28..2017-09-30") << session;
}

TEST(ReportRules, AYearWrittenOnlyInANameDatesTheDaysWrittenWithoutOne) {
    const auto x = extract("At noon on October 10, President Tsai Ing-wen met for lunch with a visiting group of "
                           "Japanese Diet members. She welcomed her guests to the 2016 National Day celebrations.\n");
    EXPECT_EQ(daysOf(entityNamed(x, "event", "2016 National Day celebrations")), "2016-10-10..");
}

TEST(ReportRules, OrdinalsAndPossessivesBetweenAVerbAndTheEventName) {
    const auto x = extract("Washington, DC\nJuly 15, 2010\n\nNext week, Secretary Steven Chu will be hosting the "
                           "world’s first Clean Energy Ministerial. Minister Wan Gang attended this year's second "
                           "Clean Energy Dialogue. Taiwan’s Energy Forum was hosted elsewhere.\n");
    using Fact = std::array<const char *, 3>;
    for (const Fact &f : {Fact{"hosted", "Steven Chu", "Clean Energy Ministerial"},
                          Fact{"attended", "Wan Gang", "Clean Energy Dialogue"}})
        EXPECT_TRUE(relates(x, f[0], f[1], f[2])) << f[0] << " " << f[1] << " " << f[2];
}

TEST(ReportRules, GivenNamesMayStartWithGuoBesideTheSurname) {
    const auto x = extract("內政部長徐國勇出席記者會。會後吳國華部長表示將加強合作。蔡總統國慶致詞。\n");
    EXPECT_NE(person(x, "徐國勇"), nullptr);
    EXPECT_NE(person(x, "吳國華"), nullptr);
    EXPECT_EQ(person(x, "蔡國慶"), nullptr); // surname + title + 國慶 is no name
}

TEST(ReportRules, SurnameAndTitleAfterAnOrganisationAreThePersonNamedEarlier) {
    const auto x = extract("外交部次長謝武樵出席研討會。\n\n加國智庫邀請外交部謝政務次長就台加經濟安全發表演講。\n");
    const auto *hsieh = person(x, "謝武樵");
    ASSERT_NE(hsieh, nullptr);
    EXPECT_NE(std::find(hsieh->aliases.begin(), hsieh->aliases.end(), "謝政務次長"), hsieh->aliases.end());
    EXPECT_EQ(countPersons(x), 1);
}

TEST(ReportRules, ReferencesBackAndQuotedShortFormsAreNoProgrammes) {
    const auto x = extract("外交部就上述兩項邀訪計畫規劃此次出訪,彰顯「臺捷」雙方的好交情,並推動「新南向政策」。\n");
    EXPECT_EQ(countKind(x, "programme"), 1);
    EXPECT_NE(entityNamed(x, "programme", "新南向政策"), nullptr);
}

TEST(ReportRules, AUnitNameBridgesAndAfterItsParentBody) {
    const auto x = extract("出席者:外交部國際合作及經濟事務司司長連玉蘋、外交部長林佳龍及北美事務司人員。\n");
    const auto *unit = entityNamed(x, "organisation", "外交部國際合作及經濟事務司");
    ASSERT_NE(unit, nullptr);
    EXPECT_TRUE(relates(x, "works_for", "連玉蘋", unit->name));
    EXPECT_EQ(entityNamed(x, "organisation", "經濟事務司"), nullptr);
    EXPECT_EQ(entityNamed(x, "organisation", "林佳龍及北美事務司"), nullptr);
}

TEST(ReportRules, HardWrappedTextStartsAParagraphAfterTwoBlankLines) {
    // One blank line after every line (a hard-wrapped PDF), two between paragraphs: the
    // attendee line is not joined to the next paragraph's first line.
    std::string text = "單位主管新聞說明會紀要\n\n一、時間:113年4月30日\n\n二、地點:外交部一樓新聞中心\n\n"
                       "三、出席者:財團法人國際合作發展基金會副秘書長李志宏\n \n\n外交部國際合作及經濟事務司"
                       "司長連玉蘋報告:\n\n外交部推動台加經貿合作,\n\n爭取加拿大各界支持。\n";
    const auto x = extract(text);
    EXPECT_NE(person(x, "李志宏"), nullptr);
    EXPECT_NE(person(x, "連玉蘋"), nullptr);
}

TEST(ReportRules, ALatinNameAfterAChineseTitle) {
    const auto x = extract("與會的加拿大聯邦眾議院加中關係特別委員會主席Ken Hardie強調,台灣是可信賴的友人。"
                           "研討會由主席 Digital Transformation 論壇開場。\n");
    const auto *hardie = person(x, "Ken Hardie");
    ASSERT_NE(hardie, nullptr);
    EXPECT_EQ(*hardie->attribute("title"), "主席");
    EXPECT_EQ(countPersons(x), 1); // two capitalised words that are no name: no person
}

} // namespace

// Seed, line 142 (docs/known-problems.md): the partners of a visit named after 與 are neither
// speakers at nor members of the conference the sentence names first.
TEST(ReportRules, MemberAndSpeakerTriggersGovernOnlyThePersonsOfTheirList) {
    const auto x = extract("國際資訊長協會(International Academy of CIO, IAC)於 2006 年成立。\n\n"
                           "本次出國除參與 IAC 第 12 屆年會外，另一任務為拜訪 ITMO 大學電子治理中心，與該中心主持人 "
                           "Andrei PETROV 教授、副主持人 Ivan SOKOLOV 教授以及該中心研究團隊成員代表，進行雙方經驗交流，"
                           "包括簡介我國電子治理研究議題現況。\n\n"
                           "本次會議，IAC 委員會續任成員包括 Professor Anna Berg (Sweden), Professor Karl Lund (Norway)等人。\n");
    ASSERT_NE(person(x, "Andrei PETROV"), nullptr);
    EXPECT_FALSE(anyRelation(x, "member_of", "Andrei PETROV"));
    EXPECT_FALSE(anyRelation(x, "member_of", "Ivan SOKOLOV"));
    EXPECT_FALSE(anyRelation(x, "spoke_at", "Andrei PETROV"));
    EXPECT_FALSE(anyRelation(x, "spoke_at", "Ivan SOKOLOV"));
    EXPECT_TRUE(anyRelation(x, "member_of", "Anna Berg"));
    EXPECT_TRUE(anyRelation(x, "member_of", "Karl Lund"));
}

TEST(ReportRules, AnAttendeeListItemAfterAMembersWordIsNoMember) {
    const auto x = extract("拜會 ITMO 大學電子治理中心\n\n"
                           "出席人員：ITMO 大學電子治理中心主持人 Andrei PETROV 教授以及該中心研究團隊成員代表、"
                           "國家發展委員會資訊管理處林志明副處長。\n");
    ASSERT_NE(person(x, "林志明"), nullptr);
    EXPECT_FALSE(anyRelation(x, "member_of", "林志明"));
}

// Seed, line 140: a sentence with no subject written, in a paragraph that names nobody, is not
// a meeting of the person an earlier paragraph was about.
TEST(ReportRules, ASubjectlessMeetingIsNotThePersonOfAnEarlierParagraph) {
    const auto x = extract("國家發展委員會莊明芬副處長於 2017 年 9 月 28 日出席年會並分享經驗。\n\n"
                           "本次出國另一任務為拜訪 ITMO 大學電子治理中心，與該中心主持人 Andrei PETROV 教授進行交流。\n\n"
                           "2017 年 9 月 29 日，莊明芬副處長拜會 Ivan SOKOLOV 教授。\n");
    ASSERT_NE(person(x, "Andrei PETROV"), nullptr);
    EXPECT_EQ(met(x, "莊明芬", "Andrei PETROV"), nullptr);
    EXPECT_EQ(dateOf(met(x, "莊明芬", "Ivan SOKOLOV")), "2017-09-29");
}

// Seed, line 425 (docs/known-problems.md): a quote from a long Chinese sentence with Latin names in
// it starts after a clause mark and ends at one, never inside a name or a parenthesis ("Univ) Dean
// Pravit主持，…", "4.0議題，…"); a Latin quote never ends inside a word with digits ("COVID-1").
TEST(ReportRules, QuotesOfMixedChineseSentencesStartAndEndAtClauseMarks) {
    const std::string zh = "本議題也探討工業 4.0議題與各國推動數位經濟轉型的策略與挑戰，請泰國法政大學(Thamasat Univ) "
                           "Dean Pravit主持，並請瑞典 Mr. Silas Olsson、義大利 Bocconi 大學 Prof. Luca Rossi、日本早稻田大學 "
                           "Prof. Kenji Ito、我國國家發展委員會資訊管理處莊副處長明芬以及哈薩克 Mr. Askar Kuatbayev 等擔任講者，"
                           "與其他參與者分享數位經濟的轉型策略與各國推動數位轉型的經驗以及未來合作的方向";
    std::string en = "Administrator Samantha Power met with Minister Stanley Kakubo";
    for (int i = 0; i < 6; ++i)
        en += " and discussed the effects of COVID-19 on agricultural production";
    const auto x = extract("議題 3：數位經濟\n\n" + zh + "。\n\n" + en + ".\n");
    int checked = 0;
    for (const auto &r : x.relations)
        for (const auto &ev : r.evidence) {
            const std::string &q = ev.quote;
            const std::size_t at = zh.find(q);
            if (at != std::string::npos && q.size() < zh.size()) {
                const std::string before = at == 0 ? std::string("。") : zh.substr(at >= 3 ? at - 3 : 0, 3);
                const std::string last = q.substr(q.size() - 3);
                EXPECT_TRUE(at == 0 || before == "，" || before == "、") << q;
                EXPECT_TRUE(at + q.size() == zh.size() || last == "，" || last == "、") << q;
                ++checked;
            }
            EXPECT_EQ(q.find("COVID-1 "), std::string::npos) << q;
            EXPECT_NE(q.back(), '-') << q;
            if (q.size() >= 7 && q.compare(q.size() - 7, 7, "COVID-1") == 0)
                ADD_FAILURE() << q;
        }
    EXPECT_GT(checked, 0);
}

// Seed, line 1 (docs/known-problems.md): "內容摘要：" is a label, not the report's title; a report that
// opens with a label and then running text has no title line.
TEST(ReportRules, TheTitleIsTheFirstLineThatReadsAsATitle) {
    using liaison::report::documentTitle;
    EXPECT_EQ(documentTitle(" 內容摘要： \n\n國際資訊長協會(IAC)為推動跨國資訊長以及資訊應用創新發展的經驗交流平台，現\n\n有 17 個國家"), "");
    EXPECT_EQ(documentTitle("113年11月22日\n「繁榮南島 智慧永續」 總統將出訪太平洋友邦\n總統將率團訪問"),
              "「繁榮南島 智慧永續」 總統將出訪太平洋友邦");
    EXPECT_EQ(documentTitle("For Immediate Release\n\nOffice of Press Relations\npress@usaid.gov\n\nReadout\n\n"
                            "The below is attributable to Spokesperson Jessica Jennings:\n\nToday, Administrator "
                            "Samantha Power met with Zambia Minister of Foreign Affairs Stanley Kakubo.\n"),
              "");
    EXPECT_EQ(documentTitle("2020.11.30\n\nTECRO hails success of first Dialogue\n"), "TECRO hails success of first Dialogue");
    EXPECT_EQ(documentTitle("Summary:\nTrip report: 2019 Pacific Digital Government Summit\n"),
              "Trip report: 2019 Pacific Digital Government Summit");
    EXPECT_EQ(documentTitle("\xff\xfe"), "");
}

// docs/known-problems.md: "in London last Monday" took the date in focus (Sunday, September 15).
// A day named relative to it resolves against it; a phrase naming no day leaves the fact undated.
TEST(ReportRules, DaysWrittenRelativeToTheDateInFocus) {
    const auto x = extract("Secretary Kerry traveled to Jerusalem on Sunday, September 15, 2013 to meet with Israeli "
                           "Prime Minister Benjamin Netanyahu. The visit follows on the Secretary’s meeting with "
                           "Palestinian President Mahmoud Abbas in London last Monday. Secretary Kerry recently met "
                           "with Foreign Minister Sergey Lavrov.\n");
    EXPECT_EQ(dateOf(met(x, "Kerry", "Benjamin Netanyahu")), "2013-09-15");
    EXPECT_EQ(dateOf(met(x, "Kerry", "Mahmoud Abbas")), "2013-09-09");
    ASSERT_NE(met(x, "Kerry", "Sergey Lavrov"), nullptr);
    EXPECT_EQ(dateOf(met(x, "Kerry", "Sergey Lavrov")), "");
    const auto y = extract("行政院長蘇貞昌 2020 年 9 月 3 日接見捷克參議院議長韋德齊。外交部長吳釗燮昨日會見韋德齊議長。"
                           "內政部長林右昌於日前會見韋德齊議長。經濟部長王美花於上週一會見韋德齊議長。\n");
    EXPECT_EQ(dateOf(met(y, "蘇貞昌", "韋德齊")), "2020-09-03");
    EXPECT_EQ(dateOf(met(y, "吳釗燮", "韋德齊")), "2020-09-02");
    ASSERT_NE(met(y, "林右昌", "韋德齊"), nullptr);
    EXPECT_EQ(dateOf(met(y, "林右昌", "韋德齊")), "");
    EXPECT_EQ(dateOf(met(y, "王美花", "韋德齊")), "2020-08-24"); // 2020-09-03 was a Thursday
}

// Text 22 ("singed a Memorandum of Understanding (MOU) with Ingrid Larson"): an agreement made with a
// person is a meeting whatever the verb; signed + agreement is one signing, quoted once.
TEST(ReportRules, AnAgreementMadeWithAPersonIsAMeetingWhateverTheVerb) {
    const auto x = extract("On November 20, 2020, Representative Bi-khim Hsiao concluded a Memorandum of "
                           "Understanding (MOU) with Managing Director Ingrid Larson. Secretary of State John Kerry "
                           "signed an agreement with Foreign Minister Sergey Lavrov.\n");
    EXPECT_EQ(dateOf(met(x, "Bi-khim Hsiao", "Ingrid Larson")), "2020-11-20");
    const auto *kerry = met(x, "John Kerry", "Sergey Lavrov");
    ASSERT_NE(kerry, nullptr);
    EXPECT_EQ(kerry->evidence.size(), 1u);
}

// Text 18: a session named in running text is an event of its own, part of the summit of its day, and
// its speaker spoke at it; a lower-case "session" or "the Session" alone names none.
TEST(ReportRules, ASessionNamedInRunningText) {
    const auto x = extract("Today, Administrator Samantha Power attended the U.S.-Africa Leaders Summit in "
                           "Washington, DC. Finally, Administrator Power spoke at the Supporting Conservation, "
                           "Climate Adaptation, and a Just Energy Transition Session, where she highlighted "
                           "partnerships. A session on trade followed.\n");
    const auto *session =
        entityNamed(x, "event", "Supporting Conservation, Climate Adaptation, and a Just Energy Transition Session");
    ASSERT_NE(session, nullptr);
    EXPECT_TRUE(relates(x, "spoke_at", "Samantha Power", session->name));
    EXPECT_EQ(countKind(x, "event"), 2);
}

// Text 13: the country before the first person of a Chinese list (帛琉副總統 A 及國務部長 B) is the
// country of the officials listed after it with only an office of their own; never across 與, and
// never for a person written with a surname and title only (及蔡總統) or with a country of their own.
TEST(ReportRules, AForeignCountryCarriesAcrossAChineseListOfOfficials) {
    const auto x = extract("帛琉副總統歐宜樓閣下(Raynold Oilouch)及國務部長馬緹娜(Faustina Rehuher-Marugg)也前來臺灣訪問。"
                           "吐瓦魯總理拿塔諾及蔡總統出席晚宴。美國國務卿布林肯與中國外長王毅會談。\n");
    EXPECT_TRUE(relates(x, "represents", "歐宜樓", "Palau"));
    EXPECT_TRUE(relates(x, "represents", "馬緹娜", "Palau"));
    EXPECT_FALSE(anyRelation(x, "represents", "蔡英文") || relates(x, "represents", "蔡總統", "Tuvalu"));
    EXPECT_FALSE(relates(x, "represents", "王毅", "United States"));
}

// A meeting in a paragraph of its own whose subject is an office with "the" ("The Secretary also paid
// a courtesy call on …") or a sentence opening with an office alone (部長隨後…) is the person the text
// is about, as with he / she.
TEST(ReportRules, AnOfficeWithTheIsTheSubjectOfAMeetingInItsOwnParagraph) {
    const auto x = extract("Secretary of State John Kerry traveled to Paris, France on September 16, 2013.\n\n"
                           "The Secretary also paid a courtesy call on President Francois Hollande.\n\n"
                           "Later the delegation met with Foreign Minister Laurent Fabius.\n");
    EXPECT_EQ(dateOf(met(x, "John Kerry", "Francois Hollande")), "2013-09-16");
    EXPECT_EQ(met(x, "John Kerry", "Laurent Fabius"), nullptr);
}
