// The extraction pipeline over one document. Mentions are found in passes
// (dates, organisations, countries; names known from earlier passes; events
// with their section scope; persons; topics) and relations are then drawn
// sentence by sentence from trigger patterns. One Extractor per document.
#pragma once

#include "graph_builder.hpp"
#include "lexicon.hpp"
#include "text.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace liaison::report {

enum class MentionKind { Person, Organisation, Event, Country, Topic, Date, Programme };

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

// The part of the sentence [begin, end) of `t` quoted for a fact at `pos`.
std::pair<std::size_t, std::size_t> quoteWindow(const U32 &t, std::size_t begin, std::size_t end, std::size_t pos);

// An organisation's weak head that is also the first character of its head's
// title before a name: 外交部長林佳龍, 行政院長蘇貞昌 (部 + 長, 院 + 長). `headE`
// is the end of the head; a surname must follow the 長.
bool headsTitleBeforeName(const U32 &t, std::size_t headE, const std::set<U32> &surnames);

// A members trigger at `pos` that names the members of a delegation (訪問團成員,
// 代表團成員, "the delegation members"): they are members of the trip, not of
// the organisation named next to them.
bool delegationMembers(const U32 &t, std::size_t pos);

// A labelled paragraph listing who took part (出席人員:, 與會人員:, Attendees:, Participants:).
bool attendeeListParagraph(const U32 &t);
// The first year written alone as four digits (1900-2099) in `t` ("the 2016 National Day
// celebrations"), else 0: the year of a document whose dates leave it out ("on October 10").
int yearWritten(const U32 &t);

// A date written relative to `reference` (YYYY-MM-DD) in [begin, end) of `t`: yesterday, last Monday,
// 昨日, 昨(27)日, 前天, 上週一, 本週三, tomorrow. `found` when the span has such a phrase; `date` is then
// the day it names, or empty when it names none (recently, last week, 日前, 近日, a bare weekday other
// than the reference's, any phrase without a reference).
struct RelativeDate {
    bool found = false;
    std::string date;
};
RelativeDate relativeDate(const U32 &t, std::size_t begin, std::size_t end, const std::string &reference);

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
    bool insideDate(const ParagraphState &p, std::size_t pos) const; // a date mention covers `pos`
    const Mention *mentionAt(const ParagraphState &p, std::size_t b, std::size_t e, MentionKind kind) const;
    void addMention(ParagraphState &p, Mention m, double confidence);
    // A person mention of entity `e` over [b, e) with the title written there.
    void addPersonMention(ParagraphState &p, std::size_t b, std::size_t e, int entity, const std::string &title,
                          double confidence);
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
    // A Chinese title (院長, 副總統, 秘書長) ends at `j` of `t`.
    bool titleEndsAt(const U32 &t, std::size_t j) const;
    void findEnglishOrganisations(ParagraphState &p);
    // Organisations of organisations.tsv (聯合國, WHO, USAID, 國發會) not already found by a head word.
    void findKnownOrganisations(ParagraphState &p);
    std::map<int, int> m_knownOrganisation; // index in m_lex.organisations -> entity
    // Government bodies named with a foreign country (史瓦濟蘭王國內政部): their bare name
    // (內政部) -> entity within the current paragraph, and entity -> country index.
    std::map<U32, int> m_paragraphBodies;
    std::map<int, int> m_bodyCountry;
    // A mention over [b, e) of the body of this paragraph named `bare`; its entity, or -1 if none.
    int paragraphBodyMention(ParagraphState &p, const U32 &bare, std::size_t b, std::size_t e);
    void findKnownNames(ParagraphState &p);
    void findEvents(ParagraphState &p);
    void findPersons(ParagraphState &p);
    void buildKnownPersons();
    void findKnownPersons(ParagraphState &p);
    void findTopics(ParagraphState &p);
    void findProgrammes(ParagraphState &p);
    void addProgramme(ParagraphState &p, std::size_t b, std::size_t e, double confidence);
    void findRelations(ParagraphState &p);

    // --- relations drawn from sentence patterns (relations.cpp), one function per rule family
    struct SentenceFacts {
        const Sentence &sentence;
        std::vector<const Mention *> mentions; // the sentence's mentions, in text order
        const std::vector<int> &clause;        // clause number of every character of the paragraph
        int sentenceEvent = -1;                // the first event named in the sentence
        int targetEvent = -1;                  // that event, else the event of the section
    };
    // The event the document is about: the first briefing (Briefing, Press Conference, 說明會,
    // 記者會), else (unless `briefingOnly`) the first event named by a head word; -1 if none.
    int documentEvent(bool briefingOnly) const;
    void relateLabelledRoles(ParagraphState &p); // 主持人: P, Moderator: P, 出席者: P
    void relateSpeakerTurn(ParagraphState &p);   // "TITLE NAME: …" in a briefing's transcript
    // "ASSISTANT SECRETARY SANDALOW:": the one person of the document named with that last word, or -1.
    int upperCaseSpeaker(const U32 &t) const;
    void relateEventDates(ParagraphState &p, const SentenceFacts &f, bool timeLabel);
    void relateAffiliations(ParagraphState &p, const SentenceFacts &f);
    void affiliationBefore(ParagraphState &p, const SentenceFacts &f, std::size_t k); // ORG title PERSON
    void representsAfter(ParagraphState &p, const SentenceFacts &f, std::size_t k);   // 我國由 P 代表
    void affiliationInGroup(ParagraphState &p, const SentenceFacts &f, std::size_t k); // P (Title, ORG)
    void affiliationAfter(ParagraphState &p, const SentenceFacts &f, std::size_t k);   // P, Director of ORG
    void countryAcrossZhList(ParagraphState &p, const SentenceFacts &f, std::size_t k); // 帛琉副總統 A 及國務部長 B
    void relateParticipation(ParagraphState &p, const SentenceFacts &f, bool attendeeList);
    void relateDiscussedTopics(ParagraphState &p, const SentenceFacts &f);
    void relateProgrammeOrganisers(ParagraphState &p, const SentenceFacts &f);
    void relateSignedMou(ParagraphState &p, const SentenceFacts &f);
    void relateElectedMembers(ParagraphState &p, const SentenceFacts &f);
    bool memberListGap(const ParagraphState &p, const SentenceFacts &f, std::size_t b, std::size_t e, bool first) const;
    void relateMemberCountries(ParagraphState &p, const SentenceFacts &f);
    void relateHeldInAndHosted(ParagraphState &p, const SentenceFacts &f);

    // --- persons named with an office (persons_titled.cpp)
    struct LatinNameSpan {
        std::size_t begin = 0;
        std::size_t end = 0;
        int words = 0; // full words (initials and particles not counted)
    };
    LatinNameSpan readLatinName(const ParagraphState &p, std::size_t pos) const;
    bool stopsLatinName(const U32 &t, std::size_t b, std::size_t e) const;
    void addTitledPerson(ParagraphState &p, std::size_t mentionBegin, std::size_t mentionEnd,
                         const LatinNameSpan &name, const std::string &title, double confidence);
    void findOfficeThenName(ParagraphState &p);
    void addAcronymEmployer(ParagraphState &p, std::size_t officeBegin);
    void findNameThenOffice(ParagraphState &p);

    // --- Chinese transliterated names and title anaphora (persons_foreign_zh.cpp)
    std::size_t zhTitleEndingAt(const U32 &t, std::size_t end) const;
    bool nameBoundaryBefore(const U32 &t, std::size_t b) const;
    void addForeignZhPerson(ParagraphState &p, std::size_t b, std::size_t e, const U32 &name,
                            const std::string &latin, const std::string &title, double confidence);
    void findTransliteratedPersons(ParagraphState &p);
    void findTitleAnaphora(ParagraphState &p);

    // --- meetings and visits with their dates (meetings.cpp)
    using RelateFn = std::function<void(const char *kind, int from, int to, std::size_t at, double confidence)>;
    std::size_t triggerLength(const U32 &t, std::size_t pos, const std::string &relation) const;
    std::string sentenceDate(const ParagraphState &p, const Sentence &s);
    // The full date written in the sentence itself (its first date mention), else empty.
    std::string ownDate(const ParagraphState &p, const Sentence &s) const;
    // The own date of the first later sentence of the paragraph that has one, else empty.
    std::string laterOwnDate(const ParagraphState &p, const Sentence &s) const;
    int subjectBefore(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                      std::size_t pos) const;
    bool firstPersonPronoun(const U32 &t, std::size_t b, std::size_t e) const;
    // The subject of a meeting at `pos`: subjectBefore, but the person the text is about only when
    // this paragraph names them before `pos` or a pronoun points back to them; else -1.
    int meetingSubject(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                       std::size_t pos) const;
    void findMeetings(ParagraphState &p);
    std::vector<int> homeVisitors(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                                  std::size_t at, std::size_t length) const;
    // --- participation in events and delegations (participation.cpp)
    // The person before `pos` with those enumerated with or accompanying them; with
    // `pronounSubject`, the person the sentence speaks of when none is written.
    std::vector<int> subjectsBefore(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                                    std::size_t pos, bool pronounSubject) const;
    void findParticipation(ParagraphState &p);
    // "X met Y, accompanied by A and B" / 由 A 陪同: the companions met X's partners too.
    void meetingCompanions(ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons);
    int m_tripEvent = -1; // the first trip of the document (「聖宏專案」, 以「X」為名)
    // Events named by a head word get the date of their sentence, else the one they sit under.
    void dateNamedEvents();
    void meetingAt(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                   std::size_t at, std::size_t length, const RelateFn &relate);
    // An attendee list of a visit or meeting: the persons of different sides met.
    void attendeeListMeetings(const ParagraphState &p);
    void withMeetings(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
                      const RelateFn &relate);
    // --- where the meetings of a paragraph take place (locations.cpp)
    // The country (index in m_lex.countries) named as a place at `pos` (a country, or a city of cities.tsv), or -1;
    // `length` gets the characters it covers.
    int placeAt(const ParagraphState &p, std::size_t pos, std::size_t *length = nullptr) const;
    // "In Zambia, …", "While in Paris", "在北京，…", "於東京": the country a sentence says it takes place in, or -1.
    int sentenceLocation(const ParagraphState &p, const Sentence &s) const;
    int clauseLocation(const ParagraphState &p, std::size_t clauseBegin) const; // the same at one clause start
    // A titled person met where the paragraph takes place (a visit, "In X,") with no
    // affiliation of their own represents that country (President Kenyatta in Nairobi).
    // The entity of country index `place`, with the sentence at `at` as its evidence (a city names it).
    int placeEntity(const ParagraphState &p, int place, std::size_t at);
    // The places (country indexes) of the clause from `from` on: "Nairobi, Kenya", "A, B and C", "A、B及C".
    std::vector<int> placesAfter(const ParagraphState &p, const Sentence &s, std::size_t from) const;
    // "A and B met in Geneva, Switzerland": the first of them visited the place, where the paragraph now is.
    void metIn(const ParagraphState &p, const Sentence &s, const std::vector<const Mention *> &persons,
               std::size_t after, const RelateFn &relate);
    void noteHostCandidate(const ParagraphState &p, int person, std::size_t at);
    void representHostCountries();
    struct HostCandidate {
        int person;
        int country; // index in m_lex.countries
        int line;
        std::string quote;
    };
    std::vector<HostCandidate> m_hostCandidates;
    int m_location = -1; // country (index in m_lex.countries) where the current paragraph's meetings take place
    int m_protagonist = -1;      // the person the text is about (he / she / the Secretary)
    int m_speaker = -1;          // the person of a "NAME TITLE:" paragraph (我 / I)
    int m_firstPerson = -1;      // the first person of the document
    std::string m_dateContext;   // the latest full date written so far
    std::string m_documentDate;  // the first full date of the document (today / 今日)
    int m_docYear = 0;           // the first year written in the document

    // --- scope of sections (events.cpp)
    void updateScope(ParagraphState &p);
    void findPanels(ParagraphState &p);

    // --- events named by their head word (events_named.cpp)
    void findEnglishNamedEvents(ParagraphState &p);
    void findChineseNamedEvents(ParagraphState &p);
    void findTripNames(ParagraphState &p);
    // 「TITLE」研討會 / 「…會議」: an event named by a quoted title and its head over [headB, headE).
    bool quotedEventTitle(ParagraphState &p, std::size_t headB, std::size_t headE);
    // The event keyed `key` + name, with a mention over [b, e).
    int addNamedEvent(ParagraphState &p, std::size_t b, std::size_t e, const std::string &key, const std::string &name,
                      int type, const std::string &language, double confidence);
    void addEventMention(ParagraphState &p, std::size_t b, std::size_t e, int event, int type, double confidence);
    // A named event of the document whose name ends with `name` or is the end of it, or -1.
    int sameNamedEvent(std::string_view name) const;
    std::vector<int> m_namedEvents; // events named by a head word, in order of first mention
    // Forums, sessions and panels on the day of the document's first summit or conference are part_of it.
    void relateSubEvents();

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
    // Matchers over m_knownOrgForms, rebuilt only when forms were added (a
    // matcher per paragraph made long reports quadratic).
    struct CachedMatcher {
        FormMatcher matcher;
        std::size_t builtFrom = static_cast<std::size_t>(-1);
    };
    CachedMatcher m_orgAcronyms;  // every known organisation form
    CachedMatcher m_orgNames;     // the forms long enough to be found bare
    const FormMatcher &knownOrgMatcher(CachedMatcher &cache, bool bareOnly);
    FormMatcher m_knownPersons;   // full person names, built once after findPersons
    std::map<int, std::string> m_eventYear;
    std::vector<int> m_orgOrder; // organisations in order of mention (for 該中心)
    std::map<std::string, int> m_eventByKey; // organiser#ordinal, conference#s#N, visit#org
    std::vector<int> m_conferences;          // in order of first mention
    int eventFor(const std::string &key, const std::string &name, int type, const std::string &language);
};

} // namespace liaison::report
