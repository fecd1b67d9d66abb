#include "shapes.hpp"

#include <cmath>
#include <map>
#include <numbers>
#include <string>

namespace liaison::viewer {

namespace {

UnitShape regular(int sides, double rotation) {
    UnitShape s{ShapeKind::Polygon, {}};
    for (int i = 0; i < sides; ++i) {
        double a = rotation + 2 * std::numbers::pi * i / sides;
        s.points.push_back({static_cast<float>(0.5 * std::cos(a)), static_cast<float>(0.5 * std::sin(a))});
    }
    return s;
}

UnitShape polygon(std::vector<Vec2> points) { return {ShapeKind::Polygon, std::move(points)}; }

std::map<std::string, UnitShape, std::less<>> makeShapes() {
    std::map<std::string, UnitShape, std::less<>> shapes;
    UnitShape ellipse = regular(32, 0);
    ellipse.kind = ShapeKind::Ellipse;
    UnitShape box{ShapeKind::Box, {{-0.5f, -0.5f}, {0.5f, -0.5f}, {0.5f, 0.5f}, {-0.5f, 0.5f}}};
    for (const char *name : {"ellipse", "oval", "circle", "doublecircle", "point"})
        shapes.emplace(name, ellipse);
    for (const char *name : {"box", "rect", "rectangle", "square", "component", "folder", "tab", "note", "box3d", "cylinder"})
        shapes.emplace(name, box);
    shapes.emplace("diamond", polygon({{0, -0.5f}, {0.5f, 0}, {0, 0.5f}, {-0.5f, 0}}));
    shapes.emplace("hexagon", regular(6, 0));
    shapes.emplace("octagon", regular(8, std::numbers::pi / 8));
    shapes.emplace("doubleoctagon", regular(8, std::numbers::pi / 8));
    shapes.emplace("pentagon", regular(5, -std::numbers::pi / 2));
    shapes.emplace("triangle", polygon({{0, -0.5f}, {0.5f, 0.5f}, {-0.5f, 0.5f}}));
    shapes.emplace("invtriangle", polygon({{-0.5f, -0.5f}, {0.5f, -0.5f}, {0, 0.5f}}));
    shapes.emplace("house", polygon({{0, -0.5f}, {0.5f, -0.1f}, {0.5f, 0.5f}, {-0.5f, 0.5f}, {-0.5f, -0.1f}}));
    shapes.emplace("invhouse", polygon({{-0.5f, -0.5f}, {0.5f, -0.5f}, {0.5f, 0.1f}, {0, 0.5f}, {-0.5f, 0.1f}}));
    shapes.emplace("parallelogram", polygon({{-0.3f, -0.5f}, {0.5f, -0.5f}, {0.3f, 0.5f}, {-0.5f, 0.5f}}));
    shapes.emplace("trapezium", polygon({{-0.3f, -0.5f}, {0.3f, -0.5f}, {0.5f, 0.5f}, {-0.5f, 0.5f}}));
    shapes.emplace("septagon", regular(7, -std::numbers::pi / 2));
    return shapes;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

const UnitShape &unitShape(std::string_view graphvizShape) {
    static const std::map<std::string, UnitShape, std::less<>> shapes = makeShapes(); // immutable table
    auto it = shapes.find(graphvizShape);
    if (it == shapes.end())
        it = shapes.find("ellipse");
    return it->second;
}

std::uint32_t parseColour(std::string_view hex) {
    const std::uint32_t grey = 0xFFB0B0B0u;
    if (hex.size() != 7 && hex.size() != 9)
        return grey;
    if (hex[0] != '#')
        return grey;
    std::uint32_t bytes[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        int hi = hexDigit(hex[i + 1]), lo = hexDigit(hex[i + 2]);
        if (hi < 0 || lo < 0)
            return grey;
        bytes[i / 2] = static_cast<std::uint32_t>(hi * 16 + lo);
    }
    return bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
}

std::uint32_t textColourOn(std::uint32_t fill) {
    double r = fill & 0xFF, g = (fill >> 8) & 0xFF, b = (fill >> 16) & 0xFF;
    double luminance = 0.299 * r + 0.587 * g + 0.114 * b;
    return luminance > 150 ? 0xFF1A1A1Au : 0xFFFFFFFFu;
}

std::uint32_t withAlpha(std::uint32_t colour, float alpha) {
    auto a = static_cast<std::uint32_t>(static_cast<float>(colour >> 24) * alpha);
    return (colour & 0x00FFFFFFu) | (a << 24);
}

} // namespace liaison::viewer
