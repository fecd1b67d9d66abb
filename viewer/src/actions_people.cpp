// The people network's links: which one is selected, what its inspector and
// its hover text say (the occasions the two persons shared, with dates and
// the sentences that say so).
#include "actions.hpp"

#include "liaison/errors.hpp"

namespace liaison::viewer {

namespace {

constexpr std::size_t kTooltipOccasions = 5;
constexpr std::size_t kTooltipQuoteCodePoints = 90;

// The first `limit` code points of UTF-8 `text`, with an ellipsis when cut.
std::string shortened(const std::string &text, std::size_t limit) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue; // a continuation byte
        if (points++ == limit)
            return text.substr(0, i) + "\xE2\x80\xA6";
    }
    return text;
}

// The two persons of a `met` link of the people network, in the document.
std::pair<EntityIndex, EntityIndex> endsInDocument(const AppState &app, RelationIndex link) {
    const GraphStore &people = *app.peopleStore;
    const Relation &r = people.relation(link);
    return {app.doc.store->findById(r.from), app.doc.store->findById(r.to)};
}

} // namespace

bool peopleScene(const AppState &app) {
    return app.peopleNetwork && !app.grouping && app.peopleStore && app.scene.store == app.peopleStore;
}

std::optional<RelationIndex> selectedMetLink(const AppState &app) {
    if (!app.peopleNetwork || app.grouping || !app.peopleStore || app.linkFrom.empty())
        return std::nullopt;
    const GraphStore &people = *app.peopleStore;
    EntityIndex from = people.findById(app.linkFrom), to = people.findById(app.linkTo);
    if (from == kNoEntity || to == kNoEntity)
        return std::nullopt;
    for (RelationIndex r : people.outRelations(from))
        if (people.relationTarget(r) == to && people.relation(r).kind == "met")
            return r;
    for (RelationIndex r : people.inRelations(from))
        if (people.relationSource(r) == to && people.relation(r).kind == "met")
            return r;
    return std::nullopt;
}

std::vector<InspectorLine> metLinkInspector(const AppState &app) {
    std::optional<RelationIndex> link = selectedMetLink(app);
    if (!link || !app.doc.store)
        return {};
    auto [a, b] = endsInDocument(app, *link);
    return buildMetLinkInspector(*app.doc.store, a, b, toViewFilter(*app.doc.store, app.filters));
}

std::string metLinkTooltip(const AppState &app, RelationIndex link) {
    const GraphStore &store = *app.doc.store;
    auto [a, b] = endsInDocument(app, link);
    std::optional<MetLink> met = metLinkBetween(store, a, b, toViewFilter(store, app.filters));
    if (!met)
        return {};
    std::string text = store.entity(a).name + " \xE2\x80\x94 " + store.entity(b).name + "\n" +
                       std::to_string(met->weight()) + (met->weight() == 1 ? " shared occasion" : " shared occasions");
    std::size_t shown = 0;
    for (const SharedOccasion &o : met->occasions) {
        if (shown++ == kTooltipOccasions) {
            text += "\n\xE2\x80\xA6 " + std::to_string(met->weight() - kTooltipOccasions) + " more";
            break;
        }
        text += "\n" + (o.date.empty() ? std::string("(no date)") : o.date) + "  " +
                (o.event == kNoEntity ? std::string("met directly") : store.entity(o.event).name);
        std::vector<std::string> quotes = occasionQuotes(store, o);
        if (!quotes.empty())
            text += "\n    " + shortened(quotes.front(), kTooltipQuoteCodePoints);
    }
    return text + "\nclick to list every occasion and quote";
}

void selectMetLink(AppState &app, const std::string &a, const std::string &b) {
    const GraphStore &store = *app.doc.store;
    const std::string from = store.entity(resolveOne(store, a)).id, to = store.entity(resolveOne(store, b)).id;
    updateView(app); // the people network is built with the view
    selectLink(app, from, to);
    if (!selectedMetLink(app))
        throw UserError("--select-link: " + a + " and " + b + " did not meet (in the people network as filtered)");
}

} // namespace liaison::viewer
