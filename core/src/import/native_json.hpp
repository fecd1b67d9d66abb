// Liaison JSON, the store's own format, as the host's native reader: no
// plugin ABI in between, the host parses the file straight into a batch.
// Listed among the loaders as the built-in "liaison-json".
#pragma once

#include "liaison/import_batch.hpp"
#include "liaison/plugin_host.hpp"

#include <string>
#include <string_view>

namespace liaison::detail {

// The LoaderInfo under which `liaison plugins` lists the native reader
// (origin "built-in", native = true, no descriptor).
LoaderInfo nativeJsonLoaderInfo();

// Confidence 0-100 that `bytes` is a Liaison JSON document: 90 for an
// object that mentions "liaison" in its first 4 KiB, 10 for another object.
int sniffLiaisonJson(std::string_view bytes);

// The document's records as a batch, or a batch holding the one located
// error diagnostic that says why the document is refused.
ImportBatch readLiaisonJsonBatch(std::string_view bytes, const std::string &path);

} // namespace liaison::detail
