// Where the meetings of a paragraph take place, and who represents that place.
//   place:    a country mention, or a city of cities.tsv (Nairobi, 北京) standing for its country;
//   location: "In Zambia, …", "While in Paris, …", "在北京，…", "於東京…" at the start of a
//             clause, or the country a visit of the paragraph went to (set in meetings.cpp);
//   host:     a titled person met there who has no organisation or country of their own
//             represents the location (President Kenyatta, met in Nairobi; 习近平主席, met 在北京),
//             never the home country and never a person the text gives an affiliation.
#include "extractor.hpp"

#include <algorithm>

namespace liaison::report {

int Extractor::placeAt(const ParagraphState &p, std::size_t pos, std::size_t *length) const {
    for (const auto &m : p.mentions)
        if (m.kind == MentionKind::Country && m.begin == pos) {
            const std::string *iso = m_graph.at(m.entity).attribute("iso");
            if (length != nullptr)
                *length = m.end - m.begin;
            return iso == nullptr ? -1 : m_lex.countryByCode(*iso);
        }
    const U32 &t = p.paragraph.text;
    const auto city = m_lex.cityForms.matchAt(t, pos);
    if (city.length == 0)
        return -1;
    const std::size_t end = pos + city.length;
    if (isLatin(t[pos]) && ((pos > 0 && isLatin(t[pos - 1])) || (end < t.size() && isLatin(t[end]))))
        return -1;
    if (length != nullptr)
        *length = city.length;
    return city.payload;
}

int Extractor::sentenceLocation(const ParagraphState &p, const Sentence &s) const {
    const U32 &t = p.paragraph.text;
    for (std::size_t c = s.begin; c < s.end; ++c) {
        // At the start of a clause: "In Zambia, the Administrator …", "布林肯国务卿:在首尔,我与 …".
        if (c > s.begin && U32View(U",，:：").find(t[c - 1]) == U32View::npos)
            continue;
        if (const int place = clauseLocation(p, skipSpaces(t, c)); place >= 0)
            return place;
    }
    return -1;
}

int Extractor::clauseLocation(const ParagraphState &p, std::size_t i) const {
    const U32 &t = p.paragraph.text;
    for (const U32View lead : {U32View(U"while in "), U32View(U"in "), U32View(U"在"), U32View(U"於"), U32View(U"于")}) {
        if (i + lead.size() > t.size() || asciiLower(U32View(t).substr(i, lead.size())) != lead)
            continue;
        std::size_t length = 0;
        const int place = placeAt(p, i + lead.size(), &length);
        if (place < 0)
            continue;
        // The place ends its clause ("In Abuja, the Secretary …") or is followed by
        // its country ("In Nairobi, Kenya, …"); in Chinese a comma or the subject may follow.
        const std::size_t after = i + lead.size() + length;
        if (after < t.size() && (t[after] == U',' || t[after] == U'，' || isHan(t[i])))
            return place;
    }
    return -1;
}

int Extractor::placeEntity(const ParagraphState &p, int place, std::size_t at) {
    const int entity = countryEntity(place);
    m_graph.evidence(entity, lineAt(p, at), quoteAt(p, at), 0.6); // a city names its country
    return entity;
}

std::vector<int> Extractor::placesAfter(const ParagraphState &p, const Sentence &s, std::size_t from) const {
    const U32 &t = p.paragraph.text;
    std::vector<int> out;
    std::size_t last = from; // the end of the latest place (or the trigger)
    for (std::size_t k = from; k < s.end && k - last <= 40; ++k) {
        if (t[k] == U'。' || t[k] == U';' || t[k] == U'；')
            break;
        std::size_t length = 0;
        const int place = placeAt(p, k, &length);
        if (place < 0 || (k > 0 && isLatin(t[k]) && isLatin(t[k - 1])))
            continue;
        if (std::find(out.begin(), out.end(), place) == out.end())
            out.push_back(place);
        last = k + length;
        k = last - 1;
    }
    return out;
}

void Extractor::metIn(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                      std::size_t after, const RelateFn &relate) {
    const U32 &t = p.paragraph.text;
    const std::size_t k = skipSpaces(t, after);
    if (k + 3 > t.size() || asciiLower(U32View(t).substr(k, 3)) != U"in ")
        return;
    std::size_t length = 0;
    const int place = placeAt(p, skipSpaces(t, k + 3), &length);
    if (place < 0 || place == m_home)
        return;
    const std::vector<int> places = placesAfter(p, s, k + 3);
    const int subject = !persons.empty() && persons.front()->end <= after ? persons.front()->entity : m_protagonist;
    for (const int visited : places)
        relate("visited", subject, placeEntity(p, visited, after), after, 0.6);
    m_location = places.back();
}

void Extractor::noteHostCandidate(const ParagraphState &p, int person, std::size_t at) {
    if (m_location < 0 || m_location == m_home || person < 0)
        return;
    m_hostCandidates.push_back({person, m_location, lineAt(p, at), quoteAt(p, at)});
}

void Extractor::representHostCountries() {
    for (const auto &c : m_hostCandidates) {
        if (m_graph.at(c.person).attribute("title") == nullptr || m_graph.hasRelation("represents", c.person) ||
            m_graph.hasRelation("works_for", c.person))
            continue;
        const int country = countryEntity(c.country);
        m_graph.evidence(country, c.line, c.quote, 0.55);
        m_graph.relate("represents", c.person, country, c.line, c.quote, 0.55);
    }
}

} // namespace liaison::report
