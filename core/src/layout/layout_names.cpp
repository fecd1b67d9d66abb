#include "liaison/errors.hpp"
#include "liaison/layout.hpp"

#include <array>
#include <utility>

namespace liaison {

namespace {

constexpr std::array<std::pair<LayoutEngine, std::string_view>, 6> kEngines{{
    {LayoutEngine::Dot, "dot"},
    {LayoutEngine::Neato, "neato"},
    {LayoutEngine::Fdp, "fdp"},
    {LayoutEngine::Sfdp, "sfdp"},
    {LayoutEngine::Circo, "circo"},
    {LayoutEngine::Twopi, "twopi"},
}};

constexpr std::array<std::pair<DiagramFormat, std::string_view>, 4> kFormats{{
    {DiagramFormat::Dot, "dot"},
    {DiagramFormat::Svg, "svg"},
    {DiagramFormat::Png, "png"},
    {DiagramFormat::Pdf, "pdf"},
}};

template <typename Table>
std::string validNames(const Table &table)
{
    std::string names;
    for (const auto &[value, name] : table) {
        if (!names.empty())
            names += ", ";
        names += name;
    }
    return names;
}

} // namespace

LayoutEngine parseLayoutEngine(std::string_view name)
{
    for (const auto &[engine, engineName] : kEngines)
        if (engineName == name)
            return engine;
    throw UserError("unknown layout engine '" + std::string(name) +
                    "' (valid: " + validNames(kEngines) + ")");
}

std::string_view layoutEngineName(LayoutEngine engine)
{
    for (const auto &[value, name] : kEngines)
        if (value == engine)
            return name;
    return "sfdp";
}

const std::vector<LayoutEngine> &allLayoutEngines()
{
    static const std::vector<LayoutEngine> engines = [] {
        std::vector<LayoutEngine> all;
        for (const auto &[engine, name] : kEngines)
            all.push_back(engine);
        return all;
    }();
    return engines;
}

DiagramFormat parseDiagramFormat(std::string_view name)
{
    for (const auto &[format, formatName] : kFormats)
        if (formatName == name)
            return format;
    throw UserError("unknown diagram format '" + std::string(name) +
                    "' (valid: " + validNames(kFormats) + ")");
}

PageSize parsePageSize(std::string_view name)
{
    static constexpr std::array<std::pair<std::string_view, PageSize>, 3> kPages{{
        {"a4", {595.28, 841.89}},
        {"a3", {841.89, 1190.55}},
        {"letter", {612, 792}},
    }};
    std::string lower(name);
    for (char &c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    constexpr std::string_view kLandscape = "-landscape";
    const bool landscape = lower.ends_with(kLandscape);
    if (landscape) lower.resize(lower.size() - kLandscape.size());
    for (const auto &[pageName, size] : kPages)
        if (pageName == lower) return landscape ? PageSize{size.height, size.width} : size;
    throw UserError("unknown page size '" + std::string(name) +
                    "' (valid: A4, A3, letter, each optionally with -landscape: A4-landscape)");
}

} // namespace liaison
