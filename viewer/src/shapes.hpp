// Node shapes and colours for the canvas, from core's styleOfKind so the
// viewer and the exports agree.
#pragma once

#include "camera.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace liaison::viewer {

enum class ShapeKind : std::uint8_t { Ellipse, Box, Polygon };

// A convex outline in the unit box [-0.5, 0.5]^2, clockwise on screen.
struct UnitShape {
    ShapeKind kind = ShapeKind::Ellipse;
    std::vector<Vec2> points; // for Polygon (and a 32-point ellipse)
};

// The outline for a Graphviz shape name (ellipse, box, diamond, hexagon,
// octagon, house, triangle, ...); unknown names are ellipses.
const UnitShape &unitShape(std::string_view graphvizShape);

// "#rrggbb" (or "#rrggbbaa") as ImGui's packed ABGR colour; grey when malformed.
std::uint32_t parseColour(std::string_view hex);
// Black or white, whichever reads better on `fill`.
std::uint32_t textColourOn(std::uint32_t fill);
// `colour` with its alpha multiplied by `alpha` (0..1).
std::uint32_t withAlpha(std::uint32_t colour, float alpha);

} // namespace liaison::viewer
