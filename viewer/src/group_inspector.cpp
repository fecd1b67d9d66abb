#include "group_inspector.hpp"

#include <algorithm>
#include <map>

namespace liaison::viewer {

namespace {

using Kind = InspectorLine::Kind;

std::string number(const Entity &e, std::string_view key) {
    const std::string *value = e.attribute(key);
    return value ? *value : "0";
}

std::string moreText(std::size_t listed, std::size_t total, const std::string &what) {
    return "... and " + std::to_string(total - listed) + " more " + what;
}

} // namespace

std::vector<InspectorLine> buildGroupInspector(const GraphStore &source, const Grouping &grouping,
                                               const AggregateGraph &aggregate, EntityIndex node) {
    std::vector<InspectorLine> out;
    const GraphStore &drawn = aggregate.store;
    const Entity &e = drawn.entity(node);
    const EntityGroup &group = grouping.groups[aggregate.groupOfNode[node]];
    out.push_back({Kind::Title, 0, e.name});
    out.push_back({Kind::Text, 0,
                   "Group by " + std::string(groupByName(grouping.by)) + ": " + number(e, "members") +
                       " entities, " + number(e, "internal_relations") + " relations among them"});
    std::map<std::string, std::size_t> kinds;
    for (EntityIndex m : group.members)
        ++kinds[source.entity(m).kind];
    std::string kindText;
    for (const auto &[kind, n] : kinds)
        kindText += (kindText.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    out.push_back({Kind::Text, 0, kindText});

    // Links, strongest first.
    std::vector<std::pair<std::size_t, RelationIndex>> links;
    for (RelationIndex r : drawn.outRelations(node))
        if (drawn.relation(r).kind == kRolledUpRelation)
            links.emplace_back(aggregate.beneath[r].size(), r);
    for (RelationIndex r : drawn.inRelations(node))
        if (drawn.relation(r).kind == kRolledUpRelation)
            links.emplace_back(aggregate.beneath[r].size(), r);
    std::stable_sort(links.begin(), links.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    out.push_back({Kind::Heading, 0, "Links (" + std::to_string(links.size()) + ")"});
    for (std::size_t i = 0; i < links.size() && i < kListedBeneath; ++i) {
        const RelationIndex r = links[i].second;
        const EntityIndex other = drawn.relationSource(r) == node ? drawn.relationTarget(r) : drawn.relationSource(r);
        InspectorLine line{Kind::Link, 1, drawn.entity(other).name + ": " + std::to_string(links[i].first) + " relations"};
        line.linkFrom = drawn.relation(r).from;
        line.linkTo = drawn.relation(r).to;
        out.push_back(std::move(line));
    }
    if (links.size() > kListedBeneath)
        out.push_back({Kind::Text, 1, moreText(kListedBeneath, links.size(), "links")});

    out.push_back({Kind::Heading, 0, "Members (" + std::to_string(group.members.size()) + ")"});
    for (std::size_t i = 0; i < group.members.size() && i < kListedBeneath; ++i) {
        const Entity &m = source.entity(group.members[i]);
        out.push_back({Kind::Link, 1, m.name + " (" + m.kind + ")", group.members[i]});
    }
    if (group.members.size() > kListedBeneath)
        out.push_back({Kind::Text, 1, moreText(kListedBeneath, group.members.size(), "members: expand the group")});
    return out;
}

std::vector<InspectorLine> buildLinkInspector(const GraphStore &source, const AggregateGraph &aggregate,
                                              RelationIndex link) {
    std::vector<InspectorLine> out;
    const GraphStore &drawn = aggregate.store;
    const Relation &rolled = drawn.relation(link);
    const std::vector<RelationIndex> &beneath = aggregate.beneath[link];
    out.push_back({Kind::Title, 0,
                   drawn.entity(drawn.relationSource(link)).name + " — " + drawn.entity(drawn.relationTarget(link)).name});
    const std::string *kinds = rolled.attribute("kinds");
    out.push_back({Kind::Text, 0, std::to_string(beneath.size()) + " relations beneath: " + (kinds ? *kinds : "")});
    out.push_back({Kind::Heading, 0, "Relations beneath (" + std::to_string(beneath.size()) + ")"});
    for (std::size_t i = 0; i < beneath.size() && i < kListedBeneath; ++i) {
        const RelationIndex r = beneath[i];
        const EntityIndex from = source.relationSource(r), to = source.relationTarget(r);
        out.push_back({Kind::Link, 1,
                       source.entity(from).name + " -" + source.relation(r).kind + "-> " + source.entity(to).name, from});
        for (const Evidence &e : source.relation(r).evidence)
            out.push_back({Kind::Quote, 2, evidenceLine(source, e)});
    }
    if (beneath.size() > kListedBeneath)
        out.push_back({Kind::Text, 1, moreText(kListedBeneath, beneath.size(), "relations: expand a group to see them")});
    return out;
}

} // namespace liaison::viewer
