// Search keys of names: what `search` compares. A key is the name folded like
// core's foldText (NFKC, case, width, punctuation) and then from Traditional
// to Simplified Chinese, so 臺灣, 台湾 and ＴＡＩＷＡＮ find their entities;
// its character bigrams feed the GIN index.
#pragma once

#include "pg.hpp"

#include "liaison/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace liaison::archive {

std::string searchKey(std::string_view text);
// Distinct keys of an entity's name, id, names per language and aliases.
std::vector<std::string> nameKeys(const Entity &entity);
// Distinct two-code-point substrings of `key` (empty below two code points).
std::vector<std::string> bigrams(std::string_view key);
// Appends the COPY rows (entity_id, key, grams) of one entity.
void appendNameKeyRows(std::string &copy, const Entity &entity);
// Migration 2: fills liaison.name_key for every entity already archived.
void backfillNameKeys(pg::Connection &conn);

} // namespace liaison::archive
