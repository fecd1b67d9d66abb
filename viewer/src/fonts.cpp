#include "fonts.hpp"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
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

} // namespace

std::string cjkFontPath() {
    if (const char *env = std::getenv("LIAISON_VIEWER_FONT"); env && *env)
        return env;
    return LIAISON_CJK_FONT;
}

FontAtlasInfo rebuildFonts(const AppState &app, std::vector<unsigned short> &ranges) {
    ImGuiIO &io = ImGui::GetIO();
    io.Fonts->Clear();
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
    info.fontPath = path;
    return info;
}

} // namespace liaison::viewer
