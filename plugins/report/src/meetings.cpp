// Meetings and visits, sentence by sentence, with the date each one inherits.
//   met:     SUBJECT met with / held talks with / received / 接見 / 會晤 OBJECTS;
//            A and B met; (SUBJECT) 與 OBJECTS ... 會談 / 進行討論;
//   visited: SUBJECT traveled to / visited / 訪問 / 前往 COUNTRIES; 來臺 / 訪華 -> the home country.
// The subject is the nearest person before the trigger in the sentence; when
// there is none (He met with ..., the Secretary's meeting with ..., 我与 ...)
// it is the person the text is about: the latest subject, or the speaker of a
// "NAME TITLE:" paragraph. The date is the sentence's own full date, else the
// document's date for today / 今(N)日, else the latest full date written
// before it (dateline, day heading, the paragraph's date).
#include "extractor.hpp"

#include <algorithm>
#include <map>

namespace liaison::report {

namespace {

std::string fullDate(const std::string &date, int year) {
    std::string d = date;
    if (d.rfind("0000", 0) == 0 && year > 0)
        d = std::to_string(year) + d.substr(4);
    return d.size() == 10 && d[0] != '0' ? d : std::string();
}

// 我 / 我们 / I / we / thank written in [b, e): the sentence speaks as, or to, someone.
bool firstPersonPronoun(const U32 &t, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i)
        if (t[i] == U'我' || wordAt(t, i, U"i") || wordAt(t, i, U"we"))
            return !(i + 1 < t.size() && (t[i + 1] == U'國' || t[i + 1] == U'国' || t[i + 1] == U'方'));
    return false;
}

// A group noun of people starts at `from`: one of its first four Han characters is one that names
// people (賓 guests, 團 delegation, 者 -er, 士 persons, 員 members, 客, 眾, 隊, 人).
bool groupNounAfter(const U32 &t, std::size_t from, std::size_t end) {
    const U32View people = U"賓宾團团者士員员客眾众隊队人";
    std::size_t e = from;
    while (e < end && e - from < 4 && isHan(t[e]))
        ++e;
    for (std::size_t k = e; k > from; --k)
        if (people.find(t[k - 1]) != U32View::npos)
            return true;
    return false;
}

// The "with" after a signing verb that names the other signatory, within the clause
// ("signed a Memorandum of Understanding (MOU) with Q"), else npos.
std::size_t signingPartner(const U32 &t, std::size_t from, std::size_t end) {
    for (std::size_t i = from; i < end && i - from < 120; ++i) {
        if (t[i] == U';' || t[i] == U'；')
            return U32::npos;
        if (wordAt(t, i, U"with"))
            return i;
    }
    return U32::npos;
}

} // namespace

bool Extractor::firstPersonPronoun(const U32 &t, std::size_t b, std::size_t e) const {
    return liaison::report::firstPersonPronoun(t, b, e);
}

std::size_t Extractor::triggerLength(const U32 &t, std::size_t pos, const std::string &relation) const {
    const auto it = m_lex.triggers.find(relation);
    if (it == m_lex.triggers.end())
        return 0;
    std::size_t best = 0;
    for (const auto &form : it->second)
        if (form.size() > best && wordAt(t, pos, asciiLower(form)))
            best = form.size();
    return best;
}

std::string Extractor::ownDate(const ParagraphState &p, const Sentence &s) const {
    const int year = p.year > 0 ? p.year : m_docYear;
    for (const auto &m : p.mentions)
        if (m.kind == MentionKind::Date && m.begin >= s.begin && m.begin < s.end)
            return fullDate(m.start, year);
    return {};
}

std::string Extractor::laterOwnDate(const ParagraphState &p, const Sentence &s) const {
    for (const auto &later : p.sentences)
        if (later.begin >= s.end)
            if (std::string d = ownDate(p, later); !d.empty())
                return d;
    return {};
}

std::string Extractor::sentenceDate(const ParagraphState &p, const Sentence &s) {
    const U32 &t = p.paragraph.text;
    const std::string own = ownDate(p, s);
    if (!own.empty()) {
        m_dateContext = own;
        if (m_documentDate.empty())
            m_documentDate = own;
        return own;
    }
    // Today / 今日 / 今(28)日: the date of the document, with the day written.
    for (std::size_t i = s.begin; i < s.end && !m_dateContext.empty(); ++i) {
        if (wordAt(t, i, U"today") || wordAt(t, i, U"今日") || wordAt(t, i, U"今天") || wordAt(t, i, U"本日"))
            return m_documentDate.empty() ? m_dateContext : m_documentDate;
        if (t[i] == U'今' && i + 1 < s.end && t[i + 1] == U'(') {
            int day = 0;
            std::size_t k = i + 2;
            while (k < s.end && isDigit(t[k]) && day < 100)
                day = day * 10 + static_cast<int>(t[k++] - U'0');
            const std::string base = m_documentDate.empty() ? m_dateContext : m_documentDate;
            if (k + 1 < s.end && t[k] == U')' && t[k + 1] == U'日' && day >= 1 && day <= 31 && base.size() == 10)
                return base.substr(0, 8) + (day < 10 ? "0" : "") + std::to_string(day);
        }
    }
    // "in London last Monday", 昨日, 日前: the day named relative to the date in focus, or none.
    if (const RelativeDate relative = relativeDate(t, s.begin, s.end, m_dateContext); relative.found)
        return relative.date;
    return m_dateContext;
}

void Extractor::dateNamedEvents() {
    auto named = [&](int e) { return std::find(m_namedEvents.begin(), m_namedEvents.end(), e) != m_namedEvents.end(); };
    // 1. The date written nearest to any mention of the event within its sentence (it
    //    overrides the first clause's date: 1月23日至30日率團參加就職典禮 … 1月27日舉辦就職典禮).
    struct Nearest {
        std::size_t gap = static_cast<std::size_t>(-1);
        std::string start;
        std::string end;
    };
    std::map<int, Nearest> nearest;
    for (const auto &p : m_paragraphs) {
        const int year = p.year > 0 ? p.year : m_docYear;
        for (const auto &s : p.sentences)
            for (const auto &m : p.mentions) {
                if (m.kind != MentionKind::Event || m.begin < s.begin || m.begin >= s.end || !named(m.entity))
                    continue;
                for (const auto &d : p.mentions) {
                    const std::string start = fullDate(d.start, year);
                    if (d.kind != MentionKind::Date || d.begin < s.begin || d.begin >= s.end || start.empty())
                        continue;
                    const std::size_t gap = d.begin >= m.end ? d.begin - m.end : m.begin - std::min(m.begin, d.end);
                    Nearest &best = nearest[m.entity];
                    if (gap < best.gap)
                        best = {gap, start, fullDate(d.finish, year)};
                }
            }
    }
    for (const auto &[event, date] : nearest) {
        m_graph.attribute(event, "start", date.start, true);
        if (!date.end.empty())
            m_graph.attribute(event, "end", date.end, true);
    }
    // 2. Otherwise the date its first mention sits under (dateline, day heading, today).
    const std::string savedContext = m_dateContext;
    m_dateContext.clear();
    for (auto &p : m_paragraphs)
        for (const auto &s : p.sentences) {
            const std::string date = sentenceDate(p, s);
            for (const auto &m : p.mentions)
                if (m.kind == MentionKind::Event && m.begin >= s.begin && m.begin < s.end && named(m.entity) &&
                    m_graph.at(m.entity).attribute("start") == nullptr && !date.empty())
                    m_graph.attribute(m.entity, "start", date);
        }
    m_dateContext = savedContext;
}

int Extractor::subjectBefore(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                             std::size_t pos) const {
    const Mention *nearest = nullptr;
    for (const Mention *m : persons)
        if (m->end <= pos)
            nearest = m;
    if (nearest != nullptr)
        return nearest->entity;
    // "我与 ...", "I met ...": the speaker of the remarks, else whom the document is first about.
    if (firstPersonPronoun(p.paragraph.text, s.begin, pos))
        return m_speaker >= 0 ? m_speaker : m_firstPerson;
    return m_protagonist;
}

int Extractor::meetingSubject(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                              std::size_t pos) const {
    const int subject = subjectBefore(p, s, persons, pos);
    if (subject < 0 || subject == m_speaker)
        return subject;
    // A sentence with no subject written (與 P 進行交流; 另一任務為拜訪 X) is about the person the
    // text is about only when the paragraph names them or a pronoun points back (he, she, 他, 她):
    // across paragraphs the subject may as well be the delegation, the trip or 我方.
    const U32 &t = p.paragraph.text;
    const bool named = std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
        return m.kind == MentionKind::Person && m.entity == subject && m.begin < pos;
    });
    if (named || firstPersonPronoun(t, s.begin, pos))
        return subject;
    for (std::size_t i = s.begin; i < pos; ++i) {
        if (wordAt(t, i, U"he") || wordAt(t, i, U"she") || wordAt(t, i, U"his") || wordAt(t, i, U"her") ||
            t[i] == U'他' || t[i] == U'她')
            return subject;
        // "The Secretary also paid a courtesy call on …": an office with "the" points back too.
        if (wordAt(t, i, U"the")) {
            const std::size_t j = skipSpaces(t, i + 3);
            if (j < pos && isUpper(t[j]) && m_lex.enTitles.matchAt(t, j).length > 0)
                return subject;
        }
    }
    // 部長隨後與 …: a sentence opening with an office alone.
    if (m_lex.zhTitles.matchAt(t, skipSpaces(t, s.begin)).length > 0)
        return subject;
    return -1;
}

void Extractor::findMeetings(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    // "布林肯国务卿: ..." / "SECRETARY KERRY: ...": the speaker of the paragraph is who 我 / I is.
    for (const auto &m : p.mentions) {
        if (m.kind != MentionKind::Person)
            continue;
        std::size_t c = skipSpaces(t, m.end);
        c += m_lex.zhTitles.matchAt(t, c).length; // 布林肯国务卿:
        c = skipSpaces(t, c);
        if (m.begin <= 2 && c < t.size() && t[c] == U':')
            m_speaker = m.entity;
        break;
    }
    attendeeListMeetings(p);
    m_location = -1;
    for (const auto &s : p.sentences) {
        if (const int place = sentenceLocation(p, s); place >= 0)
            m_location = place;
        std::vector<const Mention *> persons;
        for (const auto &m : p.mentions) {
            if (m.begin < s.begin || m.begin >= s.end || insideConsumed(p, m.begin))
                continue;
            if (m.kind == MentionKind::Person)
                persons.push_back(&m);
        }
        const std::string date = sentenceDate(p, s);
        std::map<std::string, std::string> attrs;
        if (!date.empty())
            attrs["date"] = date;
        auto relate = [&](const char *kind, int a, int b, std::size_t at, double confidence) {
            if (a < 0 || b < 0 || a == b)
                return;
            m_graph.relate(kind, a, b, lineAt(p, at), quoteAt(p, at), confidence, attrs);
        };
        std::size_t firstTrigger = s.end;
        for (std::size_t i = s.begin; i < s.end; ++i) {
            if (std::size_t len = triggerLength(t, i, "met"); len > 0) {
                firstTrigger = std::min(firstTrigger, i);
                meetingAt(p, s, persons, i, len, relate);
                metIn(p, s, persons, i + len, relate);
                i += len - 1;
            } else if (std::size_t slen = std::max(triggerLength(t, i, "signed_with"), triggerLength(t, i, "agreement_with"));
                       slen > 0) {
                // "P signed an MOU with Q": signing is a meeting of the signatories; so is an
                // agreement made with a person whatever the verb ("concluded an agreement with Q").
                const std::size_t with = signingPartner(t, i + slen, s.end);
                const bool personPartner = with != U32::npos && std::any_of(persons.begin(), persons.end(), [&](const Mention *m) {
                    return m->begin > with && m->begin - with < 40;
                });
                if (personPartner) {
                    firstTrigger = std::min(firstTrigger, i);
                    meetingAt(p, s, persons, with, 4, relate);
                    i = std::max(i + slen, with + 4) - 1; // the agreement after "signed" is the same signing
                    continue;
                }
                i += slen - 1;
            } else if (std::size_t vlen = triggerLength(t, i, "visited"); vlen > 0) {
                firstTrigger = std::min(firstTrigger, i);
                const int subject = subjectBefore(p, s, persons, i);
                // A visit whose sentence has no date of its own is dated by the next
                // sentence of the paragraph that has one ("… then traveled to Paris. He
                // met … on Monday, September 16.").
                const auto saved = attrs;
                if (const std::string later = laterOwnDate(p, s); !later.empty() && ownDate(p, s).empty())
                    attrs["date"] = later;
                // The places of the clause after the trigger (A, B and C; A、B及C; Nairobi, Kenya).
                for (const int place : placesAfter(p, s, i + vlen)) {
                    relate("visited", subject, placeEntity(p, place, i), i, 0.65);
                    m_location = place;
                }
                attrs = saved;
                i += vlen - 1;
            } else if (std::size_t hlen = triggerLength(t, i, "visited_home"); hlen > 0 && m_home >= 0) {
                const int home = countryEntity(m_home);
                m_graph.evidence(home, lineAt(p, i), quoteAt(p, i), 0.6); // 來臺 names the home country
                for (const int visitor : homeVisitors(p, s, persons, i, hlen))
                    relate("visited", visitor, home, i, 0.6);
                i += hlen - 1;
            }
        }
        withMeetings(p, s, persons, relate);
        // The first person of a sentence, written before any meeting or visit
        // in it, is who the next "he" / "she" / "the Secretary" is.
        if (!persons.empty() && m_firstPerson < 0)
            m_firstPerson = persons.front()->entity;
        if (!persons.empty() && persons.front()->begin - s.begin < 60 && persons.front()->begin <= firstTrigger &&
            !firstPersonPronoun(t, s.begin, persons.front()->begin) &&
            t.substr(s.begin, persons.front()->begin - s.begin).find(U"感") == U32::npos)
            m_protagonist = persons.front()->entity;
    }
}

// 來臺 / 訪華 qualifying a group noun (訪華外賓, 來臺訪問團, 訪華貴賓, 來台人士; see
// groupNounAfter) followed by a list ("訪華外賓包括: A、B", "來臺訪問團成員有 A 及 B"): the persons
// listed after it, never the person the text is about.
std::vector<int> Extractor::homeVisitors(const ParagraphState &p, const Sentence &s,
                                         const std::vector<const Mention *> &persons, std::size_t at,
                                         std::size_t length) const {
    std::vector<int> listed;
    if (groupNounAfter(p.paragraph.text, at + length, s.end))
        for (const Mention *m : persons)
            if (m->begin >= at + length)
                listed.push_back(m->entity);
    if (!listed.empty())
        return listed;
    const bool before = std::any_of(persons.begin(), persons.end(), [&](const Mention *m) { return m->end <= at; });
    if (before || !groupNounAfter(p.paragraph.text, at + length, s.end))
        return {subjectBefore(p, s, persons, at)};
    return {};
}

void Extractor::meetingAt(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                          std::size_t at, std::size_t length, const RelateFn &relate) {
    const U32 &t = p.paragraph.text;
    // Objects: persons after the trigger, up to the end of their clause
    // (to discuss / 感謝 ... starts something else).
    std::vector<int> objects;
    for (const Mention *m : persons) {
        if (m->begin < at + length)
            continue;
        const U32View gap = U32View(t).substr(at + length, m->begin - at - length);
        if (gap.find(U" to ") != U32View::npos || gap.find(U'，') != U32View::npos ||
            gap.find(U'。') != U32View::npos || (gap.find(U',') != U32View::npos && !objects.empty()) ||
            gap.find(U" who ") != U32View::npos || gap.size() > 80)
            break;
        objects.push_back(m->entity);
    }
    // Subjects: "A and B met" (no object) meet each other; otherwise the nearest person before.
    std::vector<int> before;
    for (const Mention *m : persons)
        if (m->end <= at)
            before.push_back(m->entity);
    if (objects.empty()) {
        if (before.size() >= 2 && at - s.begin < 200)
            for (std::size_t a = 0; a < before.size(); ++a)
                for (std::size_t b = a + 1; b < before.size(); ++b)
                    relate("met", before[a], before[b], at, 0.6);
        return;
    }
    const int subject = meetingSubject(p, s, persons, at);
    for (int o : objects) {
        relate("met", subject, o, at, 0.75);
        noteHostCandidate(p, o, at);
    }
    // Persons met together (met with A and B) met each other too.
    for (std::size_t a = 0; a < objects.size(); ++a)
        for (std::size_t b = a + 1; b < objects.size(); ++b)
            relate("met", objects[a], objects[b], at, 0.5);
}

// 出席人員: HOST-ORG 主持人 A 教授、副主持人 B、HOME-ORG 副處長 C、D … / Participants: A,
// HOST-ORG; B, HOME-ORG … under a visit or meeting. The list's items are split at
// 、 or ; (at commas when it has neither) within a sentence. A person's side is the visited
// organisation when their item names it (or a unit of it), else a foreign country
// written in the item, else the home side when the item names an organisation; an
// item naming neither continues the side of the item before. Persons of different
// sides met, on the date the list sits under (時間: above it), else the event's.
void Extractor::attendeeListMeetings(const ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    if (p.scopeEvent < 0 || !attendeeListParagraph(t))
        return;
    const std::string *type = m_graph.at(p.scopeEvent).attribute("type");
    if (type == nullptr || (*type != "visit" && *type != "meeting"))
        return;
    std::vector<const Mention *> persons;
    for (const auto &m : p.mentions)
        if (m.kind == MentionKind::Person && !insideConsumed(p, m.begin))
            persons.push_back(&m);
    if (persons.size() < 2)
        return;
    auto insideOrganisation = [&](std::size_t i) {
        return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
            return (m.kind == MentionKind::Organisation || m.kind == MentionKind::Person) && m.begin <= i && i < m.end;
        });
    };
    std::vector<bool> separator(t.size(), false);
    bool strong = false;
    for (std::size_t i = 0; i < t.size(); ++i)
        if ((t[i] == U'、' || t[i] == U';') && !insideOrganisation(i))
            separator[i] = strong = true;
    if (!strong)
        for (std::size_t i = 0; i < t.size(); ++i)
            separator[i] = t[i] == U',' && !insideOrganisation(i);
    auto rootOf = [&](int org) {
        for (auto it = m_parentOf.find(org); it != m_parentOf.end(); it = m_parentOf.find(org))
            org = it->second;
        return org;
    };
    int host = -1; // the root of the visited organisation (key visit#ROOT)
    for (const auto &[key, event] : m_eventByKey)
        if (event == p.scopeEvent && key.rfind("visit#", 0) == 0)
            host = std::stoi(key.substr(6));
    constexpr int hostSide = -2;
    constexpr int homeSide = -1;
    const int home = m_home >= 0 ? countryEntity(m_home) : -3;
    std::vector<int> side(persons.size(), homeSide);
    for (std::size_t k = 0; k < persons.size(); ++k) {
        const Sentence *sentence = sentenceAt(p, persons[k]->begin);
        const std::size_t sb = sentence != nullptr ? sentence->begin : 0;
        const std::size_t se = sentence != nullptr ? sentence->end : t.size();
        std::size_t b = persons[k]->begin;
        while (b > sb && !separator[b - 1])
            --b;
        std::size_t e = persons[k]->end;
        while (e < se && !separator[e])
            ++e;
        int key = k > 0 ? side[k - 1] : homeSide;
        bool named = false;
        for (const auto &m : p.mentions) {
            if (m.begin < b || m.end > e || (named && key == hostSide))
                continue;
            if (m.kind == MentionKind::Organisation && host >= 0 && rootOf(m.entity) == host) {
                key = hostSide;
                named = true;
            } else if (m.kind == MentionKind::Country && m.entity != home) {
                key = m.entity;
                named = true;
            } else if (m.kind == MentionKind::Organisation && !named) {
                key = homeSide;
                named = true;
            }
        }
        side[k] = key;
    }
    std::map<std::string, std::string> attrs;
    const std::string *start = m_graph.at(p.scopeEvent).attribute("start");
    if (!m_dateContext.empty())
        attrs["date"] = m_dateContext;
    else if (start != nullptr && start->size() == 10)
        attrs["date"] = *start;
    for (std::size_t a = 0; a < persons.size(); ++a)
        for (std::size_t b = a + 1; b < persons.size(); ++b)
            if (side[a] != side[b] && persons[a]->entity != persons[b]->entity)
                m_graph.relate("met", persons[a]->entity, persons[b]->entity, lineAt(p, persons[b]->begin),
                               quoteAt(p, persons[b]->begin), 0.6, attrs);
}

void Extractor::withMeetings(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                             const RelateFn &relate) {
    const U32 &t = p.paragraph.text;
    for (std::size_t i = s.begin; i < s.end; ++i) {
        if (t[i] != U'與' && t[i] != U'与')
            continue;
        // The trigger after the partners, in the same clause.
        std::size_t g = i + 1;
        std::size_t len = 0;
        while (g < s.end && t[g] != U'，' && t[g] != U',' && t[g] != U'。' && g - i < 40 &&
               (len = triggerLength(t, g, "met_with")) == 0)
            ++g;
        if (len == 0)
            continue;
        std::vector<int> partners;
        for (const Mention *m : persons)
            if (m->begin > i && m->end <= g)
                partners.push_back(m->entity);
        if (partners.empty())
            continue;
        const int subject = meetingSubject(p, s, persons, i);
        for (int o : partners) {
            relate("met", subject, o, i, 0.7);
            noteHostCandidate(p, o, i);
        }
        i = g;
    }
}

} // namespace liaison::report
