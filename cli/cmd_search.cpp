// liaison search FILE TEXT: entities whose name, alias or id contains TEXT.
#include "archive_access.hpp"
#include "command.hpp"
#include "query.hpp"

#include "liaison/printable.hpp"

#include <iostream>

namespace liaison::cli {

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
    } else {
        store = loadGraph(where);
        filter = filterFromArgs(store, args);
        for (EntityIndex e : store.search(text))
            if (passesEntityFilter(store, e, filter)) found.push_back(e);
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
    if (found.empty()) std::cerr << "no entity matches '" << printableText(text) << "'\n";
    return 0;
}

Command searchCommand()
{
    return {"search", "find entities by any name or alias, in any language",
            std::string("usage: liaison search FILE|URL TEXT [filters] [--json]\n\n"
                        "Case- and width-insensitive substring search over names, aliases and ids.\n"
                        "  --json   machine-readable output\n") + kFilterHelp,
            runSearch};
}

} // namespace liaison::cli
