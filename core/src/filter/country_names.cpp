#include "country_names.hpp"

#include "liaison/normalize.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

namespace liaison::filter {

namespace {

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool allLetters(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

// The display name ICU has for `code` in `language`, or "" when it only
// knows the code itself.
std::string displayName(const std::string &code, const icu::Locale &language)
{
    icu::UnicodeString name;
    icu::Locale("", code.c_str()).getDisplayCountry(language, name);
    std::string out;
    name.toUTF8String(out);
    return out == code ? std::string() : out;
}

} // namespace

std::optional<std::string> isoRegionCode(std::string_view text)
{
    if ((text.size() != 2 && text.size() != 3) || !allLetters(text)) return std::nullopt;
    const std::string wanted = upper(text);
    for (const char *const *code = icu::Locale::getISOCountries(); *code; ++code) {
        if (text.size() == 2 && wanted == *code) return wanted;
        if (text.size() == 3 && wanted == icu::Locale("", *code).getISO3Country()) return std::string(*code);
    }
    return std::nullopt;
}

std::vector<std::string> regionNames(const std::string &code, const std::vector<std::string> &languages)
{
    std::vector<std::string> names;
    std::vector<std::string> tags{"en"};
    tags.insert(tags.end(), languages.begin(), languages.end());
    for (const std::string &tag : tags) {
        UErrorCode status = U_ZERO_ERROR;
        icu::Locale language = icu::Locale::forLanguageTag(tag, status);
        if (U_FAILURE(status)) continue;
        std::string name = displayName(code, language);
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

std::optional<std::string> regionCodeByName(std::string_view name)
{
    const std::string wanted = foldText(name);
    if (wanted.empty()) return std::nullopt;
    int32_t count = 0;
    const icu::Locale *locales = icu::Locale::getAvailableLocales(count);
    std::vector<std::string> seenLanguages;
    for (int32_t i = 0; i < count; ++i) {
        // One pass per language (and script): regional variants rarely rename countries.
        std::string language = std::string(locales[i].getLanguage()) + "-" + locales[i].getScript();
        if (std::find(seenLanguages.begin(), seenLanguages.end(), language) != seenLanguages.end()) continue;
        seenLanguages.push_back(language);
        for (const char *const *code = icu::Locale::getISOCountries(); *code; ++code)
            if (std::string shown = displayName(*code, locales[i]); !shown.empty() && foldText(shown) == wanted)
                return std::string(*code);
    }
    return std::nullopt;
}

} // namespace liaison::filter
