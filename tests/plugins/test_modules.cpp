// Deliberately broken loader modules for plugin_host_test.cpp, one per
// TEST_MODULE_KIND: each must be refused (or contained) by the host.
#include "liaison/plugin.hpp"

#include <stdexcept>

namespace {

[[maybe_unused]] int sniffAny(std::string_view, std::string_view) { return 100; }

[[maybe_unused]] void loadGood(std::string_view, std::string_view, liaison::plugin::Host &host)
{
    liaison::plugin::EntityData e;
    e.id = "person:from-module";
    e.name = "From Module";
    host.addEntity(e);
}

const char *const kPatterns[] = {"*.testmod", nullptr};

#if TEST_MODULE_KIND == 1 // a future ABI version
liaison_loader kLoader = [] {
    auto d = liaison::plugin::describe<sniffAny, loadGood>("future-abi", "1.0", "ABI 2", kPatterns);
    d.abi_version = 2;
    return d;
}();
#elif TEST_MODULE_KIND == 2 // a truncated descriptor
liaison_loader kLoader = [] {
    auto d = liaison::plugin::describe<sniffAny, loadGood>("small-struct", "1.0", "short", kPatterns);
    d.struct_size = 8;
    return d;
}();
#elif TEST_MODULE_KIND == 3 // lets an exception escape through the C ABI
int throwingLoad(const liaison_input *, const liaison_host *host)
{
    liaison_entity_record r{};
    r.struct_size = sizeof r;
    r.id = {"person:half", 11};
    host->add_entity(host, &r);
    throw std::runtime_error("boom");
}
liaison_loader kLoader = {LIAISON_PLUGIN_ABI_VERSION, sizeof(liaison_loader), "throwing", "1.0",
                          "throws", kPatterns, [](const liaison_input *) { return 100; }, throwingLoad};
#else // a well-behaved module
constexpr liaison_loader kLoader =
    liaison::plugin::describe<sniffAny, loadGood>("good-module", "2.1.0", "works", kPatterns);
#endif

} // namespace

extern "C" LIAISON_PLUGIN_EXPORT const liaison_loader *liaison_loader_v1(void) { return &kLoader; }
