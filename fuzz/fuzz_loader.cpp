// Fuzzes one loader plugin (LIAISON_FUZZ_LOADER, e.g. "csv") the way the CLI
// uses it: PluginHost::load over the bytes, then commitBatch into a store.
// Expected answers to bad input: diagnostics in the batch, ImportError from a
// strict commit (the store must then be exactly as before), skipped records
// from a lenient one. Anything else is a bug: a crash, a sanitizer report, a
// hang, another exception, or a committed graph that Liaison JSON cannot
// write and read back.
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#ifndef LIAISON_FUZZ_LOADER
#error "define LIAISON_FUZZ_LOADER as the loader's name"
#endif

namespace {

const liaison::PluginHost &host()
{
    static liaison::PluginHost instance; // built-ins only: no module is loaded
    return instance;
}

// A small graph already in the store, so merges by id and name are exercised.
liaison::GraphStore startingStore()
{
    liaison::GraphStore store;
    liaison::Entity a;
    a.id = "person:a";
    a.kind = "person";
    a.name = "A";
    store.addEntity(a);
    liaison::Entity n;
    n.id = "1";
    n.kind = "node";
    n.name = "1";
    store.addEntity(n);
    return store;
}

void mustRoundTrip(const liaison::GraphStore &store)
{
    std::string written = liaison::writeLiaisonJson(store);
    try {
        liaison::readLiaisonJson(written, "committed.json");
    } catch (const liaison::ParseError &error) {
        std::fprintf(stderr, "committed graph does not read back: %s\n", error.what());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const liaison::LoaderInfo *loader = host().find(LIAISON_FUZZ_LOADER);
    if (!loader) {
        std::fprintf(stderr, "no built-in loader '%s'\n", LIAISON_FUZZ_LOADER);
        std::abort();
    }
    std::string_view bytes(reinterpret_cast<const char *>(data), size);
    liaison::ImportBatch batch;
    try {
        batch = host().load(*loader, "fuzz-input", bytes);
    } catch (const liaison::UserError &) {
        return 0;
    }
    for (bool lenient : {false, true}) {
        liaison::GraphStore store = startingStore();
        const std::string before = liaison::writeLiaisonJson(store);
        liaison::ImportOptions options;
        options.lenient = lenient;
        try {
            liaison::commitBatch(store, batch, options);
        } catch (const liaison::ImportError &) {
            if (liaison::writeLiaisonJson(store) != before) {
                std::fprintf(stderr, "a refused import changed the store\n");
                std::abort();
            }
            continue;
        }
        mustRoundTrip(store);
    }
    return 0;
}
