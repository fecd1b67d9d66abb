// liaison search FILE TEXT: entities whose name, alias or id contains TEXT.
#include "archive_access.hpp"
#include "command.hpp"
#include "query.hpp"

#include "liaison/close_matches.hpp"
#include "liaison/errors.hpp"
#include "liaison/printable.hpp"

#include <iostream>

namespace liaison::cli {

// A search that found nothing is an error, never an empty answer with rc 0:
// a script or an analyst would read it as "not in the graph" when it may be a
// typo or a filter that excluded the matches. Names the closest name forms.
[[noreturn]] static void refuseNoMatch(const GraphStore &store, const std::string &text,
                                       std::size_t unfiltered)
{
    std::string message = "no entity matches '" + printableText(text) + "'";
    if (unfiltered) message += " within the filters (" + std::to_string(unfiltered) + " without them)";
    std::set<std::string> names; // every form a search could find: names, per-language names, aliases
    for (const Entity &e : store.entities()) {
        names.insert(printableText(e.name));
        for (const auto &[language, name] : e.names) names.insert(printableText(name));
        for (const std::string &alias : e.aliases) names.insert(printableText(alias));
    }
    if (std::string guess = didYouMean(closeMatches(text, {names.begin(), names.end()})); !guess.empty()) message += "; " + guess;
    throw LookupError(message);
}

static int runSearch(const std::vector<std::string> &words)
{
    std::set<std::string> options = filterOptions();
    Args args(words, withFilterFlags({"--json"}), options);
    const std::string &where = args.positional(0, "FILE");
    const std::string &text = args.positional(1, "TEXT");
    args.expectAtMost(2);
    GraphStore store;
    std::vector<EntityIndex> found;
    ViewFilter filter;
    if (isArchive(where)) {
        filter = filterFromArgs(args);
        // The server finds them (its index also folds Traditional/Simplified).
        store = archiveSearch(where, text, filter);
        for (EntityIndex e = 0; e < store.entityCount(); ++e) found.push_back(e);
        if (found.empty()) throw LookupError("no entity matches '" + printableText(text) + "'");
    } else {
        store = loadGraph(where);
        filter = filterFromArgs(store, args);
        std::vector<EntityIndex> matches = store.search(text);
        for (EntityIndex e : matches)
            if (passesEntityFilter(store, e, filter)) found.push_back(e);
        if (found.empty()) refuseNoMatch(store, text, matches.size());
    }

    if (args.flag("--json")) {
        JsonOut out;
        out.w().StartArray();
        for (EntityIndex e : found) out.entity(store, e);
        out.w().EndArray();
        return 0;
    }
    for (EntityIndex e : found) {
        const Entity &entity = store.entity(e);
        std::cout << printableText(entity.id) << "\t" << printableText(entity.kind) << "\t" << printableText(entity.name);
        for (const auto &[language, name] : entity.names)
            if (name != entity.name) std::cout << " / " << printableText(name);
        std::cout << "\n";
    }
    return 0;
}

Command searchCommand()
{
    return {"search", "find entities by any name or alias, in any language",
            std::string("usage: liaison search FILE|URL TEXT [filters] [--json]\n\n"
                        "Case- and width-insensitive substring search over names, aliases and ids;\n"
                        "Chinese matches in Traditional or Simplified script. Finding nothing is an\n"
                        "error (exit 1) naming the closest entity names.\n"
                        "  --json   machine-readable output\n") + kFilterHelp,
            runSearch};
}

} // namespace liaison::cli
