// The loaders linked into the program. Defined by a file that
// plugins/CMakeLists.txt generates from every liaison_add_plugin() call.
#pragma once

#include "liaison/plugin.h"

#include <vector>

namespace liaison::detail {

// Descriptors of the built-in loaders, in plugin folder order. Static storage.
std::vector<const liaison_loader *> builtinLoaders();

} // namespace liaison::detail
