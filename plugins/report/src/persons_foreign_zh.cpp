// Chinese mentions of persons that are not surname + given name:
//  - transliterated foreign names with the original in parentheses, a title
//    before or after: 總統葉南德茲(Juan Orlando Hernandez), 馬紹爾群島海妮(Hilda C.
//    Heine)總統, 伯恩斯大使(Ambassador Burns), 歐宜樓閣下(Raynold Oilouch);
//  - names written with a middle dot beside a title: 安东尼·布林肯国务卿, 夷將‧拔路兒主委;
//  - a surname (or the first character of a name found before) with a title
//    and no given name: 蘇院長, 柯次長, 雷總統 refer to the person of the
//    document with that name; 蔡總統 with no such person is a person of its own.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

bool isNameDot(char32_t c) { return c == U'·' || c == U'‧' || c == U'・' || c == U'•' || c == U'．'; }

// Characters a name never starts right after unless it is a boundary: verbs
// and particles that commonly stand before a name.
const U32View kBeforeName = U"與与和及、向由請请邀見见接偕謝谢會会晤訪访括為为是即等";

// Words of a parenthesised Latin text that make it a place or body, not a person.
bool placeOrBody(U32View latin) {
    static const U32View words[] = {U"Port", U"City", U"Island", U"Islands", U"Bay", U"Lake", U"Mount", U"River",
                                    U"Street", U"Road", U"District", U"Province", U"County", U"Fund", U"Group"};
    for (const U32View w : words) {
        const std::size_t at = latin.find(w);
        if (at != U32View::npos && (at + w.size() == latin.size() || !isLatin(latin[at + w.size()])) &&
            (at == 0 || !isLatin(latin[at - 1])))
            return true;
    }
    return false;
}

} // namespace

std::size_t Extractor::zhTitleEndingAt(const U32 &t, std::size_t end) const {
    for (std::size_t len = 5; len >= 1; --len) {
        if (end < len)
            continue;
        const auto m = m_lex.zhTitles.matchAt(t, end - len);
        if (m.length == len)
            return len;
    }
    return 0;
}

bool Extractor::nameBoundaryBefore(const U32 &t, std::size_t b) const {
    if (b == 0 || !isHan(t[b - 1]))
        return true;
    if (kBeforeName.find(t[b - 1]) != U32View::npos)
        return true;
    if (zhTitleEndingAt(t, b) > 0)
        return true;
    for (std::size_t len = 2; len <= 8 && len <= b; ++len) {
        const auto m = m_lex.countryForms.matchAt(t, b - len);
        if (m.length == len)
            return true;
    }
    return false;
}

void Extractor::addForeignZhPerson(ParagraphState &p, std::size_t b, std::size_t e, const U32 &name,
                                   const std::string &latin, const std::string &title, double confidence) {
    if (overlaps(p, b, e))
        return;
    const int ent = m_graph.entity("person", toUtf8(name), "zh");
    if (!latin.empty()) {
        m_graph.name(ent, "en", latin);
        m_graph.alias(ent, latin);
    }
    if (!title.empty()) {
        m_graph.attribute(ent, "title", title);
        m_graph.alias(ent, toUtf8(name) + title);
    }
    addPersonMention(p, b, e, ent, title, confidence);
}

void Extractor::findTransliteratedPersons(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (std::size_t q = 1; q < t.size(); ++q) {
        if (t[q] != U'(')
            continue;
        const std::size_t close = t.find(U')', q);
        if (close == U32::npos || close - q > 60)
            continue;
        U32 inner = trim(U32View(t).substr(q + 1, close - q - 1));
        // The Latin original: capitalised words (initials, hyphens, ", Jr."), not an acronym or a body.
        if (inner.empty() || !isUpper(inner[0]) ||
            !std::all_of(inner.begin(), inner.end(), [](char32_t c) {
                return isLatin(c) || isSpace(c) || c == U'.' || c == U'-' || c == U',' || c == U'\'';
            }))
            continue;
        if (!std::any_of(inner.begin(), inner.end(), isLower) || placeOrBody(inner))
            continue;
        std::string titleWord;
        if (const auto office = m_lex.enTitles.matchAt(inner, 0); office.length > 0 && office.length < inner.size()) {
            titleWord = m_lex.titles[static_cast<std::size_t>(office.payload)].canonical;
            inner = trim(U32View(inner).substr(office.length));
        }
        bool body = false;
        for (std::size_t i = 0; i < inner.size(); ++i)
            if (isUpper(inner[i]) && (i == 0 || isSpace(inner[i - 1]))) {
                std::size_t w = i;
                while (w < inner.size() && isLatin(inner[w]))
                    ++w;
                body = body || stopsLatinName(inner, i, w);
            }
        if (body)
            continue;
        // The Chinese name before the parenthesis, after an optional title or 閣下.
        std::size_t e = q;
        std::string title;
        bool honoured = !titleWord.empty();
        if (const std::size_t len = zhTitleEndingAt(t, e); len > 0) {
            title = toUtf8(t.substr(e - len, len));
            e -= len;
        } else if (e >= 2 && t.compare(e - 2, 2, U"閣下") == 0) {
            e -= 2;
            honoured = true;
        }
        std::size_t b = U32::npos;
        // The shortest name with a boundary before it: 感謝伯恩斯大使 -> 伯恩斯.
        for (std::size_t len = 2; len <= 5 && len <= e; ++len) {
            const std::size_t s = e - len;
            bool han = true;
            for (std::size_t k = s; k < e; ++k)
                han = han && (isHan(t[k]) || isNameDot(t[k]));
            if (han && isHan(t[s]) && nameBoundaryBefore(t, s)) {
                b = s;
                break;
            }
        }
        if (b == U32::npos)
            continue;
        // The title may also follow the parenthesis: 海妮(Hilda C. Heine)總統.
        std::size_t end = close + 1;
        if (title.empty()) {
            const auto after = m_lex.zhTitles.matchAt(t, end);
            if (after.length > 0) {
                title = toUtf8(t.substr(end, after.length));
                end += after.length;
            }
        }
        // Only a name with a title (before, after, inside the parenthesis, or 閣下) is
        // a person: 開放政府(Open Government) and 資料(Data) are not.
        if (title.empty() && !honoured && zhTitleEndingAt(t, b) == 0)
            continue;
        if (title.empty() && !titleWord.empty())
            title = titleWord;
        const std::string latin = toUtf8(U32View(p.paragraph.original).substr(q + 1, close - q - 1));
        addForeignZhPerson(p, b, end, t.substr(b, e - b), toUtf8(trim(fromUtf8(latin))), title, 0.8);
        p.consumed.emplace_back(q + 1, close);
        q = close;
    }
    // Dotted names beside a title: 安东尼·布林肯国务卿, 國務卿安东尼·布林肯.
    for (std::size_t d = 1; d + 1 < t.size(); ++d) {
        if (!isNameDot(t[d]) || !isHan(t[d - 1]) || !isHan(t[d + 1]))
            continue;
        std::size_t b = d;
        while (b > 0 && isHan(t[b - 1]) && d - b < 5 && zhTitleEndingAt(t, b) == 0)
            --b;
        std::size_t e = d + 1;
        std::size_t titleLen = 0;
        while (e < t.size() && isHan(t[e]) && e - d <= 5) {
            if (const auto m = m_lex.zhTitles.matchAt(t, e); m.length > 0 && e > d + 1) {
                titleLen = m.length;
                break;
            }
            ++e;
        }
        const std::size_t titleBefore = zhTitleEndingAt(t, b);
        if (d - b < 1 || e - d < 2 || (titleLen == 0 && titleBefore == 0))
            continue;
        const std::string title = titleLen > 0 ? toUtf8(t.substr(e, titleLen)) : toUtf8(t.substr(b - titleBefore, titleBefore));
        addForeignZhPerson(p, b, e + titleLen, t.substr(b, e - b), "", title, 0.75);
        // The family name alone (布林肯) is how the text, and a user, name the person later.
        if (const int ent = m_graph.find("person", toUtf8(t.substr(b, e - b))); ent >= 0)
            m_graph.alias(ent, toUtf8(t.substr(d + 1, e - d - 1)));
        d = e;
    }
}

namespace {

// An organisation's name ends at `b`: the surname after it starts a name (外交部謝政務次長).
bool organisationEndsAt(const ParagraphState &p, std::size_t b) {
    return std::any_of(p.mentions.begin(), p.mentions.end(),
                       [&](const Mention &m) { return m.kind == MentionKind::Organisation && m.end == b; });
}

} // namespace

void Extractor::findTitleAnaphora(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (const auto &[pos, m] : m_lex.zhTitles.findAll(t)) {
        if (pos == 0 || !isHan(t[pos - 1]) || overlaps(p, pos - 1, pos + m.length))
            continue;
        const char32_t first = t[pos - 1];
        if (!nameBoundaryBefore(t, pos - 1) && !organisationEndsAt(p, pos - 1))
            continue;
        const U32 title = t.substr(pos, m.length);
        // The persons of the document whose name starts with this character.
        int match = -1;
        int count = 0;
        for (std::size_t e = 0; e < m_graph.size(); ++e) {
            const Entity &ent = m_graph.at(static_cast<int>(e));
            if (ent.kind != "person")
                continue;
            const U32 name = fromUtf8(ent.name);
            if (name.size() >= 2 && name[0] == first && isHan(name[1])) {
                match = static_cast<int>(e);
                ++count;
            }
        }
        const std::string written = toUtf8(t.substr(pos - 1, m.length + 1));
        if (count == 1) {
            m_graph.alias(match, written);
            addPersonMention(p, pos - 1, pos + m.length, match, toUtf8(title), 0.65);
        } else if (count == 0 && m_lex.surnames.count(U32(1, first)) > 0) {
            const int ent = m_graph.entity("person", written, "zh");
            m_graph.attribute(ent, "title", toUtf8(title));
            addPersonMention(p, pos - 1, pos + m.length, ent, toUtf8(title), 0.5);
        }
    }
}

} // namespace liaison::report
