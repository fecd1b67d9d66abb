// Visual encoding: what the canvas is asked to draw for each node — its
// size (by degree, betweenness or met-count), its colour (by kind,
// community, country or source), which labels matter most — and the legend
// that says exactly which encodings are in use. Pure functions of the
// scene, the store and the settings (tested without a window).
#pragma once

#include "scene.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace liaison::viewer {

enum class SizeBy { Layout, Degree, Betweenness, MetCount };
enum class ColourBy { Kind, Community, Country, Source };

struct EncodingState {
    SizeBy size = SizeBy::Degree;
    ColourBy colour = ColourBy::Kind;
    bool edgeColourByRelation = true;
    std::size_t alwaysLabelled = 15; // the top-N by the size measure keep their labels at any zoom
    bool operator==(const EncodingState &) const = default;
};

const char *sizeByName(SizeBy by);     // "degree", ...
const char *colourByName(ColourBy by); // "community", ...
// Parses a name as printed by the functions above; UserError listing them.
SizeBy parseSizeBy(std::string_view name);
ColourBy parseColourBy(std::string_view name);

struct LegendSwatch {
    std::string label;
    std::uint32_t colour = 0; // ImGui ABGR
};

struct Encoding {
    std::vector<float> scale;              // per scene slot: size relative to the layout's
    std::vector<std::uint32_t> fill;       // per scene slot
    std::vector<std::uint32_t> labelRank;  // per scene slot: 0 = most important
    std::vector<float> measure;            // per scene slot: the size measure
    std::vector<LegendSwatch> colours;     // what each fill means (only those in use)
    std::vector<std::uint32_t> edgeColour; // per scene edge slot; 0 = the neutral grey
    std::vector<float> edgeWidth;          // per scene edge slot: 1, more by the link's "weight"
    std::string widthMeaning;              // "edge width: shared occasions (1 .. 9)", or ""
    std::vector<LegendSwatch> edgeMeanings; // relation kinds visible, when edges are coloured
    std::string sizeMeaning;               // "size: degree (1 .. 37)", "" for layout size
};

// The encoding of the scene's visible nodes under `state`. Measures are
// computed on what is visible (the view), so a filter changes them.
// `groups`: the scene is the aggregated view's, whose group nodes are sized
// by their members whatever `state.size` says.
// `growIntoRoom`: a node grows beyond its layout size only into the room the
// layout left around it (the people network, where the persons of a
// conference all met and sfdp packs them tightly: grown, they became one
// blot). Not in the entity view, whose wide event hexagons overlap at their
// layout size already: thinned, they left the top labels no room.
Encoding computeEncoding(const Scene &scene, const EncodingState &state, bool groups = false,
                         bool growIntoRoom = false);

// Writes sizes, fills and label ranks into the scene (base sizes kept).
void applyEncoding(Scene &scene, const Encoding &encoding);

} // namespace liaison::viewer
