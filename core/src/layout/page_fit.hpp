// Fitting a rendered diagram onto one page (liaison export --page), done in
// liaison-layout-worker because it needs the laid-out drawing's size.
//
// Graphviz scales the drawing down into the page (nothing is ever split over
// pages). When that would shrink node text below the minimum size, the
// least important labels are dropped (those nodes become small marks) and
// the graph is laid out again, until the text is readable or only a few
// labels are left. Importance is chosen by the parent, which knows the store:
// each entity node carries kLabelRankAttribute (0 = keep whatever happens,
// then by connectedness); nodes without it (the legend) always keep theirs,
// and the legend (kLegendAttribute) gets a row saying how many were dropped.
#pragma once

#include "layout/graphviz_api.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::graphviz {

inline constexpr std::string_view kLabelRankAttribute = "liaison_label_rank";
// Marks the legend node (an HTML table), which then says how many were dropped.
inline constexpr std::string_view kLegendAttribute = "liaison_legend";

struct Page {
    double width = 0, height = 0; // points; 0 = no page, the drawing's own size
    double minimumFontSize = 6;
    bool paged() const { return width > 0 && height > 0; }
};

struct Rendered {
    std::string bytes;
    std::vector<std::string> messages; // Graphviz's and the fitting's notes
};

// Lays out `dot` (read afresh for each attempt) with `engine` and renders it
// as `format`, fitted to `page`. `progress` gets one line per attempt.
// Throws LayoutError when Graphviz cannot read, lay out or render it.
Rendered renderOnPage(const Lock &lock, const std::string &dot, std::string_view engine,
                      std::string_view format, const Page &page,
                      const std::function<void(const std::string &)> &progress);

} // namespace liaison::graphviz
