// Loader modules that misbehave on purpose, one per HOSTILE_MODULE_KIND, for
// plugin_isolation_test.cpp (issue 7). Each is built as its own .so, loaded
// through dlopen like a third-party plugin.
#include "liaison/plugin.h"

#include <stdexcept>

namespace {

const char *const kPatterns[] = {"*.hostile", nullptr};

[[maybe_unused]] int sniffAll(const liaison_input *) { return 100; }

[[maybe_unused]] liaison_string str(const char *s, size_t n) { return {s, n}; }

// Hands over records that are wrong in every way the host must catch, and
// says all went well.
[[maybe_unused]] int loadGarbage(const liaison_input *, const liaison_host *host)
{
    liaison_entity_record good{};
    good.struct_size = sizeof good;
    good.id = str("person:ok", 9);
    good.kind = str("person", 6);
    host->add_entity(host, &good);

    liaison_entity_record badUtf8{};
    badUtf8.struct_size = sizeof badUtf8;
    badUtf8.id = str("person:\xC3\x28", 9);
    host->add_entity(host, &badUtf8);

    liaison_entity_record control{};
    control.struct_size = sizeof control;
    control.id = str("person:a\x01z", 10);
    host->add_entity(host, &control);

    liaison_entity_record nullData{};
    nullData.struct_size = sizeof nullData;
    nullData.id = str(nullptr, 12); // NULL with a size
    host->add_entity(host, &nullData);

    liaison_entity_record hugeCount{};
    hugeCount.struct_size = sizeof hugeCount;
    hugeCount.id = str("person:huge", 11);
    hugeCount.attribute_count = ~size_t{0}; // with attributes == NULL
    host->add_entity(host, &hugeCount);

    host->add_entity(host, nullptr);

    liaison_relation_record dangling{};
    dangling.struct_size = sizeof dangling;
    dangling.kind = str("met", 3);
    dangling.from = str("person:ok", 9);
    dangling.to = str("person:nowhere", 14);
    host->add_relation(host, &dangling);

    liaison_location nowhere{str(nullptr, 5), 7, 3};
    host->diagnostic(host, 99, &nowhere, str("severity from the future", 24));
    host->diagnostic(host, LIAISON_SEVERITY_NOTE, nullptr, str(nullptr, 3));
    host->progress(host, 10, 5);
    return LIAISON_LOAD_OK;
}

// Reports an error but returns OK.
[[maybe_unused]] int loadLyingOk(const liaison_input *, const liaison_host *host)
{
    liaison_entity_record good{};
    good.struct_size = sizeof good;
    good.id = str("person:ok", 9);
    host->add_entity(host, &good);
    liaison_location at{str("", 0), 2, 5};
    host->diagnostic(host, LIAISON_SEVERITY_ERROR, &at, str("bad row", 7));
    return LIAISON_LOAD_OK;
}

[[maybe_unused]] int throwingSniff(const liaison_input *) { throw std::runtime_error("sniff exploded"); }

[[maybe_unused]] int loadThrowsLate(const liaison_input *, const liaison_host *host)
{
    for (int i = 0; i < 1000; ++i) {
        char id[32];
        int n = __builtin_snprintf(id, sizeof id, "person:p%d", i);
        liaison_entity_record r{};
        r.struct_size = sizeof r;
        r.id = str(id, static_cast<size_t>(n));
        host->add_entity(host, &r);
    }
    throw 42; // not even a std::exception
}

#if HOSTILE_MODULE_KIND == 1
liaison_loader kLoader{LIAISON_PLUGIN_ABI_VERSION, sizeof(liaison_loader), "garbage-records", "1.0",
                       "hands over garbage", kPatterns, sniffAll, loadGarbage};
#elif HOSTILE_MODULE_KIND == 2
liaison_loader kLoader{LIAISON_PLUGIN_ABI_VERSION, sizeof(liaison_loader), "lying-ok", "1.0",
                       "reports an error, returns OK", kPatterns, sniffAll, loadLyingOk};
#elif HOSTILE_MODULE_KIND == 3
liaison_loader kLoader{LIAISON_PLUGIN_ABI_VERSION, sizeof(liaison_loader), "throws-late", "1.0",
                       "throws from sniff and after 1000 records", kPatterns, throwingSniff, loadThrowsLate};
#elif HOSTILE_MODULE_KIND == 4
liaison_loader kLoader{LIAISON_PLUGIN_ABI_VERSION, sizeof(liaison_loader), nullptr, "1.0", "no name",
                       kPatterns, sniffAll, loadGarbage};
#elif HOSTILE_MODULE_KIND == 5
liaison_loader kLoader{0, sizeof(liaison_loader), "abi-zero", "1.0", "ABI 0", kPatterns, sniffAll, loadGarbage};
#endif

} // namespace

#if HOSTILE_MODULE_KIND == 6
// An entry point that returns nothing.
extern "C" LIAISON_PLUGIN_EXPORT const liaison_loader *liaison_loader_v1(void) { return nullptr; }
#elif HOSTILE_MODULE_KIND == 7
// Only a future entry point: this host must not find a v1 loader here.
extern "C" LIAISON_PLUGIN_EXPORT const void *liaison_loader_v2(void) { return nullptr; }
#else
extern "C" LIAISON_PLUGIN_EXPORT const liaison_loader *liaison_loader_v1(void) { return &kLoader; }
#endif
