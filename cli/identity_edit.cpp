#include "identity_edit.hpp"

#include "liaison/errors.hpp"

#include <iostream>

namespace liaison::cli {

const std::set<std::string> &editFlags()
{
    static const std::set<std::string> flags{"--json"};
    return flags;
}

const std::set<std::string> &editOptions()
{
    static const std::set<std::string> options{"-o", "--output", "--reason"};
    return options;
}

const char *const kEditHelp =
    "  -o OUT.json       write the changed graph here ('-' for stdout) instead of FILE\n"
    "  --json            print what was done as JSON\n"
    "Exit code 0 when the graph was written, 1 when the change was refused (nothing written).\n";

int runEdit(const Args &args, const std::function<EditResult(const GraphStore &)> &change)
{
    const std::string &file = args.positional(0, "FILE");
    std::string out = args.option("-o", args.option("--output", file));
    // The report goes to stdout; a graph written to stdout would mix with it.
    if (isStandardStream(out)) throw UserError("-o - is not possible here: the command reports on standard output");
    GraphStore before = loadGraph(file);
    EditResult result = change(before);
    saveGraph(result.store, out);
    if (args.flag("--json")) {
        JsonOut json;
        result.json(json);
        return 0;
    }
    std::cout << result.message << "\n";
    return 0;
}

bool isRedirectedId(const GraphStore &store, const std::string &reference)
{
    EntityIndex e = store.findById(reference);
    return e != kNoEntity && store.entity(e).id != reference;
}

} // namespace liaison::cli
