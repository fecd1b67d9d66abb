// English persons named with an office (titles.tsv kinds office, role,
// honorific), in the two shapes of readouts and press releases:
//   before the name, with or without an "of/for/to ..." part between:
//     Administrator Samantha Power, Secretary of State John Kerry,
//     Minister of Foreign Affairs Stanley Kakubo, Representative to Japan
//     Frank Hsieh (謝長廷), Foreign Minister Fabius;
//   after the name and a comma (apposition):
//     Keith Krach, Under Secretary of State for ...; Bi-khim Hsiao,
//     Representative of the Taipei Economic and Cultural Representative Office.
// The mention spans the office and the name, so a country or organisation
// written right before it (Zambia Minister ..., Legislative Yuan President ...)
// is the person's by the affiliation rules. A parenthesised Chinese name right
// after the name is an alias.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

namespace {

bool isApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// A word of a Latin name: letters with inner hyphens or apostrophes (al-Faisal,
// O'Neill, Mei-hua). Returns its end, or `i` when no word starts there.
std::size_t wordEnd(const U32 &t, std::size_t i) {
    std::size_t w = i;
    while (w < t.size() && (isLatin(t[w]) || ((t[w] == U'-' || isApostrophe(t[w])) && w + 1 < t.size() &&
                                              isLatin(t[w + 1]) && w > i)))
        ++w;
    // "Power's": the possessive is not part of the name.
    if (w >= i + 2 && isApostrophe(t[w - 2]) && (t[w - 1] == U's' || t[w - 1] == U'S'))
        w -= 2;
    return w;
}

bool lowerParticle(U32View w) {
    static const U32View particles[] = {U"al", U"el", U"bin", U"binti", U"da", U"de", U"del", U"della", U"di",
                                        U"dos", U"du", U"la", U"le", U"van", U"von", U"der", U"den", U"ibn"};
    return std::find(std::begin(particles), std::end(particles), w) != std::end(particles);
}

// Honorifics that are offices too (Minister X, Ambassador X, Senator X).
bool isOfficeHonorific(const std::string &canonical) {
    return canonical == "Minister" || canonical == "Ambassador" || canonical == "Senator" ||
           canonical == "Deputy Minister" || canonical == "Vice Minister" || canonical == "Hon." ||
           canonical == "Amb.";
}

bool calendarWord(U32View w) {
    static const U32View words[] = {U"january", U"february", U"march",  U"april",   U"may",     U"june",
                                    U"july",    U"august",   U"september", U"october", U"november", U"december",
                                    U"monday",  U"tuesday",  U"wednesday", U"thursday", U"friday",  U"saturday",
                                    U"sunday",  U"today",    U"the",      U"and",     U"on",      U"in",
                                    U"at",      U"during",   U"while",    U"after",   U"before",  U"with"};
    const U32 lower = asciiLower(w);
    return std::find(std::begin(words), std::end(words), lower) != std::end(words);
}

// Capitalised words of an office's domain, never a person's name
// (Assistant Secretary for Policy and International Affairs).
bool domainWord(U32View w) {
    static const U32View words[] = {
        U"affairs",  U"policy",      U"international", U"economic", U"foreign",    U"development", U"energy",
        U"state",    U"trade",       U"defense",       U"defence",  U"security",   U"health",      U"justice",
        U"commerce", U"growth",      U"environment",   U"agriculture", U"education", U"finance",   U"interior",
        U"labor",    U"labour",      U"transportation", U"treasury", U"homeland",  U"relations",   U"cooperation",
        U"government", U"management", U"public",       U"national", U"global",     U"strategy",    U"planning",
        U"technology", U"science",   U"culture",       U"tourism",  U"industry",   U"resources",   U"services",
        U"operations", U"administration", U"diplomacy", U"asia",    U"africa",     U"europe",      U"pacific",
        U"americas", U"east",        U"west",          U"north",    U"south",      U"portfolio"};
    const U32 lower = asciiLower(w);
    return std::find(std::begin(words), std::end(words), lower) != std::end(words);
}

} // namespace

Extractor::LatinNameSpan Extractor::readLatinName(const ParagraphState &p, std::size_t pos) const {
    const U32 &t = p.paragraph.text;
    LatinNameSpan n;
    std::size_t i = skipSpaces(t, pos);
    n.begin = i;
    n.end = i;
    while (i < t.size() && n.words < 4) {
        // A quoted nickname between given and family name: Chern-chyi "CC" Chen.
        if (t[i] == U'"' && n.words > 0) {
            const std::size_t close = t.find(U'"', i + 1);
            if (close == U32::npos || close - i > 12)
                break;
            i = skipSpaces(t, close + 1);
            continue;
        }
        const std::size_t w = wordEnd(t, i);
        if (w == i)
            break;
        const U32View word = U32View(t).substr(i, w - i);
        const bool upper = isUpper(word[0]);
        // Particles: al-Faisal, da Costa (lower case, only inside or before a capitalised word).
        if (!upper) {
            const std::size_t dash = word.find(U'-');
            const bool dashed = dash != U32View::npos && dash + 1 < word.size() && isUpper(word[dash + 1]) &&
                                lowerParticle(word.substr(0, dash));
            if (!dashed && !(lowerParticle(word) && n.words > 0))
                break;
            if (dashed) {
                n.end = w;
                ++n.words;
                i = skipSpaces(t, w);
                continue;
            }
            const std::size_t next = skipSpaces(t, w);
            if (next >= t.size() || !isUpper(t[next]))
                break;
            i = next;
            continue;
        }
        // An initial: C. / J.P.
        if (word.size() == 1 || (word.size() <= 2 && w < t.size() && t[w] == U'.' &&
                                 std::all_of(word.begin(), word.end(), isUpper))) {
            if (n.words == 0 && word.size() == 1 && (w >= t.size() || t[w] != U'.'))
                break;
            std::size_t k = w;
            if (k < t.size() && t[k] == U'.')
                ++k;
            n.end = k;
            i = skipSpaces(t, k);
            continue;
        }
        if (std::all_of(word.begin(), word.end(), isUpper) || calendarWord(word) || stopsLatinName(t, i, w))
            break;
        n.end = w;
        ++n.words;
        // A suffix: ", Jr."
        if (w + 5 <= t.size() && t.compare(w, 5, U", Jr.") == 0) {
            n.end = w + 5;
            break;
        }
        if (w < t.size() && !isSpace(t[w]))
            break;
        i = skipSpaces(t, w);
    }
    return n;
}

bool Extractor::stopsLatinName(const U32 &t, std::size_t b, std::size_t e) const {
    const auto title = m_lex.enTitles.matchAt(t, b);
    if (title.length > 0)
        return true;
    if (m_lex.enOrgHeads.count(asciiLower(t.substr(b, e - b))) > 0)
        return true;
    if (m_lex.countryForms.matchAt(t, b).length >= e - b)
        return true;
    return false;
}

void Extractor::addTitledPerson(ParagraphState &p, std::size_t mentionBegin, std::size_t mentionEnd,
                                const LatinNameSpan &name, const std::string &title, double confidence) {
    const U32 &t = p.paragraph.text;
    const std::string display = u8(p, name.begin, name.end);
    const int ent = m_graph.entity("person", display, "en");
    std::vector<std::string> tokens;
    std::vector<bool> initials;
    for (std::size_t i = name.begin; i < name.end;) {
        const std::size_t w = wordEnd(t, i);
        if (w == i) {
            ++i;
            continue;
        }
        const U32 word = asciiLower(U32View(t).substr(i, w - i));
        const bool initial = w - i == 1;
        if (!lowerParticle(word) && word != U"jr") {
            tokens.push_back(toUtf8(initial ? word : word));
            initials.push_back(initial);
        }
        i = w;
    }
    m_graph.personTokens(ent, tokens, initials);
    if (!title.empty()) {
        m_graph.attribute(ent, "title", title);
        m_graph.alias(ent, title + " " + display);
    }
    // A Chinese name in parentheses right after: Frank Hsieh (謝長廷).
    if (const auto group = groupAfter(t, name.end)) {
        const U32View inner = U32View(t).substr(group->first, group->second - group->first);
        if (!inner.empty() && inner.size() <= 5 && std::all_of(inner.begin(), inner.end(), isHan)) {
            m_graph.alias(ent, toUtf8(inner));
            p.consumed.emplace_back(group->first, group->second);
        }
    }
    addPersonMention(p, mentionBegin, std::max(mentionEnd, name.end), ent, title, confidence);
}

// An acronym written right before an office is the body the person holds it
// in: "USAID Administrator Samantha Power", "TECRO Representative ...".
void Extractor::addAcronymEmployer(ParagraphState &p, std::size_t officeBegin) {
    const U32 &t = p.paragraph.text;
    std::size_t e = officeBegin;
    while (e > 0 && isSpace(t[e - 1]))
        --e;
    std::size_t b = e;
    while (b > 0 && isUpper(t[b - 1]))
        --b;
    if (e - b < 3 || e - b > 6 || e == officeBegin || (b > 0 && (isLatin(t[b - 1]) || t[b - 1] == U'.')) ||
        overlaps(p, b, e) || m_lex.countryForms.matchAt(t, b).length > 0)
        return;
    const int org = m_graph.entity("organisation", u8(p, b, e), "en");
    m_knownOrgForms.emplace_back(t.substr(b, e - b), org);
    Mention m;
    m.kind = MentionKind::Organisation;
    m.begin = b;
    m.end = e;
    m.entity = org;
    addMention(p, m, 0.6);
}

// Office + name: the name is what follows the office and its "of/for/to ..."
// part. When such a part is there, the name is the last one or two words of
// the capitalised run (Secretary of State John Kerry -> John Kerry).
void Extractor::findOfficeThenName(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isUpper(t[i]) || (i > 0 && isLatin(t[i - 1])))
            continue;
        const auto office = m_lex.enTitles.matchAt(t, i);
        if (office.length == 0)
            continue;
        const Title &title = m_lex.titles[static_cast<std::size_t>(office.payload)];
        // Courtesy honorifics (Prof., Dr., Mr. ...) are findPersons' (with their affiliation rules).
        if (title.kind == "honorific" && !isOfficeHonorific(title.canonical))
            continue;
        // Acronym roles (CIO, CEO) name a programme or body as often as a person: "CIO Studies".
        if (std::all_of(t.begin() + static_cast<std::ptrdiff_t>(i), t.begin() + static_cast<std::ptrdiff_t>(i + office.length),
                        [](char32_t c) { return isUpper(c) || isSpace(c); }))
            continue;
        std::size_t k = i + office.length;
        if (k < t.size() && t[k] == U'.')
            ++k;
        // Offices written together: Deputy Economic Minister, Acting Spokesperson.
        for (int more = 0; more < 2; ++more) {
            const std::size_t n = skipSpaces(t, k);
            const auto next = m_lex.enTitles.matchAt(t, n);
            if (next.length == 0 || !isUpper(t[n]))
                break;
            k = n + next.length;
        }
        std::size_t nameFrom = skipSpaces(t, k);
        bool ofPart = false;
        for (const U32View connector : {U32View(U"of "), U32View(U"for "), U32View(U"to "), U32View(U"without ")}) {
            if (t.compare(nameFrom, connector.size(), connector) == 0) {
                ofPart = true;
                nameFrom += connector.size();
            }
        }
        if (ofPart) {
            // Skip the office's domain: capitalised words, "and", "&", "the", commas inside it.
            std::vector<std::size_t> starts;
            std::size_t j = skipSpaces(t, nameFrom);
            while (j < t.size()) {
                const std::size_t w = wordEnd(t, j);
                if (w == j) {
                    if (t[j] == U'&') {
                        j = skipSpaces(t, j + 1);
                        continue;
                    }
                    break;
                }
                const U32View word = U32View(t).substr(j, w - j);
                const bool lowerOk = word == U"and" || word == U"the" || word == U"for" || word == U"of" ||
                                     (starts.empty() && nameFrom >= 8 && t.compare(nameFrom - 8, 8, U"without ") == 0);
                if (!isUpper(word[0]) && !lowerOk)
                    break;
                if (isUpper(word[0]) && m_lex.enTitles.matchAt(t, j).length > 0)
                    break; // the next office: "... John Kerry and Foreign Minister Sergey Lavrov"
                if (!isUpper(word[0]) && starts.empty() && lowerOk && word != U"the") {
                    j = skipSpaces(t, w);
                    continue;
                }
                if (isUpper(word[0]))
                    starts.push_back(j);
                if (w < t.size() && !isSpace(t[w]))
                    break;
                j = skipSpaces(t, w);
            }
            // The last word(s) of the run are the name, when they read as one.
            if (starts.empty())
                continue;
            auto notName = [&](std::size_t at) {
                const std::size_t e = wordEnd(t, at);
                return domainWord(U32View(t).substr(at, e - at)) || stopsLatinName(t, at, e);
            };
            if (notName(starts.back()))
                continue;
            const std::size_t take = starts.size() >= 2 && !notName(starts[starts.size() - 2]) ? 2 : 1;
            if (take == 1 && starts.size() < 2)
                continue;
            nameFrom = starts[starts.size() - take];
            // "Keith Krach, Under Secretary of State for Economic Growth, ...": an
            // office after a name and a comma is an apposition, not before a name.
            std::size_t before = i;
            while (before > 0 && isSpace(t[before - 1]))
                --before;
            if (before >= 4 && t.compare(before - 4, 4, U"the ") == 0)
                before -= 4;
            while (before > 0 && isSpace(t[before - 1]))
                --before;
            if (before > 0 && t[before - 1] == U',')
                continue;
        }
        const LatinNameSpan name = readLatinName(p, nameFrom);
        if (name.words == 0 || overlaps(p, name.begin, name.end))
            continue;
        // A bare office word before one capitalised word is often not a name
        // ("President Obama" is; "Secretary General" is not): one-word names
        // need the word to end the run.
        if (name.words == 1 && ofPart && name.end < t.size() && isLatin(t[name.end]))
            continue;
        std::size_t begin = i;
        if (overlaps(p, begin, name.end))
            begin = name.begin;
        addAcronymEmployer(p, i);
        addTitledPerson(p, begin, name.end, name, title.canonical, ofPart ? 0.7 : 0.8);
        i = name.end;
    }
}

// Name, (the) Office ...: two or more name words right before the comma.
void Extractor::findNameThenOffice(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i] != U',' || !isSpace(t[i + 1]))
            continue;
        std::size_t o = skipSpaces(t, i + 1);
        if (t.compare(o, 4, U"the ") == 0)
            o = skipSpaces(t, o + 4);
        if (o >= t.size() || !isUpper(t[o]))
            continue;
        const auto office = m_lex.enTitles.matchAt(t, o);
        if (office.length == 0)
            continue;
        const Title &title = m_lex.titles[static_cast<std::size_t>(office.payload)];
        if (title.kind == "honorific" && title.canonical != "Ambassador" && title.canonical != "Minister")
            continue;
        // Walk back over the name: up to four capitalised words or particles.
        std::size_t b = i;
        int words = 0;
        while (b > 0 && words < 4) {
            std::size_t e = b;
            while (e > 0 && isSpace(t[e - 1]))
                --e;
            // A word ending a sentence ("Environment. Bi-khim Hsiao, ...") is not part of the name.
            if (e > 2 && t[e - 1] == U'.' && isLatin(t[e - 2]) && isLatin(t[e - 3]))
                break;
            std::size_t w = e;
            while (w > 0 && (isLatin(t[w - 1]) || t[w - 1] == U'-' || t[w - 1] == U'.' || isApostrophe(t[w - 1])))
                --w;
            if (w == e || !(isUpper(t[w]) || lowerParticle(asciiLower(U32View(t).substr(w, e - w)))))
                break;
            b = w;
            ++words;
            if (w == 0 || !isSpace(t[w - 1]))
                break;
        }
        if (words < 2)
            continue;
        const LatinNameSpan name = readLatinName(p, b);
        if (name.words < 2 || name.end != i || overlaps(p, name.begin, name.end))
            continue;
        addTitledPerson(p, name.begin, name.end, name, title.canonical, 0.75);
    }
}

} // namespace liaison::report
