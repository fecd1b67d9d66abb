// Evidence carried as an attribute by exchange formats (internal).
#pragma once

#include "liaison/model.hpp"

#include <algorithm>

namespace liaison::detail {

// When attributes["evidence"] is a JSON array of {source, line, locator,
// quote, confidence}, moves it into `evidence`; otherwise leaves it alone.
void liftEvidence(Attributes &attributes, std::vector<Evidence> &evidence);

} // namespace liaison::detail
