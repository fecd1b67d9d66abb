#include "app.hpp"

#include "actions.hpp"
#include "automation.hpp"
#include "fonts.hpp"
#include "panels.hpp"

#include "liaison/errors.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>

namespace liaison::viewer {

namespace {

// Frames rendered after everything settled before the screenshot is taken,
// so auto-sized windows and the inspector have their final size.
constexpr int kSettleFrames = 3;

std::string windowTitle(const AppState &app) {
    std::string title = "Liaison";
    if (!app.path.empty())
        title += " - " + std::filesystem::path(app.path).filename().string();
    return app.dirty ? title + " *" : title;
}

struct Automation {
    const ViewerOptions &options;
    bool applied = false;
    bool groupsApplied = false; // --expand, --select-link: after the first settled layout
    int settledFrames = 0;
    bool exportStarted = false;
};

// Returns an exit code when the automated run is over.
std::optional<int> stepAutomation(AppState &app, Automation &a, Window &window) {
    if (!app.errors.empty()) {
        std::cerr << "liaison-viewer: " << app.errors.front() << "\n";
        return 1;
    }
    if (!app.doc.store || app.loading.running() || app.importing.running() || !app.queuedImports.empty())
        return std::nullopt;
    if (!a.applied) {
        a.applied = true;
        applyStartupOptions(app, a.options);
    }
    if (!settled(app) || app.exporting.running()) {
        a.settledFrames = 0;
        return std::nullopt;
    }
    if (!a.groupsApplied) {
        a.groupsApplied = true;
        if (applyGroupOptions(app, a.options))
            return std::nullopt; // wait for the incremental layout
    }
    if (!a.options.exportPath.empty() && !a.exportStarted) {
        a.exportStarted = true;
        std::string ext = std::filesystem::path(a.options.exportPath).extension().string();
        exportView(app, a.options.exportPath, parseDiagramFormat(ext.empty() ? "svg" : ext.substr(1)));
        return std::nullopt;
    }
    if (++a.settledFrames < kSettleFrames)
        return std::nullopt;
    if (!a.options.screenshot.empty()) {
        int w = 0, h = 0;
        std::vector<std::uint8_t> pixels = window.readPixels(w, h);
        writePng(a.options.screenshot, pixels, w, h);
        if (!a.options.dumpPositions.empty())
            dumpPositions(app, a.options.dumpPositions, w, h);
    }
    if (!a.options.dumpInspector.empty())
        dumpInspector(app, a.options.dumpInspector);
    return 0;
}

bool automated(const ViewerOptions &o) {
    return !o.screenshot.empty() || !o.dumpInspector.empty() || !o.exportPath.empty();
}

} // namespace

void refreshFonts(AppState &app, Window &window, std::vector<unsigned short> &ranges) {
    if (!app.fontsStale)
        return;
    app.fontsStale = false;
    FontAtlasInfo info = rebuildFonts(app, ranges);
    window.reloadFonts();
    if (info.fontPath.empty())
        app.status = "CJK font not found (" + cjkFontPath() + "); Chinese shows as '?'";
}

void buildFrame(AppState &app) {
    pollBackground(app);
    updateView(app);
    drawWorkspace(app);
}

int runViewer(const ViewerOptions &options) {
    AppState app;
    if (!options.layout.empty())
        app.engine = parseLayoutEngine(options.layout);
    app.timeLimitSeconds = options.timeLimitSeconds;
    app.glyphMode = options.latinGlyphsOnly ? GlyphMode::LatinOnly : GlyphMode::Document;
    const bool batch = automated(options);
    if (batch && options.file.empty() && options.imports.empty())
        throw UserError("automation options need a FILE to open (or --import FILE)");

    WindowOptions wo;
    wo.width = options.width;
    wo.height = options.height;
    wo.visible = !batch;
    wo.vsync = !batch;
    Window window(wo);
    std::vector<unsigned short> ranges;
    if (!options.file.empty())
        openDocument(app, options.file);
    app.queuedImports.assign(options.imports.begin(), options.imports.end());

    Automation automation{options};
    const auto started = std::chrono::steady_clock::now();
    const auto batchDeadline = std::chrono::seconds(120 + 2 * options.timeLimitSeconds);
    std::string title;
    while (!app.quit && !window.closeRequested()) {
        refreshFonts(app, window, ranges);
        bool busy = app.loading.running() || app.importing.running() || app.exporting.running() ||
                    app.layouts.running() || app.layoutPending || !app.queuedImports.empty();
        window.beginFrame(batch ? 0.005 : busy ? 1.0 / 30 : 0.25);
        buildFrame(app);
        window.render();
        if (!batch && !automation.applied && app.doc.store && !app.loading.running()) {
            // Interactive runs take --focus, the filters... too; a bad value is a dialog.
            automation.applied = true;
            try {
                applyStartupOptions(app, options);
            } catch (const UserError &e) {
                reportError(app, e.what());
            }
        }
        if (!batch && automation.applied && !automation.groupsApplied && settled(app)) {
            automation.groupsApplied = true;
            try {
                applyGroupOptions(app, options);
            } catch (const UserError &e) {
                reportError(app, e.what());
            }
        }
        if (batch) {
            try {
                if (std::optional<int> code = stepAutomation(app, automation, window))
                    return *code;
            } catch (const UserError &e) {
                std::cerr << "liaison-viewer: " << e.what() << "\n";
                return 1;
            }
            if (std::chrono::steady_clock::now() - started > batchDeadline) {
                std::cerr << "liaison-viewer: gave up waiting for the layout\n";
                return 2;
            }
        }
        window.swap();
        if (std::string t = windowTitle(app); t != title)
            window.setTitle(title = t);
    }
    return 0;
}

} // namespace liaison::viewer
