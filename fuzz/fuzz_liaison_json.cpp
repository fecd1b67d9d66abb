// Fuzzes the Liaison JSON reader (readLiaisonJson). A ParseError is the
// expected answer to bad input; any other exception, a crash, a sanitizer
// report or a hang is a bug. A document that reads must survive a round trip:
// writing it and reading that back gives the same text.
#include "liaison/json_io.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    std::string written;
    try {
        written = liaison::writeLiaisonJson(liaison::readLiaisonJson(text, "fuzz.json"));
    } catch (const liaison::ParseError &) {
        return 0;
    }
    // What we wrote must read back, and identically.
    std::string again = liaison::writeLiaisonJson(liaison::readLiaisonJson(written, "rewritten.json"));
    if (again != written) std::abort();
    return 0;
}
