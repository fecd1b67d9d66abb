// Events named by their head word (event_heads.tsv), in the shapes of
// readouts and press releases:
// - English: a run of capitalised words ending with a head, read leftwards
//   across inner connectors (of, and, to, for, on, a), hyphenated and dotted
//   words (U.S.-Africa), numbers (Agenda 2063, 2016), comma lists closed by
//   "and" (Peace, Security and Governance Forum) and a quoted title right
//   before (the "Inclusive Partnerships ..." Civil Society Forum); a lower-case
//   ceremony head needs two capitalised words (2016 National Day
//   celebrations); "the Summit" alone is the latest event with that head; a
//   session or panel head (Session, Panel) only capitalised after two
//   capitalised words (the Supporting Conservation … Transition Session);
// - Chinese: a ceremony or meeting head (典禮, 大典, 慶祝活動, 說明會 …) read back
//   to a verb, a year word or a function character; a leading country or
//   我國/本部 leaves the name (kept as an alias);
// - trip code names: 「聖宏專案」 or 以「X」為名 in a sentence about a trip abroad.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

// Capitalised words that end a name read leftwards (title-case headings:
// "... After Their Meeting", "Remarks With ...").
bool stopsEnglishEventName(const U32 &lowerWord) {
    static const std::vector<U32> words = {U"the", U"after", U"with", U"before", U"during", U"at", U"on", U"in",
                                           U"their", U"his", U"her", U"its", U"our", U"this", U"that", U"a",
                                           U"an", U"for", U"from", U"upcoming", U"first", U"today", U"remarks",
                                           U"background"};
    return std::find(words.begin(), words.end(), lowerWord) != words.end();
}

bool isConnector(const U32 &word) {
    static const std::vector<U32> words = {U"of", U"and", U"to", U"for", U"on", U"a", U"&", U"in"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool isNameChar(char32_t c) {
    return isLatin(c) || isDigit(c) || c == U'.' || c == U'-' || c == U'\'' || c == U'’' || c == U'&';
}

// Words a Chinese ceremony or meeting name never runs back across.
bool endsChineseEventBoundary(const U32 &t, std::size_t j) {
    static const std::vector<U32> words = {U"參加", U"参加", U"出席", U"擔任", U"担任", U"舉行", U"举行", U"舉辦",
                                           U"举办", U"召開", U"召开", U"慶祝", U"庆祝", U"邀請", U"邀请", U"主持",
                                           U"前往", U"啟程", U"启程", U"本年", U"今年", U"明年", U"去年", U"應邀",
                                           U"应邀", U"觀禮", U"观礼", U"致詞", U"致词", U"率團", U"率团", U"參與",
                                           U"参与", U"例行", U"透過", U"透过", U"包括", U"通過", U"通过", U"藉由", U"經由",
                                           U"经由"};
    for (const auto &w : words)
        if (j >= w.size() && t.compare(j - w.size(), w.size(), w) == 0)
            return true;
    return false;
}

// Words for an earlier or later occasion of a recurring event (上次 … 新聞說明會).
const U32View kOtherOccasion[] = {U"上次", U"前次", U"下次", U"上屆", U"上届", U"下屆", U"下届", U"上一次", U"前一次"};

const U32 kZhEventStopChars = U"的之與与及和在於于為为是由請请並并以等其該该此各、，,。;；:：「」『』()（）";

// The rank of an event by the last word of its name: 2 for a gathering with parts (Summit,
// Conference, Congress, Ministerial, 峰會, 年會, 大會), 1 for a part of one (Forum, Session, Panel,
// Roundtable, Workshop, 論壇, 研討會, 座談會), 0 otherwise.
int eventRank(std::string_view name) {
    std::string lower(name);
    for (char &c : lower)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    auto endsWith = [&](std::string_view w) {
        return lower.size() >= w.size() && lower.compare(lower.size() - w.size(), w.size(), w) == 0;
    };
    for (const std::string_view w : {"summit", "conference", "congress", "ministerial", "assembly", "convention",
                                     "峰會", "峰会", "年會", "年会", "大會", "大会"})
        if (endsWith(w))
            return 2;
    for (const std::string_view w : {"forum", "session", "panel", "plenary", "roundtable", "workshop", "symposium",
                                     "論壇", "论坛", "研討會", "研讨会", "座談會", "座谈会", "場次", "场次"})
        if (endsWith(w))
            return 1;
    return 0;
}

} // namespace

void Extractor::addEventMention(ParagraphState &p, std::size_t b, std::size_t e, int event, int type,
                                double confidence) {
    Mention m;
    m.kind = MentionKind::Event;
    m.begin = b;
    m.end = e;
    m.entity = event;
    m.eventType = type;
    addMention(p, m, confidence);
}

int Extractor::sameNamedEvent(std::string_view name) const {
    // One name ends with the other: 就職典禮 / 新任總統就職典禮, Civil Society Forum / "Inclusive ..."
    // Civil Society Forum. The shorter must be a name of its own (two words, four characters).
    const U32 a = fromUtf8(name);
    for (int ev : m_namedEvents) {
        const U32 b = fromUtf8(m_graph.at(ev).name);
        const U32 &shorter = a.size() < b.size() ? a : b;
        const U32 &longer = a.size() < b.size() ? b : a;
        const bool han = !shorter.empty() && isHan(shorter[0]);
        if ((han ? shorter.size() < 4 : shorter.find(U' ') == U32::npos) ||
            longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) != 0)
            continue;
        const char32_t before = longer.size() > shorter.size() ? longer[longer.size() - shorter.size() - 1] : U' ';
        if (han || before == U' ')
            return ev;
    }
    return -1;
}

int Extractor::addNamedEvent(ParagraphState &p, std::size_t b, std::size_t e, const std::string &key,
                             const std::string &name, int type, const std::string &language, double confidence) {
    // "2016 National Day celebrations" and "National Day celebrations" are one event.
    std::string_view bare = name;
    if (bare.size() > 5 && std::all_of(bare.begin(), bare.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        bare[4] == ' ')
        bare.remove_prefix(5);
    int ev = sameNamedEvent(bare);
    if (ev < 0)
        ev = eventFor(key + mergeKey(bare), name, type, language);
    const std::string &known = m_graph.at(ev).name;
    if (known != name) {
        // The fuller name is the display name; every written form is an alias.
        if (name.size() > known.size())
            m_graph.rename(ev, name, language);
        else
            m_graph.alias(ev, name);
    }
    if (bare.size() < name.size())
        m_graph.alias(ev, std::string(bare));
    if (std::find(m_namedEvents.begin(), m_namedEvents.end(), ev) == m_namedEvents.end())
        m_namedEvents.push_back(ev);
    addEventMention(p, b, e, ev, type, confidence);
    return ev;
}

void Extractor::findEnglishNamedEvents(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    const U32 &orig = p.paragraph.original;
    auto personOver = [&](std::size_t b, std::size_t e) {
        return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
            return m.kind == MentionKind::Person && m.begin < e && m.end > b;
        });
    };
    // Countries stay mentions inside an event's name (U.S.-Africa Leaders Summit).
    auto taken = [&](std::size_t b, std::size_t e) {
        return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
            return m.kind != MentionKind::Country && m.begin < e && m.end > b;
        });
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isLatin(t[i]) || (i > 0 && isNameChar(t[i - 1])))
            continue;
        std::size_t headE = i;
        while (headE < t.size() && isLatin(t[headE]))
            ++headE;
        const auto head = m_lex.enEventHeads.find(asciiLower(U32View(t).substr(i, headE - i)));
        const bool capital = isUpper(t[i]);
        // A session or panel named in running text needs a capitalised head (the Supporting …
        // Session); written lower case it is a common noun, and "Session 3" is a heading's.
        const bool session = head != m_lex.enEventHeads.end() && head->second == 1 && capital;
        if (head == m_lex.enEventHeads.end() || (head->second != 0 && head->second < 4 && !session) ||
            (headE < t.size() && isNameChar(t[headE]) && t[headE] != U'.') || taken(i, headE) ||
            insideConsumed(p, i)) {
            i = headE;
            continue;
        }
        // Read the name leftwards.
        std::size_t b = i;
        std::size_t pos = i;
        int capitalised = 0;
        bool quoted = false;
        bool list = false; // "... and Governance Forum": commas before are part of the name
        for (int guard = 0; guard < 24 && pos > 0; ++guard) {
            std::size_t k = pos;
            while (k > 0 && isSpace(t[k - 1]))
                --k;
            if (k == 0)
                break;
            const char32_t c = t[k - 1];
            if ((c == U'”' || c == U'"') && !quoted) {
                const std::size_t open = t.find_last_of(U"“\"", k >= 2 ? k - 2 : 0);
                if (open == U32::npos || k - open > 160)
                    break;
                quoted = true;
                b = pos = open;
                capitalised += 2;
                continue;
            }
            if (c == U',' && list) {
                pos = k - 1;
                continue;
            }
            std::size_t w = k;
            while (w > 0 && isNameChar(t[w - 1]))
                --w;
            if (w == k)
                break;
            const U32 word = t.substr(w, k - w);
            const U32 lower = asciiLower(word);
            // A number is a year or part of a name (Agenda 2063), never a date's tail (09/14/13).
            const bool number = isDigit(word[0]) && (w == 0 || !(t[w - 1] == U'/' || isDigit(t[w - 1])));
            const bool possessive = word.size() > 2 && (word.compare(word.size() - 2, 2, U"'s") == 0 ||
                                                         word.compare(word.size() - 2, 2, U"’s") == 0);
            if (isUpper(word[0]) || number) {
                if (stopsEnglishEventName(lower) || possessive || personOver(w, k))
                    break;
                b = pos = w;
                ++capitalised;
                continue;
            }
            if (!isConnector(lower))
                break;
            list = list || lower == U"and";
            pos = w;
        }
        // Trailing commas or connectors are not part of the name.
        while (b < i && (isSpace(t[b]) || t[b] == U','))
            ++b;
        std::size_t e = headE;
        // "World Congress on Information Technology": capitalised words after on/of.
        const std::size_t a = skipSpaces(t, e);
        if (capital && (t.compare(a, 3, U"on ") == 0 || t.compare(a, 3, U"of ") == 0)) {
            std::size_t c = skipSpaces(t, a + 3);
            std::size_t last = U32::npos;
            while (c < t.size() && isUpper(t[c]) && !personOver(c, c + 1)) {
                std::size_t w = c;
                while (w < t.size() && (isLatin(t[w]) || isDigit(t[w]) || t[w] == U'-'))
                    ++w;
                const U32 word = t.substr(c, w - c);
                if (stopsEnglishEventName(asciiLower(word)) || m_lex.enTitles.matchAt(word, 0).length == word.size())
                    break;
                last = w;
                c = skipSpaces(t, w);
                if (t.compare(c, 4, U"and ") == 0)
                    c = skipSpaces(t, c + 4);
            }
            if (last != U32::npos && capitalised > 0)
                e = last;
        }
        const bool enough = session ? capitalised >= 2 : capital ? capitalised >= 1 : capitalised >= 2;
        if (!enough) {
            // "the Summit", "the dialogue": the latest event of the document with that head.
            const U32 headWord = asciiLower(U32View(t).substr(i, headE - i));
            if (i >= 4 && asciiLower(U32View(t).substr(i - 4, 4)) == U"the ")
                for (auto it = m_namedEvents.rbegin(); it != m_namedEvents.rend(); ++it) {
                    const U32 name = asciiLower(fromUtf8(m_graph.at(*it).name));
                    if (name.size() > headWord.size() && name.compare(name.size() - headWord.size(), headWord.size(), headWord) == 0) {
                        if (capital)
                            m_graph.alias(*it, u8(p, i, headE));
                        addEventMention(p, i, headE, *it, head->second, 0.6);
                        break;
                    }
                }
            i = headE;
            continue;
        }
        if (taken(b, e)) {
            i = e;
            continue;
        }
        // The name without quote marks; the written form is an alias.
        U32 clean;
        for (std::size_t k = b; k < e; ++k)
            if (orig[k] != U'“' && orig[k] != U'”' && orig[k] != U'"')
                clean.push_back(orig[k]);
        const std::string name = toUtf8(trim(clean));
        const int ev = addNamedEvent(p, b, e, "named#", name, head->second, "en", 0.7);
        if (quoted)
            m_graph.alias(ev, u8(p, b, e));
        if (isDigit(t[b]) && b + 4 <= t.size()) {
            const std::string year = toUtf8(t.substr(b, 4));
            if (year >= "1900" && year <= "2100")
                m_graph.attribute(ev, "year", year);
        }
        if (const auto group = groupAfter(t, e))
            applyParentheticalAliases(p, ev, group->first, group->second);
        i = e;
    }
}

void Extractor::findChineseNamedEvents(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto head = m_lex.zhEventHeads.matchAt(t, i);
        if (head.length > 0 && head.payload != 2 && quotedEventTitle(p, i, i + head.length)) {
            i += head.length - 1;
            continue;
        }
        if (head.length == 0 || head.payload < 4 || overlaps(p, i, i + head.length))
            continue;
        const std::size_t headE = i + head.length;
        std::size_t b = i;
        while (b > 0 && i - b < 14 && (isHan(t[b - 1]) || isDigit(t[b - 1])) && !insideDate(p, b - 1) &&
               kZhEventStopChars.find(t[b - 1]) == U32::npos && !endsChineseEventBoundary(t, b))
            --b;
        // A leading country, 我國/本國 or 本部/本 leaves the name (the written form is an alias).
        std::size_t s = b;
        for (bool progress = true; progress && s < i;) {
            progress = false;
            const auto cm = m_lex.countryForms.matchAt(t, s);
            if (cm.length > 0 && s + cm.length < i) {
                s += cm.length;
                progress = true;
                continue;
            }
            for (const U32 &w : {U32(U"我國"), U32(U"我国"), U32(U"本國"), U32(U"本国"), U32(U"本部"), U32(U"本")})
                if (!progress && t.compare(s, w.size(), w) == 0 && s + w.size() < i) {
                    s += w.size();
                    progress = true;
                }
        }
        int han = 0;
        for (std::size_t k = s; k < i; ++k)
            han += isHan(t[k]) ? 1 : 0;
        // 自上次10月1日新聞說明會: another occasion than the one the text is about.
        const U32View before = U32View(t).substr(b >= 12 ? b - 12 : 0, b >= 12 ? 12 : b);
        const bool otherOccasion = std::any_of(std::begin(kOtherOccasion), std::end(kOtherOccasion),
                                               [&](const U32View w) { return before.find(w) != U32View::npos; });
        if (han < 2 || otherOccasion || overlaps(p, s, headE)) {
            i = headE - 1;
            continue;
        }
        const int ev = addNamedEvent(p, s, headE, "named#", u8(p, s, headE), head.payload, "zh", 0.7);
        if (s > b)
            m_graph.alias(ev, u8(p, b, headE));
        i = headE - 1;
    }
}

// A quoted title with its event head, after the quote (「加台經濟合作為加西地區創造機會」研討會) or
// ending it (「非正式資深官員會議」), names an event (not a programme): the title and the head.
bool Extractor::quotedEventTitle(ParagraphState &p, std::size_t headB, std::size_t headE) {
    const U32 &t = p.paragraph.text;
    const bool after = headB > 0 && (t[headB - 1] == U'」' || t[headB - 1] == U'』');
    const bool inside = headE < t.size() && (t[headE] == U'」' || t[headE] == U'』');
    if (!after && !inside)
        return false;
    const std::size_t close = after ? headB - 1 : headE;
    const char32_t opener = t[close] == U'」' ? U'「' : U'『';
    const std::size_t open = t.rfind(opener, close);
    if (open == U32::npos || close - open < 3 || close - open > 32 || overlaps(p, open, after ? headE : close + 1))
        return false;
    const U32 &orig = p.paragraph.original;
    U32 name = orig.substr(open + 1, close - open - 1);
    if (after)
        name += orig.substr(headB, headE - headB);
    for (std::size_t k = open + 1; k < close; ++k)
        if (t[k] == U'「' || t[k] == U'」' || t[k] == U'『' || t[k] == U'』')
            return false;
    addNamedEvent(p, open, after ? headE : close + 1, "named#", toUtf8(trim(name)), m_lex.zhEventHeads.matchAt(t, headB).payload,
                  "zh", 0.7);
    return true;
}

void Extractor::findTripNames(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (const auto &s : p.sentences) {
        const U32View sentence = U32View(t).substr(s.begin, s.end - s.begin);
        bool trip = false;
        for (const U32View verb : {U32View(U"出訪"), U32View(U"出访"), U32View(U"啟程"), U32View(U"启程"),
                                   U32View(U"率團"), U32View(U"率团"), U32View(U"出發"), U32View(U"出发"),
                                   U32View(U"行前")})
            trip = trip || sentence.find(verb) != U32View::npos;
        if (!trip)
            continue;
        for (std::size_t open = t.find(U'「', s.begin); open != U32::npos && open < s.end;
             open = t.find(U'「', open + 1)) {
            const std::size_t close = t.find(U'」', open);
            if (close == U32::npos || close > s.end || close - open > 16 || close == open + 1)
                break;
            const U32View inner = U32View(t).substr(open + 1, close - open - 1);
            const bool codeName = inner.size() >= 3 && (inner.substr(inner.size() - 2) == U"專案" ||
                                                        inner.substr(inner.size() - 2) == U"专案");
            const bool namedAs = t.compare(close + 1, 2, U"為名") == 0 || t.compare(close + 1, 2, U"为名") == 0;
            if ((!codeName && !namedAs) || overlaps(p, open + 1, close))
                continue;
            const int trip = addNamedEvent(p, open + 1, close, "trip#", u8(p, open + 1, close), 2, "zh", 0.75);
            if (m_tripEvent < 0)
                m_tripEvent = trip;
        }
    }
}

// A forum, session or panel named after a summit or conference of the document, on its day (or
// within its days; both undated in a readout of one day), is part of it: the "Civil Society
// Forum" of a report on the U.S.-Africa Leaders Summit.
void Extractor::relateSubEvents() {
    int gathering = -1;
    for (const int ev : m_namedEvents) {
        const Entity &e = m_graph.at(ev);
        const int rank = eventRank(e.name);
        if (rank == 2 && gathering < 0) {
            gathering = ev;
            continue;
        }
        if (rank != 1 || gathering < 0 || m_eventParent.count(ev) > 0)
            continue;
        const Entity &g = m_graph.at(gathering);
        const std::string *start = e.attribute("start");
        const std::string *gStart = g.attribute("start");
        const std::string *gEnd = g.attribute("end");
        const bool sameDay = (start == nullptr && gStart == nullptr) ||
                             (start != nullptr && gStart != nullptr &&
                              (*start == *gStart || (gEnd != nullptr && *start > *gStart && *start <= *gEnd)));
        if (!sameDay || e.evidence.empty())
            continue;
        m_graph.relate("part_of", ev, gathering, e.evidence.front().line, e.evidence.front().quote, 0.55);
        m_eventParent[ev] = gathering;
    }
}

} // namespace liaison::report
