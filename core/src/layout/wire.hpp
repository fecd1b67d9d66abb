// Byte encoding of what a layout or a render produces, so it can come back
// from the layout worker process (see graphviz_process.hpp). Same machine, same build: raw
// native-endian numbers, no versioning.
#pragma once

#include "liaison/layout.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace liaison::graphviz {

std::string encodeLayout(const LayoutResult &result);
LayoutResult decodeLayout(std::string_view bytes); // throws LayoutError when truncated

struct RenderPayload {
    std::vector<std::string> messages;
    std::string bytes;
};
std::string encodeRender(const RenderPayload &payload);
RenderPayload decodeRender(std::string_view bytes);

} // namespace liaison::graphviz
