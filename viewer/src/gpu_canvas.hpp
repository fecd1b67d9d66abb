// The canvas's GPU path for views with many nodes on screen: node instances
// (centre, size, colour, shape) in the scene grid's order and edge endpoints
// live in GL buffers built once per Scene::version (a layout or a visibility
// change); drawing them changes only the world-to-screen transform and issues
// two draws (edges, then every node instance). The picture, with a margin
// around the canvas, is kept in a texture: a frame whose camera only panned
// (by less than the margin) copies it shifted and draws nothing; a zoom that
// keeps changing (within 1.25x) copies it stretched; a zoom that holds still
// somewhere new, a resize or a scene change draws it again. Emphasis (hover, selection, path)
// and labels stay with ImGui's draw list, on top.
//
// Threading: UI thread. The GL work runs inside ImGui's render, from a draw
// list callback, when the GL context is current.
#pragma once

#include "scene.hpp"

#include <imgui.h>

#include <cstdint>
#include <memory>

namespace liaison::viewer {

class GpuBuffers; // GL objects, created on first draw

// What one frame asks the GPU to draw; read by the callback at render time,
// so it must live until then (it is part of CanvasScratch).
struct GpuFrame {
    const Scene *scene = nullptr;
    std::shared_ptr<GpuBuffers> buffers;
    double centreX = 0, centreY = 0, zoom = 1; // the camera
    Vec2 origin, size;                         // canvas rectangle, screen pixels
    float dim = 1;                             // alpha factor for everything (not cached)
    bool edges = true;
    bool thinEdges = true;                     // zoomed out, edges sharing 4-pixel squares drawn once (gpu_canvas.cpp)
    bool cached = true;                        // through the picture texture (above)
    std::uint32_t background = 0xFFF5F7F7u;    // canvas colour behind the picture (ImGui packed)
    std::uint64_t redraws = 0;                 // pictures drawn into the texture so far
    std::size_t edgesDrawn = 0;                // edges in the last picture drawn
};

// Queues the GPU draw of `frame` into `drawList` at this point of its
// commands (then restores ImGui's render state).
void addGpuDraw(ImDrawList *drawList, GpuFrame &frame);

} // namespace liaison::viewer
