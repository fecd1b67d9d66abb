// PluginHost: the loaders Liaison knows, built-in (linked statically) and
// modules found on disk, and the one place that calls into them through the
// C ABI of plugin.h. It turns a file into an ImportBatch; it never touches a
// GraphStore (commitBatch does, after validation).
//
// Threading: a PluginHost is built and its modules discovered on one thread;
// afterwards its const functions may be called from any thread. load() calls
// into plugins one at a time process-wide (Graphviz's cgraph, used by the DOT
// loader, is not re-entrant).
#pragma once

#include "liaison/errors.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/plugin.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

// A module was refused, or a loader name is unknown. Names the path and why.
class PluginError : public UserError {
public:
    using UserError::UserError;
};

struct LoaderInfo {
    std::string name, version, description;
    std::vector<std::string> patterns; // e.g. "*.csv"
    std::string origin;                // "built-in" or the module's path
    unsigned abi = LIAISON_PLUGIN_ABI_VERSION;
    bool builtin = false;
    // Read by core itself, not through the plugin ABI: Liaison JSON, the
    // store's own format. Such a loader has no descriptor.
    bool native = false;
    // False for a module whose loader name is already taken (by a built-in or
    // an earlier module): listed, never chosen. `shadowedBy` says by what.
    bool active = true;
    std::string shadowedBy;
    const liaison_loader *descriptor = nullptr; // valid while the host lives; null when inactive or native
};

// A module file that was not registered, and why.
struct ModuleProblem {
    std::string path;
    std::string message;
};

struct LoadOptions {
    // Called on the loading thread with done/total units (total 0 = unknown).
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    const std::atomic<bool> *cancel = nullptr; // polled through is_cancelled when not null
    std::size_t maxErrors = 1000;              // past it the loader is asked to stop
};

class PluginHost {
public:
    // Registers the native Liaison JSON reader, then the built-in loaders (no
    // module is loaded yet).
    PluginHost();
    ~PluginHost();
    PluginHost(const PluginHost &) = delete;
    PluginHost &operator=(const PluginHost &) = delete;

    // The module folders, in search order: the build tree's plugin folder
    // (only for binaries run from the build tree), <exe>/../lib/liaison/plugins,
    // then each entry of $LIAISON_PLUGIN_PATH (':'-separated). Folders that do
    // not exist are left out.
    static std::vector<std::filesystem::path> searchPath();

    // dlopens every *.so of searchPath(). A refused module is listed in
    // problems() and registers nothing; this never throws for a bad module.
    void discoverModules();
    // Loads one module (RTLD_NOW | RTLD_LOCAL). Throws PluginError naming the
    // path and the reason (no entry point, other ABI version, struct size too
    // small, bad descriptor); nothing is registered then and the module is closed.
    const LoaderInfo &loadModule(const std::filesystem::path &path);
    // Registers a descriptor that lives as long as the host (built-ins, tests).
    // Throws PluginError for an invalid descriptor.
    const LoaderInfo &registerLoader(const liaison_loader *descriptor, const std::string &origin);

    // Every registered loader, built-ins first, in registration order.
    // References and pointers into it stay valid until the next registration
    // (registerLoader, loadModule, discoverModules).
    const std::vector<LoaderInfo> &loaders() const { return m_loaders; }
    const std::vector<ModuleProblem> &problems() const { return m_problems; }
    // The active loader called `name`, or nullptr.
    const LoaderInfo *find(std::string_view name) const;

    // The loader for a file: the one named `forcedName` when not empty (throws
    // PluginError listing the known names when there is none), else the best
    // of: a file pattern match (strong) plus the loader's sniff confidence.
    // Throws PluginError naming the file when no loader recognises it.
    const LoaderInfo &choose(const std::string &path, std::string_view bytes,
                             std::string_view forcedName = {}) const;

    // Runs `loader` over `bytes` (the file's content; `path` names it in
    // messages) and returns what it produced. A plugin that fails, returns
    // garbage, throws, or reports nothing while failing yields a batch with
    // error diagnostics; it cannot reach any store. A plugin that reports no
    // error and no entity adds a warning naming the file. Throws
    // UserError("import cancelled") when cancelled.
    ImportBatch load(const LoaderInfo &loader, const std::string &path, std::string_view bytes,
                     const LoadOptions &options = {}) const;

    // readWholeFile + choose + load.
    ImportBatch loadFile(const std::string &path, std::string_view forcedName = {},
                         const LoadOptions &options = {}) const;

private:
    struct Module;
    std::vector<LoaderInfo> m_loaders;
    std::vector<ModuleProblem> m_problems;
    std::vector<std::unique_ptr<Module>> m_modules;
};

// True when `fileName` matches the glob `pattern` (*, ?), ASCII case-insensitively.
bool globMatch(std::string_view pattern, std::string_view fileName);

} // namespace liaison
