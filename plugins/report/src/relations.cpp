// Relations drawn from sentence patterns (never from bare co-occurrence):
// affiliation (ORG + title + PERSON, X 代表 PERSON, PERSON (Title, ORG)),
// participation (由 P 擔任主持人, 請 P1、P2 等擔任講者, 出席人員: ..., chaired by,
// speakers), discussed, signed_mou_with, elected_to/member_of, held_in,
// hosted, and event dates. Every relation keeps its sentence as the quote.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

bool delegationMembers(const U32 &t, std::size_t pos) {
    if (pos > 0 && (t[pos - 1] == U'團' || t[pos - 1] == U'团'))
        return true;
    const U32View before = U32View(t).substr(pos >= 12 ? pos - 12 : 0, pos >= 12 ? 12 : pos);
    return asciiLower(before).find(U"delegation") != U32::npos;
}

namespace {

bool contains(U32View text, U32View word) { return text.find(word) != U32View::npos; }

std::string fillYear(const std::string &date, int year) {
    if (date.rfind("0000", 0) == 0 && year > 0)
        return std::to_string(year) + date.substr(4);
    return date;
}

// Clause number of every character of `t`: commas, semicolons, full stops and
// colons outside parentheses end a clause. One extra entry past the end.
std::vector<int> clauseNumbers(const U32 &t) {
    std::vector<int> clause(t.size() + 1, 0);
    int depth = 0;
    int c = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == U'(')
            ++depth;
        else if (t[i] == U')' && depth > 0)
            --depth;
        else if (depth == 0 && (t[i] == U',' || t[i] == U';' || t[i] == U'。' || t[i] == U':'))
            ++c;
        clause[i] = c;
    }
    clause[t.size()] = c + 1;
    return clause;
}

bool insideParentheses(const U32 &t, std::size_t pos) {
    int depth = 0;
    for (std::size_t i = 0; i < pos; ++i) {
        if (t[i] == U'(')
            ++depth;
        else if (t[i] == U')' && depth > 0)
            --depth;
    }
    return depth > 0;
}

// The label of a labelled paragraph (`出席人員:`, `Date:`) when its colon is
// within `maxColumn` characters, lower-cased; empty otherwise.
U32 paragraphLabel(const U32 &t, std::size_t maxColumn) {
    const std::size_t colon = t.find(U':');
    if (colon == U32::npos || colon >= maxColumn)
        return {};
    return asciiLower(U32View(t).substr(0, colon));
}

// The persons of the clause starting at or after `first` are the partners of a comitative 與 / 与 / 跟
// written before them in their clause (與該中心主持人 P 交流、簡介…): whoever speaks or attends, it
// is not them. 與會 (attend) and 參與 (take part) are no such 與.
bool comitativeObjects(const U32 &t, const std::vector<int> &clause, std::size_t first) {
    std::size_t b = first;
    while (b > 0 && clause[b - 1] == clause[first])
        --b;
    for (std::size_t i = b; i < first; ++i) {
        const char32_t c = t[i];
        if (c != U'與' && c != U'与' && c != U'跟')
            continue;
        const bool attend = (i + 1 < t.size() && (t[i + 1] == U'會' || t[i + 1] == U'会')) ||
                            (i > 0 && (t[i - 1] == U'參' || t[i - 1] == U'参'));
        if (!attend)
            return true;
    }
    return false;
}

// [b, e) of `t` joins two items of a list: only spaces, commas, 、 and "and" / 及 / 和 / 與.
// [b, e) of `t` is empty or one or two capitalised Latin words: the portfolio written before an
// office (Defense Minister, Economic Minister).
bool portfolioWords(const U32 &t, std::size_t b, std::size_t e) {
    const U32 words = trim(U32View(t).substr(b, e - b));
    int count = 0;
    for (std::size_t i = 0; i < words.size();) {
        if (!isUpper(words[i]))
            return false;
        while (i < words.size() && isLatin(words[i]))
            ++i;
        ++count;
        if (i < words.size() && words[i] != U' ')
            return false;
        while (i < words.size() && words[i] == U' ')
            ++i;
    }
    return count <= 2;
}

// A portfolio word or two may follow the join: "A and Defense Minister B" (the mention of B starting
// at its office).
bool listJoinOnly(const U32 &t, std::size_t b, std::size_t e) {
    U32 between = asciiLower(trim(U32View(t).substr(b, e - b)));
    for (const U32View join : {U32View(U", and"), U32View(U"and"), U32View(U",")})
        if (between.rfind(join, 0) == 0 && (between.size() == join.size() || between[join.size()] == U' ') &&
            portfolioWords(t, e - (between.size() - join.size()), e)) {
            between = join;
            break;
        }
    return between == U"," || between == U"、" || between == U"and" || between == U", and" || between == U"及" ||
           between == U"和" || between == U"與" || between == U"与";
}

// [b, e) of `t` is a possessive ending ('s or its typographic form), optionally followed by a
// portfolio word or two ("Japan's Defense Minister P", the mention of P starting at "Minister").
bool possessiveOnly(const U32 &t, std::size_t b, std::size_t e) {
    const U32 between = trim(U32View(t).substr(b, e - b));
    if (between.size() < 2 || (between.compare(0, 2, U"'s") != 0 && between.compare(0, 2, U"\u2019s") != 0))
        return false;
    if (between.size() == 2)
        return true;
    return between[2] == U' ' && portfolioWords(t, e - (between.size() - 2), e);
}

// Where the "to" (or 駐) that makes a country the posting of an envoy starts, right before the
// country at `countryBegin` ("Representative to Japan", "Ambassador to the United States", 駐日),
// else npos.
std::size_t postingBefore(const U32 &t, std::size_t countryBegin) {
    if (countryBegin > 0 && t[countryBegin - 1] == U'駐')
        return countryBegin - 1;
    std::size_t k = countryBegin;
    auto wordBefore = [&](U32View w) {
        std::size_t e = k;
        while (e > 0 && isSpace(t[e - 1]))
            --e;
        if (e < w.size() || asciiLower(t.substr(e - w.size(), w.size())) != w ||
            (e > w.size() && isLatin(t[e - w.size() - 1])))
            return false;
        k = e - w.size();
        return true;
    };
    wordBefore(U"the");
    return wordBefore(U"to") ? k : U32::npos;
}

} // namespace

bool attendeeListParagraph(const U32 &t) {
    const U32 label = paragraphLabel(t, 16);
    return contains(label, U"出席") || contains(label, U"與會") || contains(label, U"与会") ||
           contains(label, U"attend") || contains(label, U"participant");
}

int Extractor::documentEvent(bool briefingOnly) const {
    static const std::vector<U32> heads = {U"briefing", U"press conference", U"說明會", U"说明会", U"記者會", U"记者会"};
    for (const int e : m_namedEvents) {
        const U32 name = asciiLower(fromUtf8(m_graph.at(e).name));
        for (const U32 &head : heads)
            if (name.size() >= head.size() && name.compare(name.size() - head.size(), head.size(), head) == 0)
                return e;
    }
    return briefingOnly || m_namedEvents.empty() ? -1 : m_namedEvents.front();
}

// 主持人: P / Moderator: P → chaired; 出席者: P / Attendees: → attended; 講者: / Speaker: →
// spoke_at: the section's event, else the event the document is about (the briefing).
void Extractor::relateLabelledRoles(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    const U32 label = paragraphLabel(t, 16);
    if (label.empty())
        return;
    const char *kind = nullptr;
    for (const U32View w : {U32View(U"主持"), U32View(U"moderator"), U32View(U"chair"), U32View(U"host")})
        kind = kind == nullptr && contains(label, w) ? "chaired" : kind;
    for (const U32View w : {U32View(U"講者"), U32View(U"讲者"), U32View(U"主講"), U32View(U"主讲"), U32View(U"報告人"),
                            U32View(U"报告人"), U32View(U"speaker"), U32View(U"presenter")})
        kind = kind == nullptr && contains(label, w) ? "spoke_at" : kind;
    kind = kind == nullptr && attendeeListParagraph(t) ? "attended" : kind;
    const int event = p.scopeEvent >= 0 ? p.scopeEvent : documentEvent(false);
    if (kind == nullptr || event < 0)
        return;
    // The names of the label's own sentence ("MODERATOR: Good afternoon. …" names no one).
    const std::size_t end = p.sentences.empty() ? t.size() : p.sentences.front().end;
    for (const auto &m : p.mentions)
        if (m.kind == MentionKind::Person && m.begin > label.size() && m.begin < end && !insideParentheses(t, m.begin))
            m_graph.relate(kind, m.entity, event, lineAt(p, m.begin), quoteAt(p, m.begin), 0.8);
}

// "ASSISTANT SECRETARY SANDALOW: Thank you …", "※ 歐洲司司長高安報告:": in the transcript of a
// briefing, whoever has the floor spoke at it.
void Extractor::relateSpeakerTurn(ParagraphState &p) {
    const int briefing = documentEvent(true);
    if (briefing < 0)
        return;
    const U32 &t = p.paragraph.text;
    const int upper = upperCaseSpeaker(t);
    if (upper >= 0) {
        m_graph.relate("spoke_at", upper, briefing, lineAt(p, 0), quoteAt(p, 0), 0.7);
        return;
    }
    for (const auto &m : p.mentions) {
        if (m.kind != MentionKind::Person)
            continue;
        if (m.begin > 40 || U32View(t).substr(0, m.begin).find_first_of(U":：。") != U32View::npos)
            return;
        std::size_t c = skipSpaces(t, m.end);
        c += m_lex.zhTitles.matchAt(t, c).length;
        for (const U32View verb : {U32View(U"報告"), U32View(U"报告"), U32View(U"答詢"), U32View(U"答询")})
            if (t.compare(c, verb.size(), verb) == 0)
                c += verb.size();
        c = skipSpaces(t, c);
        if (c < t.size() && (t[c] == U':' || t[c] == U'：'))
            m_graph.relate("spoke_at", m.entity, briefing, lineAt(p, m.begin), quoteAt(p, m.begin), 0.7);
        return;
    }
}

int Extractor::upperCaseSpeaker(const U32 &t) const {
    const std::size_t colon = t.find(U':');
    if (colon == U32::npos || colon > 40 || colon < 3)
        return -1;
    for (std::size_t i = 0; i < colon; ++i)
        if (!(isUpper(t[i]) || isSpace(t[i]) || t[i] == U'.' || t[i] == U'-'))
            return -1;
    std::size_t b = colon;
    while (b > 0 && !isSpace(t[b - 1]))
        --b;
    const U32 surname = asciiLower(U32View(t).substr(b, colon - b));
    int found = -1;
    for (std::size_t e = 0; e < m_graph.size(); ++e) {
        const Entity &person = m_graph.at(static_cast<int>(e));
        const U32 name = asciiLower(fromUtf8(person.name));
        if (person.kind != "person" || name.size() < surname.size() ||
            name.compare(name.size() - surname.size(), surname.size(), surname) != 0 ||
            (name.size() > surname.size() && !isSpace(name[name.size() - surname.size() - 1])))
            continue;
        if (found >= 0) {
            // "Sandalow" and "David Sandalow" are one person (the fuller name wins); two full names are a guess.
            const U32 other = asciiLower(fromUtf8(m_graph.at(found).name));
            const U32 &shorter = other.size() < name.size() ? other : name;
            const U32 &longer = other.size() < name.size() ? name : other;
            if (longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) != 0)
                return -1;
            found = longer == name ? static_cast<int>(e) : found;
            continue;
        }
        found = static_cast<int>(e);
    }
    return found;
}

void Extractor::findRelations(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    relateLabelledRoles(p);
    relateSpeakerTurn(p);
    const std::vector<int> clause = clauseNumbers(t);
    const bool attendeeList = attendeeListParagraph(t);
    const U32 dateLabel = paragraphLabel(t, 8);
    const bool timeLabel = contains(dateLabel, U"時間") || contains(dateLabel, U"日期") || contains(dateLabel, U"date");

    for (const auto &s : p.sentences) {
        SentenceFacts f{s, {}, clause};
        for (const auto &m : p.mentions)
            if (m.begin >= s.begin && m.begin < s.end)
                f.mentions.push_back(&m);
        for (const auto *m : f.mentions)
            if (m->kind == MentionKind::Event && f.sentenceEvent < 0)
                f.sentenceEvent = m->entity;
        f.targetEvent = f.sentenceEvent >= 0 ? f.sentenceEvent : p.scopeEvent;

        relateEventDates(p, f, timeLabel);
        relateAffiliations(p, f);
        relateParticipation(p, f, attendeeList);
        relateDiscussedTopics(p, f);
        relateProgrammeOrganisers(p, f);
        relateSignedMou(p, f);
        relateElectedMembers(p, f);
        relateMemberCountries(p, f);
        relateHeldInAndHosted(p, f);
    }
}

// An event gets the date written in its clause, within 30 characters; under a
// 時間: / Date: label, the event of the section gets the label's date.
void Extractor::relateEventDates(ParagraphState &p, const SentenceFacts &f, bool timeLabel) {
    const auto &ms = f.mentions;
    for (const auto *m : ms) {
        if (m->kind != MentionKind::Event)
            continue;
        for (const auto *d : ms) {
            if (d->kind != MentionKind::Date || f.clause[d->begin] != f.clause[m->begin])
                continue;
            const std::size_t gap = d->begin > m->end ? d->begin - m->end : m->begin - std::min(m->begin, d->end);
            if (gap > 30)
                continue;
            m_graph.attribute(m->entity, "start", fillYear(d->start, p.year > 0 ? p.year : m_docYear));
            if (!d->finish.empty())
                m_graph.attribute(m->entity, "end", fillYear(d->finish, p.year > 0 ? p.year : m_docYear));
            break;
        }
    }
    if (!timeLabel || p.scopeEvent < 0)
        return;
    for (const auto *d : ms) {
        if (d->kind != MentionKind::Date)
            continue;
        m_graph.attribute(p.scopeEvent, "start", fillYear(d->start, p.year));
        if (!d->finish.empty())
            m_graph.attribute(p.scopeEvent, "end", fillYear(d->finish, p.year));
        break;
    }
}

void Extractor::relateAffiliations(ParagraphState &p, const SentenceFacts &f) {
    for (std::size_t k = 0; k < f.mentions.size(); ++k) {
        if (f.mentions[k]->kind != MentionKind::Person)
            continue;
        affiliationBefore(p, f, k);
        representsAfter(p, f, k);
        affiliationInGroup(p, f, k);
        affiliationAfter(p, f, k);
        countryAcrossZhList(p, f, k);
    }
}

// 帛琉副總統 A 及國務部長 B, 日本首相 A、外相 B: a foreign country written before the title of the first
// person of a Chinese list is the country of the titled persons listed after it whose item names no
// country or organisation of its own (a bare government body with its title, 國務部長, is the
// country's). They represent that country.
void Extractor::countryAcrossZhList(ParagraphState &p, const SentenceFacts &f, std::size_t k) {
    const U32 &t = p.paragraph.text;
    const auto &ms = f.mentions;
    const Mention &person = *ms[k];
    // The persons before k joined to it by list marks only (their own parenthesised original names,
    // titles and 閣下 between), back to the first person of the list.
    std::size_t cursor = person.begin;
    std::size_t q = k;
    const Mention *first = nullptr;
    bool joined = false;
    bool titled = false;
    while (q-- > 0) {
        const Mention &other = *ms[q];
        if (other.kind == MentionKind::Topic || other.kind == MentionKind::Date)
            continue;
        if (other.kind == MentionKind::Organisation && !first && other.end <= cursor &&
            m_bodyCountry.count(other.entity) == 0) {
            // The item's own bare body (國務部長 B): only with its title right after it.
            U32View rest = U32View(t).substr(other.end, cursor - other.end);
            if (!rest.empty() && (rest[0] == U'長' || rest[0] == U'长'))
                rest.remove_prefix(1);
            if (m_lex.zhTitles.matchAt(U32(rest), 0).length != rest.size() && !rest.empty())
                return;
            cursor = other.begin;
            titled = true;
            continue;
        }
        if (other.kind != MentionKind::Person || other.end > cursor)
            break;
        U32 gap;
        for (std::size_t i = other.end; i < cursor; ++i) {
            if (t[i] == U'(') {
                const std::size_t close = t.find(U')', i);
                if (close == U32::npos || close >= cursor)
                    return;
                i = close;
                continue;
            }
            if (!isSpace(t[i]))
                gap.push_back(t[i]);
        }
        for (const U32View honorific : {U32View(U"閣下"), U32View(U"阁下")})
            if (gap.compare(0, honorific.size(), honorific) == 0)
                gap.erase(0, honorific.size());
        // 及 and 、 list one side; 與 / 和 as often join the two sides of a meeting.
        const auto join = U32View(U"及、").find(gap.empty() ? U' ' : gap[0]);
        if (join == U32View::npos)
            break;
        gap.erase(0, 1);
        if (!gap.empty() && m_lex.zhTitles.matchAt(gap, 0).length != gap.size())
            break;
        // The item of k has its office before the name (及國務部長 B, 、外相 B), not only a
        // surname and title (及蔡總統: a person of their own side).
        titled = titled || !gap.empty();
        if (!titled)
            return;
        joined = true;
        first = &other;
        cursor = other.begin;
    }
    if (!joined || first == nullptr)
        return;
    // The country right before the first person's title (帛琉副總統 A).
    for (std::size_t c = 0; c < ms.size(); ++c) {
        const Mention &country = *ms[c];
        if (country.kind != MentionKind::Country || country.end > first->begin || country.entity == countryEntity(m_home))
            continue;
        const U32 between = trim(U32View(t).substr(country.end, first->begin - country.end));
        if (!between.empty() && m_lex.zhTitles.matchAt(between, 0).length != between.size())
            continue;
        m_graph.relate("represents", person.entity, country.entity, lineAt(p, person.begin), quoteAt(p, person.begin), 0.6);
        return;
    }
}

// ORG / Country, then titles (and 代表), then the person k: works_for or represents.
void Extractor::affiliationBefore(ParagraphState &p, const SentenceFacts &f, std::size_t k) {
    const U32 &t = p.paragraph.text;
    const auto &ms = f.mentions;
    const Mention &person = *ms[k];
    std::size_t cursor = person.begin;
    int looked = 0;
    bool acrossList = false;
    for (std::size_t q = k; q-- > 0 && looked < 3;) {
        const Mention &other = *ms[q];
        if (other.kind == MentionKind::Topic || other.kind == MentionKind::Date || other.kind == MentionKind::Programme)
            continue;
        const bool nested = std::any_of(ms.begin(), ms.end(), [&](const Mention *o) {
            return o != &other && o->kind == MentionKind::Organisation && o->begin <= other.begin &&
                   other.end <= o->end && (o->end - o->begin) > (other.end - other.begin);
        });
        if (nested)
            continue;
        // "Japan's Foreign Minister A and Defence Minister B": a possessive country is carried
        // across a list of titled persons (and nothing else is).
        if (other.kind == MentionKind::Person && !person.title.empty() && !other.title.empty() &&
            other.end <= cursor && listJoinOnly(t, other.end, cursor)) {
            cursor = other.begin;
            acrossList = true;
            continue;
        }
        if (other.kind == MentionKind::Person || other.kind == MentionKind::Event || other.end > cursor)
            break;
        if (f.clause[other.end > 0 ? other.end - 1 : 0] != f.clause[person.begin])
            break;
        if (acrossList && (other.kind != MentionKind::Country || !possessiveOnly(t, other.end, cursor)))
            break;
        // "Representative to Japan", 駐日代表: the country an envoy is posted to is not the one
        // they represent; look on before it (ROC Representative to Japan P represents the ROC).
        if (const std::size_t posting = postingBefore(t, other.begin); other.kind == MentionKind::Country &&
                                                                        posting != U32::npos &&
                                                                        trim(U32View(t).substr(other.end, cursor - other.end)).empty()) {
            cursor = posting;
            continue;
        }
        ++looked;
        U32 gap;
        // An abbreviation already read as the organisation's alias is no gap:
        // "U.S. Agency for International Development (USAID) Administrator Samantha Power".
        for (std::size_t i = other.end; i < cursor; ++i)
            if (!isSpace(t[i]) && !insideConsumed(p, i))
                gap.push_back(t[i]);
        const std::size_t cursor0 = cursor;
        cursor = other.begin;
        if (contains(gap, U"、") || contains(gap, U"與") || contains(gap, U"和") || contains(gap, U"及"))
            break;
        // 內政部長 P: the body's head and 長 make the title (部長, 院長, 署長).
        if (other.kind == MentionKind::Organisation && !gap.empty() && (gap[0] == U'長' || gap[0] == U'长') &&
            other.end > other.begin) {
            const U32 joined = U32(1, t[other.end - 1]) + gap;
            if (m_lex.zhTitles.matchAt(joined, 0).length >= 2)
                gap = joined;
        }
        const bool represents = contains(gap, U"代表");
        // What is left of the gap once titles and 的 are removed.
        U32 rest;
        for (std::size_t i = 0; i < gap.size();) {
            const auto tm = m_lex.zhTitles.matchAt(gap, i);
            if (tm.length > 0) {
                i += tm.length;
                continue;
            }
            const auto em = m_lex.enTitles.matchAt(gap, i);
            if (em.length > 0) {
                i += em.length;
                continue;
            }
            if (i == 0 && possessiveOnly(gap, 0, std::min<std::size_t>(gap.size(), 2))) {
                i += 2; // Angola's President P
                continue;
            }
            if (gap[i] != U'的' && gap[i] != U'兼' && gap[i] != U'首' && gap[i] != U'席')
                rest.push_back(gap[i]);
            ++i;
        }
        std::string title;
        if (const auto tm = m_lex.zhTitles.findAll(gap); !tm.empty())
            title = toUtf8(gap.substr(tm.front().first, tm.front().second.length));
        std::map<std::string, std::string> attrs;
        if (!title.empty())
            attrs["title"] = title;
        const int line = lineAt(p, person.begin);
        if (represents) {
            m_graph.relate("represents", person.entity, other.entity, line, quoteAt(p, person.begin), 0.8);
            continue;
        }
        const bool titleFirst = !gap.empty() && m_lex.zhTitles.matchAt(gap, 0).length > 0;
        if (other.kind == MentionKind::Organisation && (rest.empty() || titleFirst)) {
            m_graph.relate("works_for", person.entity, other.entity, line, quoteAt(p, person.begin),
                           rest.empty() ? 0.75 : 0.6, attrs);
            // An official of another country's government body represents that country.
            if (const auto body = m_bodyCountry.find(other.entity); body != m_bodyCountry.end())
                m_graph.relate("represents", person.entity, countryEntity(body->second), line,
                               quoteAt(p, person.begin), 0.6);
            const auto parent = m_parentOf.find(other.entity);
            if (parent != m_parentOf.end() && rest.empty())
                m_graph.relate("works_for", person.entity, parent->second, line, quoteAt(p, person.begin), 0.6);
            continue;
        }
        if (other.kind == MentionKind::Country && (rest.empty() || possessiveOnly(t, other.end, cursor0)))
            m_graph.relate("represents", person.entity, other.entity, line, quoteAt(p, person.begin), 0.6);
    }
}

// 我國由 P 代表: P represents the organisation or country right before.
void Extractor::representsAfter(ParagraphState &p, const SentenceFacts &f, std::size_t k) {
    const U32 &t = p.paragraph.text;
    const Mention &person = *f.mentions[k];
    const std::size_t after = skipSpaces(t, person.end);
    if (t.compare(after, 2, U"代表") != 0 || k == 0)
        return;
    for (std::size_t q = k; q-- > 0;) {
        const Mention &other = *f.mentions[q];
        if (other.kind != MentionKind::Organisation && other.kind != MentionKind::Country)
            continue;
        if (person.begin - other.end <= 3)
            m_graph.relate("represents", person.entity, other.entity, lineAt(p, person.begin), quoteAt(p, person.begin),
                           0.75);
        return;
    }
}

// P (Title, ORG, Country): the organisations and countries in the parentheses.
void Extractor::affiliationInGroup(ParagraphState &p, const SentenceFacts &f, std::size_t k) {
    const Mention &person = *f.mentions[k];
    const auto group = groupAfter(p.paragraph.text, person.end);
    if (!group)
        return;
    for (const auto *m : f.mentions) {
        if (m->begin < group->first || m->end > group->second)
            continue;
        if (m->kind == MentionKind::Organisation)
            m_graph.relate("works_for", person.entity, m->entity, lineAt(p, person.begin), quoteAt(p, person.begin), 0.75);
        else if (m->kind == MentionKind::Country)
            m_graph.relate("represents", person.entity, m->entity, lineAt(p, person.begin), quoteAt(p, person.begin), 0.7);
    }
}

// English: P, Director of ORG / P of ORG / P from Country / P ORG (an acronym right after).
void Extractor::affiliationAfter(ParagraphState &p, const SentenceFacts &f, std::size_t k) {
    const U32 &t = p.paragraph.text;
    if (k + 1 >= f.mentions.size())
        return;
    const Mention &person = *f.mentions[k];
    const Mention &next = *f.mentions[k + 1];
    if (next.kind != MentionKind::Organisation && next.kind != MentionKind::Country)
        return;
    const U32 gap = asciiLower(trim(U32View(t).substr(person.end, next.begin - person.end)));
    U32 g = gap;
    if (!g.empty() && g[0] == U',')
        g = trim(U32View(g).substr(1));
    auto endsWith = [&](const U32 &w) {
        return g.size() >= w.size() && g.compare(g.size() - w.size(), w.size(), w) == 0 &&
               (g.size() == w.size() || g[g.size() - w.size() - 1] == U' ');
    };
    int words = 0;
    for (char32_t c : g)
        words += c == U' ' ? 1 : 0;
    // "Participants: A, ORG; B, ORG": in an attendee list a comma alone joins a person to their organisation.
    const bool listItem = gap == U"," && next.kind == MentionKind::Organisation && attendeeListParagraph(t);
    const bool link = gap.empty() || listItem || ((endsWith(U"of") || endsWith(U"of the") || endsWith(U"at") ||
                                       endsWith(U"at the") || endsWith(U"from") || endsWith(U"from the")) &&
                                      words <= 6);
    if (link && next.kind == MentionKind::Organisation)
        m_graph.relate("works_for", person.entity, next.entity, lineAt(p, person.begin), quoteAt(p, person.begin),
                       gap.empty() ? 0.5 : 0.7);
    else if (link && next.kind == MentionKind::Country && !gap.empty())
        m_graph.relate("represents", person.entity, next.entity, lineAt(p, person.begin), quoteAt(p, person.begin), 0.6);
}

// Persons of an attendee list attended the section's event; elsewhere the
// persons of a clause chaired / spoke at / attended the sentence's event when a
// trigger follows them (or precedes them in English: "chaired by P").
void Extractor::relateParticipation(ParagraphState &p, const SentenceFacts &f, bool attendeeList) {
    if (f.targetEvent < 0)
        return;
    const U32 &t = p.paragraph.text;
    const Sentence &s = f.sentence;
    std::vector<const Mention *> persons;
    for (const auto *m : f.mentions)
        if (m->kind == MentionKind::Person && !insideParentheses(t, m->begin))
            persons.push_back(m);
    if (attendeeList) {
        for (const auto *m : persons)
            m_graph.relate("attended", m->entity, p.scopeEvent >= 0 ? p.scopeEvent : f.targetEvent, lineAt(p, m->begin),
                           quoteAt(p, m->begin), 0.85);
        return;
    }
    std::size_t i = 0;
    while (i < persons.size()) {
        const int c = f.clause[persons[i]->begin];
        std::size_t j = i;
        while (j < persons.size() && f.clause[persons[j]->begin] == c)
            ++j;
        // The first trigger after the last person of the clause (or in the clause
        // that follows, when it starts with the action: "請 A、B 等，分享...").
        std::size_t from = persons[j - 1]->end;
        std::size_t to = from;
        while (to < s.end && f.clause[to] <= c + 2) {
            bool personAhead = false;
            for (const auto *m : persons)
                if (m->begin == to)
                    personAhead = true;
            if (personAhead)
                break;
            ++to;
        }
        std::string kind;
        std::size_t best = U32::npos;
        for (const char *rel : {"chaired", "spoke_at", "attended"}) {
            const std::size_t at = findTrigger(t, from, to, rel);
            if (at < best) {
                best = at;
                kind = rel;
            }
        }
        // English: "chaired by P", "Speakers: P1, P2"
        if (kind.empty()) {
            const std::size_t b0 = persons[i]->begin > s.begin + 20 ? persons[i]->begin - 20 : s.begin;
            for (const char *rel : {"chaired", "spoke_at", "attended"}) {
                const std::size_t at = findTrigger(t, b0, persons[i]->begin, rel);
                if (at != U32::npos && isLatin(t[at])) {
                    kind = rel;
                    break;
                }
            }
        }
        if (!kind.empty() && !comitativeObjects(t, f.clause, persons[i]->begin)) {
            const double conf = kind == "chaired" ? 0.8 : kind == "spoke_at" ? 0.75 : 0.7;
            for (std::size_t k = i; k < j; ++k)
                m_graph.relate(kind, persons[k]->entity, f.targetEvent, lineAt(p, persons[k]->begin),
                               quoteAt(p, persons[k]->begin), conf);
        }
        i = j;
    }
}

// Topics and programmes: discussed by the event named in a sentence with a
// discussion trigger, else by the section's event; a topic nested in an
// event's name is discussed by that event.
void Extractor::relateDiscussedTopics(ParagraphState &p, const SentenceFacts &f) {
    const U32 &t = p.paragraph.text;
    const bool discussTrigger = findTrigger(t, f.sentence.begin, f.sentence.end, "discussed") != U32::npos;
    for (const auto *m : f.mentions) {
        if (m->kind != MentionKind::Topic && m->kind != MentionKind::Programme)
            continue;
        if (m->title == "nested") {
            for (const auto *e : f.mentions)
                if (e->kind == MentionKind::Event && m->begin >= e->begin && m->end <= e->end)
                    m_graph.relate("discussed", e->entity, m->entity, lineAt(p, m->begin), quoteAt(p, m->begin), 0.8);
            continue;
        }
        if (f.sentenceEvent >= 0 && discussTrigger)
            m_graph.relate("discussed", f.sentenceEvent, m->entity, lineAt(p, m->begin), quoteAt(p, m->begin), 0.75);
        else if (p.scopeEvent >= 0)
            m_graph.relate("discussed", p.scopeEvent, m->entity, lineAt(p, m->begin), quoteAt(p, m->begin), 0.55);
    }
}

// Programmes run by an organisation: ORG 的 / 之 / 組織之 / 's PROGRAMME.
void Extractor::relateProgrammeOrganisers(ParagraphState &p, const SentenceFacts &f) {
    const U32 &t = p.paragraph.text;
    const auto &ms = f.mentions;
    for (std::size_t k = 1; k < ms.size(); ++k) {
        const Mention &prog = *ms[k];
        if (prog.kind != MentionKind::Programme)
            continue;
        const Mention *org = nullptr;
        for (std::size_t q = k; q-- > 0;)
            if (ms[q]->kind != MentionKind::Topic && ms[q]->kind != MentionKind::Date) {
                org = ms[q];
                break;
            }
        if (org == nullptr || org->kind != MentionKind::Organisation || org->end > prog.begin)
            continue;
        U32 gap;
        for (std::size_t i = org->end; i < prog.begin; ++i)
            if (!isSpace(t[i]))
                gap.push_back(t[i]);
        for (const U32 &g : {U32(U""), U32(U"的"), U32(U"之"), U32(U"組織之"), U32(U"组织之"), U32(U"組織的"), U32(U"'s")})
            if (gap == g) {
                m_graph.relate("organised", org->entity, prog.entity, lineAt(p, prog.begin), quoteAt(p, prog.begin), 0.65);
                break;
            }
    }
}

// ORG signed an MoU with PARTNER: the partner follows 與 / with (possibly after a
// country), the signer is the organisation before it (or its unit named next).
void Extractor::relateSignedMou(ParagraphState &p, const SentenceFacts &f) {
    const U32 &t = p.paragraph.text;
    const Sentence &s = f.sentence;
    const auto &ms = f.mentions;
    if (findTrigger(t, s.begin, s.end, "signed") == U32::npos ||
        findTrigger(t, s.begin, s.end, "signed_mou_with") == U32::npos)
        return;
    int partner = -1;
    std::size_t partnerPos = 0;
    for (const auto *m : ms) {
        if (m->kind != MentionKind::Organisation)
            continue;
        std::size_t k = m->begin;
        while (k > s.begin && isSpace(t[k - 1]))
            --k;
        for (const U32 &w : {U32(U"與"), U32(U"与"), U32(U"和"), U32(U"with"), U32(U"and")}) {
            for (std::size_t back = 0; back <= 4 && k >= w.size() + back; ++back) {
                if (t.compare(k - back - w.size(), w.size(), w) == 0 && partner < 0) {
                    partner = m->entity;
                    partnerPos = m->begin;
                }
            }
        }
    }
    int subject = -1;
    for (std::size_t k = 0; k < ms.size() && partner >= 0; ++k) {
        const Mention &m = *ms[k];
        if (m.kind != MentionKind::Organisation || m.entity == partner || m.begin >= partnerPos)
            continue;
        subject = m.entity;
        if (k + 1 < ms.size() && ms[k + 1]->kind == MentionKind::Organisation) {
            const auto parent = m_parentOf.find(ms[k + 1]->entity);
            if (parent != m_parentOf.end() && parent->second == subject)
                subject = ms[k + 1]->entity;
        }
        break;
    }
    if (subject >= 0 && partner >= 0)
        m_graph.relate("signed_mou_with", subject, partner, lineAt(p, partnerPos), quoteAt(p, partnerPos), 0.75);
}

// Elected / appointed / members: a person after the trigger (or before it in
// English passive: "P was elected President of ORG") is elected_to / member_of
// the organisation named next, else the first of the sentence, else the
// organiser of the conference of the section; a 為 TITLE gives the role.
// [b, e) lies between a member / elected trigger at b (`first`) or a person it governs and the next person
// at e: only a short link (包括, 有, 為, :), titles, honorifics, and the organisations, countries and
// parenthesised groups that qualify the person; between two persons also list joins (、 , and 及 與).
// A clause mark before the first person, or a list mark after the trigger (成員代表、P), ends the list.
bool Extractor::memberListGap(const ParagraphState &p, const SentenceFacts &f, std::size_t b, std::size_t e,
                              bool first) const {
    const U32 &t = p.paragraph.text;
    if (e <= b || e - b > 80)
        return false;
    if (first) {
        std::size_t len = 0;
        if (triggerAt(t, b, "elected_to", &len) || triggerAt(t, b, "member_of", &len))
            b += len;
    }
    int words = 0;      // Han characters that are no title, link or list join
    int latinWords = 0; // lower-case Latin words
    for (std::size_t i = b; i < e;) {
        const char32_t c = t[i];
        const auto covering = std::find_if(f.mentions.begin(), f.mentions.end(), [&](const Mention *m) {
            return (m->kind == MentionKind::Organisation || m->kind == MentionKind::Country) && m->begin <= i &&
                   i < m->end;
        });
        if (covering != f.mentions.end()) {
            i = (*covering)->end;
            continue;
        }
        if (c == U'(' || c == U'（') {
            const std::size_t close = t.find(c == U'(' ? U')' : U'）', i);
            if (close == U32::npos || close >= e)
                return false;
            i = close + 1;
            continue;
        }
        if (const std::size_t title = m_lex.zhTitles.matchAt(t, i).length; title > 0) {
            i += title;
            continue;
        }
        if (c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？')
            return false;
        if (first && (c == U'，' || c == U'、' || c == U','))
            return false;
        if (isHan(c) && U32View(U"包括含有為为是計计及與与和以").find(c) == U32View::npos && ++words > 2)
            return false;
        if (isLatin(c)) {
            // Honorifics and titles (capitalised) qualify the person; of lower-case words only a
            // short link after the trigger (include, are, of the board), and "and" in a list.
            std::size_t w = i;
            while (w < e && isLatin(t[w]))
                ++w;
            const U32 word = asciiLower(U32View(t).substr(i, w - i));
            if (!isUpper(c) && word != U"and" && (!first || ++latinWords > 3))
                return false;
            i = w;
            continue;
        }
        ++i;
    }
    return true;
}

void Extractor::relateElectedMembers(ParagraphState &p, const SentenceFacts &f) {
    const U32 &t = p.paragraph.text;
    const Sentence &s = f.sentence;
    const auto &ms = f.mentions;
    std::vector<std::pair<std::size_t, std::string>> triggers;
    for (std::size_t i = s.begin; i < s.end; ++i) {
        std::size_t len = 0;
        if (triggerAt(t, i, "elected_to", &len))
            triggers.emplace_back(i, "elected_to");
        else if (triggerAt(t, i, "member_of", &len) && !delegationMembers(t, i))
            triggers.emplace_back(i, "member_of");
    }
    if (triggers.empty())
        return;
    int fallback = -1;
    for (const auto *m : ms)
        if (m->kind == MentionKind::Organisation && fallback < 0)
            fallback = m->entity;
    if (fallback < 0 && p.scopeConference >= 0 && m_organiserOf.count(p.scopeConference))
        fallback = m_organiserOf[p.scopeConference];
    const Mention *listed = nullptr; // the latest person the triggers govern
    std::string listedKind;
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const Mention &person = *ms[k];
        if (person.kind != MentionKind::Person)
            continue;
        // A trigger governs the person right after it (選出 P, 成員包括 P, members include P) and the
        // persons listed with that one; never a person in another clause or list item (參與 X 年會，
        // 與 P 交流; 成員代表、P).
        std::string kind;
        for (const auto &[pos, rel] : triggers)
            if (pos < person.begin && memberListGap(p, f, pos, person.begin, true))
                kind = rel;
        if (kind.empty() && listed != nullptr && memberListGap(p, f, listed->end, person.begin, false))
            kind = listedKind;
        for (const auto &[pos, rel] : triggers)
            if (kind.empty() && pos > person.end && pos - person.end < 12 && isLatin(t[pos]))
                kind = rel;
        if (kind.empty())
            continue;
        listed = &person;
        listedKind = kind;
        int target = -1;
        for (std::size_t q = k + 1; q < ms.size(); ++q) {
            if (ms[q]->kind == MentionKind::Person)
                break;
            if (ms[q]->kind == MentionKind::Organisation && ms[q]->begin - person.end < 25) {
                target = ms[q]->entity;
                break;
            }
        }
        if (target < 0)
            target = fallback;
        std::map<std::string, std::string> attrs;
        const std::size_t wei = t.find(U'為', person.end);
        if (wei != U32::npos && wei < s.end && f.clause[wei] == f.clause[person.end]) {
            std::size_t stop = wei;
            while (stop < s.end && f.clause[stop] == f.clause[wei] && t[stop] != U'、')
                ++stop;
            const auto titles = m_lex.zhTitles.findAll(U32View(t).substr(wei, stop - wei));
            if (!titles.empty())
                attrs["role"] = toUtf8(t.substr(wei + titles.back().first, titles.back().second.length));
        }
        if (target >= 0)
            m_graph.relate(kind, person.entity, target, lineAt(p, person.begin), quoteAt(p, person.begin), 0.7, attrs);
    }
}

// Countries that are members of an organisation: only an enumeration of at
// least three countries (separated by 、 , and 和 及 與 only) whose items are not
// the country of a person named right after.
void Extractor::relateMemberCountries(ParagraphState &p, const SentenceFacts &f) {
    const U32 &t = p.paragraph.text;
    const auto &ms = f.mentions;
    if (findTrigger(t, f.sentence.begin, f.sentence.end, "member_of") == U32::npos)
        return;
    int org = -1;
    std::vector<const Mention *> countries;
    for (const auto *m : ms) {
        if (m->kind == MentionKind::Organisation && org < 0)
            org = m->entity;
        bool nested = false;
        for (const auto *o : ms)
            if (o->kind == MentionKind::Organisation && m->begin >= o->begin && m->end <= o->end)
                nested = true;
        if (m->kind == MentionKind::Country && !nested)
            countries.push_back(m);
    }
    std::vector<const Mention *> run, best;
    auto separatorsOnly = [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i)
            if (!isSpace(t[i]) && t[i] != U'、' && t[i] != U',' && t[i] != U'和' && t[i] != U'及' && t[i] != U'與' &&
                t[i] != U'与' && t[i] != U'以' && t[i] != U'a' && t[i] != U'n' && t[i] != U'd')
                return false;
        return true;
    };
    auto personRightAfter = [&](const Mention *c) {
        for (const auto *m : ms)
            if (m->kind == MentionKind::Person && m->begin >= c->end && m->begin - c->end <= 8)
                return true;
        return false;
    };
    for (const auto *c : countries) {
        if (personRightAfter(c)) {
            run.clear();
            continue;
        }
        if (!run.empty() && !separatorsOnly(run.back()->end, c->begin))
            run.clear();
        run.push_back(c);
        if (run.size() > best.size())
            best = run;
    }
    if (org >= 0 && best.size() >= 3)
        for (const auto *c : best)
            m_graph.relate("member_of", c->entity, org, lineAt(p, c->begin), quoteAt(p, c->begin), 0.65);
}

// held_in: the event of the clause (else the sentence's target) is held in the
// country after 於/在 (Chinese, before the trigger) or right after the trigger
// (English), and takes the clause's date. hosted: the country or organisation
// right after a hosting trigger hosted the target event.
void Extractor::relateHeldInAndHosted(ParagraphState &p, const SentenceFacts &f) {
    const U32 &t = p.paragraph.text;
    const Sentence &s = f.sentence;
    for (std::size_t i = s.begin; i < s.end; ++i) {
        std::size_t len = 0;
        if (triggerAt(t, i, "held_in", &len)) {
            const bool english = isLatin(t[i]);
            const Mention *country = nullptr;
            const Mention *event = nullptr;
            const Mention *date = nullptr;
            for (const auto *m : f.mentions) {
                if (f.clause[m->begin] != f.clause[i])
                    continue;
                if (m->kind == MentionKind::Country && !english && m->end <= i && i - m->end <= 3) {
                    std::size_t k = m->begin;
                    while (k > 0 && isSpace(t[k - 1]))
                        --k;
                    if (k > 0 && (t[k - 1] == U'於' || t[k - 1] == U'在' || t[k - 1] == U'于'))
                        country = m;
                }
                if (m->kind == MentionKind::Country && english && m->begin >= i + len && m->begin - (i + len) <= 4)
                    country = m;
                if (m->kind == MentionKind::Event && (event == nullptr || m->begin < i))
                    event = m;
                if (m->kind == MentionKind::Date && date == nullptr)
                    date = m;
            }
            const int ev = event != nullptr ? event->entity : f.targetEvent;
            if (country != nullptr && ev >= 0) {
                m_graph.relate("held_in", ev, country->entity, lineAt(p, i), quoteAt(p, i), event != nullptr ? 0.8 : 0.6);
                if (date != nullptr && event != nullptr) {
                    m_graph.attribute(ev, "start", fillYear(date->start, p.year));
                    if (!date->finish.empty())
                        m_graph.attribute(ev, "end", fillYear(date->finish, p.year));
                }
            }
            i += len - 1;
            continue;
        }
        if (triggerAt(t, i, "hosted", &len)) {
            for (const auto *m : f.mentions) {
                if (m->begin < i + len || m->begin > i + len + 4)
                    continue;
                if ((m->kind == MentionKind::Country || m->kind == MentionKind::Organisation) && f.targetEvent >= 0)
                    m_graph.relate("hosted", m->entity, f.targetEvent, lineAt(p, i), quoteAt(p, i), 0.65);
                break;
            }
            i += len - 1;
        }
    }
}

} // namespace liaison::report
