// liaison archive init|migrate|push|pull|status|conflicts|resolve: the team archive
// on PostgreSQL (docs/archive.md).
#include "../command.hpp"
#include "../query.hpp"

#include "liaison/archive.hpp"
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"

#include <iostream>

namespace liaison::cli {

// archive_report.cpp
int runConflicts(const std::vector<std::string> &words);
int runStatus(const std::vector<std::string> &words);
int runResolve(const std::vector<std::string> &words);

namespace {

using archive::Archive;

int runInit(const std::vector<std::string> &words)
{
    Args args(words, {}, {"--schema-version"});
    Archive db(args.positional(0, "URL"), true);
    args.expectAtMost(1);
    int version = std::stoi(args.option("--schema-version", std::to_string(archive::latestSchemaVersion())));
    for (const std::string &m : db.init(version)) std::cout << "applied migration " << m << "\n";
    std::cout << db.describe() << " is a Liaison archive at schema version " << db.schemaVersion() << "\n";
    return 0;
}

int runMigrate(const std::vector<std::string> &words)
{
    Args args(words, {}, {});
    Archive db(args.positional(0, "URL"), true);
    args.expectAtMost(1);
    std::vector<std::string> applied = db.migrate();
    for (const std::string &m : applied) std::cout << "applied migration " << m << "\n";
    std::cout << db.describe() << " is at schema version " << db.schemaVersion()
              << (applied.empty() ? " (already up to date)\n" : "\n");
    return 0;
}

int runPush(const std::vector<std::string> &words)
{
    Args args(words, {}, {"--label"});
    const std::string &file = args.positional(0, "GRAPH.json");
    GraphStore graph = loadGraph(file);
    Archive db(args.positional(1, "URL"));
    args.expectAtMost(2);
    archive::PushReport report = db.push(graph, args.option("--label", file));
    if (!report.changed())
        std::cout << "nothing new: " << db.describe() << " already holds everything in " << file << "\n";
    else
        std::cout << "pushed " << file << " to " << db.describe() << ": added " << report.sourcesAdded
                  << " sources, " << report.entitiesAdded << " entities (" << report.entitiesUpdated
                  << " updated, " << report.namesAdded << " names and aliases), " << report.relationsAdded
                  << " relations, " << report.evidenceAdded << " evidence rows (" << report.evidenceKnown
                  << " already archived), " << report.judgementsAdded << " judgements, " << report.redirectsAdded
                  << " redirects\n";
    for (const archive::Conflict &c : report.conflicts)
        std::cout << "conflict: " << c.subject << " " << c.field << ": the archive keeps '" << c.archiveValue
                  << "', this push brought '" << c.incomingValue << "'"
                  << (c.field == "name" || c.field.starts_with("names.") ? " (kept as an alias)" : "") << "\n";
    if (!report.conflicts.empty())
        std::cout << report.conflicts.size() << " conflicts recorded; list them with `liaison archive conflicts URL`\n";
    return 0;
}

int positiveInt(const Args &args, const std::string &name, int fallback)
{
    std::string text = args.option(name, std::to_string(fallback));
    try {
        std::size_t used = 0;
        int value = std::stoi(text, &used);
        if (used == text.size() && value >= 0) return value;
    } catch (const std::exception &) {
    }
    throw UserError(name + " expects a whole number of 0 or more, not '" + text + "'");
}

int runPull(const std::vector<std::string> &words)
{
    std::set<std::string> options = filterOptions();
    options.insert({"-o", "--output", "--focus", "--depth", "--search"});
    Args args(words, {}, options);
    Archive db(args.positional(0, "URL"));
    args.expectAtMost(1);
    std::string output = args.option("-o", args.option("--output", ""));
    if (output.empty()) throw UserError("say where to write the slice with -o FILE.json");
    archive::SliceQuery query;
    ViewFilter filter = filterFromArgs(args);
    query.focus = splitList(args.option("--focus", ""));
    if (args.option("--depth") && query.focus.empty()) throw UserError("--depth goes with --focus ENTITY");
    query.depth = positiveInt(args, "--depth", 1);
    query.countries.assign(filter.countries.begin(), filter.countries.end());
    query.sources.assign(filter.sources.begin(), filter.sources.end());
    query.search = args.option("--search", "");
    query.filter = filter;
    GraphStore slice = db.pull(query);
    saveGraph(slice, output);
    std::cerr << "pulled " << slice.entityCount() << " entities, " << slice.relationCount() << " relations and "
              << slice.sources().size() << " sources from " << db.describe() << " into " << output << "\n";
    return 0;
}

const char *const kHelp =
    "usage: liaison archive init URL                  create the archive's schema in an empty database\n"
    "       liaison archive migrate URL               upgrade an archive to this liaison's schema\n"
    "       liaison archive push GRAPH.json URL [--label TEXT]\n"
    "       liaison archive pull URL -o SLICE.json [--focus E[,E2] --depth N] [--search TEXT]\n"
    "                            [--country C] [--source S] [--kinds K] [--relation-kinds R]\n"
    "                            [--from DATE] [--to DATE]\n"
    "       liaison archive status URL                schema version, counts, recent pushes\n"
    "       liaison archive conflicts URL [--all] [--subject E] [--json]\n"
    "                                                 open conflicts (--all: settled ones too)\n"
    "       liaison archive resolve URL ID --keep archive|incoming [--note TEXT]\n"
    "                                                 settle conflict ID, recorded with who and when\n\n"
    "URL is a libpq connection string: postgresql://user@host/db?sslmode=require, or\n"
    "key=value words (\"service=team\", \"host=/run/postgresql dbname=team\"). Passwords come\n"
    "from ~/.pgpass, PGPASSFILE, a service file or the environment; they are never printed.\n\n"
    "push: one transaction, all or nothing; pushing the same file twice changes nothing;\n"
    "  evidence is appended, never replaced; a value that differs from the archive's is kept\n"
    "  as the archive has it and reported as a conflict.\n"
    "pull: selectors (--focus/--depth, --country, --source, --search) intersect; with none,\n"
    "  the whole archive. --kinds, --relation-kinds, --from, --to filter as on a file.\n"
    "  The slice is a Liaison JSON file with every evidence row and cited source.\n"
    "resolve: --keep archive changes no data; --keep incoming writes the pushed value (a\n"
    "  replaced name stays an alias) only if the archive still holds the value the conflict\n"
    "  recorded, so two people settling at once never overwrite each other.\n"
    "met, path, search and view take URL in place of FILE (see docs/archive.md).\n";

} // namespace

Command archiveCommand()
{
    return {"archive", "team archive on PostgreSQL: init, migrate, push, pull, status, conflicts, resolve", kHelp,
            [](const std::vector<std::string> &words) -> int {
                if (words.empty()) throw UserError("say what to do: init, migrate, push, pull, status, conflicts or resolve");
                std::vector<std::string> rest(words.begin() + 1, words.end());
                const std::string &what = words.front();
                if (what == "init") return runInit(rest);
                if (what == "migrate") return runMigrate(rest);
                if (what == "push") return runPush(rest);
                if (what == "pull") return runPull(rest);
                if (what == "status") return runStatus(rest);
                if (what == "conflicts") return runConflicts(rest);
                if (what == "resolve") return runResolve(rest);
                throw UserError("unknown archive command '" + what +
                                "' (init, migrate, push, pull, status, conflicts, resolve)");
            }};
}

} // namespace liaison::cli
