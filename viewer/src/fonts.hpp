// The font atlas: Noto Sans CJK (Debian's fonts-noto-cjk) with glyph ranges
// built from the characters the open document actually uses, plus Latin and
// the UI's punctuation. Rebuilt when a document is opened or edited.
#pragma once

#include "app_state.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace liaison::viewer {

struct FontAtlasInfo {
    std::string fontPath;  // empty when the CJK font was missing (ImGui's default used)
    std::size_t glyphRangeCount = 0;
};

// Rebuilds ImGui's font atlas for app.doc (call between frames, then recreate
// the backend's font texture). `ranges` must outlive the atlas: it is owned
// by the caller and only replaced by the next call.
FontAtlasInfo rebuildFonts(const AppState &app, std::vector<unsigned short> &ranges);

// The font a canvas label of `wantedEm` em pixels is drawn with, and the
// size to draw it at: a font baked at exactly that size (the largest baked
// em not above `wantedEm`, else the smallest), so glyphs are never resampled;
// ImGui's current font at `wantedEm` when none were baked (no CJK font, no
// atlas built by rebuildFonts). `size` is ImGui's (line height) pixels,
// `em` the em pixels it gives.
struct LabelFont {
    ImFont *font = nullptr;
    float size = 0;
    float em = 0;
};
LabelFont labelFont(float wantedEm);

// The CJK font file used, $LIAISON_VIEWER_FONT overriding the default.
std::string cjkFontPath();

} // namespace liaison::viewer
