// Gephi's timeline over the dated events: the stops are the days events start
// on, and the filter panel's two handles set the date window between two
// stops. Pure functions of the store and the filter settings (tested
// without a window); the panel only draws the handles.
#pragma once

#include "view_model.hpp"

#include <string>
#include <vector>

namespace liaison::viewer {

// The days events start on ("start" attribute), sorted and unique.
std::vector<std::string> timelineStops(const GraphStore &store);

// The window as stop indices. An open end (no date typed) is the first or
// the last stop; a typed date falls on the first stop not before it.
struct TimeWindow {
    int first = 0, last = 0;
};
TimeWindow timeWindowOf(const FilterState &filters, const std::vector<std::string> &stops);

// Moves the window's first (last) handle to stop `index`: the filter's date
// range becomes those stops' days. A handle at the extreme stop leaves that
// end open, so events dated later (an import) are not cut off; a handle
// moved past the other pushes it along, as a user dragging it expects.
void moveWindowStart(FilterState &filters, const std::vector<std::string> &stops, int index);
void moveWindowEnd(FilterState &filters, const std::vector<std::string> &stops, int index);
// Moves the whole window `by` stops later (earlier when negative), keeping
// its width, as Gephi's timeline is dragged; it stops at either end.
void shiftWindow(FilterState &filters, const std::vector<std::string> &stops, int by);

} // namespace liaison::viewer
