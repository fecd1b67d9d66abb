// ISO 3166 region codes and their names in other languages, from ICU's
// locale data (the same data the report loader's country gazetteer was
// generated from). Internal to the filter parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::filter {

// "TW" for "tw", "TW" or "TWN"; nullopt when `text` is no ISO 3166-1 code.
std::optional<std::string> isoRegionCode(std::string_view text);

// The region's name in each of `languages` (BCP 47 tags such as "en",
// "zh-Hant"), plus English; duplicates removed. Names ICU lacks are skipped.
std::vector<std::string> regionNames(const std::string &code, const std::vector<std::string> &languages);

// The code of the region whose name, in any language ICU knows, folds to the
// same text as `name` ("Тайвань", "Taïwan" -> "TW"); nullopt when none does.
std::optional<std::string> regionCodeByName(std::string_view name);

} // namespace liaison::filter
