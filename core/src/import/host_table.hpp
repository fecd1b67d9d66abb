// The host side of the plugin ABI: a liaison_host table whose callbacks copy
// records into an ImportBatch (internal to core/import).
#pragma once

#include "liaison/plugin_host.hpp"

namespace liaison::detail {

// Calls descriptor->load over `bytes` and collects what it hands over.
// Every misbehaviour of the plugin (malformed records, an unknown return
// code, an escaping exception, failing without a message) becomes an error
// diagnostic in the batch. Sets `cancelled` when the load was cancelled.
ImportBatch runLoader(const liaison_loader &descriptor, const std::string &loaderName,
                      const std::string &path, std::string_view bytes, const LoadOptions &options,
                      bool &cancelled);

} // namespace liaison::detail
