// Gazetteers and rule words of the report extractor, read from the data files
// in plugins/report/data (compiled in) and from user data folders (appended).
// Read-only after construction; safe to share between threads.
#pragma once

#include "text.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace liaison::report {

// Longest-match dictionary of surface forms. Latin forms match on word
// boundaries, case-insensitively when longer than three letters; a space in a
// form matches any run of spaces (or none next to CJK).
class FormMatcher {
public:
    void add(U32View form, int payload);
    struct Match {
        std::size_t length = 0; // characters of the text consumed; 0 = no match
        int payload = -1;
    };
    Match matchAt(U32View text, std::size_t pos) const;
    // Every non-overlapping longest match, left to right.
    std::vector<std::pair<std::size_t, Match>> findAll(U32View text) const;

private:
    std::map<char32_t, std::vector<std::pair<U32, int>>> m_byFirst;
};

struct Country {
    std::string code;
    std::string en;
    std::string zhHant;
    std::string zhHans;
    std::vector<std::string> variants;
};

struct Title {
    U32 form;
    std::string kind; // honorific, role, zh
    std::string canonical;
};

struct Topic {
    std::string id;
    std::string en;
    std::string zhHant;
    std::string zhHans;
    std::vector<std::string> variants;
};

struct Lexicon {
    std::vector<Country> countries;
    FormMatcher countryForms; // payload: index in countries; -2: the home country words
    FormMatcher cityForms;    // payload: index in countries
    std::vector<Title> titles;
    FormMatcher zhTitles;  // payload: index in titles
    FormMatcher enTitles;  // honorifics and roles; payload: index in titles
    FormMatcher zhOrgHeads; // payload: 1 strong, 0 weak
    std::map<U32, bool> enOrgHeads; // head word (lower case) -> strong
    FormMatcher zhEventHeads; // payload: 0 conference, 1 session, 2 visit, 4 ceremony, 5 meeting
    std::map<U32, int> enEventHeads; // lower case -> type as above
    FormMatcher zhProgrammeHeads;      // payload unused
    FormMatcher zhProgrammeBoundaries; // payload unused
    std::set<U32> enProgrammeHeads;    // capitalised, matched as written
    std::vector<Topic> topics;
    FormMatcher topicForms; // payload: index in topics
    std::set<U32> surnames;
    std::map<std::string, std::vector<U32>> triggers; // relation -> forms (both languages)

    int countryByCode(std::string_view code) const;
};

// The built-in data plus every folder of `dataDirs` (files of the same names
// are appended). Throws ExtractError for a folder that cannot be read.
Lexicon loadLexicon(const std::vector<std::string> &dataDirs);

// The compiled-in data files: name -> contents (generated at build time).
const std::vector<std::pair<std::string_view, std::string_view>> &builtinDataFiles();

} // namespace liaison::report
