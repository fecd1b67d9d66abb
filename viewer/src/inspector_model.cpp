#include "inspector_model.hpp"

#include "liaison/analysis.hpp"

#include <map>
#include <optional>
#include <set>

namespace liaison::viewer {

namespace {

using Kind = InspectorLine::Kind;

void add(std::vector<InspectorLine> &out, Kind kind, int indent, std::string text,
         EntityIndex link = kNoEntity) {
    out.push_back({kind, indent, std::move(text), link});
}

std::string attributeText(const AttributeValue &v) { return v.text; }

void addEvidence(std::vector<InspectorLine> &out, const GraphStore &store,
                 const std::vector<Evidence> &evidence, int indent) {
    for (const Evidence &e : evidence)
        add(out, Kind::Quote, indent, evidenceLine(store, e));
}

std::string relationSuffix(const Relation &r) {
    std::string suffix;
    for (const auto &[key, value] : r.attributes)
        suffix += (suffix.empty() ? " [" : ", ") + key + ": " + attributeText(value);
    return suffix.empty() ? suffix : suffix + "]";
}

void addRelations(std::vector<InspectorLine> &out, const GraphStore &store, EntityIndex entity) {
    struct Item {
        RelationIndex relation;
        bool outgoing;
    };
    std::map<std::string, std::vector<Item>> byKind;
    for (RelationIndex r : store.outRelations(entity))
        byKind[store.relation(r).kind].push_back({r, true});
    for (RelationIndex r : store.inRelations(entity))
        byKind[store.relation(r).kind].push_back({r, false});
    if (byKind.empty())
        return;
    add(out, Kind::Heading, 0, "Relations");
    for (const auto &[kind, items] : byKind) {
        add(out, Kind::Subheading, 0, kind + " (" + std::to_string(items.size()) + ")");
        for (const Item &item : items) {
            const Relation &r = store.relation(item.relation);
            EntityIndex other = item.outgoing ? store.relationTarget(item.relation)
                                              : store.relationSource(item.relation);
            std::string arrow = item.outgoing ? "-> " : "<- ";
            add(out, Kind::Link, 1, arrow + store.entity(other).name + relationSuffix(r), other);
            addEvidence(out, store, r.evidence, 2);
        }
    }
}

void addOccasions(std::vector<InspectorLine> &out, const GraphStore &store, const MetLink &link, int indent) {
    for (const SharedOccasion &o : link.occasions) {
        std::string where = o.event == kNoEntity ? std::string("met directly")
                                                 : "at " + store.entity(o.event).name;
        if (!o.date.empty())
            where += " (" + o.date + ")";
        add(out, o.event == kNoEntity ? Kind::Text : Kind::Link, indent, where, o.event);
        // Both persons' relations often cite the same sentence: show it once.
        for (const std::string &quote : occasionQuotes(store, o))
            add(out, Kind::Quote, indent + 1, quote);
    }
}

void addMet(std::vector<InspectorLine> &out, const GraphStore &store, EntityIndex person,
            const ViewFilter &filter) {
    std::vector<MetLink> met = whoMet(store, person, filter);
    if (met.empty())
        return;
    add(out, Kind::Heading, 0, "Met (" + std::to_string(met.size()) + ")");
    for (const MetLink &link : met) {
        // The weight of the people network's link: occasions they shared.
        add(out, Kind::Link, 0,
            store.entity(link.person).name + "  x" + std::to_string(link.weight()) +
                (link.weight() == 1 ? " occasion" : " occasions"),
            link.person);
        addOccasions(out, store, link, 1);
    }
}

} // namespace

std::vector<std::string> occasionQuotes(const GraphStore &store, const SharedOccasion &occasion) {
    std::vector<std::string> quotes;
    std::set<std::string> shown;
    for (RelationIndex r : occasion.relations)
        for (const Evidence &e : store.relation(r).evidence)
            if (std::string line = evidenceLine(store, e); shown.insert(line).second)
                quotes.push_back(std::move(line));
    return quotes;
}

std::optional<MetLink> metLinkBetween(const GraphStore &store, EntityIndex a, EntityIndex b, const ViewFilter &filter) {
    if (a == kNoEntity || b == kNoEntity)
        return std::nullopt;
    for (MetLink &link : whoMet(store, a, filter))
        if (link.person == b)
            return std::move(link);
    return std::nullopt;
}

std::vector<InspectorLine> buildMetLinkInspector(const GraphStore &store, EntityIndex a, EntityIndex b,
                                                 const ViewFilter &filter) {
    std::vector<InspectorLine> out;
    std::optional<MetLink> link = metLinkBetween(store, a, b, filter);
    if (!link)
        return out;
    add(out, Kind::Title, 0, store.entity(a).name + " \xE2\x80\x94 " + store.entity(b).name);
    add(out, Kind::Text, 0, "met on " + std::to_string(link->weight()) +
                                (link->weight() == 1 ? " occasion" : " occasions"));
    add(out, Kind::Link, 0, store.entity(a).name, a);
    add(out, Kind::Link, 0, store.entity(b).name, b);
    add(out, Kind::Heading, 0, "Occasions (" + std::to_string(link->weight()) + ")");
    addOccasions(out, store, *link, 0);
    return out;
}

std::string evidenceLine(const GraphStore &, const Evidence &evidence) {
    std::string line = "\xE2\x80\x9C" + evidence.quote + "\xE2\x80\x9D \xE2\x80\x94 ";
    line += evidence.source; // the id: titles run to a paragraph; the Sources filter shows them
    if (evidence.line > 0)
        line += ", line " + std::to_string(evidence.line);
    else if (!evidence.locator.empty())
        line += ", " + evidence.locator;
    return line;
}

std::vector<InspectorLine> buildInspector(const GraphStore &store, EntityIndex entity,
                                          const ViewFilter &filter) {
    std::vector<InspectorLine> out;
    if (entity == kNoEntity || entity >= store.entityCount())
        return out;
    const Entity &e = store.entity(entity);
    add(out, Kind::Title, 0, e.name);
    add(out, Kind::Text, 0, e.kind + "  \xC2\xB7  " + e.id);
    if (!e.names.empty() || !e.aliases.empty()) {
        add(out, Kind::Heading, 0, "Names");
        for (const auto &[language, name] : e.names)
            add(out, Kind::Text, 0, language + ": " + name);
        for (const std::string &alias : e.aliases)
            add(out, Kind::Text, 0, "alias: " + alias);
    }
    if (!e.attributes.empty()) {
        add(out, Kind::Heading, 0, "Attributes");
        for (const auto &[key, value] : e.attributes)
            add(out, Kind::Text, 0, key + ": " + attributeText(value));
    }
    if (!e.evidence.empty()) {
        add(out, Kind::Heading, 0, "Evidence");
        addEvidence(out, store, e.evidence, 0);
    }
    // Whom a person met comes before the raw relations: it is what the
    // analyst opens the inspector for.
    if (knownKind(e.kind) == KnownKind::Person)
        addMet(out, store, entity, filter);
    addRelations(out, store, entity);
    return out;
}

std::string inspectorText(const std::vector<InspectorLine> &lines) {
    std::string text;
    for (const InspectorLine &line : lines) {
        text.append(static_cast<std::size_t>(line.indent) * 2, ' ');
        switch (line.kind) {
        case Kind::Title: text += "# "; break;
        case Kind::Heading: text += "## "; break;
        case Kind::Subheading: text += "### "; break;
        case Kind::Quote: text += "> "; break;
        case Kind::Text:
        case Kind::Link: break;
        }
        text += line.text;
        text += '\n';
    }
    return text;
}

} // namespace liaison::viewer
