// How a font's em relates to the size ImGui bakes it at. ImGui (stb_truetype
// and FreeType alike) sizes a font by its line height, ascent minus descent,
// not by its em: Noto Sans CJK's line is 1.448 em, so the "16 px" UI font has
// 11 px ideographs, and labels sized that way looked a third smaller than
// asked. Labels are sized in em pixels, the size a reader judges.
#pragma once

#include <vector>

namespace liaison::viewer {

// Ascent minus descent over units per em for face `face` of the font file
// (TrueType/OpenType, or a collection); 1 when the data is not a font.
float lineHeightPerEm(const std::vector<char> &fontFile, int face);

} // namespace liaison::viewer
