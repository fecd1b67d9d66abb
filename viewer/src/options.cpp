#include "options.hpp"

#include "liaison/errors.hpp"
#include "liaison/grouping.hpp"

#include <charconv>

namespace liaison::viewer {

namespace {

int toInt(const std::string &text, const std::string &option) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw UserError(option + ": expected a number, got '" + text + "'");
    return value;
}

} // namespace

std::string usage() {
    return "usage: liaison-viewer [FILE.json] [options]\n"
           "  --layout ENGINE         dot, neato, fdp, sfdp (default), circo, twopi\n"
           "  --time-limit SECONDS    bound on a layout before a faster engine is tried (20)\n"
           "  --focus ENTITY          show only ENTITY's ego network ...\n"
           "  --depth N               ... to depth N (1)\n"
           "  --select ENTITY         select ENTITY (the inspector shows it)\n"
           "  --search TEXT           type TEXT into the search box\n"
           "  --hide-kind KIND        filter out entities of KIND (repeatable)\n"
           "  --kinds, --relation-kinds, --source, --country, --from, --to, --hide-isolated\n"
           "                          the filters of the command line (liaison export --help), with\n"
           "                          the same checks: a value matching nothing is an error\n"
           "  --changes-since OLD     ring entities added or changed since OLD.json\n"
           "  --people                the people network: who met whom, links as thick as the\n"
           "                          occasions shared\n"
           "  --group-by LEVEL        country, organisation, community: groups as nodes, sized by\n"
           "                          their members, linked by the relations beneath; none: every\n"
           "                          entity. Graphs of more than 2500 entities open grouped\n"
           "  --expand GROUP          show GROUP (its id or name, e.g. Russia) as its members, once\n"
           "                          the groups are laid out (repeatable)\n"
           "  --select-link A,B       select the link between groups A and B: the inspector lists\n"
           "                          the relations beneath it with their evidence; with --people,\n"
           "                          the link between persons A and B: their shared occasions\n"
           "  --size-by MEASURE       layout, degree (default), betweenness, met-count\n"
           "  --colour-by WHAT        kind (default), community, country, source\n"
           "  --import FILE           import FILE through the loader plugins (repeatable;\n"
           "                          without a FILE.json it starts a new document)\n"
           "Automation (renders after the layout has finished, then exits):\n"
           "  --screenshot OUT.png    write the frame as PNG\n"
           "  --size WxH              window size (1400x900)\n"
           "  --dump-positions F.json drawn nodes in screen pixels (id, kind, colour, rects)\n"
           "  --dump-inspector F.txt  the inspector's lines\n"
           "  --export OUT.svg        export the view (dot, svg, png, pdf by extension)\n"
           "  --glyphs latin          leave the document's characters out of the font (tests)\n";
}

ViewerOptions parseOptions(int argc, char **argv) {
    ViewerOptions o;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw UserError(arg + ": missing value");
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--screenshot") {
            o.screenshot = value();
        } else if (arg == "--size") {
            std::string v = value();
            auto x = v.find('x');
            if (x == std::string::npos)
                throw UserError("--size: expected WxH, got '" + v + "'");
            o.width = toInt(v.substr(0, x), arg);
            o.height = toInt(v.substr(x + 1), arg);
            if (o.width < 200 || o.height < 150 || o.width > 8192 || o.height > 8192)
                throw UserError("--size: " + v + " is out of range (200x150 .. 8192x8192)");
        } else if (arg == "--layout") {
            o.layout = value();
        } else if (arg == "--time-limit") {
            o.timeLimitSeconds = toInt(value(), arg);
        } else if (arg == "--focus") {
            o.focus = value();
        } else if (arg == "--depth") {
            o.depth = toInt(value(), arg);
        } else if (arg == "--select") {
            o.select = value();
        } else if (arg == "--search") {
            o.search = value();
        } else if (arg == "--hide-kind") {
            o.hideKinds.push_back(value());
        } else if (arg == "--kinds") {
            o.filters.kinds = splitList(value());
        } else if (arg == "--relation-kinds") {
            o.filters.relationKinds = splitList(value());
        } else if (arg == "--source") {
            o.filters.sources = splitList(value());
        } else if (arg == "--country") {
            o.filters.countries = splitList(value());
        } else if (arg == "--from") {
            o.filters.from = value();
        } else if (arg == "--to") {
            o.filters.to = value();
        } else if (arg == "--changes-since") {
            o.changesSince = value();
        } else if (arg == "--people") {
            o.people = true;
        } else if (arg == "--group-by") {
            std::string v = value();
            if (v != "none")
                parseGroupBy(v); // a typo is an error now, not after the file has loaded
            o.groupBy = v;
        } else if (arg == "--expand") {
            o.expandGroups.push_back(value());
        } else if (arg == "--select-link") {
            o.selectLink = value();
        } else if (arg == "--size-by") {
            o.sizeBy = value();
        } else if (arg == "--colour-by" || arg == "--color-by") {
            o.colourBy = value();
        } else if (arg == "--hide-isolated") {
            o.filters.hideIsolated = true;
        } else if (arg == "--dump-positions") {
            o.dumpPositions = value();
        } else if (arg == "--dump-inspector") {
            o.dumpInspector = value();
        } else if (arg == "--import") {
            o.imports.push_back(value());
        } else if (arg == "--export") {
            o.exportPath = value();
        } else if (arg == "--glyphs") {
            std::string v = value();
            if (v != "latin" && v != "document")
                throw UserError("--glyphs: expected latin or document, got '" + v + "'");
            o.latinGlyphsOnly = v == "latin";
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            throw UserError("unknown option " + arg + "\n" + usage());
        } else if (o.file.empty()) {
            o.file = arg;
        } else {
            throw UserError("more than one file given: " + o.file + ", " + arg);
        }
    }
    return o;
}

} // namespace liaison::viewer
