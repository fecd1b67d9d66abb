// Persons taking part in events, from the verb written right before the
// event's name ("Administrator Power attended the U.S.-Africa Leaders Summit",
// "she hosted the ... Forum", 出席本年國慶慶祝活動, 擔任我國國慶大典主賓), and
// delegations with their members ("the delegation was led by P", "accompanied
// by A and B", 訪問團成員包括 A、B, P 率團, 偕同): they attended the event of
// the sentence, else the latest one of the paragraph, else the trip of the
// document. The subject of a verb is the person before it, with the persons
// enumerated with or accompanying that one (A、B 及 C 參加, P 偕 Q 出席).
#include "extractor.hpp"

#include <algorithm>
#include <map>

namespace liaison::report {

namespace {

// Words allowed between a participation verb and the event's name.
bool fillerBeforeEvent(const U32 &word) {
    static const std::vector<U32> words = {U"the", U"a", U"an", U"first", U"first-ever", U"annual", U"then",
                                           U"also", U"our", U"我國", U"我国", U"本年", U"今年", U"本屆", U"本届",
                                           U"與", U"与", U"和", U"及", U"了"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

// An ordinal or the possessive of a common noun before an event's name: "the world’s
// first …", "this year’s …", "the second …". A capitalised possessive (Taiwan’s) is a
// name, not a filler.
bool qualifierBeforeEvent(const U32 &word) {
    static const std::vector<U32> ordinals = {U"second", U"third", U"fourth", U"fifth", U"inaugural",
                                              U"upcoming", U"next", U"this"};
    if (std::find(ordinals.begin(), ordinals.end(), word) != ordinals.end())
        return true;
    const std::size_t n = word.size();
    return n >= 4 && isLatin(word[0]) && !isUpper(word[0]) && word[n - 1] == U's' &&
           (word[n - 2] == U'’' || word[n - 2] == U'\'');
}

// Characters between two persons of one enumeration (A、B 及 C; A, B and C): a
// separator, and besides it only titles (already cut out by the caller),
// capitalised words of a title (Economic Minister) and at most two Han characters (都).
bool enumerationGap(U32View gap) {
    bool separator = false;
    int han = 0;
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const char32_t c = gap[i];
        if (U32View(U"、,，及和與与").find(c) != U32View::npos) {
            separator = true;
        } else if (isHan(c)) {
            ++han;
        } else if (isLatin(c) && (i == 0 || !isLatin(gap[i - 1]))) {
            std::size_t e = i;
            while (e < gap.size() && isLatin(gap[e]))
                ++e;
            const U32View word = gap.substr(i, e - i);
            if (word == U"and")
                separator = true;
            else if (!isUpper(word[0]))
                return false;
            i = e - 1;
        }
    }
    return separator && han <= 2;
}

bool companionGap(U32View gap) {
    for (const U32View w : {U32View(U"偕"), U32View(U"陪同"), U32View(U"accompanied by"), U32View(U"together with"),
                            U32View(U"along with")})
        if (gap.find(w) != U32View::npos)
            return true;
    return false;
}

} // namespace

std::vector<int> Extractor::subjectsBefore(const ParagraphState &p, const Sentence &s,
                                           const std::vector<const Mention *> &persons, std::size_t pos,
                                           bool pronounSubject) const {
    const U32 &t = p.paragraph.text;
    std::vector<int> out;
    std::size_t k = 0;
    while (k < persons.size() && persons[k]->end <= pos)
        ++k;
    if (k == 0) {
        const int subject = pronounSubject ? subjectBefore(p, s, persons, pos) : -1;
        if (subject >= 0)
            out.push_back(subject);
        return out;
    }
    out.push_back(persons[k - 1]->entity);
    for (std::size_t j = k - 1; j > 0; --j) {
        // The gap without parenthesised originals: 海妮( Hilda C. Heine)總統, 戴斐立(...)總理.
        // Organisations, countries and titles are cut out of the gap: 、外交部長林佳龍.
        U32 gap;
        int depth = 0;
        for (std::size_t c = persons[j - 1]->end; c < persons[j]->begin; ++c) {
            depth += t[c] == U'(' ? 1 : t[c] == U')' ? -1 : 0;
            const auto named = std::find_if(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
                return (m.kind == MentionKind::Organisation || m.kind == MentionKind::Country) && m.begin <= c &&
                       c < m.end;
            });
            if (named != p.mentions.end()) {
                c = named->end - 1;
                continue;
            }
            if (const auto title = m_lex.zhTitles.matchAt(t, c); title.length > 0) {
                c += title.length - 1;
                continue;
            }
            if (depth == 0 && t[c] != U')')
                gap.push_back(t[c]);
        }
        if (!enumerationGap(gap) && !companionGap(gap))
            break;
        out.push_back(persons[j - 1]->entity);
    }
    return out;
}

void Extractor::findParticipation(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    int paragraphEvent = -1; // the latest event of the paragraph
    for (const auto &s : p.sentences) {
        std::vector<const Mention *> persons;
        std::vector<const Mention *> events;
        for (const auto &m : p.mentions) {
            if (m.begin < s.begin || m.begin >= s.end || insideConsumed(p, m.begin))
                continue;
            if (m.kind == MentionKind::Person)
                persons.push_back(&m);
            else if (m.kind == MentionKind::Event && m.eventType != 3)
                events.push_back(&m);
        }
        auto relate = [&](const char *kind, int person, int event, std::size_t at, double confidence) {
            if (person >= 0 && event >= 0)
                m_graph.relate(kind, person, event, lineAt(p, at), quoteAt(p, at), confidence);
        };
        // 1. A verb right before the event's name.
        for (const Mention *event : events) {
            std::size_t k = event->begin;
            while (k > s.begin) {
                while (k > s.begin && (isSpace(t[k - 1]) || t[k - 1] == U'"' || t[k - 1] == U'“'))
                    --k;
                std::size_t w = k;
                if (w > s.begin && isLatin(t[w - 1])) {
                    while (w > s.begin && (isLatin(t[w - 1]) || t[w - 1] == U'-' || t[w - 1] == U'’' || t[w - 1] == U'\''))
                        --w;
                } else {
                    // A country or organisation inside the gap (臺灣與帛琉…), or one Chinese filler word.
                    const auto inside = std::find_if(p.mentions.begin(), p.mentions.end(), [&](const Mention &m) {
                        return (m.kind == MentionKind::Country || m.kind == MentionKind::Organisation) && m.end == k;
                    });
                    if (inside != p.mentions.end()) {
                        k = inside->begin;
                        continue;
                    }
                    w = k >= 2 && fillerBeforeEvent(t.substr(k - 2, 2)) ? k - 2 : k >= 1 && fillerBeforeEvent(t.substr(k - 1, 1)) ? k - 1 : k;
                }
                const U32 word = asciiLower(U32View(t).substr(w, k - w));
                if (w == k || !(fillerBeforeEvent(word) || qualifierBeforeEvent(U32(U32View(t).substr(w, k - w)))))
                    break;
                k = w;
            }
            const char *kind = nullptr;
            std::size_t verb = U32::npos;
            for (const auto &[trigger, relation] :
                 {std::pair{"attends_event", "attended"}, {"hosts_event", "hosted"}, {"speaks_at_event", "spoke_at"},
                  {"chairs_event", "chaired"}}) {
                const auto it = m_lex.triggers.find(trigger);
                if (it == m_lex.triggers.end())
                    continue;
                // The form that ends where the filler before the event starts.
                for (const auto &form : it->second)
                    if (kind == nullptr && k >= s.begin + form.size() &&
                        asciiLower(U32View(t).substr(k - form.size(), form.size())) == asciiLower(form) &&
                        triggerAt(t, k - form.size(), trigger)) {
                        kind = relation;
                        verb = k - form.size();
                    }
            }
            if (kind == nullptr)
                continue;
            for (const int person : subjectsBefore(p, s, persons, verb, true))
                relate(kind, person, event->entity, event->begin, 0.75);
        }
        // 2. Companions of a meeting met the subject's partners.
        meetingCompanions(p, s, persons);
        // 3. Delegations: members and leaders attended the event of the sentence, else of the paragraph, else the trip.
        const int sentenceEvent = events.empty() ? -1 : events.front()->entity;
        if (!events.empty() && events.back()->eventType != 2)
            paragraphEvent = events.back()->entity;
        for (std::size_t i = s.begin; i < s.end; ++i) {
            std::size_t len = 0;
            if (!triggerAt(t, i, "delegation", &len))
                continue;
            // "was led by", "accompanied by": the persons after the trigger; before it only a
            // person written in the sentence (not the one the text is about).
            const U32View form = U32View(t).substr(i, len);
            const bool leaderAfter = form.size() >= 3 && form.substr(form.size() - 3) == U" by";
            const int target = sentenceEvent >= 0 ? sentenceEvent : paragraphEvent >= 0 ? paragraphEvent : m_tripEvent;
            // The leader before the trigger (P 率團, P led a delegation), the members after it.
            for (const int person : subjectsBefore(p, s, persons, i, !leaderAfter))
                relate("attended", person, target, i, 0.65);
            for (const Mention *m : persons)
                if (m->begin >= i + len)
                    relate("attended", m->entity, target, m->begin, 0.7);
            break;
        }
    }
}

void Extractor::meetingCompanions(ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons) {
    const U32 &t = p.paragraph.text;
    std::size_t met = U32::npos;
    std::size_t companion = U32::npos;
    std::size_t companionLength = 0;
    for (std::size_t i = s.begin; i < s.end; ++i) {
        std::size_t len = 0;
        if (met == U32::npos && (triggerAt(t, i, "met", &len) || triggerAt(t, i, "met_with", &len)))
            met = i;
        if (companion == U32::npos && triggerAt(t, i, "companions", &len)) {
            companion = i;
            companionLength = len;
        }
    }
    if (met == U32::npos || companion == U32::npos || companion < met)
        return;
    // English: the persons after "accompanied by"; Chinese: those between the last 由/,
    // and 陪同.
    std::vector<int> companions;
    const bool latin = isLatin(t[companion]);
    std::size_t from = companion;
    if (!latin)
        while (from > met && t[from - 1] != U'由' && t[from - 1] != U',' && t[from - 1] != U'，')
            --from;
    for (const Mention *m : persons)
        if (latin ? m->begin >= companion + companionLength : (m->begin >= from && m->end <= companion))
            companions.push_back(m->entity);
    if (companions.empty())
        return;
    const std::vector<int> subjects = subjectsBefore(p, s, persons, met, true);
    std::map<std::string, std::string> attrs;
    if (const std::string date = sentenceDate(p, s); !date.empty())
        attrs["date"] = date;
    for (const Mention *partner : persons) {
        if (partner->begin < met || std::find(companions.begin(), companions.end(), partner->entity) != companions.end() ||
            std::find(subjects.begin(), subjects.end(), partner->entity) != subjects.end())
            continue;
        for (const int c : companions)
            if (c != partner->entity)
                m_graph.relate("met", c, partner->entity, lineAt(p, companion), quoteAt(p, companion), 0.65, attrs);
    }
}

} // namespace liaison::report
