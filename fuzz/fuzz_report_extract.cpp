// Fuzzes the report-text extractor (plugins/report): extractReport over any
// bytes. TextError is the expected answer to invalid UTF-8. The result must
// keep its contract (relation endpoints are extracted entities) and its
// Liaison JSON must read back with the core reader.
#include "liaison/json_io.hpp"
#include "liaison/report/model_bridge.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    liaison::report::Extraction extraction;
    try {
        extraction = liaison::report::extractReport(text, "fuzz-report");
    } catch (const liaison::report::TextError &) {
        return 0;
    }
    std::set<std::string> ids;
    for (const liaison::report::Entity &e : extraction.entities)
        if (!ids.insert(e.id).second) {
            std::fprintf(stderr, "duplicate entity id %s\n", e.id.c_str());
            std::abort();
        }
    for (const liaison::report::Relation &r : extraction.relations)
        if (!ids.count(r.from) || !ids.count(r.to)) {
            std::fprintf(stderr, "relation %s -> %s has an endpoint that is not an entity\n", r.from.c_str(),
                         r.to.c_str());
            std::abort();
        }
    try {
        liaison::readLiaisonJson(liaison::report::extractionToJson(extraction), "extraction.json");
    } catch (const liaison::ParseError &error) {
        std::fprintf(stderr, "extraction JSON does not read back: %s\n", error.what());
        std::abort();
    }
    return 0;
}
