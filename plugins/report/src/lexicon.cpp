#include "lexicon.hpp"

#include "liaison/report/errors.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace liaison::report {

namespace {

char32_t lowerAscii(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }
bool isWordChar(char32_t c) { return isLatin(c) || isDigit(c); }

std::vector<std::string> splitOn(const std::string &s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    out.push_back(cur);
    return out;
}

// Rows of a tab-separated data file, comments and blank lines skipped.
std::vector<std::vector<std::string>> rows(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        out.push_back(splitOn(line, '\t'));
    }
    return out;
}

std::string field(const std::vector<std::string> &row, std::size_t i) { return i < row.size() ? row[i] : std::string(); }

} // namespace

void FormMatcher::add(U32View form, int payload) {
    if (form.empty())
        return;
    // Longest forms first, forms of one length in the order added: an insertion
    // (not a sort per add, which made building a matcher of n forms quadratic).
    auto &bucket = m_byFirst[lowerAscii(form[0])];
    const auto at = std::upper_bound(bucket.begin(), bucket.end(), form.size(),
                                     [](std::size_t size, const auto &entry) { return size > entry.first.size(); });
    bucket.emplace(at, U32(form), payload);
}

FormMatcher::Match FormMatcher::matchAt(U32View text, std::size_t pos) const {
    if (pos >= text.size())
        return {};
    const auto it = m_byFirst.find(lowerAscii(text[pos]));
    if (it == m_byFirst.end())
        return {};
    if (isWordChar(text[pos]) && pos > 0 && isWordChar(text[pos - 1]))
        return {};
    for (const auto &[form, payload] : it->second) {
        const bool latinForm = isWordChar(form[0]);
        const bool fold = latinForm && form.size() > 3;
        std::size_t t = pos;
        std::size_t f = 0;
        bool ok = true;
        while (f < form.size()) {
            if (form[f] == U' ') {
                while (t < text.size() && isSpace(text[t]))
                    ++t;
                ++f;
                continue;
            }
            if (t < text.size() && isSpace(text[t]) && f > 0 && (!isWordChar(form[f]) || !isWordChar(form[f - 1]))) {
                while (t < text.size() && isSpace(text[t]))
                    ++t;
            }
            if (t >= text.size()) {
                ok = false;
                break;
            }
            const char32_t a = fold ? lowerAscii(text[t]) : text[t];
            const char32_t b = fold ? lowerAscii(form[f]) : form[f];
            if (a != b) {
                ok = false;
                break;
            }
            ++t;
            ++f;
        }
        if (!ok)
            continue;
        if (isWordChar(form.back()) && t < text.size() && isWordChar(text[t]))
            continue;
        return {t - pos, payload};
    }
    return {};
}

std::vector<std::pair<std::size_t, FormMatcher::Match>> FormMatcher::findAll(U32View text) const {
    std::vector<std::pair<std::size_t, Match>> out;
    for (std::size_t i = 0; i < text.size();) {
        const Match m = matchAt(text, i);
        if (m.length > 0) {
            out.emplace_back(i, m);
            i += m.length;
        } else {
            ++i;
        }
    }
    return out;
}

int Lexicon::countryByCode(std::string_view code) const {
    for (std::size_t i = 0; i < countries.size(); ++i)
        if (countries[i].code == code)
            return static_cast<int>(i);
    return -1;
}

namespace {

void loadFile(Lexicon &lex, std::string_view name, std::string_view text) {
    if (name == "countries.tsv") {
        for (const auto &r : rows(text)) {
            Country c{field(r, 0), field(r, 1), field(r, 2), field(r, 3), {}};
            for (const auto &v : splitOn(field(r, 4), '|'))
                if (!v.empty())
                    c.variants.push_back(v);
            const int index = static_cast<int>(lex.countries.size());
            for (const auto &f : {c.en, c.zhHant, c.zhHans})
                lex.countryForms.add(fromUtf8(f), index);
            for (const auto &v : c.variants)
                lex.countryForms.add(fromUtf8(v), index);
            lex.countries.push_back(std::move(c));
        }
    } else if (name == "cities.tsv") {
        for (const auto &r : rows(text)) {
            const int country = lex.countryByCode(field(r, 0));
            for (const auto &v : splitOn(field(r, 1), '|'))
                if (!v.empty() && country >= 0)
                    lex.cityForms.add(fromUtf8(v), country);
        }
    } else if (name == "titles.tsv") {
        for (const auto &r : rows(text)) {
            Title t{fromUtf8(field(r, 0)), field(r, 1), field(r, 2)};
            const int index = static_cast<int>(lex.titles.size());
            if (t.kind == "zh")
                lex.zhTitles.add(t.form, index);
            else
                lex.enTitles.add(t.form, index);
            lex.titles.push_back(std::move(t));
        }
    } else if (name == "org_heads.tsv") {
        for (const auto &r : rows(text)) {
            const U32 form = fromUtf8(field(r, 0));
            const bool strong = field(r, 2) != "weak";
            if (field(r, 1) == "zh")
                lex.zhOrgHeads.add(form, strong ? 1 : 0);
            else
                lex.enOrgHeads[asciiLower(form)] = strong;
        }
    } else if (name == "event_heads.tsv") {
        for (const auto &r : rows(text)) {
            const std::string type = field(r, 2);
            const int t = type == "session" ? 1 : type == "visit" ? 2 : type == "ceremony" ? 4 : type == "meeting" ? 5 : 0;
            const U32 form = fromUtf8(field(r, 0));
            if (field(r, 1) == "zh")
                lex.zhEventHeads.add(form, t);
            else
                lex.enEventHeads[asciiLower(form)] = t;
        }
    } else if (name == "programme_heads.tsv") {
        for (const auto &r : rows(text)) {
            const U32 form = fromUtf8(field(r, 0));
            if (form.empty())
                continue;
            if (field(r, 2) == "boundary")
                lex.zhProgrammeBoundaries.add(form, 0);
            else if (field(r, 1) == "zh")
                lex.zhProgrammeHeads.add(form, 0);
            else
                lex.enProgrammeHeads.insert(form);
        }
    } else if (name == "topics.tsv") {
        for (const auto &r : rows(text)) {
            Topic t{field(r, 0), field(r, 1), field(r, 2), field(r, 3), {}};
            for (const auto &v : splitOn(field(r, 4), '|'))
                if (!v.empty())
                    t.variants.push_back(v);
            const int index = static_cast<int>(lex.topics.size());
            for (const auto &f : {t.en, t.zhHant, t.zhHans})
                lex.topicForms.add(fromUtf8(f), index);
            for (const auto &v : t.variants)
                lex.topicForms.add(fromUtf8(v), index);
            lex.topics.push_back(std::move(t));
        }
    } else if (name == "surnames.txt") {
        std::istringstream in{std::string(text)};
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream words(line);
            std::string w;
            while (words >> w)
                lex.surnames.insert(fromUtf8(w));
        }
    } else if (name == "triggers.tsv") {
        for (const auto &r : rows(text))
            lex.triggers[field(r, 0)].push_back(fromUtf8(field(r, 2)));
    }
}

} // namespace

Lexicon loadLexicon(const std::vector<std::string> &dataDirs) {
    Lexicon lex;
    // Countries first: cities refer to them by code.
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto &[name, text] : builtinDataFiles())
        files.emplace_back(std::string(name), std::string(text));
    for (const auto &dir : dataDirs) {
        namespace fs = std::filesystem;
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            throw ExtractError("report data folder not found: " + dir);
        for (const auto &[name, _] : builtinDataFiles()) {
            const fs::path p = fs::path(dir) / std::string(name);
            if (!fs::exists(p, ec))
                continue;
            std::ifstream in(p, std::ios::binary);
            if (!in)
                throw ExtractError("cannot read " + p.string());
            std::ostringstream buf;
            buf << in.rdbuf();
            const std::string content = buf.str();
            decodeUtf8(content, p.string()); // rejects invalid UTF-8 with a location
            files.emplace_back(std::string(name), content);
        }
    }
    std::stable_sort(files.begin(), files.end(), [](const auto &a, const auto &b) {
        return (a.first == "countries.tsv") > (b.first == "countries.tsv");
    });
    for (const auto &[name, text] : files)
        loadFile(lex, name, text);
    return lex;
}

} // namespace liaison::report
