// Finding and dlopen-ing loader modules.
#include "liaison/plugin_host.hpp"

#include "builtin_loaders.hpp"
#include "native_json.hpp"

#include <algorithm>
#include <cstdlib>
#include <dlfcn.h>
#include <sys/stat.h>
#include <system_error>

namespace liaison {

std::string descriptorProblem(const liaison_loader *d); // plugin_host.cpp

// An open module; closed when the host goes.
struct PluginHost::Module {
    void *handle = nullptr;
    explicit Module(void *h) : handle(h) {}
    ~Module()
    {
        if (handle) dlclose(handle);
    }
    Module(const Module &) = delete;
    Module &operator=(const Module &) = delete;
};

PluginHost::PluginHost()
{
    m_loaders.push_back(detail::nativeJsonLoaderInfo());
    for (const liaison_loader *d : detail::builtinLoaders()) registerLoader(d, "built-in");
}

PluginHost::~PluginHost() = default;

static std::filesystem::path executableDir()
{
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::vector<std::filesystem::path> PluginHost::searchPath()
{
    namespace fs = std::filesystem;
    std::vector<fs::path> dirs;
    std::error_code ec;
    auto add = [&](const fs::path &dir) {
        if (dir.empty() || !fs::is_directory(dir, ec)) return;
        fs::path canonical = fs::weakly_canonical(dir, ec);
        if (std::find(dirs.begin(), dirs.end(), canonical) == dirs.end()) dirs.push_back(canonical);
    };
    fs::path exeDir = executableDir();
#ifdef LIAISON_BUILD_DIR
    // Only binaries of this build tree look into its plugin folder, so an
    // installed copy never picks up a stale build.
    std::string exe = exeDir.string(), build = LIAISON_BUILD_DIR;
    if (exe.compare(0, build.size(), build) == 0) add(LIAISON_BUILD_PLUGIN_DIR);
#endif
    if (!exeDir.empty()) add(exeDir.parent_path() / "lib" / "liaison" / "plugins");
    if (const char *env = std::getenv("LIAISON_PLUGIN_PATH"); env && *env) {
        std::string_view rest = env;
        while (!rest.empty()) {
            auto colon = rest.find(':');
            add(fs::path(std::string(rest.substr(0, colon))));
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    return dirs;
}

// Why a module or its folder could have been written by another user, or "".
static std::string writableByOthers(const std::filesystem::path &path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {};
    if (info.st_mode & S_IWOTH) return "it is writable by every user";
    return {};
}

void PluginHost::discoverModules()
{
    namespace fs = std::filesystem;
    for (const auto &dir : searchPath()) {
        // Anyone could have put a module into a world-writable folder (/tmp):
        // loading it would run their code in this process.
        if (std::string why = writableByOthers(dir); !why.empty()) {
            m_problems.push_back({dir.string(), "refused the plugin folder " + dir.string() + ": " + why});
            continue;
        }
        std::vector<fs::path> files;
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator(dir, ec))
            if (entry.is_regular_file(ec) && entry.path().extension() == ".so") files.push_back(entry.path());
        std::sort(files.begin(), files.end()); // a stable order for shadowing
        for (const auto &file : files) {
            if (std::string why = writableByOthers(file); !why.empty()) {
                m_problems.push_back({file.string(), "refused the module " + file.string() + ": " + why});
                continue;
            }
            try {
                loadModule(file);
            } catch (const PluginError &e) {
                m_problems.push_back({file.string(), e.what()});
            }
        }
    }
}

const LoaderInfo &PluginHost::loadModule(const std::filesystem::path &path)
{
    dlerror();
    auto module = std::make_unique<Module>(dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (!module->handle) {
        const char *why = dlerror();
        throw PluginError(path.string() + ": cannot load module: " + (why ? why : "unknown reason"));
    }
    void *symbol = dlsym(module->handle, LIAISON_LOADER_ENTRY_SYMBOL);
    if (!symbol)
        throw PluginError(path.string() + ": not a Liaison loader (no " LIAISON_LOADER_ENTRY_SYMBOL " entry point)");
    auto entry = reinterpret_cast<liaison_loader_entry>(symbol);
    const liaison_loader *descriptor = entry();
    if (std::string why = descriptorProblem(descriptor); !why.empty())
        throw PluginError(path.string() + ": refused: " + why);
    const LoaderInfo &info = registerLoader(descriptor, path.string());
    if (info.active) m_modules.push_back(std::move(module));
    return info;
}

} // namespace liaison
