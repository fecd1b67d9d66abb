#include "fonts.hpp"

#include "font_metrics.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <type_traits>

namespace liaison::viewer {

namespace {

static_assert(std::is_same_v<ImWchar, unsigned short>, "ImGui built with 16-bit ImWchar expected");

// Punctuation the UI itself draws (arrows, quotes, dashes, ellipsis, middle dot).
constexpr const char *kUiSymbols = "\xE2\x86\x92\xE2\x86\x90\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x94"
                                   "\xE2\x80\xA6\xC2\xB7\xE2\x80\x98\xE2\x80\x99\xE2\x80\xA2";

// The font face in the collection: Traditional Chinese, as in the seed report.
constexpr int kTraditionalChineseFace = 3;

void addText(ImFontGlyphRangesBuilder &builder, const std::string &text) {
    if (!text.empty())
        builder.AddText(text.data(), text.data() + text.size());
}

void addEvidence(ImFontGlyphRangesBuilder &builder, const std::vector<Evidence> &evidence) {
    for (const Evidence &e : evidence) {
        addText(builder, e.quote);
        addText(builder, e.locator);
    }
}

void addDocument(ImFontGlyphRangesBuilder &builder, const GraphStore &store) {
    for (const Source &s : store.sources())
        addText(builder, s.title);
    for (const Entity &e : store.entities()) {
        addText(builder, e.name);
        for (const auto &[language, name] : e.names)
            addText(builder, name);
        for (const std::string &alias : e.aliases)
            addText(builder, alias);
        for (const auto &[key, value] : e.attributes) {
            addText(builder, key);
            addText(builder, value.text);
        }
        addEvidence(builder, e.evidence);
    }
    for (const Relation &r : store.relations()) {
        for (const auto &[key, value] : r.attributes)
            addText(builder, value.text);
        addEvidence(builder, r.evidence);
    }
}

// Labels are drawn with fonts baked at the very size they are drawn at: a
// glyph scaled from the UI's 16 px atlas was resampled at fractional pixel
// offsets, which faded one stem of an "n" and opened gaps inside words
// ("Un iversity", "CH UG UNOV"). Glyphs: Latin and the entities' names only.
// The sizes are em pixels (font_metrics.hpp), from the smallest a CJK name
// reads at to the largest a label may take of the canvas.
constexpr float kLabelEmSizes[] = {12, 13, 14, 16, 18, 20, 22};

struct LabelFonts {
    std::string path;
    std::vector<char> data;                  // the font file, shared by every label size
    std::vector<unsigned short> ranges;
    const ImFontAtlas *atlas = nullptr;      // the atlas `bySize` belongs to
    std::vector<std::pair<float, ImFont *>> bySize; // by em size, ascending
    float linePerEm = 1;                     // the size ImGui bakes at, per em
};

LabelFonts &labelFonts() {
    static LabelFonts fonts;
    return fonts;
}

void addNames(ImFontGlyphRangesBuilder &builder, const GraphStore &store) {
    for (const Entity &e : store.entities()) {
        addText(builder, e.name);
        for (const auto &[language, name] : e.names)
            addText(builder, name);
    }
}

void addLabelFonts(const AppState &app, const std::string &path) {
    LabelFonts &fonts = labelFonts();
    ImGuiIO &io = ImGui::GetIO();
    if (fonts.path != path) {
        std::ifstream in(path, std::ios::binary);
        fonts.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        fonts.path = in ? path : std::string();
        fonts.linePerEm = lineHeightPerEm(fonts.data, kTraditionalChineseFace);
    }
    if (fonts.data.empty())
        return;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText("\xE2\x80\xA6"); // the ellipsis
    if (app.glyphMode == GlyphMode::Document && app.doc.store)
        addNames(builder, *app.doc.store);
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    fonts.ranges.assign(built.begin(), built.end());
    for (float em : kLabelEmSizes) {
        ImFontConfig config;
        config.FontNo = kTraditionalChineseFace;
        config.FontDataOwnedByAtlas = false;
        // Whole-pixel advances and offsets: every glyph is copied 1:1 from
        // the atlas, so a letter looks the same wherever it falls.
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        // ImGui sizes by line height: whole pixels, so the em is the wanted one within a pixel.
        const float size = std::round(em * fonts.linePerEm);
        if (ImFont *font = io.Fonts->AddFontFromMemoryTTF(fonts.data.data(), static_cast<int>(fonts.data.size()), size,
                                                          &config, fonts.ranges.data()))
            fonts.bySize.emplace_back(em, font);
    }
    fonts.atlas = io.Fonts;
}

} // namespace

LabelFont labelFont(float wantedEm) {
    const LabelFonts &fonts = labelFonts();
    if (fonts.bySize.empty() || fonts.atlas != ImGui::GetIO().Fonts)
        return {ImGui::GetFont(), wantedEm, wantedEm};
    // The largest baked size not above the wanted one (else the smallest).
    auto chosen = fonts.bySize.begin();
    for (auto it = fonts.bySize.begin(); it != fonts.bySize.end(); ++it)
        if (it->first <= wantedEm + 0.01f)
            chosen = it;
    return {chosen->second, chosen->second->FontSize, chosen->first};
}

std::string cjkFontPath() {
    if (const char *env = std::getenv("LIAISON_VIEWER_FONT"); env && *env)
        return env;
    return LIAISON_CJK_FONT;
}

FontAtlasInfo rebuildFonts(const AppState &app, std::vector<unsigned short> &ranges) {
    ImGuiIO &io = ImGui::GetIO();
    io.Fonts->Clear();
    labelFonts().bySize.clear();
    labelFonts().atlas = nullptr;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText(kUiSymbols);
    if (app.glyphMode == GlyphMode::Document && app.doc.store)
        addDocument(builder, *app.doc.store);
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    ranges.assign(built.begin(), built.end());

    FontAtlasInfo info;
    info.glyphRangeCount = ranges.size() / 2;
    std::string path = cjkFontPath();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        io.Fonts->AddFontDefault();
        return info;
    }
    ImFontConfig config;
    config.FontNo = kTraditionalChineseFace;
    config.OversampleH = 1; // thousands of CJK glyphs: keep the atlas small
    config.OversampleV = 1;
    config.PixelSnapH = true;
    io.Fonts->TexDesiredWidth = 4096;
    if (!io.Fonts->AddFontFromFileTTF(path.c_str(), app.fontSize, &config, ranges.data())) {
        io.Fonts->AddFontDefault();
        return info;
    }
    // The UI font stays the default (first) font; the label fonts follow it.
    addLabelFonts(app, path);
    info.fontPath = path;
    return info;
}

} // namespace liaison::viewer
