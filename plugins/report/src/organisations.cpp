// Chinese organisation names, found from their suffix (大學, 中心, 協會,
// 委員會, 部, 署, ...) and extended backwards to the first word boundary; a
// leading country or city becomes located_in, an adjacent organisation in
// front becomes the parent (part_of), parentheses after the name give its
// abbreviation or English name. 該中心/本會 refer to the latest organisation
// with that suffix.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

const U32 kStopChars = U"的之與与及和在於于為为是由請请並并以等其向對对從从至到將将讓让被把後后前也都又更再即已而但或了著着每該该此各這这那含如因若則则就還还均皆透係偕、。「」『』";
const U32 kWeakContinuation = U"法分門门會会長长理面落屬属位境置份隊队內内外間间級级";

const std::vector<U32> &stopWords() {
    static const std::vector<U32> words = {
        U"代表", U"包括", U"以及", U"邀請", U"邀请", U"拜會", U"拜会", U"拜訪", U"拜访", U"出席", U"參與", U"参与",
        U"擔任", U"担任", U"聯絡", U"联络", U"透過", U"透过", U"促成", U"協助", U"协助", U"其中", U"成立", U"舉辦",
        U"举办", U"安排", U"約訪", U"约访", U"加入", U"來自", U"来自", U"隸屬", U"隶属", U"屬於", U"属于", U"位於",
        U"位于", U"首度", U"首次", U"今年", U"目前", U"主持人", U"研究員", U"研究员", U"簽定", U"簽訂", U"签订",
        U"場地", U"场地", U"擔任", U"獲邀", U"获邀", U"同時", U"同时", U"也是", U"辦理", U"办理", U"參考", U"参考", U"搜集", U"蒐集", U"推動",
        U"推动", U"主辦", U"主办", U"上開", U"上开", U"導入", U"导入", U"報告", U"报告", U"分享", U"介紹", U"介绍",
        U"設立", U"设立", U"建立", U"迎接", U"接見", U"接见", U"會見", U"会见", U"歡迎", U"欢迎", U"表示", U"熱情", U"热情"};
    return words;
}

const std::vector<U32> &genericStems() {
    static const std::vector<U32> stems = {U"研究", U"相關", U"相关", U"主要", U"國際", U"国际", U"國內", U"国内",
                                          U"地方", U"培訓", U"培训", U"訓練", U"训练", U"一般", U"學術", U"学术",
                                          U"研究單位", U"民營", U"公營", U"私人", U"外包", U"政府", U"各國",
                                          U"資料", U"资料", U"服務", U"服务", U"網路", U"网络", U"企業", U"企业",
                                          U"大型", U"新", U"全國", U"全国", U"該國", U"该国", U"其他", U"公務",
                                          U"串聯", U"串联", U"國家", U"国家", U"委員", U"执行", U"執行", U"資訊", U"资讯", U"團隊", U"团队"};
    return stems;
}

bool endsWithWord(const U32 &t, std::size_t j, const U32 &w) {
    return j >= w.size() && t.compare(j - w.size(), w.size(), w) == 0;
}

bool isAcronym(U32View s) {
    if (s.size() < 2 || s.size() > 12)
        return false;
    int upper = 0;
    for (char32_t c : s) {
        if (isUpper(c))
            ++upper;
        else if (!(isDigit(c) || c == U'&' || c == U'-' || c == U'.'))
            return false;
    }
    return upper >= 2;
}

// Original text of [b, e) with the span [gb, ge) cut out and spaces next to
// CJK dropped: "ITMO (...) 大學" -> "ITMO大學".
U32 cleanName(const U32 &original, std::size_t b, std::size_t e, std::size_t gb, std::size_t ge) {
    U32 raw;
    for (std::size_t i = b; i < e; ++i)
        if (gb == U32::npos || i + 1 < gb || i > ge)
            raw.push_back(original[i]);
    U32 out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (isSpace(raw[i])) {
            if (out.empty() || i + 1 >= raw.size())
                continue;
            const char32_t prev = out.back();
            std::size_t n = i;
            while (n < raw.size() && isSpace(raw[n]))
                ++n;
            if (n >= raw.size())
                break;
            const bool wide = isHan(prev) || isCjkPunct(prev) || isHan(raw[n]) || isCjkPunct(raw[n]);
            if (!wide)
                out.push_back(U' ');
            i = n - 1;
            continue;
        }
        out.push_back(raw[i]);
    }
    return out;
}

bool allLatin(U32View s) {
    bool any = false;
    for (char32_t c : s) {
        if (isHan(c))
            return false;
        any = any || isLatin(c);
    }
    return any;
}

// 一樓新聞中心 (a floor), 5個海事安全中心 (a count): a place or a number of
// organisations, not a named one.
bool placeOrQuantity(const U32 &stem) {
    std::size_t k = 0;
    while (k < stem.size() && (isDigit(stem[k]) || U32(U"一二三四五六七八九十兩两幾几數数多").find(stem[k]) != U32::npos))
        ++k;
    return k > 0 && k < stem.size() && U32(U"樓楼個个所家座層层").find(stem[k]) != U32::npos;
}

// 史瓦濟蘭王國, 宏都拉斯共和國: the form of state written after a country's name is part of
// the country, not of the organisation named next (史瓦濟蘭王國內政部 is a ministry of Eswatini).
std::size_t stateFormEnd(const U32 &t, std::size_t countryEnd, std::size_t limit) {
    for (const U32View form : {U32View(U"民主共和國"), U32View(U"民主共和国"), U32View(U"聯邦共和國"),
                               U32View(U"联邦共和国"), U32View(U"共和國"), U32View(U"共和国"), U32View(U"王國"),
                               U32View(U"王国"), U32View(U"大公國"), U32View(U"大公国"), U32View(U"公國"),
                               U32View(U"公国")})
        if (countryEnd + form.size() <= limit && t.compare(countryEnd, form.size(), form) == 0)
            return countryEnd + form.size();
    return countryEnd;
}

bool governmentBodyHead(U32View head) {
    for (const U32View form : {U32View(U"部"), U32View(U"署"), U32View(U"局"), U32View(U"處"), U32View(U"处"),
                               U32View(U"院"), U32View(U"府"), U32View(U"司"), U32View(U"政府"), U32View(U"議會"),
                               U32View(U"议会")})
        if (head == form)
            return true;
    return false;
}

} // namespace

bool Extractor::titleEndsAt(const U32 &t, std::size_t j) const {
    for (std::size_t len = 2; len <= 4 && len <= j; ++len)
        if (m_lex.zhTitles.matchAt(t, j - len).length == len)
            return true;
    return false;
}

bool headsTitleBeforeName(const U32 &t, std::size_t headE, const std::set<U32> &surnames) {
    if (headE >= t.size() || (t[headE] != U'長' && t[headE] != U'长'))
        return false;
    const std::size_t name = skipSpaces(t, headE + 1);
    if (name < t.size() && (surnames.count(t.substr(name, 1)) > 0 || surnames.count(t.substr(name, 2)) > 0))
        return true;
    // A transliterated name with its original: 內政部長桑蒂蕾(Princess Tsandzile).
    std::size_t e = name;
    while (e < t.size() && e - name < 6 && isHan(t[e]))
        ++e;
    const std::size_t open = skipSpaces(t, e);
    return e - name >= 2 && open + 1 < t.size() && t[open] == U'(' && isLatin(t[skipSpaces(t, open + 1)]);
}

void Extractor::applyParentheticalAliases(ParagraphState &p, int entity, std::size_t b, std::size_t e) {
    const U32 &t = p.paragraph.text;
    // A date in parentheses is when, not another name: "the Clean Energy Ministerial (July 19-20th)".
    for (std::size_t i = b; i < e; ++i)
        if (insideDate(p, i))
            return;
    p.consumed.emplace_back(b > 0 ? b - 1 : b, e + 1);
    U32 content = trim(U32View(t).substr(b, e - b));
    for (const U32 &prefix : {U32(U"以下簡稱"), U32(U"簡稱"), U32(U"简称"), U32(U"hereafter")}) {
        if (content.rfind(prefix, 0) == 0)
            content = trim(U32View(content).substr(prefix.size()));
    }
    if (content.empty())
        return;
    std::vector<U32> parts;
    const auto comma = content.find_last_of(U",");
    if (comma != U32::npos) {
        U32 last = trim(U32View(content).substr(comma + 1));
        for (const U32 &prefix : {U32(U"簡稱"), U32(U"简称")})
            if (last.rfind(prefix, 0) == 0)
                last = trim(U32View(last).substr(prefix.size()));
        if (isAcronym(last)) {
            parts.push_back(last);
            content = trim(U32View(content).substr(0, comma));
        }
    }
    parts.push_back(content);
    for (const auto &part : parts) {
        if (isAcronym(part)) {
            m_graph.alias(entity, toUtf8(part));
            m_knownOrgForms.emplace_back(part, entity);
            continue;
        }
        if (!allLatin(part) || part.size() < 3 || !isUpper(part[0]))
            continue;
        m_graph.name(entity, "en", toUtf8(part));
        m_knownOrgForms.emplace_back(part, entity);
    }
}

int Extractor::paragraphBodyMention(ParagraphState &p, const U32 &bare, std::size_t b, std::size_t e) {
    const auto known = m_paragraphBodies.find(bare);
    if (known == m_paragraphBodies.end())
        return -1;
    Mention m;
    m.kind = MentionKind::Organisation;
    m.begin = b;
    m.end = e;
    m.entity = known->second;
    addMention(p, m, 0.6);
    return known->second;
}

void Extractor::findOrganisations(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    const U32 &orig = p.paragraph.original;
    std::size_t lastEnd = U32::npos;
    int lastEntity = -1;
    m_paragraphBodies.clear();
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto head = m_lex.zhOrgHeads.matchAt(t, i);
        if (head.length == 0 || insideConsumed(p, i))
            continue;
        const std::size_t headB = i;
        const std::size_t headE = i + head.length;
        const bool strong = head.payload == 1;
        // 簽署 (sign), 部署 (deploy): a verb, not a head.
        if (!strong && headB > 0 && U32(U"簽签部").find(t[headB - 1]) != U32::npos && (t[headB] == U'署'))
            continue;
        const bool headsTitle = !strong && headsTitleBeforeName(t, headE, m_lex.surnames);
        // 內政部長 with no name after: the body is kept only when named with its country (我內政部長).
        const bool headOfBody = headE < t.size() && (t[headE] == U'長' || t[headE] == U'长') &&
                                governmentBodyHead(U32View(t).substr(headB, head.length));
        if (!strong && !headsTitle && !headOfBody && headE < t.size() && kWeakContinuation.find(t[headE]) != U32::npos)
            continue;
        // Scan back to the start of the name.
        std::size_t j = headB;
        std::size_t groupB = U32::npos;
        std::size_t groupE = U32::npos;
        int parent = -1;
        bool latin = false;
        std::size_t bridge = U32::npos; // where a 與/及 inside the name was crossed
        // Length of the name so far, not counting a parenthesised group; Latin names may be longer.
        auto budget = [&] {
            const std::size_t g = groupB == U32::npos ? 0 : groupE - groupB + 2;
            return headB - j - g < (latin ? 48u : 14u);
        };
        while (j > 0 && budget()) {
            if (lastEnd != U32::npos && j == lastEnd && lastEntity >= 0) {
                parent = lastEntity;
                break;
            }
            const char32_t c = t[j - 1];
            if (c == U')' && groupB == U32::npos && trim(U32View(t).substr(j, headB - j)).empty()) {
                const auto open = t.rfind(U'(', j - 1);
                if (open == U32::npos || j - 1 - open > 120)
                    break;
                groupB = open + 1;
                groupE = j - 1;
                j = open;
                continue;
            }
            bool stop = false;
            for (const auto &w : stopWords())
                if (endsWithWord(t, j, w))
                    stop = true;
            // A title before the name is the person's (蘇院長…參議院), not part of the name.
            if (j < headB && isHan(c) && titleEndsAt(t, j))
                stop = true;
            if (stop)
                break;
            if (isHan(c)) {
                // 勞動與社會部, 亞西及非洲司, 國際合作及經濟事務司: 與/及 inside a weak-headed name, one
                // word of up to four characters after it (undone below unless the name then starts a
                // clause, with a country or right after its parent body).
                if ((c == U'與' || c == U'与' || c == U'及') && !strong && bridge == U32::npos && headB - j <= 4 &&
                    j >= 3 && isHan(t[j - 2]) && kStopChars.find(t[j - 2]) == U32::npos && lastEnd != j - 1 &&
                    !titleEndsAt(t, j - 1) && m_lex.zhOrgHeads.matchAt(t, j - 2).length == 0) {
                    bridge = j;
                    --j;
                    continue;
                }
                // 執行長兼外交部發言人: 兼 after a title joins two offices.
                if (c == U'兼' && titleEndsAt(t, j - 1))
                    break;
                if (insideDate(p, j - 1))
                    break;
                if (kStopChars.find(c) != U32::npos)
                    break;
                // "2017 年國際資訊長協會", "本(2017)年度...": the year is not part of the name.
                if ((c == U'年' || c == U'度') && j >= 2) {
                    std::size_t y = j - 1;
                    if (c == U'度' && t[y - 1] == U'年')
                        --y;
                    while (y > 0 && isSpace(t[y - 1]))
                        --y;
                    if (y > 0 && (isDigit(t[y - 1]) || t[y - 1] == U')' || t[y - 1] == U'本' || t[y - 1] == U'今'))
                        break;
                }
                --j;
                continue;
            }
            // A hyphen only inside a Latin name (Japan-ROC), never a dash run (---歐洲司).
            const bool innerHyphen = c == U'-' && j >= 2 && (isLatin(t[j - 2]) || isDigit(t[j - 2])) &&
                                     j < t.size() && (isLatin(t[j]) || isDigit(t[j]));
            if (isLatin(c) || isDigit(c) || innerHyphen || c == U'&') {
                latin = true;
                --j;
                continue;
            }
            if (isSpace(c)) {
                std::size_t k = j;
                while (k > 0 && isSpace(t[k - 1]))
                    --k;
                if (k > 0 && (isLatin(t[k - 1]) || isDigit(t[k - 1]) || (t[k - 1] == U')' && groupB == U32::npos))) {
                    j = k;
                    continue;
                }
                if (k > 0 && lastEnd == k && lastEntity >= 0) {
                    parent = lastEntity;
                    j = k;
                }
            }
            break;
        }
        if (bridge != U32::npos && j > 0 && isHan(t[j - 1]) && parent < 0 && m_lex.countryForms.matchAt(t, j).length == 0)
            j = bridge;
        // Anaphora: 該中心, 本會, 上開研究中心.
        const std::size_t stemRaw = j;
        while (j < headB && isSpace(t[j]))
            ++j;
        U32 quickStem;
        for (std::size_t k = j; k < headB; ++k)
            if (!isSpace(t[k]))
                quickStem.push_back(t[k]);
        const bool weakStem = quickStem.empty() ||
                              std::find(genericStems().begin(), genericStems().end(), quickStem) != genericStems().end();
        std::size_t anaphorB = U32::npos;
        if (weakStem && stemRaw > 0 && U32(U"該该此其").find(t[stemRaw - 1]) != U32::npos)
            anaphorB = stemRaw - 1;
        else if (weakStem && endsWithWord(t, stemRaw, U"上開"))
            anaphorB = stemRaw - 2;
        else if (quickStem == U"本")
            anaphorB = j;
        if (anaphorB != U32::npos) {
            const U32 headText = t.substr(headB, head.length);
            for (auto it = m_orgOrder.rbegin(); it != m_orgOrder.rend(); ++it) {
                const U32 name = fromUtf8(m_graph.at(*it).name);
                if (name.size() >= headText.size() && name.compare(name.size() - headText.size(), headText.size(), headText) == 0) {
                    Mention m;
                    m.kind = MentionKind::Organisation;
                    m.begin = anaphorB;
                    m.end = headE;
                    m.entity = *it;
                    addMention(p, m, 0.6);
                    break;
                }
            }
            i = headE - 1;
            continue;
        }
        // Leading year, reporting-country words, countries and cities leave the name.
        std::size_t s = j;
        bool homePrefix = false;
        int country = -1;
        std::size_t countryB = 0;
        std::size_t countryE = 0;
        std::string city;
        for (bool progress = true; progress && s < headB;) {
            progress = false;
            while (s < headB && isSpace(t[s]))
                ++s;
            if (s + 4 <= headB && std::all_of(t.begin() + static_cast<long>(s), t.begin() + static_cast<long>(s) + 4,
                                              [](char32_t c) { return isDigit(c); })) {
                s += 4;
                progress = true;
                continue;
            }
            // 我內政部: 我 alone before a government body names ours.
            if (m_home >= 0 && !homePrefix && s == j && s + 1 < headB && t[s] == U'我' && isHan(t[s + 1]) &&
                m_lex.countryForms.matchAt(t, s).length == 0 && governmentBodyHead(U32View(t).substr(headB, head.length)) &&
                t[s + 1] != U'國' && t[s + 1] != U'国' && t[s + 1] != U'方') {
                ++s;
                homePrefix = true;
                progress = true;
                continue;
            }
            for (const U32 &home : {U32(U"我國"), U32(U"本國"), U32(U"我国"), U32(U"本国")}) {
                if (m_home >= 0 && t.compare(s, home.size(), home) == 0 && s + home.size() <= headB) {
                    country = m_home;
                    countryB = s;
                    countryE = s + home.size();
                    s += home.size();
                    progress = true;
                }
            }
            const auto cm = m_lex.countryForms.matchAt(t, s);
            if (cm.length > 0 && s + cm.length <= headB) {
                country = cm.payload;
                countryB = s;
                countryE = stateFormEnd(t, s + cm.length, headB);
                s = countryE;
                progress = true;
                continue;
            }
            // A city leaves the name only before a Latin name (聖彼德堡 ITMO 大學), not in 東京大學.
            const auto city0 = m_lex.cityForms.matchAt(t, s);
            const std::size_t afterCity = city0.length > 0 ? s + city0.length : s;
            std::size_t nextWord = afterCity;
            while (nextWord < headB && isSpace(t[nextWord]))
                ++nextWord;
            if (city0.length > 0 && nextWord < headB && (isLatin(t[nextWord]) || isDigit(t[nextWord]))) {
                if (country < 0)
                    country = city0.payload;
                city = u8(p, s, s + city0.length);
                s += city0.length;
                progress = true;
            }
        }
        while (s < headB && isSpace(t[s]))
            ++s;
        U32 stem;
        for (std::size_t k = s; k < headB; ++k)
            if ((k < groupB || k >= groupE) && !isSpace(t[k]) && t[k] != U'(' && t[k] != U')')
                stem.push_back(t[k]);
        const bool generic = std::find(genericStems().begin(), genericStems().end(), stem) != genericStems().end();
        int hanCount = 0;
        for (char32_t c : stem)
            hanCount += isHan(c) ? 1 : 0;
        // 「一個地球未來基金會」(One Earth Future Foundation): the group may follow the closing quote.
        const auto after = groupAfter(t, headE < t.size() && (t[headE] == U'」' || t[headE] == U'』') ? headE + 1 : headE);
        const bool hasAlias = after.has_value() && isAcronym(trim(U32View(t).substr(after->first, after->second - after->first)));
        // A country right before the name, across a space: "中國 CIO 協會".
        if (country < 0 && j > 0) {
            std::size_t k = j;
            while (k > 0 && isSpace(t[k - 1]))
                --k;
            for (std::size_t len = 2; len <= 6 && len <= k; ++len) {
                const auto cm = m_lex.countryForms.matchAt(t, k - len);
                if (cm.length == len && k < j) {
                    country = cm.payload;
                    countryB = k - len;
                    countryE = k;
                    break;
                }
            }
        }
        const bool prefixed = homePrefix || (country >= 0 && countryE > countryB && countryE <= s);
        bool accept = (!headOfBody || headsTitle || prefixed) && !stem.empty() && !generic &&
                      (hanCount >= 2 || latin || hasAlias) &&
                      (!placeOrQuantity(stem) || (j > 0 && (t[j - 1] == U'「' || t[j - 1] == U'『'))); // 「一個地球…」
        const U32 headText0 = t.substr(headB, head.length);
        const bool government = headText0 == U"政府";
        if (government)
            accept = stem.empty() && country >= 0 && j < s;
        else if (accept && !strong)
            accept = hasAlias || latin || parent >= 0 || headsTitle || m_lex.zhTitles.matchAt(t, headE).length > 0 ||
                     t.compare(headE, 2, U"代表") == 0 ||
                     // A government body named with its country (我內政部, 史瓦濟蘭王國內政部).
                     (hanCount >= 2 && headOfBody && prefixed) ||
                     [&] {
                         // Followed by a unit of its own: 經濟部工業局.
                         for (std::size_t k = headE + 1; k < headE + 5 && k < t.size(); ++k)
                             if (!isHan(t[k - 1]) || kStopChars.find(t[k - 1]) != U32::npos)
                                 return false;
                             else if (m_lex.zhOrgHeads.matchAt(t, k).length > 0)
                                 return true;
                         return false;
                     }();
        bool keepCountry = false;
        if (accept && latin && hanCount == 0) {
            const auto role = m_lex.enTitles.matchAt(stem, 0);
            if (role.length == stem.size()) {
                accept = country >= 0 && countryE > countryB;
                keepCountry = true;
            }
        }
        if (!accept) {
            i = headE - 1;
            continue;
        }
        // 新加坡國立大學: "國立大學" alone names nothing; the country is part of the name.
        if (country >= 0 && countryE > countryB &&
            (stem == U"國立" || stem == U"国立" || stem == U"國家" || stem == U"国家" || stem == U"皇家"))
            keepCountry = true;
        // A government body named with a foreign country (史瓦濟蘭王國內政部, 捷克參議院) is that
        // country's: the country stays in its name, so that it never merges with the body of
        // the same name of another country (our 內政部).
        const bool hanStem = !latin && hanCount == static_cast<int>(stem.size());
        const bool bodyHead = hanStem && governmentBodyHead(U32View(t).substr(headB, head.length));
        const bool foreignBody = bodyHead && country >= 0 && country != m_home && countryE > countryB && countryE <= s;
        const U32 bareName = cleanName(orig, s, headE, groupB, groupE);
        if (foreignBody)
            keepCountry = true;
        // The same body named bare later in the paragraph (偕…內政部政務次長) is still that country's.
        if (bodyHead && country < 0 && parent < 0 && !homePrefix) {
            if (const int known = paragraphBodyMention(p, bareName, j, headE); known >= 0) {
                lastEnd = headE;
                lastEntity = known;
                i = headE - 1;
                continue;
            }
        }
        if (keepCountry)
            s = countryB;
        if (parent >= 0 && j < s)
            parent = -1; // something other than the parent sits in between
        {
            // The stem starts with a known organisation: "IAC組織" is IAC itself,
            // "ITMO 電子治理中心" is a unit of ITMO.
            std::size_t w = s;
            while (w < headB && (isLatin(t[w]) || isDigit(t[w])))
                ++w;
            int knownOrg = -1;
            if (w > s)
                for (const auto &[form, ent] : m_knownOrgForms)
                    if (form == t.substr(s, w - s))
                        knownOrg = ent;
            if (knownOrg >= 0) {
                std::size_t r = w;
                while (r < headB && isSpace(t[r]))
                    ++r;
                if (r == headB && !strong) {
                    Mention m;
                    m.kind = MentionKind::Organisation;
                    m.begin = s;
                    m.end = headE;
                    m.entity = knownOrg;
                    addMention(p, m, 0.7);
                    i = headE - 1;
                    continue;
                }
                if (r < headB && isHan(t[r])) {
                    parent = knownOrg;
                    s = r;
                    U32 rest;
                    for (std::size_t k = r; k < headB; ++k)
                        if (!isSpace(t[k]))
                            rest.push_back(t[k]);
                    stem = rest;
                    latin = false;
                }
            }
        }
        const U32 latinStem = cleanName(orig, s, headB, groupB, groupE);
        if (government) {
            s = countryB;
        }
        const bool englishName = allLatin(latinStem) && [&] {
            for (std::size_t k = 0; k < latinStem.size();) {
                std::size_t e = k;
                while (e < latinStem.size() && isLatin(latinStem[e]))
                    ++e;
                if (m_lex.enOrgHeads.count(asciiLower(U32View(latinStem).substr(k, e - k))) > 0)
                    return true;
                k = e + 1;
            }
            return false;
        }();
        const U32 name = englishName ? latinStem : cleanName(orig, s, headE, groupB, groupE);
        const std::string nameU8 = toUtf8(name);
        const int e = m_graph.entity("organisation", nameU8, englishName ? "en" : "zh");
        m_knownOrgForms.emplace_back(name, e);
        if (!englishName && allLatin(latinStem) && isAcronym(U32(latinStem))) {
            m_graph.alias(e, toUtf8(latinStem));
            m_knownOrgForms.emplace_back(latinStem, e);
            const U32 headText = t.substr(headB, head.length);
            const char *english = headText == U"大學" || headText == U"大学" ? " University"
                                  : headText == U"協會" || headText == U"协会" ? " Association"
                                  : headText == U"中心"                         ? " Center"
                                                                               : nullptr;
            if (english != nullptr)
                m_graph.alias(e, toUtf8(latinStem) + english);
        }
        if (foreignBody) {
            m_paragraphBodies[bareName] = e;
            m_bodyCountry[e] = country;
        }
        if (country >= 0 && countryE > countryB) {
            const U32 withCountry = cleanName(orig, countryB, headE, groupB, groupE);
            m_graph.alias(e, toUtf8(withCountry));
            m_knownOrgForms.emplace_back(withCountry, e);
        }
        if (!city.empty())
            m_graph.attribute(e, "city", city);
        Mention m;
        m.kind = MentionKind::Organisation;
        m.begin = j;
        m.end = headE;
        m.entity = e;
        const int line = lineAt(p, headB);
        const std::string quote = quoteAt(p, headB);
        addMention(p, m, strong ? 0.8 : 0.6);
        if (groupB != U32::npos)
            applyParentheticalAliases(p, e, groupB, groupE);
        if (after)
            applyParentheticalAliases(p, e, after->first, after->second);
        if (country >= 0)
            m_graph.relate("located_in", e, countryEntity(country), line, quote, 0.7);
        if (parent >= 0) {
            m_graph.relate("part_of", e, parent, line, quote, 0.7);
            m_parentOf[e] = parent;
        }
        lastEnd = headE;
        lastEntity = e;
        i = headE - 1;
    }
}

} // namespace liaison::report
