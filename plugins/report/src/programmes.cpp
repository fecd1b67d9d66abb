// Programmes (kind `programme`): policies, plans, rankings, surveys,
// platforms and standards. Three rules, all driven by data/programme_heads.tsv:
//  - a name in 「」 or 『』 that is not a known topic;
//  - a Chinese name ending with a head word (…計畫, …方案, …調查, …平臺),
//    taken back to a boundary (a verb or connective, punctuation, another
//    mention); a name whose start cannot be found within 16 characters is
//    not taken;
//  - an English run of capitalised words ending with a head word
//    (Global Open Data Index, OpenAPI Specification).
// A parenthesis right after the name gives its aliases (世界網路計畫(World
// Internet Project, WIP)). Topics written inside a programme name are part of
// the name, not mentions of their own.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

// Four Han characters, the shape of a motto (智慧永續, 互利共榮).
bool fourHan(U32View w) { return w.size() == 4 && std::all_of(w.begin(), w.end(), [](char32_t c) { return isHan(c); }); }

// Two Han characters quoted alone (「臺捷」雙方, 「臺美」關係) are a short form of two parties,
// not a programme's name.
bool quotedShortForm(const U32 &t, std::size_t b, std::size_t e) {
    return e == b + 2 && isHan(t[b]) && isHan(t[b + 1]);
}

// A quoted motto, not a programme: 「繁榮南島 智慧永續」, 「攜手同心、互利共榮」 (four-character
// phrases), or one four-character phrase quoted in a list of such (「智慧永續」、「民主永續」及「邦誼永續」).
bool quotedSlogan(const U32 &t, std::size_t b, std::size_t e) {
    std::vector<U32View> parts;
    std::size_t from = b;
    for (std::size_t i = b; i <= e; ++i)
        if (i == e || U32View(U" 、，,").find(t[i]) != U32View::npos) {
            if (i > from)
                parts.push_back(U32View(t).substr(from, i - from));
            from = i + 1;
        }
    if (parts.empty() || !std::all_of(parts.begin(), parts.end(), fourHan))
        return false;
    if (parts.size() >= 2)
        return true;
    auto joiner = [](char32_t c) { return U32View(U"、及和與与,，").find(c) != U32View::npos; };
    // The quoted neighbour after (」、「X」) or before (「X」、「).
    const bool after = e + 7 <= t.size() && joiner(t[e + 1]) && (t[e + 2] == U'「' || t[e + 2] == U'『') &&
                       fourHan(U32View(t).substr(e + 3, 4));
    const bool before = b >= 8 && joiner(t[b - 2]) && (t[b - 3] == U'」' || t[b - 3] == U'』') &&
                        fourHan(U32View(t).substr(b - 7, 4));
    return after || before;
}


bool isWordChar(char32_t c) { return isLatin(c) || isDigit(c) || c == U'-' || c == U'.' || c == U'+' || c == U'&'; }

bool hasUpper(U32View w) { return std::any_of(w.begin(), w.end(), [](char32_t c) { return isUpper(c); }); }

bool isConnector(U32View w) { return w == U"of" || w == U"and" || w == U"for" || w == U"the" || w == U"on"; }

} // namespace

void Extractor::addProgramme(ParagraphState &p, std::size_t b, std::size_t e, double confidence) {
    const U32 &t = p.paragraph.text;
    const std::string name = u8(p, b, e);
    if (name.empty())
        return;
    const bool latin = std::none_of(t.begin() + static_cast<std::ptrdiff_t>(b), t.begin() + static_cast<std::ptrdiff_t>(e),
                                    [](char32_t c) { return isHan(c); });
    const int entity = m_graph.entity("programme", name, latin ? "en" : "zh");
    // Topics inside the name belong to it.
    p.mentions.erase(std::remove_if(p.mentions.begin(), p.mentions.end(),
                                    [&](const Mention &m) {
                                        return m.kind == MentionKind::Topic && m.begin >= b && m.end <= e;
                                    }),
                     p.mentions.end());
    std::size_t close = e;
    if (close < t.size() && (t[close] == U'」' || t[close] == U'』'))
        ++close;
    if (const auto group = groupAfter(t, close)) {
        const U32 content = trim(U32View(t).substr(group->first, group->second - group->first));
        std::size_t from = 0;
        while (from <= content.size()) {
            std::size_t comma = content.find(U',', from);
            if (comma == U32::npos)
                comma = content.size();
            const U32 part = trim(U32View(content).substr(from, comma - from));
            const bool plain = !part.empty() && part.size() <= 60 &&
                               std::all_of(part.begin(), part.end(), [](char32_t c) { return isWordChar(c) || c == U' ' || c == U'/'; });
            if (plain && hasUpper(part))
                m_graph.alias(entity, toUtf8(part));
            from = comma + 1;
        }
        p.consumed.emplace_back(group->first > 0 ? group->first - 1 : group->first, group->second + 1);
    }
    Mention m;
    m.kind = MentionKind::Programme;
    m.begin = b;
    m.end = e;
    m.entity = entity;
    addMention(p, m, confidence);
}

void Extractor::findProgrammes(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    // Overlap with anything but dates and topics.
    auto taken = [&](std::size_t b, std::size_t e) {
        for (const auto &m : p.mentions)
            if (m.kind != MentionKind::Date && m.kind != MentionKind::Topic && b < m.end && m.begin < e)
                return true;
        return false;
    };
    auto mentionEndsAt = [&](std::size_t i) {
        return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
            return m.kind != MentionKind::Date && m.kind != MentionKind::Topic && m.end == i;
        });
    };

    // 「…」 names.
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != U'「' && t[i] != U'『')
            continue;
        const char32_t closer = t[i] == U'「' ? U'」' : U'』';
        const std::size_t close = t.find(closer, i + 1);
        if (close == U32::npos || close - i - 1 < 2 || close - i - 1 > 24)
            continue;
        const std::size_t b = i + 1;
        const std::size_t e = close;
        const bool wholeTopic = std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
            return m.kind == MentionKind::Topic && m.begin <= b && m.end >= e;
        });
        if (!wholeTopic && !taken(b, e) && !quotedSlogan(t, b, e) && !quotedShortForm(t, b, e))
            addProgramme(p, b, e, 0.7);
        i = close;
    }

    // Chinese names ending with a head word.
    const auto heads = m_lex.zhProgrammeHeads.findAll(t);
    for (std::size_t h = 0; h < heads.size(); ++h) {
        const std::size_t pos = heads[h].first;
        const std::size_t e = pos + heads[h].second.length;
        // Heads written together (專案計畫, 評比調查) end one name.
        if (h + 1 < heads.size() && heads[h + 1].first == e)
            continue;
        if (taken(pos, e) || insideConsumed(p, pos))
            continue;
        // The head must end the word: 專案管理 is not a programme.
        if (e < t.size() && isHan(t[e]) && m_lex.zhProgrammeBoundaries.matchAt(t, e).length == 0 &&
            U32View(U"等中之的與与及和並并將将已也則于於在為为是有由係所").find(t[e]) == U32View::npos)
            continue;
        // An organisation head right after (…調查團隊中心) makes it an organisation's name.
        if (e < t.size() && m_lex.zhOrgHeads.matchAt(t, e).length > 0)
            continue;
        std::size_t b = pos;
        bool bounded = false;
        int latinWords = 0;
        while (b > 0 && pos - b <= 16) {
            const char32_t c = t[b - 1];
            if (mentionEndsAt(b) || c == U'「' || c == U'『') {
                bounded = true;
                break;
            }
            bool boundary = false;
            for (std::size_t len = 1; len <= 3 && len <= b && !boundary; ++len)
                boundary = m_lex.zhProgrammeBoundaries.matchAt(t, b - len).length == len;
            if (boundary) {
                bounded = true;
                break;
            }
            if (isHan(c) || isDigit(c) || c == U'.' || c == U'‧' || c == U'・' || c == U'·') {
                --b;
                continue;
            }
            if (c == U' ' || isLatin(c)) {
                // One acronym (CIO 培訓計畫) may lead the name.
                std::size_t w = b;
                while (w > 0 && t[w - 1] == U' ')
                    --w;
                std::size_t s = w;
                while (s > 0 && (isUpper(t[s - 1]) || isDigit(t[s - 1])))
                    --s;
                if (s < w && (s == 0 || !isLatin(t[s - 1])) && latinWords == 0 && w - s >= 2) {
                    ++latinWords;
                    b = s;
                    continue;
                }
                bounded = b < pos && (c == U' ' ? true : false);
                break;
            }
            bounded = true; // punctuation or the start of the text
            break;
        }
        if (b == 0)
            bounded = true;
        while (b < pos && t[b] == U' ')
            ++b;
        if (!bounded || pos - b < 2)
            continue;
        // A generic use of the head word (相關調查, 等調查, 所調查, ...) names nothing.
        const U32View body = U32View(t).substr(b, pos - b);
        bool generic = false;
        for (const U32View w : {U32View(U"等"), U32View(U"所"), U32View(U"並"), U32View(U"并"), U32View(U"來"),
                                U32View(U"来"), U32View(U"希望"), U32View(U"可以"), U32View(U"了解"), U32View(U"相關"),
                                U32View(U"相关"), U32View(U"年度"), U32View(U"本次"), U32View(U"該"), U32View(U"该"),
                                U32View(U"此"), U32View(U"各"), U32View(U"準備"), U32View(U"准备"),
                                // A reference back, not a name: 上述兩項邀訪計畫, 前揭計畫, 這些方案.
                                U32View(U"上述"), U32View(U"前述"), U32View(U"前揭"), U32View(U"這些"),
                                U32View(U"这些"), U32View(U"兩項"), U32View(U"两项")})
            generic = generic || body.find(w) != U32View::npos;
        const std::size_t hanCount = static_cast<std::size_t>(std::count_if(body.begin(), body.end(), [](char32_t c) { return isHan(c); }));
        const bool digits = std::any_of(body.begin(), body.end(), [](char32_t c) { return isDigit(c); });
        if (generic || hanCount < 3 || (digits && hanCount < 4))
            continue;
        if (taken(b, e))
            continue;
        addProgramme(p, b, e, 0.6);
    }

    // English: capitalised words ending with a head word.
    std::vector<std::pair<std::size_t, std::size_t>> words;
    for (std::size_t i = 0; i < t.size();) {
        if (!isLatin(t[i]) && !isDigit(t[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && isWordChar(t[j]))
            ++j;
        std::size_t end = j;
        while (end > i && (t[end - 1] == U'.' || t[end - 1] == U'-'))
            --end;
        words.emplace_back(i, end);
        i = j;
    }
    for (std::size_t k = 1; k < words.size(); ++k) {
        const U32 head(U32View(t).substr(words[k].first, words[k].second - words[k].first));
        if (m_lex.enProgrammeHeads.count(head) == 0)
            continue;
        std::size_t first = k;
        while (first > 0 && k - first < 6) {
            const auto [b, e] = words[first - 1];
            // Only spaces between the words.
            bool adjacent = true;
            for (std::size_t i = e; i < words[first].first; ++i)
                adjacent = adjacent && t[i] == U' ';
            const U32View w = U32View(t).substr(b, e - b);
            if (!adjacent || !(hasUpper(w) || isConnector(w)))
                break;
            --first;
        }
        // A name written before it (the OECD Digital Government Index) is not part of it.
        auto wholeWordTaken = [&](std::size_t b, std::size_t e) {
            return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
                return m.kind != MentionKind::Date && m.kind != MentionKind::Topic && m.begin <= b && m.end >= e;
            });
        };
        while (first < k && (wholeWordTaken(words[first].first, words[first].second) ||
                             isConnector(U32View(t).substr(words[first].first, words[first].second - words[first].first))))
            ++first;
        if (first == k)
            continue;
        const std::size_t b = words[first].first;
        const std::size_t e = words[k].second;
        if (taken(b, e) || insideConsumed(p, b))
            continue;
        addProgramme(p, b, e, 0.65);
    }
}

} // namespace liaison::report
