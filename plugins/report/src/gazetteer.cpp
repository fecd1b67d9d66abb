// Countries (with the reporting country's 我國/本國) and topics, matched from
// the gazetteers. Countries may sit inside an organisation name (日本早稻田大學)
// and are still mentions; topics inside organisation names are not.
#include "extractor.hpp"

namespace liaison::report {

namespace {

const std::vector<U32> &homeWords() {
    static const std::vector<U32> words = {U"我國", U"本國", U"我国", U"本国", U"我方", U"our country"};
    return words;
}

bool startsWith(const U32 &t, std::size_t pos, const U32 &w) { return t.compare(pos, w.size(), w) == 0; }

} // namespace

void Extractor::findCountries(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t length = 0;
        int country = -1;
        if (m_home >= 0) {
            for (const auto &w : homeWords()) {
                if (startsWith(t, i, w)) {
                    length = w.size();
                    country = m_home;
                    break;
                }
            }
        }
        if (length == 0) {
            const auto m = m_lex.countryForms.matchAt(t, i);
            length = m.length;
            country = m.payload;
        }
        if (length == 0) {
            ++i;
            continue;
        }
        bool clash = false;
        for (const auto &m : p.mentions)
            if (m.kind != MentionKind::Date && m.kind != MentionKind::Organisation && i < m.end && m.begin < i + length)
                clash = true;
        // 德國 inside 該國/我國 is impossible, but 中國 inside 中國大陸 is handled by longest match.
        if (!clash) {
            Mention mention;
            mention.kind = MentionKind::Country;
            mention.begin = i;
            mention.end = i + length;
            mention.entity = countryEntity(country);
            addMention(p, mention, 0.9);
        }
        i += length;
    }
}

void Extractor::findTopics(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    for (const auto &[pos, m] : m_lex.topicForms.findAll(t)) {
        if (overlaps(p, pos, pos + m.length)) {
            bool insideEvent = false;
            for (const auto &x : p.mentions)
                if (x.kind == MentionKind::Event && pos >= x.begin && pos + m.length <= x.end)
                    insideEvent = true;
            if (!insideEvent)
                continue;
        }
        const Topic &topic = m_lex.topics[static_cast<std::size_t>(m.payload)];
        const int e = m_graph.entity("topic", topic.en, "en");
        m_graph.name(e, "zh-Hant", topic.zhHant);
        m_graph.name(e, "zh-Hans", topic.zhHans);
        for (const auto &v : topic.variants)
            m_graph.alias(e, v);
        m_graph.alias(e, u8(p, pos, pos + m.length));
        Mention mention;
        mention.kind = MentionKind::Topic;
        mention.begin = pos;
        mention.end = pos + m.length;
        mention.entity = e;
        // A topic inside an event title must not hide the event from the relation rules.
        mention.title = overlaps(p, pos, pos + m.length) ? "nested" : "";
        addMention(p, mention, 0.8);
    }
}

} // namespace liaison::report
