// The inspector's content for one entity, as plain lines, so the panel and
// the automation dump (--dump-inspector) show exactly the same thing.
#pragma once

#include "liaison/analysis.hpp"
#include "liaison/view.hpp"

#include <optional>

#include <string>
#include <vector>

namespace liaison::viewer {

struct InspectorLine {
    enum class Kind { Title, Heading, Subheading, Text, Link, Quote };
    InspectorLine() = default;
    InspectorLine(Kind kind, int indent, std::string text, EntityIndex link = kNoEntity)
        : kind(kind), indent(indent), text(std::move(text)), link(link) {}
    Kind kind = Kind::Text;
    int indent = 0;
    std::string text;
    EntityIndex link = kNoEntity; // for Link: the entity it selects
    // For Link in the aggregated view's inspector: the rolled-up link it
    // selects instead (ids of its two ends), when not empty.
    std::string linkFrom, linkTo;
};

// Names per language, aliases, attributes, the entity's own evidence, for a
// person everyone they met with the shared events, and the relations grouped
// by kind (each with its evidence quotes, source and line).
std::vector<InspectorLine> buildInspector(const GraphStore &store, EntityIndex entity,
                                          const ViewFilter &filter);

// The people network's link between persons `a` and `b` (whoMet under
// `filter`); nullopt when they did not meet.
std::optional<MetLink> metLinkBetween(const GraphStore &store, EntityIndex a, EntityIndex b, const ViewFilter &filter);
// The drill-down of that link: both persons, then every shared occasion with
// its date, its event and the sentences that say so (source and line). Empty
// when they did not meet.
std::vector<InspectorLine> buildMetLinkInspector(const GraphStore &store, EntityIndex a, EntityIndex b,
                                                 const ViewFilter &filter);
// The evidence lines of an occasion's relations, each sentence once.
std::vector<std::string> occasionQuotes(const GraphStore &store, const SharedOccasion &occasion);

// One line per entry, indented by two spaces per level, headings prefixed
// with '#', quotes with '>'.
std::string inspectorText(const std::vector<InspectorLine> &lines);

// "“quote” — source-id, line 12" (the locator when there is no line).
std::string evidenceLine(const GraphStore &store, const Evidence &evidence);

} // namespace liaison::viewer
