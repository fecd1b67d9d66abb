// PluginHost: registration, choice of a loader, and running one.
#include "liaison/plugin_host.hpp"

#include "host_table.hpp"
#include "liaison/identity.hpp"
#include "native_json.hpp"
#include "liaison/json_io.hpp"

#include <cctype>
#include <cstring>
#include <mutex>

#include "layout/graphviz_api.hpp"

namespace liaison {

bool globMatch(std::string_view pattern, std::string_view name)
{
    std::size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
    auto same = [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], name[n]))) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

static bool validName(const char *name)
{
    if (!name || !*name) return false;
    for (const char *c = name; *c; ++c)
        if (!(std::islower(static_cast<unsigned char>(*c)) || std::isdigit(static_cast<unsigned char>(*c)) || *c == '-'))
            return false;
    return true;
}

// Checks a descriptor's header and fields; returns why it is refused, or "".
std::string descriptorProblem(const liaison_loader *d)
{
    if (!d) return "the entry point returned no descriptor";
    if (d->abi_version != LIAISON_PLUGIN_ABI_VERSION)
        return "plugin ABI version " + std::to_string(d->abi_version) + ", this Liaison speaks version " +
               std::to_string(LIAISON_PLUGIN_ABI_VERSION) + " (rebuild the plugin against this SDK)";
    if (d->struct_size < sizeof(liaison_loader))
        return "descriptor struct_size " + std::to_string(d->struct_size) + " is smaller than " +
               std::to_string(sizeof(liaison_loader)) + " (ABI mismatch)";
    if (!validName(d->name)) return "loader name missing or not of the form [a-z0-9-]+";
    if (!d->version || !d->description) return "descriptor lacks a version or a description";
    if (!d->load || !d->sniff) return "descriptor lacks the sniff or load function";
    return {};
}

const LoaderInfo &PluginHost::registerLoader(const liaison_loader *d, const std::string &origin)
{
    if (std::string why = descriptorProblem(d); !why.empty()) throw PluginError(origin + ": " + why);
    LoaderInfo info;
    info.name = d->name;
    info.version = d->version;
    info.description = d->description;
    for (const char *const *p = d->file_patterns; p && *p; ++p) info.patterns.emplace_back(*p);
    info.origin = origin;
    info.abi = d->abi_version;
    info.builtin = origin == "built-in";
    info.descriptor = d;
    if (const LoaderInfo *taken = find(info.name)) {
        info.active = false;
        info.shadowedBy = taken->origin;
        info.descriptor = nullptr;
    }
    m_loaders.push_back(std::move(info));
    return m_loaders.back();
}

const LoaderInfo *PluginHost::find(std::string_view name) const
{
    for (const auto &l : m_loaders)
        if (l.active && l.name == name) return &l;
    return nullptr;
}

// Process-wide: plugins are called one at a time (cgraph is not re-entrant).
static std::mutex &pluginCallMutex()
{
    static std::mutex m;
    return m;
}

const LoaderInfo &PluginHost::choose(const std::string &path, std::string_view bytes,
                                     std::string_view forcedName) const
{
    if (!forcedName.empty()) {
        if (const LoaderInfo *l = find(forcedName)) return *l;
        std::string known;
        for (const auto &l : m_loaders)
            if (l.active) known += (known.empty() ? "" : ", ") + l.name;
        throw PluginError("no loader called \"" + std::string(forcedName) + "\" (known: " + known + ")");
    }
    std::string fileName = std::filesystem::path(path).filename().string();
    liaison_input input{};
    input.struct_size = sizeof input;
    input.path = {path.data(), path.size()};
    input.data = reinterpret_cast<const unsigned char *>(bytes.data());
    input.size = bytes.size();

    // A built-in whose pattern names the file owns it: a module found on
    // disk cannot take a format over by claiming it and sniffing high (the
    // user names the module with --plugin to use it instead).
    auto claims = [&fileName](const LoaderInfo &l) {
        for (const auto &p : l.patterns)
            if (globMatch(p, fileName)) return true;
        return false;
    };
    bool builtinClaims = false;
    for (const auto &l : m_loaders) builtinClaims = builtinClaims || (l.active && l.builtin && claims(l));

    const LoaderInfo *best = nullptr;
    int bestScore = 0;
    std::lock_guard lock(pluginCallMutex());
    for (const auto &l : m_loaders) {
        if (!l.active || (builtinClaims && !l.builtin)) continue;
        int score = claims(l) ? 100 : 0;
        int sniff = 0;
        try {
            sniff = l.native ? detail::sniffLiaisonJson(bytes) : l.descriptor->sniff(&input);
        } catch (...) {
            sniff = 0;
        }
        score += sniff < 0 ? 0 : (sniff > 100 ? 100 : sniff);
        if (score > bestScore) {
            best = &l;
            bestScore = score;
        }
    }
    if (!best) throw PluginError(path + ": no loader recognises this file (use --plugin NAME; see `liaison plugins`)");
    return *best;
}

ImportBatch PluginHost::load(const LoaderInfo &loader, const std::string &path, std::string_view bytes,
                             const LoadOptions &options) const
{
    if (loader.active && loader.native) {
        if (options.cancel && options.cancel->load()) throw UserError(path + ": import cancelled");
        ImportBatch batch = detail::readLiaisonJsonBatch(bytes, path);
        if (options.progress) options.progress(bytes.size(), bytes.size());
        return batch;
    }
    if (!loader.active || !loader.descriptor) throw PluginError("loader " + loader.name + " is not active");
    bool cancelled = false;
    ImportBatch batch;
    {
        std::lock_guard lock(pluginCallMutex());
        // Loaders may use cgraph in this process (the DOT loader does), whose
        // global state is guarded by the one Graphviz lock (graphviz_process.hpp).
        graphviz::Lock graphvizLock;
        batch = detail::runLoader(*loader.descriptor, loader.name, path, bytes, options, cancelled);
    }
    if (cancelled) throw UserError(path + ": import cancelled");
    batch.stampSourceHash(path, contentHash(bytes));
    // A file a loader read "successfully" into nothing is most often the
    // wrong loader or a text it cannot read: said, naming the file.
    if (batch.entities().empty() && !batch.hasErrors())
        batch.addDiagnostic({Severity::Warning, InputLocation{path, 0, 0},
                             "the " + loader.name + " loader found no entity in this file" +
                                 (batch.sources().empty() ? std::string() : "; only its source is imported")});
    return batch;
}

ImportBatch PluginHost::loadFile(const std::string &path, std::string_view forcedName,
                                 const LoadOptions &options) const
{
    std::string bytes = readWholeFile(path);
    return load(choose(path, bytes, forcedName), path, bytes, options);
}

} // namespace liaison
