// The labels placed for one camera, kept between frames (part of
// CanvasScratch). Placing labels means culling every node on screen, sorting
// them by importance and testing each against the labels already placed: at
// 100k nodes that is most of a frame. So labels are placed only when the
// view changes (scene, canvas rectangle, font size, number always labelled)
// or the camera settles somewhere new; while the camera moves (a drag, a
// smooth zoom within kZoomSlack) the placed labels follow their nodes.
// UI thread only.
#pragma once

#include "camera.hpp"

#include <cstdint>
#include <vector>

namespace liaison::viewer {

struct PlacedLabel {
    std::uint32_t slot = 0; // scene node slot
    float dx = 0, dy = 0;   // top-left corner from the node's centre, pixels
    float w = 0, h = 0;     // text size, pixels
    float fontSize = 0;     // the label font's em size it was placed with (labelFont)
    bool inside = false;    // drawn inside its node, in the node's text colour
    std::uint32_t shownBytes = 0; // the name's first bytes drawn, then an ellipsis; 0 = the whole name
};

struct LabelCache {
    // A zoom more than this factor away from the placement's places labels again.
    static constexpr double kZoomSlack = 1.25;

    // What the placement was made for.
    bool valid = false;
    const void *store = nullptr;
    std::uint64_t sceneVersion = 0;
    double centreX = 0, centreY = 0, zoom = 0;
    Vec2 origin, size;
    float fontSize = 0;
    std::size_t alwaysLabelled = 0;
    std::vector<PlacedLabel> labels; // most important first
    // The camera of the previous frame: equal to this frame's, the camera has settled.
    double lastCentreX = 0, lastCentreY = 0, lastZoom = 0;
    std::uint64_t placements = 0; // how many times labels were placed (benchmarks, tests)

    // Scratch: 4x4-pixel cells taken by a label (stamp per cell), candidate
    // order, and per node slot the label drawn this frame (stamp, rectangle).
    std::vector<std::uint32_t> cells;
    int cellsX = 0, cellsY = 0;
    std::uint32_t stamp = 0;
    std::vector<std::uint32_t> order;
    std::uint32_t frame = 0;
    std::vector<std::uint32_t> shownStamp, shownAt; // shownStamp == frame: drawn this frame
    std::vector<float> shownRects; // x0 y0 x1 y1 per label drawn this frame
};

} // namespace liaison::viewer
