// A date window that holds no dated fact of the graph is refused, naming the
// span the graph's dated facts cover: an empty (or undated-only) answer would
// read as "nothing happened then" when the graph simply ends earlier.
#include "liaison/filter_spec.hpp"

#include "liaison/errors.hpp"

namespace liaison {

namespace {

void widen(std::optional<DateSpan> &span, const std::string &first, const std::string &last)
{
    if (!span) {
        span = DateSpan{first, last};
        return;
    }
    if (first < span->first) span->first = first;
    if (last > span->last) span->last = last;
}

std::string windowText(const ViewFilter &filter)
{
    std::string text;
    if (filter.from) text += "--from " + *filter.from;
    if (filter.to) text += (text.empty() ? "--to " : " --to ") + *filter.to;
    return text;
}

} // namespace

std::optional<DateSpan> datedSpan(const GraphStore &store)
{
    std::optional<DateSpan> span;
    for (const Entity &e : store.entities()) {
        if (knownKind(e.kind) != KnownKind::Event) continue;
        const std::string *start = e.attribute("start");
        const std::string *end = e.attribute("end");
        if (start || end) widen(span, start ? *start : *end, end ? *end : *start);
    }
    for (const Relation &r : store.relations())
        if (const std::string *date = r.attribute("date")) widen(span, *date, *date);
    return span;
}

void checkDateWindow(const GraphStore &store, const ViewFilter &filter)
{
    if (!filter.from && !filter.to) return;
    ViewFilter window;
    window.from = filter.from;
    window.to = filter.to;
    for (EntityIndex e = 0; e < store.entityCount(); ++e) {
        const Entity &entity = store.entity(e);
        if (knownKind(entity.kind) != KnownKind::Event) continue;
        if ((entity.attribute("start") || entity.attribute("end")) && passesEntityFilter(store, e, window)) return;
    }
    for (RelationIndex r = 0; r < store.relationCount(); ++r)
        if (store.relation(r).attribute("date") && passesRelationFilter(store, r, window)) return;
    std::optional<DateSpan> span = datedSpan(store);
    if (!span)
        throw UserError(windowText(filter) +
                        ": the graph holds no dated fact (no event has a start or end, no relation a date), "
                        "so a date window would keep everything");
    throw UserError(windowText(filter) + ": the window holds no dated fact; the graph's dated facts span " +
                    span->first + ".." + span->last);
}

} // namespace liaison
