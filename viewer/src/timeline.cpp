#include "timeline.hpp"

#include <algorithm>
#include <set>

namespace liaison::viewer {

std::vector<std::string> timelineStops(const GraphStore &store) {
    std::set<std::string> dates;
    for (EntityIndex e : store.entitiesOfKind("event"))
        if (const std::string *start = store.entity(e).attribute("start"))
            dates.insert(*start);
    return {dates.begin(), dates.end()};
}

namespace {

int lastStop(const std::vector<std::string> &stops) { return static_cast<int>(stops.size()) - 1; }

// The first stop on or after `date` (a partial date, "2017-09", is its first day).
int firstStopFrom(const std::string &date, const std::vector<std::string> &stops) {
    if (date.empty())
        return 0;
    const auto it = std::lower_bound(stops.begin(), stops.end(), date);
    return std::min(static_cast<int>(it - stops.begin()), lastStop(stops));
}

// The last stop on or before `date` (a partial date, "2017-09", is its last day).
int lastStopTo(const std::string &date, const std::vector<std::string> &stops) {
    if (date.empty())
        return lastStop(stops);
    int index = 0;
    for (int i = 0; i <= lastStop(stops); ++i)
        if (stops[static_cast<std::size_t>(i)].compare(0, date.size(), date) <= 0)
            index = i;
    return index;
}

// The date a handle at `index` sets: none (open) at the extreme `open`.
std::string dateAt(const std::vector<std::string> &stops, int index, int open) {
    return index == open ? std::string() : stops[static_cast<std::size_t>(index)];
}

} // namespace

TimeWindow timeWindowOf(const FilterState &filters, const std::vector<std::string> &stops) {
    if (stops.empty())
        return {};
    return {firstStopFrom(filters.from, stops), lastStopTo(filters.to, stops)};
}

void moveWindowStart(FilterState &filters, const std::vector<std::string> &stops, int index) {
    if (stops.empty())
        return;
    index = std::clamp(index, 0, lastStop(stops));
    filters.from = dateAt(stops, index, 0);
    if (timeWindowOf(filters, stops).last < index)
        filters.to = dateAt(stops, index, lastStop(stops));
}

void moveWindowEnd(FilterState &filters, const std::vector<std::string> &stops, int index) {
    if (stops.empty())
        return;
    index = std::clamp(index, 0, lastStop(stops));
    filters.to = dateAt(stops, index, lastStop(stops));
    if (timeWindowOf(filters, stops).first > index)
        filters.from = dateAt(stops, index, 0);
}

void shiftWindow(FilterState &filters, const std::vector<std::string> &stops, int by) {
    if (stops.empty())
        return;
    const TimeWindow w = timeWindowOf(filters, stops);
    by = std::clamp(by, -w.first, lastStop(stops) - w.last);
    filters.from = dateAt(stops, w.first + by, 0);
    filters.to = dateAt(stops, w.last + by, lastStop(stops));
}

} // namespace liaison::viewer
