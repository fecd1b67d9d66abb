#include "font_metrics.hpp"

// stb_truetype as ImGui ships it, compiled here with internal linkage: only
// the font header's metrics are read, nothing is rasterised.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>

namespace liaison::viewer {

float lineHeightPerEm(const std::vector<char> &fontFile, int face) {
    const auto *data = reinterpret_cast<const unsigned char *>(fontFile.data());
    if (fontFile.size() < 12)
        return 1;
    const int offset = stbtt_GetFontOffsetForIndex(data, face);
    stbtt_fontinfo info;
    if (offset < 0 || !stbtt_InitFont(&info, data, offset))
        return 1;
    // The scale for 1 em over the scale for a 1 px line.
    const float ratio = stbtt_ScaleForMappingEmToPixels(&info, 1) / stbtt_ScaleForPixelHeight(&info, 1);
    return ratio > 0.5f && ratio < 3.f ? ratio : 1.f;
}

} // namespace liaison::viewer
