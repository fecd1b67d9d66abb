// The canvas camera. World coordinates are Graphviz points with y pointing
// down (Graphviz's y negated); screen coordinates are ImGui pixels.
#pragma once

namespace liaison::viewer {

struct Vec2 {
    float x = 0, y = 0;
};

struct Camera {
    double centreX = 0, centreY = 0; // world point at the canvas centre
    double zoom = 1;                 // pixels per point

    // `origin` and `size`: the canvas rectangle on screen.
    Vec2 toScreen(double wx, double wy, Vec2 origin, Vec2 size) const {
        return {static_cast<float>(origin.x + size.x * 0.5 + (wx - centreX) * zoom),
                static_cast<float>(origin.y + size.y * 0.5 + (wy - centreY) * zoom)};
    }
    void toWorld(Vec2 screen, Vec2 origin, Vec2 size, double &wx, double &wy) const {
        wx = centreX + (screen.x - origin.x - size.x * 0.5) / zoom;
        wy = centreY + (screen.y - origin.y - size.y * 0.5) / zoom;
    }
};

// Multiplies the zoom by `factor`, keeping the world point under `anchor` fixed.
void zoomAround(Camera &camera, Vec2 anchor, double factor, Vec2 origin, Vec2 size);
// Frames the world box [minX,maxX]x[minY,maxY] in a canvas of `size` pixels
// with a margin; a degenerate box gets zoom 1.
void fitBox(Camera &camera, double minX, double minY, double maxX, double maxY, Vec2 size);

} // namespace liaison::viewer
