// What a surface form of a name says: its folded key, its name-order
// variants, its honorifics and the gender they state.
#include "liaison/identity.hpp"
#include "liaison/normalize.hpp"

#include <opencc.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

namespace liaison {

namespace {

// OpenCC's converter is opened once per process (its dictionaries take a few
// milliseconds to load) and used under a lock: its thread safety is not documented.
class TraditionalToSimplified {
public:
    TraditionalToSimplified() : m_converter(opencc_open("t2s.json")) {}
    ~TraditionalToSimplified()
    {
        if (usable()) opencc_close(m_converter);
    }
    TraditionalToSimplified(const TraditionalToSimplified &) = delete;
    TraditionalToSimplified &operator=(const TraditionalToSimplified &) = delete;

    // Without OpenCC's data files the text is returned unchanged (names then
    // match only in the same script) rather than failing every import.
    std::string convert(std::string_view text)
    {
        if (!usable()) return std::string(text);
        std::lock_guard lock(m_mutex);
        char *out = opencc_convert_utf8(m_converter, text.data(), text.size());
        if (!out) return std::string(text);
        std::string result(out);
        opencc_convert_utf8_free(out);
        return result;
    }

private:
    bool usable() const { return m_converter != reinterpret_cast<opencc_t>(-1); }
    opencc_t m_converter;
    std::mutex m_mutex;
};

bool hasNonAscii(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool isAscii(std::string_view text) { return !hasNonAscii(text); }

std::vector<std::string> words(const std::string &key)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < key.size()) {
        std::size_t end = key.find(' ', start);
        if (end == std::string::npos) end = key.size();
        if (end > start) out.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Number of code points in UTF-8 text.
std::size_t codePoints(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Gender genderOfTitle(std::string_view title)
{
    static const std::vector<std::string_view> male{"mr", "sir", "his excellency", "先生"};
    static const std::vector<std::string_view> female{"ms", "mrs", "miss", "madam", "mme", "her excellency",
                                                      "女士", "小姐", "夫人"};
    if (std::find(male.begin(), male.end(), title) != male.end()) return Gender::Male;
    if (std::find(female.begin(), female.end(), title) != female.end()) return Gender::Female;
    return Gender::Unknown;
}

Gender combine(Gender a, Gender b, bool &conflict)
{
    if (a == Gender::Unknown) return b;
    if (b == Gender::Unknown || a == b) return a;
    conflict = true;
    return a;
}

} // namespace

std::string foldChinese(std::string_view folded)
{
    if (!hasNonAscii(folded)) return std::string(folded);
    static TraditionalToSimplified converter;
    return converter.convert(folded);
}

NameForm analyseName(std::string_view text, std::string_view kind)
{
    NameForm form;
    form.text = std::string(text);
    if (knownKind(kind) != KnownKind::Person) {
        form.key = foldChinese(foldText(text));
        return form;
    }
    NormalizedName normalized = normalizeName(text);
    form.titles = normalized.titles;
    bool conflict = false;
    for (const std::string &title : form.titles) form.gender = combine(form.gender, genderOfTitle(title), conflict);
    if (conflict) form.gender = Gender::Unknown;
    form.key = foldChinese(normalized.key);
    std::vector<std::string> parts = words(form.key);
    if (parts.size() == 1) {
        // "Lee", "Novak", or one Han character (王 of 王女士).
        form.surnameOnly = isAscii(parts[0]) || codePoints(parts[0]) == 1;
        return form;
    }
    if (parts.size() < 2 || parts.size() > 5 || !isAscii(form.key)) return form;
    // Surname first or last, the given names joined: hyphens, spaces and case
    // no longer matter ("Wei-ling Chen", "CHEN Weiling" -> "chen|weiling").
    std::string givenAfter, givenBefore;
    for (std::size_t i = 1; i < parts.size(); ++i) givenAfter += parts[i];
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) givenBefore += parts[i];
    form.orders.push_back(parts.front() + "|" + givenAfter);
    form.orders.push_back(parts.back() + "|" + givenBefore);
    return form;
}

bool isMeaninglessId(std::string_view id)
{
    std::string_view slug = id.substr(id.find(':') == std::string_view::npos ? 0 : id.find(':') + 1);
    if (slug.empty()) return true;
    // Strip a short alphabetic prefix and separators: "n5", "row-3", "e12", "node_17", "#4".
    std::size_t i = 0;
    while (i < slug.size() && i < 6 && std::isalpha(static_cast<unsigned char>(slug[i]))) ++i;
    std::string_view prefix = slug.substr(0, i);
    static const std::vector<std::string_view> rowWords{"", "n", "e", "v", "id", "row", "node", "edge", "item", "r"};
    std::string lowered;
    for (char c : prefix) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(rowWords.begin(), rowWords.end(), lowered) == rowWords.end()) return false;
    while (i < slug.size() && (slug[i] == '-' || slug[i] == '_' || slug[i] == '#' || slug[i] == ' ')) ++i;
    if (i == slug.size()) return prefix.empty(); // "#" is meaningless, "node" is a name
    return std::all_of(slug.begin() + static_cast<std::ptrdiff_t>(i), slug.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

Gender genderOf(const Entity &entity)
{
    bool conflict = false;
    Gender gender = Gender::Unknown;
    auto consider = [&](const std::string &text) {
        if (!text.empty()) gender = combine(gender, analyseName(text, entity.kind).gender, conflict);
    };
    consider(entity.name);
    for (const auto &[language, name] : entity.names) consider(name);
    for (const std::string &alias : entity.aliases) consider(alias);
    for (const char *key : {"title", "honorific", "gender_title"}) {
        const std::string *value = entity.attribute(key);
        if (!value) continue;
        NormalizedName titles = normalizeName(*value);
        for (const std::string &t : titles.titles) gender = combine(gender, genderOfTitle(t), conflict);
        gender = combine(gender, genderOfTitle(foldText(*value)), conflict);
    }
    return conflict ? Gender::Unknown : gender;
}

} // namespace liaison
