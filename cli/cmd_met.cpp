// liaison met FILE PERSON: everyone this person met, with the shared events.
#include "archive_access.hpp"
#include "command.hpp"
#include "query.hpp"

#include "liaison/printable.hpp"

#include "liaison/analysis.hpp"
#include "liaison/errors.hpp"

#include <iostream>

namespace liaison::cli {

static std::string occasionName(const GraphStore &store, const SharedOccasion &occasion)
{
    return occasion.event == kNoEntity ? std::string("(met directly)") : describe(store, occasion.event);
}

// Meeting no one within the filters while meeting people without them is
// an answer about the filters, not about the person: refused, saying whom
// and when the person met without them (as search does for a filtered miss).
[[noreturn]] static void refuseFilteredMiss(const GraphStore &store, EntityIndex person,
                                            const std::vector<MetLink> &unfiltered)
{
    std::string first, last;
    for (const MetLink &link : unfiltered)
        for (const SharedOccasion &occasion : link.occasions) {
            if (occasion.date.empty()) continue;
            if (first.empty() || occasion.date < first) first = occasion.date;
            if (last.empty() || occasion.date > last) last = occasion.date;
        }
    std::string message = describe(store, person) + " met no one within the filters; without them, " +
                          std::to_string(unfiltered.size()) + (unfiltered.size() == 1 ? " person" : " people");
    if (!first.empty()) message += ", on occasions dated " + printableText(first) + ".." + printableText(last);
    throw LookupError(message);
}

static int runMet(const std::vector<std::string> &words)
{
    Args args(words, withFilterFlags({"--json", "--evidence"}), filterOptions());
    const std::string &where = args.positional(0, "FILE");
    args.expectAtMost(2);
    GraphStore store;
    EntityIndex person = kNoEntity;
    if (isArchive(where)) {
        // The server picks the slice whoMet needs; the answer is the file's.
        ArchiveSlice slice = archiveMetSlice(where, args.positional(1, "PERSON"));
        store = std::move(slice.store);
        person = slice.a;
    } else {
        store = loadGraph(where);
        person = resolveEntity(store, args.positional(1, "PERSON"));
    }
    if (knownKind(store.entity(person).kind) != KnownKind::Person)
        throw UserError(describe(store, person) + " is a " + store.entity(person).kind + ", not a person");
    std::vector<MetLink> links = whoMet(store, person, filterFromArgs(store, args));
    if (links.empty() && anyFilterGiven(args))
        if (std::vector<MetLink> unfiltered = whoMet(store, person); !unfiltered.empty())
            refuseFilteredMiss(store, person, unfiltered);

    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("person"), out.entity(store, person);
        out.key("met");
        w.StartArray();
        for (const MetLink &link : links) {
            w.StartObject();
            out.key("person"), out.entity(store, link.person);
            out.key("weight"), w.Uint64(link.weight());
            out.key("occasions");
            w.StartArray();
            for (const SharedOccasion &occasion : link.occasions) {
                w.StartObject();
                out.key("event");
                if (occasion.event == kNoEntity) w.Null();
                else out.entity(store, occasion.event);
                out.key("date"), out.string(occasion.date);
                out.key("relations");
                w.StartArray();
                for (RelationIndex r : occasion.relations) out.relation(store, r);
                w.EndArray();
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return 0;
    }
    std::cout << describe(store, person) << " met " << links.size() << (links.size() == 1 ? " person:\n" : " people:\n");
    for (const MetLink &link : links) {
        std::cout << "\n  " << describe(store, link.person) << "  x" << link.weight() << "\n";
        for (const SharedOccasion &occasion : link.occasions) {
            std::cout << "    " << (occasion.date.empty() ? "" : printableText(occasion.date) + "  ") << occasionName(store, occasion)
                      << "\n";
            if (!args.flag("--evidence")) continue;
            for (RelationIndex r : occasion.relations)
                for (const Evidence &e : store.relation(r).evidence)
                    std::cout << "      " << printableText(store.relation(r).kind) << " [" << printableText(e.source)
                              << ":" << e.line << "] " << printableText(e.quote) << "\n";
        }
    }
    return 0;
}

Command metCommand()
{
    return {"met", "everyone a person met, with the shared events and dates",
            std::string("usage: liaison met FILE|URL PERSON [filters] [--evidence] [--json]\n\n"
                        "Two persons met when they took part (attended, spoke at, chaired, hosted,\n"
                        "organised) in the same event, or in events of the same conference (a session\n"
                        "and its conference), or when a `met` relation links them. Sorted by the\n"
                        "number of shared occasions. Meeting no one within the filters while meeting\n"
                        "people without them is an error (exit 1) saying whom and when.\n"
                        "  --evidence   print the quotes behind each shared occasion\n"
                        "  --json       machine-readable output (always with evidence)\n") + kFilterHelp,
            runMet};
}

} // namespace liaison::cli
