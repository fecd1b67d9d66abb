// The viewer's command line.
#pragma once

#include "liaison/filter_spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace liaison::viewer {

struct ViewerOptions {
    std::string file;                  // Liaison JSON to open, may be empty
    std::string screenshot;            // render one frame after layout, write PNG, exit
    int width = 1400, height = 900;    // --size WxH
    std::string layout;                // engine name
    int timeLimitSeconds = 20;
    std::string focus;                 // entity id or name
    int depth = 1;
    std::string select;
    std::string search;
    std::vector<std::string> hideKinds;
    std::string changesSince;          // --changes-since OLD.json: ring what was added or changed
    bool people = false;               // --people: the people-network mode
    std::optional<std::string> groupBy; // --group-by country|organisation|community|none
    std::vector<std::string> expandGroups; // --expand GROUP (repeatable), once the first layout settled
    std::string selectLink;            // --select-link A,B: a rolled-up link, after the expansions
    std::string sizeBy, colourBy;      // --size-by, --colour-by (encoding panel settings)
    FilterSpec filters;                // --kinds, --country, ... as the CLI's, checked once the file is open
    std::string dumpPositions;         // sidecar JSON: drawn nodes in screen pixels
    std::string dumpInspector;         // sidecar text: the inspector's lines
    std::vector<std::string> imports;  // --import FILE: through the loader plugins, after FILE opens
    std::string exportPath;            // export the view (format from the extension) before exiting
    bool latinGlyphsOnly = false;      // --glyphs latin: omit the document's characters (tests)
    bool help = false;
};

// Throws UserError naming the bad argument.
ViewerOptions parseOptions(int argc, char **argv);
std::string usage();

} // namespace liaison::viewer
