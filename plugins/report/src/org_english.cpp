// English organisation names around a head word (University, Center,
// Association, Ministry, Bank, ...): capitalised words before it, "of/for/on
// Capitalised ..." after it; an abbreviation in parentheses after the name
// becomes an alias. Also the second pass that finds organisations by names and
// aliases learnt anywhere in the document (IAC, ITMO, RANEPA).
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

struct Token {
    std::size_t begin;
    std::size_t end;
    U32 word;
};

std::vector<Token> latinTokens(const U32 &t) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < t.size();) {
        if (!(isLatin(t[i]) || isDigit(t[i]) || t[i] == U'&')) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && (isLatin(t[j]) || isDigit(t[j]) || t[j] == U'&' ||
                                ((t[j] == U'-' || t[j] == U'\'') && j + 1 < t.size() && isLatin(t[j + 1]))))
            ++j;
        // A plural possessive belongs to the word: "Diet Members' Consultative Council".
        if (j < t.size() && (t[j] == U'\'' || t[j] == U'’') && j > i && t[j - 1] == U's' &&
            (j + 1 >= t.size() || !isLatin(t[j + 1])))
            ++j;
        out.push_back({i, j, t.substr(i, j - i)});
        i = j;
    }
    return out;
}

bool capitalised(const U32 &w) {
    if (w.empty())
        return false;
    if (isUpper(w[0]))
        return true;
    return w.size() > 1 && (w[0] == U'e' || w[0] == U'i') && isUpper(w[1]);
}

bool isAcronym_like(U32View s) {
    if (s.size() < 2 || s.size() > 14)
        return false;
    int upper = 0;
    for (char32_t c : s) {
        if (isUpper(c))
            ++upper;
        else if (!(isDigit(c) || c == U'&' || c == U'-'))
            return false;
    }
    return upper >= 2;
}

bool connector(const U32 &w) {
    static const std::vector<U32> words = {U"of", U"for", U"and", U"&", U"on", U"the", U"de", U"du", U"la", U"in"};
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Only spaces (or a hyphen) between two tokens.
bool adjacent(const U32 &t, const Token &a, const Token &b) {
    for (std::size_t i = a.end; i < b.begin; ++i)
        if (!(isSpace(t[i]) || t[i] == U'-'))
            return false;
    return true;
}

// Heads of the bodies every state has (its Ministry of Foreign Affairs, its Parliament).
bool governmentHead(const U32 &lowerHead) {
    for (const U32View w : {U32View(U"ministry"), U32View(U"department"), U32View(U"government"),
                            U32View(U"parliament"), U32View(U"senate"), U32View(U"embassy"), U32View(U"cabinet")})
        if (lowerHead == w)
            return true;
    return false;
}

} // namespace

void Extractor::findEnglishOrganisations(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    const auto tokens = latinTokens(t);
    auto isHonorific = [&](const U32 &w) {
        const auto m = m_lex.enTitles.matchAt(w, 0);
        return m.length == w.size() && m_lex.titles[static_cast<std::size_t>(m.payload)].kind == "honorific";
    };
    auto isRole = [&](const U32 &w) {
        const auto m = m_lex.enTitles.matchAt(w, 0);
        return m.length == w.size();
    };
    struct Candidate {
        std::size_t first;
        std::size_t last;
        std::size_t head;
    };
    std::vector<Candidate> candidates;
    for (std::size_t h = 0; h < tokens.size(); ++h) {
        const U32 lower = asciiLower(tokens[h].word);
        const auto it = m_lex.enOrgHeads.find(lower);
        const bool bank = tokens[h].word.size() > 5 && isAcronym_like(tokens[h].word) && lower.size() > 4 &&
                          lower.compare(lower.size() - 4, 4, U"bank") == 0;
        if ((it == m_lex.enOrgHeads.end() || !capitalised(tokens[h].word)) && !bank)
            continue;
        if (bank) {
            candidates.push_back({h, h, h});
            continue;
        }
        std::size_t first = h;
        while (first > 0 && adjacent(t, tokens[first - 1], tokens[first])) {
            const U32 &w = tokens[first - 1].word;
            if (capitalised(w) && !isHonorific(w)) {
                --first;
                continue;
            }
            // "the Agency and Victoria University": two organisations, not one.
            const bool twoNames = w == U"and" && first >= 2 && m_lex.enOrgHeads.count(asciiLower(tokens[first - 2].word)) > 0;
            if (connector(w) && w != U"the" && !twoNames && first >= 2 && capitalised(tokens[first - 2].word) &&
                !isRole(tokens[first - 2].word) && adjacent(t, tokens[first - 2], tokens[first - 1])) {
                first -= 2;
                continue;
            }
            break;
        }
        std::size_t last = h;
        while (last + 2 < tokens.size() && adjacent(t, tokens[last], tokens[last + 1]) &&
               connector(tokens[last + 1].word) && tokens[last + 1].word != U"and" &&
               adjacent(t, tokens[last + 1], tokens[last + 2])) {
            std::size_t k = last + 2;
            if (tokens[k].word == U"the" && k + 1 < tokens.size())
                ++k;
            if (!capitalised(tokens[k].word))
                break;
            last = k;
            while (last + 1 < tokens.size() && adjacent(t, tokens[last], tokens[last + 1]) &&
                   ((capitalised(tokens[last + 1].word) && !isRole(tokens[last + 1].word)) ||
                    (tokens[last + 1].word == U"and" && last + 2 < tokens.size() && capitalised(tokens[last + 2].word))))
                ++last;
            // One "of/for" part: "Department of Energy" for Policy and International Affairs.
            break;
        }
        if (first == h && last == h)
            continue;
        // "Civil Society Forum": words before an event head name the event, not an organisation.
        if (last == h && h + 1 < tokens.size() && adjacent(t, tokens[h], tokens[h + 1]) &&
            capitalised(tokens[h + 1].word) && m_lex.enEventHeads.count(asciiLower(tokens[h + 1].word)) > 0)
            continue;
        if (!it->second) {
            const auto cm = m_lex.countryForms.matchAt(t, tokens[first].begin);
            if (cm.length == 0 && h - first < 2)
                continue;
        }
        candidates.push_back({first, last, h});
    }
    // Longest first, no overlaps with each other or with earlier mentions.
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
        return tokens[a.last].end - tokens[a.first].begin > tokens[b.last].end - tokens[b.first].begin;
    });
    for (const auto &c : candidates) {
        std::size_t b = tokens[c.first].begin;
        if (c.first < c.last && tokens[c.first].word == U"The")
            b = tokens[c.first + 1].begin;
        // "Taiwan's Legislative Yuan": a possessive country is where it is, not part of its name.
        const U32 &firstWord = tokens[c.first].word;
        int possessive = -1;
        if (c.first < c.head && firstWord.size() > 2 && firstWord.compare(firstWord.size() - 2, 2, U"'s") == 0) {
            const auto pm = m_lex.countryForms.matchAt(U32View(firstWord).substr(0, firstWord.size() - 2), 0);
            if (pm.length == firstWord.size() - 2) {
                b = tokens[c.first + 1].begin;
                possessive = pm.payload;
            }
        }
        std::size_t e = tokens[c.last].end;
        if (e < t.size() && t[e] == U'.' && asciiLower(tokens[c.last].word) == U"univ")
            ++e;
        if (overlaps(p, b, e) || insideConsumed(p, b))
            continue;
        // A government body of another country ("Zambia's Ministry of Foreign Affairs", "the Zambia
        // Ministry of ...") is that country's: named with it, never merged with ours; named bare
        // later in the paragraph, it is still that body.
        const bool bodyHead = governmentHead(asciiLower(tokens[c.head].word));
        const auto written = m_lex.countryForms.matchAt(t, b);
        const int bodyCountry = !bodyHead ? -1 : possessive >= 0 ? possessive : written.length > 0 ? written.payload : -1;
        const bool foreignBody = bodyCountry >= 0 && bodyCountry != m_home;
        const U32 bare = trim(U32View(t).substr(b + (possessive < 0 && foreignBody ? written.length : 0),
                                                e - b - (possessive < 0 && foreignBody ? written.length : 0)));
        if (bodyHead && bodyCountry < 0 && paragraphBodyMention(p, bare, b, e) >= 0)
            continue;
        const std::string name = foreignBody && possessive >= 0
                                     ? m_lex.countries[static_cast<std::size_t>(possessive)].en + " " + u8(p, b, e)
                                     : u8(p, b, e);
        const int entity = m_graph.entity("organisation", name, "en");
        if (foreignBody) {
            m_paragraphBodies[bare] = entity;
            m_bodyCountry[entity] = bodyCountry;
            if (possessive >= 0)
                m_graph.alias(entity, u8(p, tokens[c.first].begin, e));
        }
        // "Taiwan's Legislative Yuan" is in Taiwan.
        if (possessive >= 0)
            m_graph.relate("located_in", entity, countryEntity(possessive), lineAt(p, b), quoteAt(p, b), 0.6);
        m_knownOrgForms.emplace_back(t.substr(b, e - b), entity);
        Mention m;
        m.kind = MentionKind::Organisation;
        m.begin = b;
        m.end = e;
        m.entity = entity;
        const int line = lineAt(p, b);
        const std::string quote = quoteAt(p, b);
        addMention(p, m, 0.75);
        if (const auto group = groupAfter(t, e)) {
            const U32 inner = trim(U32View(t).substr(group->first, group->second - group->first));
            if (isAcronym_like(inner))
                applyParentheticalAliases(p, entity, group->first, group->second);
        }
        const auto cm = m_lex.countryForms.matchAt(t, b);
        if (cm.length > 0)
            m_graph.relate("located_in", entity, countryEntity(cm.payload), line, quote, 0.6);
    }
}

const FormMatcher &Extractor::knownOrgMatcher(CachedMatcher &cache, bool bareOnly) {
    if (cache.builtFrom == m_knownOrgForms.size())
        return cache.matcher;
    cache.matcher = FormMatcher();
    for (const auto &[form, entity] : m_knownOrgForms) {
        int han = 0;
        for (char32_t c : form)
            han += isHan(c) ? 1 : 0;
        if (bareOnly && ((han > 0 && form.size() < 3) || form.size() < 2))
            continue;
        cache.matcher.add(form, entity);
    }
    cache.builtFrom = m_knownOrgForms.size();
    return cache.matcher;
}

namespace {

// A Latin name written as a name: with a capital letter, not inside an e-mail
// address or a web address (press@usaid.gov, www.who.int).
bool properNameAt(const U32 &t, std::size_t b, std::size_t e) {
    if (!isLatin(t[b]))
        return true;
    if (std::none_of(t.begin() + static_cast<std::ptrdiff_t>(b), t.begin() + static_cast<std::ptrdiff_t>(e), isUpper))
        return false;
    while (b > 0 && !isSpace(t[b - 1]))
        --b;
    while (e < t.size() && !isSpace(t[e]))
        ++e;
    const U32View token = U32View(t).substr(b, e - b);
    return token.find(U'@') == U32View::npos && token.find(U'/') == U32View::npos && token.find(U"www.") == U32View::npos;
}

} // namespace

void Extractor::findKnownOrganisations(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (const auto &[pos, m] : m_lex.organisationForms.findAll(t)) {
        if (overlaps(p, pos, pos + m.length) || insideConsumed(p, pos) || !properNameAt(t, pos, pos + m.length))
            continue;
        const KnownOrganisation &known = m_lex.organisations[static_cast<std::size_t>(m.payload)];
        auto slot = m_knownOrganisation.find(m.payload);
        if (slot == m_knownOrganisation.end()) {
            // One entity per line within the document: an earlier head-word name of the
            // same organisation (國家發展委員會 before 國發會) is that entity.
            int entity = -1;
            for (const auto &form : {known.en, known.zhHant, known.zhHans})
                if (entity < 0 && !form.empty())
                    entity = m_graph.find("organisation", form);
            for (const auto &form : known.variants)
                if (entity < 0)
                    entity = m_graph.find("organisation", form);
            const std::string surface = u8(p, pos, pos + m.length);
            if (entity < 0)
                entity = m_graph.entity("organisation", surface, isHan(t[pos]) ? "zh" : "en");
            m_graph.alias(entity, surface);
            if (!known.en.empty())
                m_graph.name(entity, "en", known.en);
            if (!known.zhHant.empty())
                m_graph.name(entity, "zh-Hant", known.zhHant);
            if (!known.zhHans.empty())
                m_graph.name(entity, "zh-Hans", known.zhHans);
            slot = m_knownOrganisation.emplace(m.payload, entity).first;
        }
        m_graph.alias(slot->second, u8(p, pos, pos + m.length));
        Mention mention;
        mention.kind = MentionKind::Organisation;
        mention.begin = pos;
        mention.end = pos + m.length;
        mention.entity = slot->second;
        addMention(p, mention, 0.7);
    }
}

void Extractor::findKnownNames(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (const auto &[pos, m] : knownOrgMatcher(m_orgNames, true).findAll(t)) {
        if (overlaps(p, pos, pos + m.length) || insideConsumed(p, pos))
            continue;
        Mention mention;
        mention.kind = MentionKind::Organisation;
        mention.begin = pos;
        mention.end = pos + m.length;
        mention.entity = m.payload;
        addMention(p, mention, 0.7);
    }
}

} // namespace liaison::report
