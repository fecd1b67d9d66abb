// The extraction pipeline over one document. Mentions are found in passes
// (dates, organisations, countries; names known from earlier passes; events
// with their section scope; persons; topics) and relations are then drawn
// sentence by sentence from trigger patterns. One Extractor per document.
#pragma once

#include "graph_builder.hpp"
#include "lexicon.hpp"
#include "text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace liaison::report {

enum class MentionKind { Person, Organisation, Event, Country, Topic, Date };

struct Mention {
    MentionKind kind = MentionKind::Topic;
    std::size_t begin = 0;
    std::size_t end = 0;
    int entity = -1;       // GraphBuilder index; -1 for dates
    std::string title;     // person: the title written with this mention
    std::string start;     // date: YYYY[-MM[-DD]]
    std::string finish;    // date: end of a range, or empty
    int eventType = -1;    // event: 0 conference, 1 session, 2 visit
};

struct ParagraphState {
    Paragraph paragraph;
    std::vector<Sentence> sentences;
    std::vector<Mention> mentions; // kept sorted by begin
    std::vector<std::pair<std::size_t, std::size_t>> consumed; // parenthesised aliases already used
    int scopeEvent = -1;      // innermost event whose section holds this paragraph
    int scopeConference = -1; // outermost one
    int year = 0;             // the latest year written at or before this paragraph
};

class Extractor {
public:
    Extractor(const Lexicon &lexicon, const Options &options, std::string sourceId);
    Extraction run(const U32 &text);

private:
    // --- helpers (extractor.cpp)
    int lineAt(const ParagraphState &p, std::size_t pos) const;
    std::string quoteAt(const ParagraphState &p, std::size_t pos) const;
    const Sentence *sentenceAt(const ParagraphState &p, std::size_t pos) const;
    bool overlaps(const ParagraphState &p, std::size_t b, std::size_t e) const;
    bool insideConsumed(const ParagraphState &p, std::size_t pos) const;
    const Mention *mentionAt(const ParagraphState &p, std::size_t b, std::size_t e, MentionKind kind) const;
    void addMention(ParagraphState &p, Mention m, double confidence);
    int countryEntity(int countryIndex);
    std::string u8(const ParagraphState &p, std::size_t b, std::size_t e) const;
    bool triggerAt(const U32 &text, std::size_t pos, const std::string &relation, std::size_t *length = nullptr) const;
    std::size_t findTrigger(const U32 &text, std::size_t from, std::size_t to, const std::string &relation) const;
    // A parenthesised group starting at `pos` (after spaces): its inner span.
    std::optional<std::pair<std::size_t, std::size_t>> groupAfter(const U32 &text, std::size_t pos) const;
    void applyParentheticalAliases(ParagraphState &p, int entity, std::size_t b, std::size_t e);

    // --- finders (one file each)
    void findDates(ParagraphState &p);
    void findCountries(ParagraphState &p);
    void findOrganisations(ParagraphState &p);
    void findEnglishOrganisations(ParagraphState &p);
    void findKnownNames(ParagraphState &p);
    void findEvents(ParagraphState &p);
    void findPersons(ParagraphState &p);
    void findKnownPersons(ParagraphState &p);
    void findTopics(ParagraphState &p);
    void findRelations(ParagraphState &p);

    // --- scope of sections (events.cpp)
    void updateScope(ParagraphState &p);
    void findPanels(ParagraphState &p);

    const Lexicon &m_lex;
    const Options &m_options;
    std::string m_source;
    GraphBuilder m_graph;
    int m_home = -1; // index in m_lex.countries
    std::vector<ParagraphState> m_paragraphs;
    std::vector<int> m_countryEntities;
    // Section scope while walking the document.
    int m_topEvent = -1;
    int m_topLevel = 0;
    int m_session = -1;
    int m_panel = -1;
    int m_sessionLevel = 0;
    int m_lastConference = -1;
    std::map<int, int> m_organiserOf; // conference entity -> organiser entity
    std::map<int, int> m_parentOf;    // organisation entity -> parent organisation
    std::map<int, int> m_eventParent; // session/panel -> the event it is part of
    std::vector<std::pair<U32, int>> m_knownOrgForms; // surface form -> entity
    std::map<int, std::string> m_eventYear;
    std::vector<int> m_orgOrder; // organisations in order of mention (for 該中心)
    std::map<std::string, int> m_eventByKey; // organiser#ordinal, conference#s#N, visit#org
    std::vector<int> m_conferences;          // in order of first mention
    int eventFor(const std::string &key, const std::string &name, int type, const std::string &language);
};

} // namespace liaison::report
