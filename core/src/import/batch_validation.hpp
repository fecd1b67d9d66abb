// Validation of an ImportBatch against a store (internal to core/import).
#pragma once

#include "liaison/import_batch.hpp"

#include <cstddef>
#include <vector>

namespace liaison::detail {

// Which records of a batch may be committed, in batch order. Errors and
// warnings found are appended to `report.diagnostics`; in lenient mode every
// refused record is also listed in `report.skipped`.
struct ValidatedBatch {
    std::vector<std::size_t> sources;   // indices into batch.sources()
    std::vector<std::size_t> entities;  // indices into batch.entities() (implicit ones deduplicated)
    std::vector<std::size_t> relations; // indices into batch.relations()
    std::vector<std::string> entityKinds; // the effective kind of each accepted entity
    std::vector<std::string> relationKinds; // the effective kind of each accepted relation
    std::vector<std::size_t> documentFields; // indices into batch.documentFields()
    std::size_t errorCount = 0;
};

ValidatedBatch validateBatch(const GraphStore &store, const ImportBatch &batch,
                             const ImportOptions &options, ImportReport &report);

} // namespace liaison::detail
