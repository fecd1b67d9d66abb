#include "liaison/filter_spec.hpp"

#include "country_names.hpp"

#include "liaison/close_matches.hpp"
#include "liaison/errors.hpp"
#include "liaison/iso_date.hpp"
#include "liaison/normalize.hpp"

#include <algorithm>
#include <set>

namespace liaison {

namespace {

// " (<what>: a, b, c)"
std::string listing(const std::vector<std::string> &known, std::string_view what)
{
    if (known.empty()) return " (there are no " + std::string(what) + ")";
    std::string text = " (" + std::string(what) + ": ";
    constexpr std::size_t kListed = 25;
    for (std::size_t i = 0; i < known.size() && i < kListed; ++i) text += (i ? ", " : "") + known[i];
    if (known.size() > kListed) text += ", ... " + std::to_string(known.size() - kListed) + " more";
    return text + ")";
}

// "; did you mean 'x'? (<what>: a, b, c)"
std::string candidatesText(std::string_view typed, const std::vector<std::string> &known, std::string_view what)
{
    std::string guess = didYouMean(closeMatches(typed, known));
    return (guess.empty() ? "" : "; " + guess) + listing(known, what);
}

std::vector<std::string> sorted(std::set<std::string, std::less<>> values) { return {values.begin(), values.end()}; }

std::vector<std::string> kindsKnown(const GraphStore &store)
{
    std::set<std::string, std::less<>> kinds;
    for (std::string_view k : firstClassKinds()) kinds.emplace(k);
    for (const Entity &e : store.entities()) kinds.insert(e.kind);
    return sorted(std::move(kinds));
}

std::string resolveRelationKind(const GraphStore &store, const std::string &typed)
{
    std::set<std::string, std::less<>> known;
    for (std::string_view k : relationVocabulary()) known.emplace(k);
    for (const Relation &r : store.relations()) known.insert(r.kind);
    if (known.contains(typed)) return typed;
    throw UserError("--relation-kinds: unknown relation kind '" + typed + "'" +
                    candidatesText(typed, sorted(std::move(known)), "known relation kinds"));
}

// A source's id, or the id of the one source whose title or path is `typed`.
std::string resolveSource(const GraphStore &store, const std::string &typed)
{
    if (store.source(typed)) return typed;
    std::vector<std::string> ids, named;
    for (const Source &s : store.sources()) {
        ids.push_back(s.id);
        if ((!s.title.empty() && s.title == typed) || (!s.path.empty() && s.path == typed)) named.push_back(s.id);
    }
    if (named.size() == 1) return named.front();
    if (named.size() > 1)
        throw UserError("--source: '" + typed + "' is the title or path of several sources; use an id: " +
                        named.front() + ", " + named[1] + (named.size() > 2 ? ", ..." : ""));
    throw UserError("--source: no source has the id, title or path '" + typed + "'" +
                    candidatesText(typed, ids, "sources in this graph"));
}

bool isCountry(const GraphStore &store, EntityIndex e)
{
    return e != kNoEntity && knownKind(store.entity(e).kind) == KnownKind::Country;
}

// Country entities that `text` names in the graph: id, "country:" + text,
// a name or alias, or the ISO code the report loader records in "iso".
std::vector<EntityIndex> countriesNamed(const GraphStore &store, std::string_view text)
{
    std::vector<EntityIndex> found;
    for (EntityIndex e : {store.findById(text), store.findById("country:" + std::string(text))})
        if (isCountry(store, e)) found.push_back(e);
    for (EntityIndex e : store.resolve(text))
        if (isCountry(store, e)) found.push_back(e);
    if (auto code = filter::isoRegionCode(text))
        for (EntityIndex e : store.entitiesOfKind("country"))
            if (const std::string *iso = store.entity(e).attribute("iso"); iso && foldText(*iso) == foldText(*code))
                found.push_back(e);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::string listEntities(const GraphStore &store, const std::vector<EntityIndex> &entities)
{
    std::string text;
    for (EntityIndex e : entities) text += "\n  " + store.entity(e).name + " (" + store.entity(e).id + ")";
    return text;
}

std::vector<std::string> graphLanguages(const GraphStore &store)
{
    std::set<std::string, std::less<>> languages;
    for (EntityIndex e : store.entitiesOfKind("country"))
        for (const auto &[language, name] : store.entity(e).names) languages.insert(language);
    languages.insert({"zh-Hant", "zh-Hans"}); // the project's home languages
    return sorted(std::move(languages));
}

} // namespace

std::vector<std::string> splitList(std::string_view text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = std::min(text.find(',', start), text.size());
        if (comma > start) parts.emplace_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return parts;
}

std::string resolveKind(const GraphStore &store, std::string_view typed, std::string_view option)
{
    std::vector<std::string> known = kindsKnown(store);
    if (std::find(known.begin(), known.end(), typed) != known.end()) return std::string(typed);
    throw UserError(std::string(option) + ": unknown kind '" + std::string(typed) + "'" +
                    candidatesText(typed, known, "known kinds"));
}

EntityIndex resolveCountry(const GraphStore &store, std::string_view typed)
{
    const std::string text(typed);
    std::vector<EntityIndex> found = countriesNamed(store, text);
    std::optional<std::string> code = filter::isoRegionCode(text);
    if (found.empty() && !code) code = filter::regionCodeByName(text);
    if (found.empty() && code)
        for (const std::string &name : filter::regionNames(*code, graphLanguages(store)))
            for (EntityIndex e : countriesNamed(store, name)) found.push_back(e);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    if (found.size() == 1) return found.front();
    if (found.size() > 1)
        throw UserError("--country: '" + text + "' names several countries of this graph (use an id):" +
                        listEntities(store, found));

    std::vector<std::string> known;
    for (EntityIndex e : store.entitiesOfKind("country")) known.push_back(store.entity(e).name);
    std::sort(known.begin(), known.end());
    std::string what = code ? "'" + text + "' is " + filter::regionNames(*code, {}).front() + " (ISO " + *code +
                                  "), which is no country of this graph"
                            : "'" + text + "' is no country of this graph, ISO 3166 code or country name";
    // Typos are judged against ids and aliases too ("tiawan"), but listed by name.
    std::vector<std::string> spellings;
    for (EntityIndex e : store.entitiesOfKind("country")) {
        const Entity &c = store.entity(e);
        for (const std::string &alias : c.aliases)
            if (!closeMatches(text, {alias}).empty()) spellings.push_back(c.name);
        if (!closeMatches(text, {c.id, c.name}).empty()) spellings.push_back(c.name);
    }
    std::string message = "--country: " + what;
    if (std::string guess = didYouMean(closeMatches(text, spellings.empty() ? known : spellings)); !guess.empty())
        message += "; " + guess;
    throw UserError(message + listing(known, "countries in this graph"));
}

std::string checkIsoDate(std::string_view typed, std::string_view option)
{
    auto refuse = [&](const std::string &why) -> std::string {
        throw UserError(std::string(option) + ": '" + std::string(typed) + "' " + why +
                        " (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2017-09-28)");
    };
    const std::size_t n = typed.size();
    if ((n != 4 && n != 7 && n != 10) || (n > 4 && typed[4] != '-') || (n > 7 && typed[7] != '-'))
        return refuse("is not an ISO date");
    int year = decimalDigits(typed, 0, 4);
    int month = n > 4 ? decimalDigits(typed, 5, 2) : 1;
    int day = n > 7 ? decimalDigits(typed, 8, 2) : 1;
    if (year < 0 || month < 0 || day < 0) return refuse("is not an ISO date");
    if (month < 1 || month > 12) return refuse("has no month " + std::to_string(month));
    if (day < 1 || day > daysInMonth(year, month))
        return refuse("is not a day of " + std::string(typed.substr(0, 7)));
    return std::string(typed);
}

ViewFilter resolveFilter(const GraphStore &store, const FilterSpec &spec)
{
    ViewFilter filter;
    for (const std::string &k : spec.kinds) filter.kinds.insert(resolveKind(store, k, "--kinds"));
    for (const std::string &k : spec.relationKinds) filter.relationKinds.insert(resolveRelationKind(store, k));
    for (const std::string &s : spec.sources) filter.sources.insert(resolveSource(store, s));
    for (const std::string &c : spec.countries) filter.countries.insert(store.entity(resolveCountry(store, c)).id);
    if (spec.from) filter.from = checkIsoDate(*spec.from, "--from");
    if (spec.to) filter.to = checkIsoDate(*spec.to, "--to");
    // Compare the window's first days: --from 2017-09 --to 2017-09 is September.
    if (filter.from && filter.to && filter.from->substr(0, std::min(filter.from->size(), filter.to->size())) >
                                        filter.to->substr(0, std::min(filter.from->size(), filter.to->size())))
        throw UserError("--from " + *filter.from + " is after --to " + *filter.to + ": the window holds nothing");
    // An empty store is what the viewer checks a date's spelling against.
    if (store.entityCount() > 0) checkDateWindow(store, filter);
    filter.hideIsolated = spec.hideIsolated;
    return filter;
}

} // namespace liaison
