// The whole state of the viewer application: one plain struct that the
// panels (free functions in panels.hpp) read and change each frame. Owned by
// the UI thread; worker threads only see what LayoutJobs / BackgroundTask
// hand them.
#pragma once

#include "background_task.hpp"
#include "camera.hpp"
#include "command_stack.hpp"
#include "doc_state.hpp"
#include "edge_fold.hpp"
#include "encoding.hpp"
#include "file_dialog.hpp"
#include "gpu_canvas.hpp"
#include "inspector_model.hpp"
#include "label_cache.hpp"
#include "layout_job.hpp"
#include "scene.hpp"
#include "table_rows.hpp"
#include "view_model.hpp"

#include "liaison/aggregate_graph.hpp"
#include "liaison/analysis.hpp"
#include "liaison/identity.hpp"
#include "liaison/layout.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace liaison::viewer {

// Which characters the font atlas holds besides Latin and punctuation.
enum class GlyphMode { Document, LatinOnly };

struct SearchState {
    std::string text;
    std::string resultsFor; // the text `results` were computed for
    std::vector<EntityIndex> results;
    bool focusInput = false;
};

struct PathState {
    std::string fromText, toText;
    std::string message;            // "no connection", ambiguity, ...
    std::shared_ptr<const GraphStore> store; // the store `steps` index into
    std::vector<PathStep> steps;
};

struct InspectorState {
    std::string forId;                         // entity the lines describe
    const GraphStore *forStore = nullptr;
    std::uint64_t forFilterGeneration = 0;
    std::vector<InspectorLine> lines;
    int focusDepth = 1;
    std::string mergeText;                     // entity to merge into the selection
    // Merge candidates of the selection (core's candidatesOf), computed when
    // the merge section is open and the selection or store changed.
    std::string candidatesForId;
    const GraphStore *candidatesForStore = nullptr;
    std::vector<Candidate> candidates;
    bool editing = false;
    Entity draft;                              // the edit in progress
    std::string newAttributeKey, newAttributeValue;
    std::string newLanguage, newLanguageName;
};

// One node as drawn in the last frame (screen pixels), for hit testing and
// the --dump-positions sidecar.
struct DrawnNode {
    std::uint32_t slot = 0;
    float x = 0, y = 0, w = 0, h = 0;       // centre and size on screen
    bool label = false;
    float labelX0 = 0, labelY0 = 0, labelX1 = 0, labelY1 = 0;
};


// Per-frame scratch of the canvas, reused to avoid allocations.
struct CanvasScratch {
    std::vector<DrawnNode> drawn;
    std::vector<std::uint32_t> foldCells;  // stamp per 2x2-pixel cell
    std::uint32_t stamp = 0;
    std::vector<std::uint32_t> highlight;  // stamp per node slot: hovered neighbourhood
    std::uint32_t highlightStamp = 0;
    int cellsX = 0, cellsY = 0;
    LabelCache labelCache;                 // labels placed for a camera, reused while it moves
    Vec2 origin, size;                     // canvas rectangle of the last frame
    EdgeFold edgeFold;
    std::size_t drawnEdges = 0, foldedNodes = 0, labels = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rows; // scene grid rows on screen
    std::size_t nodesOnScreen = 0;                             // nodes in `rows`
    std::string linkTooltip; // what the hovered link's tooltip says this frame, "" when none
    bool gpuDrawn = false;                                     // the GPU drew nodes and edges
    // Between gpuAbove and gpuUpTo nodes on screen, nodes and edges are drawn
    // from GPU buffers; otherwise through ImGui's draw list (exact shapes,
    // splines; past gpuUpTo it folds what shares a pixel). With gpuCache the
    // GPU's picture is kept in a texture that panning only shifts, so a
    // fitted 100k graph costs a copy per frame, not 300k edges through Mesa's
    // software rasteriser (bench/README). bench/viewer_frame_bench sets these
    // to time each path alone.
    std::size_t gpuAbove = 3000;
    std::size_t gpuUpTo = static_cast<std::size_t>(-1);
    bool gpuCache = true;
    GpuFrame gpu;
};

struct AppState {
    // --- document (undoable) ---------------------------------------------
    DocState doc;
    CommandStack history;
    std::string path;      // where the document was opened from / saved to
    bool dirty = false;    // changed since opened or saved
    std::vector<std::string> kinds, relationKinds; // present in doc.store

    // --- what is shown -----------------------------------------------------
    FilterState filters;
    std::uint64_t filterGeneration = 1;
    View view;             // computed from doc + filters
    bool viewStale = true; // recompute `view` next frame
    // People-network mode: the canvas lays out who met whom (persons of
    // `view`, one `met` link per pair weighted by shared occasions) instead
    // of the graph itself. drawnStore/drawnView are what the canvas lays out
    // and exports: doc.store and `view`, or the people network and its view.
    bool peopleNetwork = false;
    std::shared_ptr<const GraphStore> drawnStore;
    View drawnView;
    std::shared_ptr<const GraphStore> peopleStore; // cache, for peopleFor / peopleFilterGeneration
    const GraphStore *peopleFor = nullptr;
    std::uint64_t peopleFilterGeneration = 0;
    // Aggregated view (groups.hpp): the canvas draws groups of the view
    // (countries, organisations or communities) and the expanded groups'
    // members. Chosen when a document opens with more than kAggregateAbove
    // entities; nullopt draws the entities themselves.
    std::optional<GroupBy> grouping;
    std::shared_ptr<const Grouping> groups;       // cache: of groupsFor / groupsView under `grouping`
    const GraphStore *groupsFor = nullptr;
    std::uint64_t groupsViewGeneration = 0;
    std::uint64_t viewGeneration = 0;             // bumped whenever `view` is recomputed
    std::shared_ptr<const AggregateGraph> aggregate; // what the canvas draws in the aggregated view
    // The selected rolled-up link (its two ends' ids in `aggregate`), shown in
    // the inspector with the relations beneath; empty when none.
    std::string linkFrom, linkTo;
    Scene scene;
    EncodingState encoding;  // sizes, colours, label priority (the encoding panel)
    Encoding encoded;        // computed for the scene and the view; legend reads it
    bool encodingStale = true;
    Camera camera;
    bool fitPending = true;

    // --- layout ------------------------------------------------------------
    // Where each entity was drawn (by id; points, y up as in the file's
    // positions section). Read from the file on open, grown by every layout,
    // changed by drags (pinned), written back on save. Filters, hide/show,
    // undo and path highlighting never move an entity that has a place.
    Positions placed;
    Positions placedPeople; // the same for the people network (not saved: it is derived)
    Positions placedGroups; // the same for the aggregated view (not saved: it is derived)
    enum class PlaceSet { Document, People, Groups };
    PlaceSet placeSet() const { return grouping ? PlaceSet::Groups : peopleNetwork ? PlaceSet::People : PlaceSet::Document; }
    Positions &places(PlaceSet set) { return set == PlaceSet::Groups ? placedGroups : set == PlaceSet::People ? placedPeople : placed; }
    Positions &places() { return places(placeSet()); }
    LayoutEngine engine = LayoutEngine::Sfdp;
    int timeLimitSeconds = 20;
    bool autoLayout = true;
    bool layoutPending = false; // request one once the view settles
    std::chrono::steady_clock::time_point layoutDueAt{};
    LayoutJobs layouts;
    PlaceSet layoutPlaces = PlaceSet::Document; // whose places the newest layout request computes
    bool layoutEverFinished = false;

    // --- interaction -------------------------------------------------------
    std::string selectedId;
    EntityIndex hovered = kNoEntity; // in scene.store, reset every frame
    SearchState search;
    PathState pathFinder;
    InspectorState inspector;
    CanvasScratch canvas;
    std::string contextId; // entity whose context menu is open
    std::uint32_t draggedSlot = Scene::kNoSlot; // node being dragged to a new place
    // "Changes since FILE": entities added or changed since that version
    // (core diffGraphs), ringed in teal on the canvas.
    std::string changesSincePath;
    std::set<std::string, std::less<>> changedIds;
    std::string changesSummary;
    TablesState tables; // the Tables panel's sorted rows

    // --- files and dialogs -------------------------------------------------
    FileDialogState fileDialog;
    BackgroundTask<std::shared_ptr<GraphStore>> loading;
    std::string loadingPath;
    BackgroundTask<std::string> exporting; // result: the path written
    struct Imported {
        std::shared_ptr<GraphStore> store; // the open document plus the import
        std::string summary;
        bool intoOpenDocument = false;
    };
    BackgroundTask<Imported> importing;
    std::string importingPath;
    // The running import's loader progress (units the loader chose: bytes,
    // rows...; total 0 = unknown) and its cancel flag, shared with the task.
    struct ImportProgress {
        std::atomic<std::uint64_t> done{0}, total{0};
        std::atomic<bool> cancel{false};
    };
    std::shared_ptr<ImportProgress> importProgress;
    std::deque<std::string> queuedImports; // started one at a time, after any open
    std::string status;                     // one line at the bottom
    std::deque<std::string> errors;         // shown one at a time in a modal

    // --- fonts -------------------------------------------------------------
    GlyphMode glyphMode = GlyphMode::Document;
    bool fontsStale = true; // rebuild the atlas between frames
    float fontSize = 16;

    bool quit = false;
};

// The entity the selection names in the current store, or kNoEntity.
EntityIndex selectedEntity(const AppState &app);

} // namespace liaison::viewer
