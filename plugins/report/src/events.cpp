// Events: conferences with an ordinal (第 12 屆年會, 12th Annual Conference of
// X) or a year (2017 世界資訊科技大會, 2017 World Congress on ...); sessions
// and panels from section headings (議題 1：..., Session 2: ...) part_of the
// conference of their section; visits (拜會 X, Visit to X). Section headings
// set the scope used by the relation rules.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

// Ordinals read from digits stop growing here (found by fuzz/fuzz_report:
// "777777777777th" overflowed an int).
constexpr int kOrdinalCap = 100'000'000;

// Digits or Chinese numerals (一 .. 九十九). Returns the end, or npos.
std::size_t readOrdinal(const U32 &t, std::size_t i, int &value) {
    i = skipSpaces(t, i);
    std::size_t j = i;
    value = 0;
    // Saturates: no ordinal is that large, and a long digit run must not overflow.
    while (j < t.size() && isDigit(t[j])) {
        if (value < kOrdinalCap)
            value = value * 10 + static_cast<int>(t[j] - U'0');
        ++j;
    }
    if (j > i)
        return j;
    static const U32 digits = U"零一二三四五六七八九";
    int current = 0;
    while (j < t.size()) {
        const auto d = digits.find(t[j]);
        if (d != U32::npos) {
            current = static_cast<int>(d);
        } else if (t[j] == U'十') {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else {
            break;
        }
        ++j;
    }
    value += current;
    return j > i && value > 0 ? j : U32::npos;
}

std::string ordinalEn(int n) {
    const int mod100 = n % 100;
    const char *suffix = (mod100 >= 11 && mod100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

bool isAcronymWord(const std::string &s) {
    if (s.size() < 2 || s.size() > 10)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

} // namespace

int Extractor::eventFor(const std::string &key, const std::string &name, int type, const std::string &language) {
    const auto it = m_eventByKey.find(key);
    if (it != m_eventByKey.end())
        return it->second;
    const int e = m_graph.entity("event", name, language);
    static const char *types[] = {"conference", "session", "visit", "series", "ceremony", "meeting"};
    m_graph.attribute(e, "type", types[type]);
    m_eventByKey[key] = e;
    if (type == 0)
        m_conferences.push_back(e);
    return e;
}

void Extractor::findEvents(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    auto yearBefore = [&](std::size_t pos) -> int {
        for (const auto &m : p.mentions)
            if (m.kind == MentionKind::Date && m.end <= pos && pos - m.end <= 3 && m.start.size() == 4)
                return std::stoi(m.start);
        // "2017 國際資訊長協會": a bare year right before.
        std::size_t k = pos;
        while (k > 0 && isSpace(t[k - 1]))
            --k;
        if (k >= 4 && std::all_of(t.begin() + static_cast<long>(k) - 4, t.begin() + static_cast<long>(k),
                                  [](char32_t c) { return isDigit(c); }) &&
            (k == 4 || !isDigit(t[k - 5]))) {
            const int y = std::stoi(toUtf8(t.substr(k - 4, 4)));
            if (y >= 1900 && y <= 2100)
                return y;
        }
        return 0;
    };
    auto organiserBefore = [&](std::size_t pos, std::size_t &orgBegin) -> int {
        std::size_t k = pos;
        while (k > 0 && isSpace(t[k - 1]))
            --k;
        if (k > 0 && t[k - 1] == U')') {
            const auto open = t.rfind(U'(', k - 1);
            if (open != U32::npos && k - open < 120)
                k = open;
            while (k > 0 && isSpace(t[k - 1]))
                --k;
        }
        for (const auto &m : p.mentions) {
            if (m.kind == MentionKind::Organisation && m.end == k) {
                orgBegin = m.begin;
                return m.entity;
            }
        }
        return -1;
    };
    auto conference = [&](int organiser, int ordinal, int year, std::size_t b, std::size_t e, std::size_t spanB) {
        if (organiser < 0 && !m_conferences.empty())
            organiser = m_organiserOf.count(m_conferences.back()) ? m_organiserOf[m_conferences.back()] : -1;
        const std::string orgName = organiser >= 0 ? m_graph.at(organiser).name : std::string();
        const std::string key = std::to_string(organiser) + "#" + std::to_string(ordinal);
        const bool hanOrganiser = std::any_of(orgName.begin(), orgName.end(), [](char c) { return (c & 0x80) != 0; });
        const std::string zhName = organiser >= 0 && !hanOrganiser
                                       ? ordinalEn(ordinal) + " Annual Conference of " + orgName
                                       : orgName + "第" + std::to_string(ordinal) + "屆年會";
        // An edition first met without its organiser ("第 12 屆年會") is the same edition.
        const std::string anonymous = "-1#" + std::to_string(ordinal);
        int ev = -1;
        if (m_eventByKey.count(key) == 0 && organiser >= 0 && m_eventByKey.count(anonymous) > 0) {
            ev = m_eventByKey[anonymous];
            m_eventByKey[key] = ev;
            m_graph.rename(ev, zhName, hanOrganiser ? "zh" : "en");
        }
        if (ev < 0)
            ev = eventFor(key, zhName, 0, hanOrganiser ? "zh" : "en");
        m_graph.attribute(ev, "ordinal", std::to_string(ordinal));
        m_graph.alias(ev, u8(p, spanB, e));
        if (organiser >= 0 && m_organiserOf.count(ev) == 0) {
            std::vector<std::string> orgNames = {orgName};
            for (const auto &a : m_graph.at(organiser).aliases)
                orgNames.push_back(a);
            for (const auto &[lang, n] : m_graph.at(organiser).names)
                orgNames.push_back(n);
            // The series the edition belongs to: "IAC 年會", "IAC Annual Conference".
            const int series = eventFor(std::to_string(organiser) + "#series",
                                        hanOrganiser ? orgName + "年會" : orgName + " Annual Conference", 3,
                                        hanOrganiser ? "zh" : "en");
            for (const auto &n : orgNames) {
                m_graph.alias(ev, n + " 第" + std::to_string(ordinal) + "屆年會");
                m_graph.alias(ev, ordinalEn(ordinal) + " Annual Conference of " + n);
                m_graph.alias(ev, ordinalEn(ordinal) + " Annual Conference of the " + n);
                m_graph.alias(ev, n + " " + ordinalEn(ordinal) + " Annual Conference");
                m_graph.alias(series, n + "年會");
                m_graph.alias(series, n + " Annual Conference");
            }
            m_graph.evidence(series, lineAt(p, b), quoteAt(p, b), 0.6);
            m_graph.relate("part_of", ev, series, lineAt(p, b), quoteAt(p, b), 0.6);
            m_graph.relate("organised", organiser, series, lineAt(p, b), quoteAt(p, b), 0.6);
            m_organiserOf[ev] = organiser;
            m_graph.relate("organised", organiser, ev, lineAt(p, b), quoteAt(p, b), 0.8);
        }
        if (year > 0) {
            m_graph.attribute(ev, "year", std::to_string(year));
            m_graph.alias(ev, std::to_string(year) + " " + zhName);
            if (organiser >= 0)
                for (const auto &a : m_graph.at(organiser).aliases)
                    if (isAcronymWord(a))
                        m_graph.alias(ev, a + " " + std::to_string(year));
        }
        Mention m;
        m.kind = MentionKind::Event;
        m.begin = b;
        m.end = e;
        m.entity = ev;
        m.eventType = 0;
        addMention(p, m, 0.85);
        m_lastConference = ev;
        return ev;
    };

    for (std::size_t i = 0; i < t.size(); ++i) {
        // 第 N 屆 年會
        if (t[i] == U'第') {
            int n = 0;
            std::size_t j = readOrdinal(t, i + 1, n);
            if (j == U32::npos)
                continue;
            j = skipSpaces(t, j);
            if (j >= t.size() || (t[j] != U'屆' && t[j] != U'届'))
                continue;
            const auto head = m_lex.zhEventHeads.matchAt(t, skipSpaces(t, j + 1));
            if (head.length == 0 || head.payload != 0)
                continue;
            const std::size_t e = skipSpaces(t, j + 1) + head.length;
            std::size_t orgB = i;
            const int organiser = organiserBefore(i, orgB);
            int year = yearBefore(orgB);
            if (year == 0 && organiser >= 0)
                year = 0;
            conference(organiser, n, year, i, e, orgB);
            i = e - 1;
            continue;
        }
        // 12th Annual Conference of the X / 12th X Annual Conference
        if (isDigit(t[i]) && (i == 0 || !isDigit(t[i - 1]))) {
            int n = 0;
            std::size_t j = i;
            while (j < t.size() && isDigit(t[j])) {
                if (n < kOrdinalCap) // saturate: a long digit run must not overflow
                    n = n * 10 + static_cast<int>(t[j] - U'0');
                ++j;
            }
            const U32 suf = j + 2 <= t.size() ? asciiLower(U32View(t).substr(j, 2)) : U32();
            if (suf != U"st" && suf != U"nd" && suf != U"rd" && suf != U"th")
                continue;
            std::size_t k = j + 2;
            int organiser = -1;
            std::size_t e = U32::npos;
            for (int words = 0; words < 6 && k < t.size(); ++words) {
                k = skipSpaces(t, k);
                for (const auto &m : p.mentions)
                    if (m.kind == MentionKind::Organisation && m.begin == k) {
                        organiser = m.entity;
                        k = m.end;
                    }
                k = skipSpaces(t, k);
                std::size_t w = k;
                while (w < t.size() && isLatin(t[w]))
                    ++w;
                if (w == k)
                    break;
                const U32 word = asciiLower(U32View(t).substr(k, w - k));
                const auto head = m_lex.enEventHeads.find(word);
                k = w;
                if (head != m_lex.enEventHeads.end() && head->second == 0) {
                    e = w;
                    break;
                }
            }
            if (e == U32::npos)
                continue;
            std::size_t after = skipSpaces(t, e);
            if (organiser < 0 && t.compare(after, 2, U"of") == 0) {
                std::size_t o = skipSpaces(t, after + 2);
                if (t.compare(o, 3, U"the") == 0)
                    o = skipSpaces(t, o + 3);
                for (const auto &m : p.mentions)
                    if (m.kind == MentionKind::Organisation && m.begin == o) {
                        organiser = m.entity;
                        e = m.end;
                    }
            }
            int year = 0;
            for (const auto &m : p.mentions)
                if (m.kind == MentionKind::Date && m.start.size() == 4 && (m.end + 3 >= i && m.end <= i))
                    year = std::stoi(m.start);
            const int ev = conference(organiser, n, year, i, e, i);
            m_graph.name(ev, "en", u8(p, i, e));
            i = e - 1;
        }
    }
    // ORG 年會 without an ordinal: the latest conference of that organiser.
    for (const auto &om : std::vector<Mention>(p.mentions)) {
        if (om.kind != MentionKind::Organisation)
            continue;
        const std::size_t k = skipSpaces(t, om.end);
        const auto head = m_lex.zhEventHeads.matchAt(t, k);
        if (head.length == 0 || head.payload != 0 || overlaps(p, k, k + head.length))
            continue;
        for (auto it = m_conferences.rbegin(); it != m_conferences.rend(); ++it) {
            const auto org = m_organiserOf.find(*it);
            if (org != m_organiserOf.end() && org->second == om.entity) {
                Mention m;
                m.kind = MentionKind::Event;
                m.begin = k;
                m.end = k + head.length;
                m.entity = *it;
                m.eventType = 0;
                addMention(p, m, 0.6);
                break;
            }
        }
    }
    // Named conferences with a year or an English name: 2017 世界資訊科技大會 (World Congress on ...).
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto head = m_lex.zhEventHeads.matchAt(t, i);
        if (head.length == 0 || head.payload != 0 || overlaps(p, i, i + head.length))
            continue;
        std::size_t b = i;
        while (b > 0 && isHan(t[b - 1]) && i - b < 12 &&
               U32(U"的之與与及和在於于為为是由請并並以等其該该此各年度").find(t[b - 1]) == U32::npos)
            --b;
        const int year = yearBefore(b);
        const auto group = groupAfter(t, i + head.length);
        bool english = false;
        if (group) {
            const U32 inner = t.substr(group->first, group->second - group->first);
            for (const auto &[w, type] : m_lex.enEventHeads)
                if (type == 0 && asciiLower(inner).find(w) != U32::npos)
                    english = true;
        }
        if (i - b < 3 || (year == 0 && !english))
            continue;
        const std::string name = u8(p, b, i + head.length);
        const int ev = eventFor("named#" + mergeKey(name), name, 0, "zh");
        if (year > 0) {
            m_graph.attribute(ev, "year", std::to_string(year));
            m_graph.alias(ev, std::to_string(year) + " " + name);
        }
        if (english)
            applyParentheticalAliases(p, ev, group->first, group->second);
        Mention m;
        m.kind = MentionKind::Event;
        m.begin = b;
        m.end = i + head.length;
        m.entity = ev;
        m.eventType = 0;
        addMention(p, m, 0.75);
        i += head.length - 1;
    }
    findEnglishNamedEvents(p);
    findChineseNamedEvents(p);
    findTripNames(p);
    // Sessions and visits named by a heading (or by 拜會 X in the text).
    const std::size_t body = skipSpaces(t, p.paragraph.bodyStart);
    const auto head = m_lex.zhEventHeads.matchAt(t, body);
    U32 englishHead;
    int englishType = -1;
    {
        std::size_t w = body;
        while (w < t.size() && isLatin(t[w]))
            ++w;
        const auto it = m_lex.enEventHeads.find(asciiLower(U32View(t).substr(body, w - body)));
        if (it != m_lex.enEventHeads.end() && it->second != 0) {
            englishType = it->second;
            englishHead = t.substr(body, w - body);
        }
    }
    const int type = head.length > 0 ? head.payload : englishType;
    const std::size_t headEnd = head.length > 0 ? body + head.length : body + englishHead.size();
    // A sub-heading of a conference section is a session when body text follows it.
    const std::size_t index = static_cast<std::size_t>(&p - m_paragraphs.data());
    const bool hasBody = index + 1 < m_paragraphs.size() && m_paragraphs[index + 1].paragraph.level == 0;
    const bool subHeading = p.paragraph.heading && hasBody && p.paragraph.level > m_topLevel && m_topEvent >= 0 &&
                            std::find(m_conferences.begin(), m_conferences.end(), m_topEvent) != m_conferences.end() &&
                            !std::any_of(p.mentions.begin(), p.mentions.end(),
                                         [](const Mention &x) { return x.kind == MentionKind::Event; });
    if (p.paragraph.heading && (type == 1 || subHeading)) {
        const bool topIsConference =
            m_topEvent >= 0 && std::find(m_conferences.begin(), m_conferences.end(), m_topEvent) != m_conferences.end();
        const int conferenceEvent = topIsConference ? m_topEvent : m_lastConference;
        if (!topIsConference && conferenceEvent >= 0 && p.paragraph.level <= m_topLevel) {
            // A session heading at the level of a visit heading closes the visit's section.
            m_topEvent = conferenceEvent;
        }
        int n = 0;
        const std::size_t numEnd = type == 1 ? readOrdinal(t, headEnd, n) : U32::npos;
        const std::string label = numEnd != U32::npos ? std::to_string(n) : mergeKey(u8(p, body, t.size()));
        const std::string name = u8(p, body, t.size());
        const int ev = eventFor(std::to_string(conferenceEvent) + "#s#" + label, name, 1, head.length > 0 ? "zh" : "en");
        if (numEnd != U32::npos) {
            m_graph.alias(ev, u8(p, body, numEnd));
            std::size_t titleB = skipSpaces(t, numEnd);
            if (titleB < t.size() && (t[titleB] == U':' || t[titleB] == U'、' || t[titleB] == U'-'))
                titleB = skipSpaces(t, titleB + 1);
            if (titleB + 1 < t.size())
                m_graph.alias(ev, u8(p, titleB, t.size()));
            m_graph.attribute(ev, "number", std::to_string(n));
        }
        Mention m;
        m.kind = MentionKind::Event;
        m.begin = body;
        m.end = t.size();
        m.entity = ev;
        m.eventType = 1;
        p.mentions.erase(std::remove_if(p.mentions.begin(), p.mentions.end(),
                                        [&](const Mention &x) { return x.kind == MentionKind::Topic && x.begin >= body; }),
                         p.mentions.end());
        addMention(p, m, 0.85);
        if (conferenceEvent >= 0) {
            m_graph.relate("part_of", ev, conferenceEvent, lineAt(p, body), quoteAt(p, body), 0.85);
            m_eventParent[ev] = conferenceEvent;
        }
    }
    // Visits: 拜會/拜訪 followed by an organisation (in a heading or in the text).
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto vh = m_lex.zhEventHeads.matchAt(t, i);
        std::size_t after = U32::npos;
        bool zh = true;
        if (vh.length > 0 && vh.payload == 2) {
            // 訪問團, 参访团: a delegation, not a visit to what follows.
            if (i + vh.length < t.size() && (t[i + vh.length] == U'團' || t[i + vh.length] == U'团'))
                continue;
            after = i + vh.length;
        } else if (t.compare(i, 8, U"Visit to") == 0 || t.compare(i, 8, U"visit to") == 0) {
            after = i + 8;
            zh = false;
        }
        if (after == U32::npos)
            continue;
        after = skipSpaces(t, after);
        int org = -1;
        std::size_t orgEnd = after;
        for (const auto &m : p.mentions) {
            // The last unit of a chain right after the verb: 拜會首爾大學數位政府研究中心 -> the centre.
            if (m.kind == MentionKind::Organisation && ((org < 0 && m.begin >= after && m.begin <= after + 8) ||
                                                        (org >= 0 && m.begin == orgEnd))) {
                org = m.entity;
                orgEnd = m.end;
            }
        }
        if (org < 0)
            continue;
        int root = org;
        for (auto it = m_parentOf.find(root); it != m_parentOf.end(); it = m_parentOf.find(root))
            root = it->second;
        const std::string orgName = m_graph.at(org).name;
        const std::string key = "visit#" + std::to_string(root);
        const bool exists = m_eventByKey.count(key) > 0;
        const int ev = eventFor(key, zh ? "拜會" + orgName : "Visit to " + orgName, 2, zh ? "zh" : "en");
        m_graph.alias(ev, u8(p, i, orgEnd));
        if (p.paragraph.heading)
            m_graph.alias(ev, u8(p, i, t.size()));
        if (!exists)
            m_graph.relate("hosted", org, ev, lineAt(p, i), quoteAt(p, i), 0.6);
        Mention m;
        m.kind = MentionKind::Event;
        m.begin = i;
        m.end = after;
        m.entity = ev;
        m.eventType = 2;
        addMention(p, m, p.paragraph.heading ? 0.8 : 0.6);
        i = after;
    }
}

void Extractor::findPanels(ParagraphState &p) {
    // "本議題也探討X，請..." / "This session also discussed X, ...": a panel of the current session.
    if (m_session < 0)
        return;
    const U32 &t = p.paragraph.text;
    static const std::vector<U32> openers = {U"本議題", U"本场次", U"本場次", U"本议题", U"This session", U"The session"};
    static const std::vector<U32> verbs = {U"探討", U"討論", U"探讨", U"讨论", U"discussed", U"covered", U"addressed"};
    for (const auto &o : openers) {
        for (std::size_t at = t.find(o); at != U32::npos; at = t.find(o, at + 1)) {
            std::size_t k = at + o.size();
            std::size_t verbEnd = U32::npos;
            for (std::size_t w = k; w < k + 12 && w < t.size() && verbEnd == U32::npos; ++w)
                for (const auto &v : verbs)
                    if (t.compare(w, v.size(), v) == 0)
                        verbEnd = w + v.size();
            if (verbEnd == U32::npos)
                continue;
            const std::size_t b = skipSpaces(t, verbEnd);
            std::size_t e = b;
            while (e < t.size() && t[e] != U',' && t[e] != U'。' && t[e] != U';' && e - b < 40)
                ++e;
            if (e - b < 2 || e >= t.size() || t[e] != U',')
                continue;
            const std::string name = u8(p, b, e);
            const int ev = eventFor(std::to_string(m_session) + "#panel#" + mergeKey(name), name, 1, isHan(t[b]) ? "zh" : "en");
            m_graph.attribute(ev, "type", "panel", true);
            m_graph.relate("part_of", ev, m_session, lineAt(p, b), quoteAt(p, b), 0.75);
            m_eventParent[ev] = m_session;
            p.mentions.erase(std::remove_if(p.mentions.begin(), p.mentions.end(),
                                            [&](const Mention &x) { return x.kind == MentionKind::Topic && x.begin >= b && x.end <= e; }),
                             p.mentions.end());
            Mention m;
            m.kind = MentionKind::Event;
            m.begin = b;
            m.end = e;
            m.entity = ev;
            m.eventType = 1;
            addMention(p, m, 0.7);
            m_panel = ev;
        }
    }
}

void Extractor::updateScope(ParagraphState &p) {
    if (p.paragraph.heading)
        m_panel = -1;
    if (p.paragraph.heading) {
        const int level = p.paragraph.level;
        int top = -1;
        int session = -1;
        for (const auto &m : p.mentions) {
            if (m.kind != MentionKind::Event)
                continue;
            if (m.eventType == 1 && session < 0)
                session = m.entity;
            else if (m.eventType != 1 && top < 0)
                top = m.entity;
        }
        if (session >= 0) {
            m_session = session;
            m_sessionLevel = level;
        } else if (top >= 0) {
            m_topEvent = top;
            m_topLevel = level;
            m_session = -1;
        } else if (m_topEvent >= 0 && level <= m_topLevel) {
            m_topEvent = -1;
            m_session = -1;
        } else if (m_session >= 0 && level <= m_sessionLevel) {
            m_session = -1;
        }
    }
    p.scopeEvent = m_panel >= 0 ? m_panel : m_session >= 0 ? m_session : m_topEvent;
    p.scopeConference = m_topEvent;
}

} // namespace liaison::report
