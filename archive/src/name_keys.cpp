#include "name_keys.hpp"

#include "liaison/normalize.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>

namespace liaison::archive {

namespace {

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string toSimplified(const std::string &text)
{
    // Creating a transliterator parses its rules: once per thread.
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (!transliterator) return text;
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    transliterator->transliterate(unicode);
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

std::size_t codePointLength(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

} // namespace

std::string searchKey(std::string_view text)
{
    std::string folded = foldText(text);
    return isAscii(folded) ? folded : toSimplified(folded);
}

std::vector<std::string> nameKeys(const Entity &entity)
{
    std::vector<std::string> keys;
    auto add = [&](std::string_view text) {
        if (text.empty()) return;
        std::string key = searchKey(text);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    };
    auto addName = [&](std::string_view text) {
        add(text);
        // A person is found by the name without honorifics too, as in a file.
        if (knownKind(entity.kind) == KnownKind::Person) add(normalizeName(text).key);
    };
    addName(entity.name);
    add(entity.id);
    for (const auto &[language, name] : entity.names) addName(name);
    for (const std::string &alias : entity.aliases) addName(alias);
    return keys;
}

std::vector<std::string> bigrams(std::string_view key)
{
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < key.size(); i += codePointLength(static_cast<unsigned char>(key[i])))
        starts.push_back(i);
    starts.push_back(key.size());
    std::vector<std::string> grams;
    for (std::size_t i = 0; i + 2 < starts.size(); ++i)
        grams.emplace_back(key.substr(starts[i], starts[i + 2] - starts[i]));
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

void appendNameKeyRows(std::string &copy, const Entity &entity)
{
    for (const std::string &key : nameKeys(entity)) {
        pg::copyField(copy, entity.id, true);
        pg::copyField(copy, key);
        pg::copyField(copy, pg::textArray(bigrams(key)));
        copy += '\n';
    }
}

void backfillNameKeys(pg::Connection &conn)
{
    std::map<std::string, Entity> entities;
    pg::Result rows = conn.exec("SELECT id, kind, name FROM liaison.entity");
    for (int r = 0; r < rows.rows(); ++r) {
        Entity &e = entities[rows.string(r, 0)];
        e.id = rows.string(r, 0), e.kind = rows.string(r, 1), e.name = rows.string(r, 2);
    }
    pg::Result names = conn.exec("SELECT entity_id, language, name FROM liaison.entity_name");
    for (int r = 0; r < names.rows(); ++r) entities[names.string(r, 0)].names[names.string(r, 1)] = names.string(r, 2);
    pg::Result aliases = conn.exec("SELECT entity_id, alias FROM liaison.entity_alias");
    for (int r = 0; r < aliases.rows(); ++r) entities[aliases.string(r, 0)].aliases.push_back(aliases.string(r, 1));
    std::string copy;
    for (const auto &[id, entity] : entities) appendNameKeyRows(copy, entity);
    conn.copyIn("COPY liaison.name_key (entity_id, key, grams) FROM STDIN", copy);
}

} // namespace liaison::archive
