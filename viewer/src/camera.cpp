#include "camera.hpp"

#include <algorithm>

namespace liaison::viewer {

namespace {
constexpr double kMinZoom = 1e-4;
constexpr double kMaxZoom = 64;
} // namespace

void zoomAround(Camera &camera, Vec2 anchor, double factor, Vec2 origin, Vec2 size) {
    double wx = 0, wy = 0;
    camera.toWorld(anchor, origin, size, wx, wy);
    camera.zoom = std::clamp(camera.zoom * factor, kMinZoom, kMaxZoom);
    // Move the centre so (wx, wy) lands on the anchor again.
    camera.centreX = wx - (anchor.x - origin.x - size.x * 0.5) / camera.zoom;
    camera.centreY = wy - (anchor.y - origin.y - size.y * 0.5) / camera.zoom;
}

void fitBox(Camera &camera, double minX, double minY, double maxX, double maxY, Vec2 size) {
    camera.centreX = (minX + maxX) * 0.5;
    camera.centreY = (minY + maxY) * 0.5;
    double w = maxX - minX, h = maxY - minY;
    if (w <= 0 && h <= 0) {
        camera.zoom = 1;
        return;
    }
    const double margin = 0.92;
    double zx = w > 0 ? size.x * margin / w : kMaxZoom;
    double zy = h > 0 ? size.y * margin / h : kMaxZoom;
    camera.zoom = std::clamp(std::min({zx, zy, 2.0}), kMinZoom, kMaxZoom);
}

} // namespace liaison::viewer
