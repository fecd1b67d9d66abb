// Evidence carried as an attribute by exchange formats (internal).
#pragma once

#include "liaison/model.hpp"

#include <algorithm>

namespace liaison::detail {

// When attributes["evidence"] is a JSON array of {source, line, locator,
// quote, confidence}, moves it into `evidence`; otherwise leaves it alone.
void liftEvidence(Attributes &attributes, std::vector<Evidence> &evidence);

// What the store would refuse in these attributes and evidence once the
// evidence attribute is lifted (storable.hpp), or "". For validation, which
// must name the input position before the commit lifts anything.
std::string liftedValuesProblem(const Attributes &attributes, const std::vector<Evidence> &evidence);

} // namespace liaison::detail
