// liaison plugins: the loaders this program knows, built-in and found on disk.
#include "command.hpp"
#include "query.hpp"

#include "liaison/plugin_host.hpp"

#include <iostream>

namespace liaison::cli {

static const char *const kPluginsHelp =
    "usage: liaison plugins [--json]\n"
    "\n"
    "Lists the loaders: name, version, file patterns, where it comes from\n"
    "(built-in or a module path) and its plugin ABI version, then the module\n"
    "folders searched (the build's plugin folder, <prefix>/lib/liaison/plugins,\n"
    "$LIAISON_PLUGIN_PATH) and every module that was refused, with the reason.\n";

static std::string joined(const std::vector<std::string> &parts)
{
    std::string out;
    for (const auto &p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
}

static int runPlugins(const std::vector<std::string> &words)
{
    Args args(words, {"--json"}, {});
    args.expectAtMost(0);
    PluginHost host;
    host.discoverModules();
    if (args.flag("--json")) {
        JsonOut out;
        auto &w = out.w();
        w.StartObject();
        out.key("loaders");
        w.StartArray();
        for (const LoaderInfo &l : host.loaders()) {
            w.StartObject();
            out.key("name"), out.string(l.name);
            out.key("version"), out.string(l.version);
            out.key("description"), out.string(l.description);
            out.key("patterns");
            w.StartArray();
            for (const auto &p : l.patterns) out.string(p);
            w.EndArray();
            out.key("origin"), out.string(l.origin);
            out.key("abi"), w.Uint(l.abi);
            out.key("active"), w.Bool(l.active);
            if (!l.active) out.key("shadowed_by"), out.string(l.shadowedBy);
            w.EndObject();
        }
        w.EndArray();
        out.key("refused");
        w.StartArray();
        for (const ModuleProblem &p : host.problems()) {
            w.StartObject();
            out.key("path"), out.string(p.path);
            out.key("reason"), out.string(p.message);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return 0;
    }
    for (const LoaderInfo &l : host.loaders()) {
        std::cout << l.name << " " << l.version << "  [" << joined(l.patterns) << "]  " << l.origin << "  abi "
                  << l.abi;
        if (!l.active) std::cout << "  (shadowed by " << l.shadowedBy << ")";
        std::cout << "\n    " << l.description << "\n";
    }
    std::cout << "\nmodule folders:\n";
    for (const auto &dir : PluginHost::searchPath()) std::cout << "  " << dir.string() << "\n";
    for (const ModuleProblem &p : host.problems()) std::cout << "refused: " << p.message << "\n";
    return 0;
}

Command pluginsCommand()
{
    return {"plugins", "list the loader plugins (built-in and modules) and refused modules", kPluginsHelp,
            runPlugins};
}

} // namespace liaison::cli
