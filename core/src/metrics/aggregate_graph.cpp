// The aggregated view's graph: groups, expanded members, rolled-up links.
#include "liaison/aggregate_graph.hpp"

#include <algorithm>
#include <map>

namespace liaison {

namespace {

// A drawn end of a relation: a group node (collapsed) or a member.
struct End {
    bool group = false;
    std::uint32_t index = 0; // group number or entity index
    bool operator==(const End &) const = default;
};

std::uint64_t endKey(End end) { return (std::uint64_t{end.group} << 32) | end.index; }

struct Link {
    std::string from, to; // ids, from < to
    std::vector<RelationIndex> relations;
};

std::string kindsText(const GraphStore &store, const std::vector<RelationIndex> &relations)
{
    std::map<std::string, std::size_t> counts;
    for (RelationIndex r : relations) ++counts[store.relation(r).kind];
    std::vector<std::pair<std::string, std::size_t>> byCount(counts.begin(), counts.end());
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    std::string text;
    for (const auto &[kind, n] : byCount) text += (text.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    return text;
}

Entity groupNode(const GraphStore &store, const Grouping &grouping, std::uint32_t g, bool expanded,
                 std::size_t internal)
{
    const EntityGroup &group = grouping.groups[g];
    Entity node;
    node.id = group.id;
    node.kind = std::string(kGroupKind);
    node.name = group.name + (expanded ? " (expanded, " : " (") + std::to_string(group.members.size()) + ")";
    node.attributes["members"] = AttributeValue::number(std::to_string(group.members.size()));
    node.attributes["grouped_by"] = AttributeValue::string(std::string(groupByName(grouping.by)));
    node.attributes["internal_relations"] = AttributeValue::number(std::to_string(internal));
    if (group.anchor != kNoEntity) node.attributes["anchor"] = AttributeValue::string(store.entity(group.anchor).id);
    return node;
}

} // namespace

AggregateGraph aggregateGraph(const GraphStore &store, const View &view, const Grouping &grouping,
                              const std::set<std::string, std::less<>> &expanded)
{
    AggregateGraph out;
    for (const Source &source : store.sources()) out.store.addSource(source);
    std::vector<char> open(grouping.groups.size(), 0);
    for (std::uint32_t g = 0; g < grouping.groups.size(); ++g) open[g] = expanded.contains(grouping.groups[g].id);
    auto endOf = [&](EntityIndex e) {
        const std::uint32_t g = grouping.groupOf[e];
        return open[g] ? End{false, e} : End{true, g};
    };
    auto idOf = [&](End end) -> const std::string & {
        return end.group ? grouping.groups[end.index].id : store.entity(end.index).id;
    };

    // Relations inside one collapsed group, links between drawn ends, and
    // the relations drawn as themselves (both ends members).
    std::vector<std::size_t> internal(grouping.groups.size(), 0);
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> linkAt; // (end, end) -> links index
    std::vector<Link> links;
    std::vector<RelationIndex> drawn;
    for (RelationIndex r : view.relations) {
        const EntityIndex s = store.relationSource(r), t = store.relationTarget(r);
        if (grouping.groupOf[s] == kNoGroup || grouping.groupOf[t] == kNoGroup) continue; // not in the view
        End a = endOf(s), b = endOf(t);
        if (a == b && a.group) {
            ++internal[a.index];
            continue;
        }
        if (!a.group && !b.group) {
            drawn.push_back(r);
            continue;
        }
        if (idOf(b) < idOf(a)) std::swap(a, b);
        auto [it, added] = linkAt.try_emplace({endKey(a), endKey(b)}, links.size());
        if (added) links.push_back({idOf(a), idOf(b), {}});
        links[it->second].relations.push_back(r);
    }

    for (std::uint32_t g = 0; g < grouping.groups.size(); ++g) {
        if (grouping.groups[g].members.empty()) continue;
        out.store.addEntity(groupNode(store, grouping, g, open[g], internal[g]));
        out.groupOfNode.push_back(g);
        if (!open[g]) continue;
        for (EntityIndex member : grouping.groups[g].members) {
            out.store.addEntity(store.entity(member));
            out.groupOfNode.push_back(kNoGroup);
        }
    }
    for (std::uint32_t g = 0; g < grouping.groups.size(); ++g) {
        if (!open[g]) continue;
        for (EntityIndex member : grouping.groups[g].members) {
            Relation contains;
            contains.kind = std::string(kGroupMemberRelation);
            contains.from = grouping.groups[g].id;
            contains.to = store.entity(member).id;
            out.store.addRelation(std::move(contains));
            out.beneath.emplace_back();
        }
    }
    std::sort(links.begin(), links.end(), [](const Link &x, const Link &y) {
        return std::tie(x.from, x.to) < std::tie(y.from, y.to);
    });
    for (Link &link : links) {
        Relation rolled;
        rolled.kind = std::string(kRolledUpRelation);
        rolled.from = link.from;
        rolled.to = link.to;
        rolled.attributes["weight"] = AttributeValue::number(std::to_string(link.relations.size()));
        rolled.attributes["kinds"] = AttributeValue::string(kindsText(store, link.relations));
        out.store.addRelation(std::move(rolled));
        std::sort(link.relations.begin(), link.relations.end());
        out.beneath.push_back(std::move(link.relations));
    }
    for (RelationIndex r : drawn) {
        out.store.addRelation(store.relation(r));
        out.beneath.push_back({r});
    }
    return out;
}

} // namespace liaison
