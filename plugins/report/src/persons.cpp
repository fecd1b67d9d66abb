// Persons. Latin names after an honorific (Prof., Dr., Mr., Ms., Acad., ...)
// or before a Chinese title (Andrei CHUGUNOV 教授) or as Surname I.I. (...);
// Chinese names next to a title in any position: 莊副處長明芬, 廖洲棚副教授,
// 主席王大明. The title is kept as an attribute; name tokens let the builder
// resolve partial mentions (Prof. Auffret -> Professor J.P. Auffret).
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

const U32 kNotGiven = U"括大學学會会院部處处局署中心國国的之與与及和在於于為为是等人員员長长家府司組组協协所室科系團团隊队業业省市縣县區区代表主持講讲者授師师與分享報告以並并請请由也各該该本我其此新首任副總总執执行";

// 國 / 国 as the first character of a given name (國勇, 国华): common in names, though
// kNotGiven keeps it out elsewhere (美國, 國慶 after a title).
bool givenNameWithGuo(const U32 &t, std::size_t b) { return b < t.size() && (t[b] == U'國' || t[b] == U'国'); }

// Verbs and particles that commonly follow a name (行政院長蘇貞昌今日, 次長柯森耀說明):
// a clear right edge for a name written after its title.
const U32 kAfterName = U"回還还解進进首今昨明於于在說说指率偕等一與与及和向將将曾已亦也則则並并出前赴訪访致稱称強强會会接拜晤提就對对自即引陪帶带為为是宣邀返抵來来到往發发談谈受親亲透啟启";
// Verbs that follow a title and are never a given name: 馬總統將, 郭發言人說明, 賴總統回訪.
const U32 kVerbAfterTitle = U"將将說说指表回還还解進进率偕等與与及和向曾已亦也則则並并赴致稱称接拜提就對对即引陪帶带為为是邀返抵來来到往談谈受於于在今昨";

struct LatinName {
    std::size_t end = 0;
    std::vector<U32> tokens;
    std::vector<bool> initials;
};

bool allUpper(const U32 &w) {
    return std::all_of(w.begin(), w.end(), [](char32_t c) { return isUpper(c) || c == U'-'; });
}

} // namespace

void Extractor::findPersons(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    const FormMatcher &acronyms = knownOrgMatcher(m_orgAcronyms, false);

    auto stopWord = [&](std::size_t pos, std::size_t wEnd) {
        const U32 w = t.substr(pos, wEnd - pos);
        const auto title = m_lex.enTitles.matchAt(t, pos);
        if (title.length > 0 && title.length >= w.size())
            return true;
        if (m_lex.enOrgHeads.count(asciiLower(w)) > 0)
            return true;
        if (acronyms.matchAt(t, pos).length > 0)
            return true;
        if (m_lex.countryForms.matchAt(t, pos).length > 0)
            return true;
        if (allUpper(w) && w.size() <= 3)
            return true;
        return false;
    };
    // Reads name tokens starting at pos: words, initials (A.G., J.P, S.).
    auto readName = [&](std::size_t pos) {
        LatinName n;
        std::size_t i = skipSpaces(t, pos);
        n.end = pos;
        while (i < t.size() && n.tokens.size() < 5) {
            if (!isUpper(t[i]))
                break;
            std::size_t w = i;
            while (w < t.size() && (isLatin(t[w]) || ((t[w] == U'-' || t[w] == U'\'') && w + 1 < t.size() && isLatin(t[w + 1]))))
                ++w;
            const U32 word = t.substr(i, w - i);
            if (word.size() == 1 || (w < t.size() && t[w] == U'.' && word.size() <= 2 && allUpper(word))) {
                // Initials: A. / A.G. / J.P / S
                std::size_t k = i;
                bool any = false;
                while (k < t.size() && isUpper(t[k]) && (k + 1 >= t.size() || !isLatin(t[k + 1]))) {
                    n.tokens.push_back(U32(1, asciiLower(U32(1, t[k]))[0]));
                    n.initials.push_back(true);
                    any = true;
                    ++k;
                    if (k < t.size() && t[k] == U'.')
                        ++k;
                }
                if (!any)
                    break;
                n.end = k;
                i = skipSpaces(t, k);
                continue;
            }
            if (stopWord(i, w))
                break;
            if (w - i < 2)
                break;
            n.tokens.push_back(asciiLower(word));
            n.initials.push_back(false);
            n.end = w;
            i = w;
            // "Jirapon. S": a dot after a word followed by an initial.
            if (i + 2 < t.size() && t[i] == U'.' && isSpace(t[i + 1])) {
                const std::size_t k = skipSpaces(t, i + 1);
                if (k < t.size() && isUpper(t[k]) && (k + 1 >= t.size() || !isLatin(t[k + 1]))) {
                    i = k;
                    continue;
                }
            }
            if (i < t.size() && isSpace(t[i]))
                i = skipSpaces(t, i);
            else if (!(i < t.size() && t[i] == U'.'))
                break;
        }
        // Drop trailing lone initials that were really sentence punctuation? Keep: "Zaravlew R.".
        return n;
    };
    auto hasWord = [](const LatinName &n) {
        return std::find(n.initials.begin(), n.initials.end(), false) != n.initials.end();
    };
    auto addPerson = [&](std::size_t b, std::size_t e, const LatinName &n, const std::string &title, double conf) {
        if (overlaps(p, b, e))
            return;
        U32 display;
        for (std::size_t k = 0; k < n.tokens.size(); ++k) {
            (void)k;
        }
        // Display as written (without the honorific), whitespace collapsed.
        std::size_t nb = b;
        const std::string name = u8(p, nb, n.end);
        const int ent = m_graph.entity("person", name, "en");
        std::vector<std::string> toks;
        for (const auto &tk : n.tokens)
            toks.push_back(toUtf8(tk));
        m_graph.personTokens(ent, toks, n.initials);
        if (!title.empty())
            m_graph.attribute(ent, "title", title);
        if (e > n.end)
            m_graph.alias(ent, u8(p, e == n.end ? nb : std::min(e, n.end) == n.end ? nb : nb, e));
        Mention m;
        m.kind = MentionKind::Person;
        m.begin = b;
        m.end = e;
        m.entity = ent;
        m.title = title;
        addMention(p, m, conf);
    };

    // 1. Honorific + name.
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isUpper(t[i]) || (i > 0 && isLatin(t[i - 1])))
            continue;
        const auto h = m_lex.enTitles.matchAt(t, i);
        if (h.length == 0)
            continue;
        const Title &title = m_lex.titles[static_cast<std::size_t>(h.payload)];
        if (title.kind != "honorific")
            continue;
        std::size_t k = i + h.length;
        if (k < t.size() && t[k] == U'.')
            ++k;
        const LatinName n = readName(k);
        if (n.tokens.empty() || !hasWord(n)) {
            continue;
        }
        const std::size_t nameB = skipSpaces(t, k);
        if (overlaps(p, nameB, n.end))
            continue;
        const std::string name = u8(p, nameB, n.end);
        const int ent = m_graph.entity("person", name, "en");
        std::vector<std::string> toks;
        for (const auto &tk : n.tokens)
            toks.push_back(toUtf8(tk));
        m_graph.personTokens(ent, toks, n.initials);
        m_graph.attribute(ent, "title", title.canonical);
        m_graph.alias(ent, u8(p, i, n.end));
        Mention m;
        m.kind = MentionKind::Person;
        m.begin = i;
        m.end = n.end;
        m.entity = ent;
        m.title = title.canonical;
        addMention(p, m, 0.85);
        // A role right after the name: "Mr. Catibaedya President(ASEAN ...)".
        const std::size_t r = skipSpaces(t, n.end);
        const auto role = m_lex.enTitles.matchAt(t, r);
        if (role.length > 0 && m_lex.titles[static_cast<std::size_t>(role.payload)].kind == "role")
            m_graph.attribute(ent, "role", m_lex.titles[static_cast<std::size_t>(role.payload)].canonical);
        // An acronym right after the name is the affiliation: "Prof. Swee NUS".
        std::size_t a = r;
        while (a < t.size() && isUpper(t[a]))
            ++a;
        if (role.length == 0 && a - r >= 2 && a - r <= 6 && (a >= t.size() || !isLatin(t[a])) &&
            m_lex.countryForms.matchAt(t, r).length == 0 && !overlaps(p, r, a)) {
            const int org = m_graph.entity("organisation", u8(p, r, a), "en");
            Mention om;
            om.kind = MentionKind::Organisation;
            om.begin = r;
            om.end = a;
            om.entity = org;
            addMention(p, om, 0.5);
        }
        i = n.end > i ? n.end - 1 : i;
    }
    // 2. Latin name + Chinese title: Andrei CHUGUNOV 教授.
    for (const auto &[pos, m] : m_lex.zhTitles.findAll(t)) {
        std::size_t k = pos;
        while (k > 0 && isSpace(t[k - 1]))
            --k;
        if (k == pos && k > 0 && !isLatin(t[k - 1]))
            continue;
        if (k == 0 || !isLatin(t[k - 1]))
            continue;
        // Walk back over up to three capitalised words.
        std::size_t b = k;
        int words = 0;
        while (b > 0 && words < 3) {
            std::size_t w = b;
            while (w > 0 && (isLatin(t[w - 1]) || (t[w - 1] == U'-' && w > 1 && isLatin(t[w - 2]))))
                --w;
            if (w == b || !isUpper(t[w]))
                break;
            b = w;
            ++words;
            std::size_t s = b;
            while (s > 0 && isSpace(t[s - 1]))
                --s;
            if (s == b || s == 0 || !isLatin(t[s - 1]))
                break;
            b = s;
        }
        while (b < k && isSpace(t[b]))
            ++b;
        if (words < 2 || overlaps(p, b, pos + m.length))
            continue;
        LatinName n = readName(b);
        if (n.tokens.size() < 2 || n.end > k)
            continue;
        const Title &title = m_lex.titles[static_cast<std::size_t>(m.payload)];
        addPerson(b, pos + m.length, n, title.canonical, 0.8);
    }
    // 2b. Chinese title + Latin name in Chinese text: 特別委員會主席Ken Hardie強調. Two or three
    // capitalised words (no organisation head, title or known acronym), then no more Latin.
    for (const auto &[pos, m] : m_lex.zhTitles.findAll(t)) {
        const std::size_t k = skipSpaces(t, pos + m.length);
        if (pos == 0 || !isHan(t[pos - 1]) || k >= t.size() || !isUpper(t[k]) || overlaps(p, k, k + 1))
            continue;
        const LatinName n = readName(k);
        const bool wordsOnly = std::find(n.initials.begin(), n.initials.end(), true) == n.initials.end();
        if (n.tokens.size() < 2 || n.tokens.size() > 3 || !wordsOnly || (n.end < t.size() && isLatin(t[n.end])) ||
            m_lex.topicForms.matchAt(t, k).length > 0) // 主席 Digital Transformation 論壇: a topic
            continue;
        const Title &title = m_lex.titles[static_cast<std::size_t>(m.payload)];
        addPerson(k, n.end, n, title.canonical, 0.7);
    }
    // 3. Surname I.I. (...): Nazipov D. (First vice president ...)
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isUpper(t[i]) || (i > 0 && isLatin(t[i - 1])) || overlaps(p, i, i + 1))
            continue;
        std::size_t w = i;
        while (w < t.size() && isLatin(t[w]))
            ++w;
        if (w - i < 3 || w >= t.size() || stopWord(i, w))
            continue;
        const LatinName n = readName(i);
        if (n.tokens.size() < 2 || !n.initials.back() || n.initials.front())
            continue;
        const auto group = groupAfter(t, n.end);
        if (!group || overlaps(p, i, n.end))
            continue;
        addPerson(i, n.end, n, "", 0.6);
        i = n.end;
    }
    // 4. Chinese names beside a title.
    auto given = [&](std::size_t b, std::size_t count) {
        for (std::size_t k = b; k < b + count; ++k)
            if (k >= t.size() || !isHan(t[k]) || kNotGiven.find(t[k]) != U32::npos)
                return false;
        return true;
    };
    // Beside the surname, where the name is read whole (徐國勇部長, 部長徐國勇), 國 may start a
    // two-character given name; never after surname + title (蔡總統國慶 is no 蔡國慶).
    auto givenBesideSurname = [&](std::size_t b, std::size_t count) {
        return given(b, count) || (count == 2 && givenNameWithGuo(t, b) && given(b + 1, 1));
    };
    auto isSurnameAt = [&](std::size_t b, std::size_t len) {
        return b + len <= t.size() && m_lex.surnames.count(t.substr(b, len)) > 0;
    };
    auto addChinese = [&](std::size_t b, std::size_t e, const U32 &surname, const U32 &givenName, const U32 &title,
                          double conf) {
        // 外交部長林佳龍, 行政院長蘇貞昌: the title starts inside the organisation before the
        // name (its head is the title's first character); the person starts after it.
        std::size_t from = b;
        for (const auto &m : p.mentions)
            if (m.kind == MentionKind::Organisation && m.begin <= b && m.end > b && m.end < e)
                from = m.end;
        if (overlaps(p, from, e))
            return;
        const U32 full = surname + givenName;
        const int ent = m_graph.entity("person", toUtf8(full), "zh");
        m_graph.attribute(ent, "title", toUtf8(title));
        m_graph.alias(ent, u8(p, b, e));
        m_graph.alias(ent, toUtf8(full + title));
        m_graph.alias(ent, toUtf8(surname + title + givenName));
        addPersonMention(p, from, e, ent, toUtf8(title), conf);
    };
    for (const auto &[pos, m] : m_lex.zhTitles.findAll(t)) {
        const U32 title = t.substr(pos, m.length);
        const std::size_t end = pos + m.length;
        bool done = false;
        // (a) surname + given + title: 廖洲棚副教授, 歐陽大明主任
        for (std::size_t sl : {2u, 1u}) {
            for (std::size_t gl : {2u, 1u}) {
                if (done || pos < sl + gl)
                    continue;
                const std::size_t b = pos - sl - gl;
                if (!isSurnameAt(b, sl) || !givenBesideSurname(b + sl, gl))
                    continue;
                // A one-character given name needs a clear left edge.
                if (gl == 1 && b > 0 && isHan(t[b - 1]) && kNotGiven.find(t[b - 1]) == U32::npos)
                    continue;
                addChinese(b, end, t.substr(b, sl), t.substr(b + sl, gl), title, 0.8);
                done = true;
            }
        }
        if (done)
            continue;
        // (b) surname + title + given: 莊副處長明芬
        for (std::size_t sl : {2u, 1u}) {
            if (done || pos < sl || !isSurnameAt(pos - sl, sl))
                continue;
            if (pos - sl > 0 && isSurnameAt(pos - sl - 1, 1) && sl == 1 && isHan(t[pos - sl - 1]) &&
                kNotGiven.find(t[pos - sl - 1]) == U32::npos)
                continue;
            // The given name must not be the verb after the title (馬總統將, 郭發言人說明)
            // and must end at a clear edge (莊副處長明芬，).
            if (end < t.size() && kVerbAfterTitle.find(t[end]) != U32::npos)
                continue;
            auto edgeAfter = [&](std::size_t e) {
                return e >= t.size() || !isHan(t[e]) || kNotGiven.find(t[e]) != U32::npos ||
                       kAfterName.find(t[e]) != U32::npos;
            };
            std::size_t gl = given(end, 2) && edgeAfter(end + 2) ? 2 : given(end, 1) && edgeAfter(end + 1) ? 1 : 0;
            if (gl == 0)
                continue;
            addChinese(pos - sl, end + gl, t.substr(pos - sl, sl), t.substr(end, gl), title, 0.75);
            done = true;
        }
        if (done)
            continue;
        // (c) title + surname + given, then a clear right edge: 主席王大明，
        // Not after a surname + title (蔡總統曾出訪: 曾 is not a name there).
        const bool surnameTitle = pos > 0 && isSurnameAt(pos - 1, 1) &&
                                  (pos == 1 || !isHan(t[pos - 2]) || kNotGiven.find(t[pos - 2]) != U32::npos);
        for (std::size_t sl : {1u, 2u}) {
            if (surnameTitle)
                break;
            if (done || !isSurnameAt(end, sl))
                continue;
            for (std::size_t gl : {2u, 1u}) {
                if (done || !givenBesideSurname(end + sl, gl))
                    continue;
                const std::size_t e = end + sl + gl;
                if (e < t.size() && isHan(t[e]) && kNotGiven.find(t[e]) == U32::npos &&
                    kAfterName.find(t[e]) == U32::npos)
                    continue;
                addChinese(pos, e, t.substr(end, sl), t.substr(end + sl, gl), title, 0.55);
                done = true;
            }
        }
    }
}

void Extractor::buildKnownPersons() {
    FormMatcher &known = m_knownPersons;
    known = FormMatcher();
    for (std::size_t e = 0; e < m_graph.size(); ++e) {
        const Entity &ent = m_graph.at(static_cast<int>(e));
        if (ent.kind != "person")
            continue;
        const U32 name = fromUtf8(ent.name);
        const bool han = !name.empty() && isHan(name[0]);
        if ((han && name.size() >= 2) || (!han && name.find(U' ') != U32::npos && name.size() >= 6))
            known.add(name, static_cast<int>(e));
        // A dotted transliteration is also written by its last part: 安东尼·布林肯 -> 布林肯.
        const std::size_t dot = name.find_last_of(U"·‧・•．");
        if (han && dot != U32::npos && name.size() - dot - 1 >= 2)
            known.add(name.substr(dot + 1), static_cast<int>(e));
    }
}

void Extractor::findKnownPersons(ParagraphState &p) {
    for (const auto &[pos, m] : m_knownPersons.findAll(p.paragraph.text)) {
        if (overlaps(p, pos, pos + m.length))
            continue;
        Mention mention;
        mention.kind = MentionKind::Person;
        mention.begin = pos;
        mention.end = pos + m.length;
        mention.entity = m.payload;
        addMention(p, mention, 0.7);
    }
}

} // namespace liaison::report
