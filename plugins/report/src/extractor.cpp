#include "extractor.hpp"

#include "liaison/report/errors.hpp"

#include <algorithm>

namespace liaison::report {

Extractor::Extractor(const Lexicon &lexicon, const Options &options, std::string sourceId)
    : m_lex(lexicon), m_options(options), m_source(sourceId), m_graph(std::move(sourceId)) {
    m_countryEntities.assign(m_lex.countries.size(), -1);
    if (options.homeCountry.empty())
        return;
    m_home = m_lex.countryByCode(options.homeCountry);
    if (m_home < 0) {
        const U32 name = fromUtf8(options.homeCountry);
        const auto m = m_lex.countryForms.matchAt(name, 0);
        if (m.length == name.size())
            m_home = m.payload;
    }
    if (m_home < 0)
        throw ExtractError("report loader: unknown home_country '" + options.homeCountry + "'");
}

int Extractor::lineAt(const ParagraphState &p, std::size_t pos) const {
    const auto &lines = p.paragraph.line;
    if (lines.empty())
        return 0;
    return lines[std::min(pos, lines.size() - 1)];
}

// A long sentence is cut to about kMax characters around `pos`: a sentence with
// Chinese in it at clause marks (，、；：), the clause holding `pos` always kept
// whole (a window may grow by kMax / 2 on either side to reach one); Latin text at
// word boundaries. Never inside a word.
std::pair<std::size_t, std::size_t> quoteWindow(const U32 &t, std::size_t begin, std::size_t end, std::size_t pos) {
    constexpr std::size_t kMax = 160;
    constexpr std::size_t kSlack = kMax / 2;
    if (end - begin <= kMax)
        return {begin, end};
    pos = std::min(std::max(pos, begin), end - 1);
    std::size_t b = pos > begin + kMax / 2 ? pos - kMax / 2 : begin;
    std::size_t e = std::min(end, b + kMax);
    auto clauseMark = [](char32_t c) {
        return c == U'，' || c == U'、' || c == U'；' || c == U'：' || c == U',' || c == U';' || c == U':';
    };
    // Inside a word: between two letters or digits, or after a hyphen or point within one (COVID-19, U.S.-Africa).
    auto wordChar = [](char32_t c) { return isLatin(c) || isDigit(c); };
    auto inWord = [&](std::size_t i) {
        if (i <= begin || i >= end || !wordChar(t[i]))
            return false;
        return wordChar(t[i - 1]) ||
               ((t[i - 1] == U'-' || t[i - 1] == U'.') && i - 1 > begin && wordChar(t[i - 2]));
    };
    const bool chinese = std::any_of(t.begin() + static_cast<std::ptrdiff_t>(begin),
                                     t.begin() + static_cast<std::ptrdiff_t>(end), [](char32_t c) { return isHan(c); });
    if (b > begin && chinese) {
        // Forward past the first clause mark before `pos`, else back to the start of the clause.
        std::size_t clause = b;
        while (clause < pos && !clauseMark(t[clause]))
            ++clause;
        if (clause < pos) {
            b = clause + 1;
        } else {
            std::size_t back = b;
            while (back > begin && !clauseMark(t[back - 1]) && b - back < kSlack)
                --back;
            if (back == begin || clauseMark(t[back - 1]))
                b = back;
        }
    }
    if (e < end && chinese) {
        // Back to the last clause mark after `pos`, else on to the end of the clause.
        std::size_t clause = e;
        while (clause > pos + 1 && !clauseMark(t[clause - 1]))
            --clause;
        if (clause > pos + 1) {
            e = clause;
        } else {
            std::size_t ahead = e;
            while (ahead < end && !clauseMark(t[ahead]) && ahead - e < kSlack)
                ++ahead;
            if (ahead == end || clauseMark(t[ahead]))
                e = std::min(end, ahead + 1);
        }
    }
    while (b < pos && (inWord(b) || isSpace(t[b])))
        ++b;
    while (e > pos + 1 && inWord(e))
        --e;
    return {b, e};
}

const Sentence *Extractor::sentenceAt(const ParagraphState &p, std::size_t pos) const {
    for (const auto &s : p.sentences)
        if (pos >= s.begin && pos < s.end)
            return &s;
    return p.sentences.empty() ? nullptr : &p.sentences.back();
}

std::string Extractor::quoteAt(const ParagraphState &p, std::size_t pos) const {
    const Sentence *s = sentenceAt(p, pos);
    if (s == nullptr)
        return {};
    const auto [b, e] = quoteWindow(p.paragraph.text, s->begin, s->end, pos);
    return toUtf8(trim(U32View(p.paragraph.original).substr(b, e - b)));
}

bool Extractor::overlaps(const ParagraphState &p, std::size_t b, std::size_t e) const {
    for (const auto &m : p.mentions)
        if (m.kind != MentionKind::Date && b < m.end && m.begin < e)
            return true;
    return false;
}

bool Extractor::insideConsumed(const ParagraphState &p, std::size_t pos) const {
    for (const auto &[b, e] : p.consumed)
        if (pos >= b && pos < e)
            return true;
    return false;
}

bool Extractor::insideDate(const ParagraphState &p, std::size_t pos) const {
    return std::any_of(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
        return m.kind == MentionKind::Date && m.begin <= pos && pos < m.end;
    });
}

const Mention *Extractor::mentionAt(const ParagraphState &p, std::size_t b, std::size_t e, MentionKind kind) const {
    for (const auto &m : p.mentions)
        if (m.kind == kind && m.begin >= b && m.end <= e)
            return &m;
    return nullptr;
}

void Extractor::addMention(ParagraphState &p, Mention m, double confidence) {
    if (m.entity >= 0)
        m_graph.evidence(m.entity, lineAt(p, m.begin), quoteAt(p, m.begin), confidence);
    if (m.kind == MentionKind::Organisation && m.entity >= 0)
        m_orgOrder.push_back(m.entity);
    const auto at = std::upper_bound(p.mentions.begin(), p.mentions.end(), m,
                                     [](const Mention &a, const Mention &b) { return a.begin < b.begin; });
    p.mentions.insert(at, std::move(m));
}

void Extractor::addPersonMention(ParagraphState &p, std::size_t b, std::size_t e, int entity,
                                 const std::string &title, double confidence) {
    Mention m;
    m.kind = MentionKind::Person;
    m.begin = b;
    m.end = e;
    m.entity = entity;
    m.title = title;
    addMention(p, std::move(m), confidence);
}

int Extractor::countryEntity(int index) {
    if (index < 0)
        return -1;
    auto &slot = m_countryEntities[static_cast<std::size_t>(index)];
    if (slot >= 0)
        return slot;
    const Country &c = m_lex.countries[static_cast<std::size_t>(index)];
    slot = m_graph.entity("country", c.en, "en");
    m_graph.name(slot, "zh-Hant", c.zhHant);
    m_graph.name(slot, "zh-Hans", c.zhHans);
    m_graph.attribute(slot, "iso", c.code);
    for (const auto &v : c.variants)
        m_graph.alias(slot, v);
    return slot;
}

std::string Extractor::u8(const ParagraphState &p, std::size_t b, std::size_t e) const {
    return toUtf8(trim(U32View(p.paragraph.original).substr(b, e - b)));
}

bool Extractor::triggerAt(const U32 &text, std::size_t pos, const std::string &relation, std::size_t *length) const {
    const auto it = m_lex.triggers.find(relation);
    if (it == m_lex.triggers.end())
        return false;
    for (const auto &form : it->second) {
        if (pos + form.size() > text.size())
            continue;
        bool ok = true;
        for (std::size_t i = 0; i < form.size() && ok; ++i) {
            char32_t a = text[pos + i];
            char32_t b = form[i];
            if (a >= U'A' && a <= U'Z')
                a += 32;
            if (b >= U'A' && b <= U'Z')
                b += 32;
            ok = a == b;
        }
        if (!ok)
            continue;
        if (isLatin(form[0]) && ((pos > 0 && isLatin(text[pos - 1])) ||
                                 (pos + form.size() < text.size() && isLatin(text[pos + form.size()]))))
            continue;
        if (length != nullptr)
            *length = form.size();
        return true;
    }
    return false;
}

std::size_t Extractor::findTrigger(const U32 &text, std::size_t from, std::size_t to, const std::string &relation) const {
    for (std::size_t i = from; i < to && i < text.size(); ++i)
        if (triggerAt(text, i, relation))
            return i;
    return U32::npos;
}

std::optional<std::pair<std::size_t, std::size_t>> Extractor::groupAfter(const U32 &text, std::size_t pos) const {
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    if (pos >= text.size() || text[pos] != U'(')
        return std::nullopt;
    const auto close = text.find(U')', pos);
    if (close == U32::npos || close - pos > 120)
        return std::nullopt;
    return std::make_pair(pos + 1, close);
}

Extraction Extractor::run(const U32 &text) {
    std::vector<U32> lines;
    U32 cur;
    for (char32_t c : text) {
        if (c == U'\n') {
            lines.push_back(cur);
            cur.clear();
        } else if (c != U'\r') {
            cur.push_back(c);
        }
    }
    lines.push_back(cur);
    for (auto &para : splitParagraphs(lines)) {
        ParagraphState st;
        st.paragraph = std::move(para);
        st.sentences = splitSentences(st.paragraph);
        m_paragraphs.push_back(std::move(st));
    }
    int year = 0;
    for (auto &p : m_paragraphs) {
        findDates(p);
        for (const auto &m : p.mentions)
            if (m.kind == MentionKind::Date && m.start.size() >= 4 && m.start[0] != '0') {
                year = std::stoi(m.start.substr(0, 4));
                m_docYear = m_docYear == 0 ? year : m_docYear;
            }
        p.year = year;
        findOrganisations(p);
        findEnglishOrganisations(p);
        findKnownOrganisations(p);
    }
    for (std::size_t k = 0; k < m_paragraphs.size() && m_docYear == 0; ++k)
        m_docYear = yearWritten(m_paragraphs[k].paragraph.text);
    for (auto &p : m_paragraphs) {
        findKnownNames(p);
        findCountries(p);
    }
    for (auto &p : m_paragraphs) {
        findEvents(p);
        if (p.paragraph.heading)
            updateScope(p);
        findPanels(p);
        updateScope(p);
    }
    for (auto &p : m_paragraphs) {
        findTransliteratedPersons(p);
        findOfficeThenName(p);
        findPersons(p);
        findNameThenOffice(p);
    }
    buildKnownPersons();
    for (auto &p : m_paragraphs) {
        findKnownPersons(p);
        findTitleAnaphora(p);
        findTopics(p);
        findProgrammes(p);
    }
    for (auto &p : m_paragraphs)
        findRelations(p);
    for (auto &p : m_paragraphs) {
        findMeetings(p);
        findParticipation(p);
    }
    representHostCountries();
    dateNamedEvents();
    relateSubEvents();
    m_graph.inheritDates(m_eventParent);
    m_graph.inferAttendance(m_eventParent);
    Extraction out = m_graph.finish(m_options);
    Source src;
    src.id = m_source;
    src.title = m_options.sourceTitle.empty() ? m_source : m_options.sourceTitle;
    src.path = m_options.sourcePath;
    bool han = false;
    bool latin = false;
    int simplified = 0;
    int traditional = 0;
    const U32View simplifiedOnly = U"国会议发时这们为与进经学数据东资讯报动关应对实现论";
    const U32View traditionalOnly = U"國會議發時這們為與進經學數據東資訊報動關應對實現論";
    for (char32_t c : text) {
        han = han || isHan(c);
        latin = latin || isLatin(c);
        simplified += simplifiedOnly.find(c) != U32View::npos ? 1 : 0;
        traditional += traditionalOnly.find(c) != U32View::npos ? 1 : 0;
    }
    const std::string zh = simplified > traditional ? "zh-Hans" : "zh-Hant";
    src.language = han ? (latin ? zh + ",en" : zh) : "en";
    out.sources.push_back(std::move(src));
    return out;
}

Extraction extractReport(std::string_view text, const std::string &sourceId, const Options &options) {
    const U32 decoded = decodeUtf8(text, sourceId);
    const Lexicon lexicon = loadLexicon(options.dataDirs);
    Extractor extractor(lexicon, options, sourceId);
    return extractor.run(decoded);
}

} // namespace liaison::report
