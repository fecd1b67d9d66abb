#include "encoding.hpp"

#include "shapes.hpp"

#include "liaison/errors.hpp"
#include "liaison/layout.hpp"
#include "liaison/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace liaison::viewer {

namespace {

// Tableau 10 then 10 muted ones: distinct on white and in print.
constexpr const char *kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                                    "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d",
                                    "#8cd17d", "#b6992d", "#f1ce63", "#499894", "#d4a6c8", "#fabfd2"};
constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];
constexpr const char *kNoGroup = "#d9d9d9";

// The scene's visible part as a view over its store.
View visibleView(const Scene &scene)
{
    View view;
    for (const SceneNode &n : scene.nodes)
        if (n.visible) view.entities.push_back(n.entity);
    for (const SceneEdge &e : scene.edges)
        if (e.visible && scene.nodes[e.from].visible && scene.nodes[e.to].visible) view.relations.push_back(e.relation);
    std::sort(view.entities.begin(), view.entities.end());
    std::sort(view.relations.begin(), view.relations.end());
    view.relations.erase(std::unique(view.relations.begin(), view.relations.end()), view.relations.end());
    return view;
}

// A node grows beyond its layout size only into the room around it: the
// layout spaced the nodes for their own sizes, and a node grown over its
// neighbours hides them (a dense cluster of people who all met each other
// became one blot). Between two nodes, each may take half of the gap their
// boxes leave along the axis that separates them most; the size encoding
// keeps its order wherever there is room.
void limitGrowthToRoom(const Scene &scene, std::vector<float> &scale)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const SceneNode &a = scene.nodes[i];
        if (!a.visible || scale[i] <= 1.f || a.baseW <= 0 || a.baseH <= 0) continue;
        const float growW = a.baseW * (scale[i] - 1.f), growH = a.baseH * (scale[i] - 1.f);
        scene.grid.query(a.x - a.baseW / 2 - growW, a.y - a.baseH / 2 - growH, a.x + a.baseW / 2 + growW,
                         a.y + a.baseH / 2 + growH, ranges);
        float limit = scale[i];
        for (const auto &[first, last] : ranges)
            for (std::uint32_t k = first; k < last; ++k) {
                const std::uint32_t j = scene.grid.order[k];
                const SceneNode &b = scene.nodes[j];
                if (j == i || !b.visible) continue;
                const float gapX = std::abs(a.x - b.x) - (a.baseW + b.baseW) / 2;
                const float gapY = std::abs(a.y - b.y) - (a.baseH + b.baseH) / 2;
                limit = std::min(limit, 1.f + std::max(0.f, std::max(gapX / a.baseW, gapY / a.baseH)));
            }
        scale[i] = limit;
    }
}

std::vector<float> degreeMeasure(const Scene &scene)
{
    std::vector<float> m(scene.nodes.size(), 0);
    for (const SceneEdge &e : scene.edges)
        if (e.visible && scene.nodes[e.from].visible && scene.nodes[e.to].visible) ++m[e.from], ++m[e.to];
    return m;
}

std::vector<float> betweennessMeasure(const Scene &scene)
{
    std::vector<float> m(scene.nodes.size(), 0);
    LinkGraph graph = linkGraph(*scene.store, visibleView(scene));
    std::vector<double> b = betweenness(graph, false, 1);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) m[scene.slotOf(graph.nodes[i])] = static_cast<float>(b[i]);
    return m;
}

// Persons met among the visible ones (who-met-whom over the whole store).
std::vector<float> metMeasure(const Scene &scene)
{
    std::vector<float> m(scene.nodes.size(), 0);
    for (const MetPair &pair : metProjection(*scene.store)) {
        std::uint32_t a = scene.slotOf(pair.a), b = scene.slotOf(pair.b);
        if (a == Scene::kNoSlot || b == Scene::kNoSlot || !scene.nodes[a].visible || !scene.nodes[b].visible) continue;
        ++m[a], ++m[b];
    }
    return m;
}

// The aggregated view: a group node's members (attribute "members"), 1 for
// an expanded group's member.
std::vector<float> membersMeasure(const Scene &scene)
{
    std::vector<float> m(scene.nodes.size(), 1);
    for (std::size_t i = 0; i < scene.nodes.size(); ++i)
        if (const std::string *members = scene.store->entity(scene.nodes[i].entity).attribute("members"))
            m[i] = static_cast<float>(std::atof(members->c_str()));
    return m;
}

// Group label per slot ("" = none) for country and source colouring.
std::vector<std::string> countryGroups(const Scene &scene)
{
    const GraphStore &store = *scene.store;
    std::vector<std::string> group(scene.nodes.size());
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        EntityIndex e = scene.nodes[i].entity;
        if (knownKind(store.entity(e).kind) == KnownKind::Country) {
            group[i] = store.entity(e).name;
            continue;
        }
        std::vector<EntityIndex> countries = groupsOf(store, e, RollupLevel::Country);
        for (RelationIndex r : store.outRelations(e))
            if (knownKind(store.entity(store.relationTarget(r)).kind) == KnownKind::Country)
                countries.push_back(store.relationTarget(r));
        if (!countries.empty()) group[i] = store.entity(*std::min_element(countries.begin(), countries.end())).name;
    }
    return group;
}

std::vector<std::string> sourceGroups(const Scene &scene)
{
    const GraphStore &store = *scene.store;
    std::vector<std::string> group(scene.nodes.size());
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const Entity &e = store.entity(scene.nodes[i].entity);
        if (e.evidence.empty()) continue;
        const Source *source = store.source(e.evidence.front().source);
        group[i] = source && !source->title.empty() ? source->title : e.evidence.front().source;
    }
    return group;
}

std::vector<std::string> communityGroups(const Scene &scene)
{
    std::vector<std::string> group(scene.nodes.size());
    LinkGraph graph = linkGraph(*scene.store, visibleView(scene));
    Communities c = louvain(graph);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        group[scene.slotOf(graph.nodes[i])] = "community " + std::to_string(c.community[i] + 1);
    return group;
}

// Colours groups by how many visible nodes they hold (largest first); past
// the palette, groups share "other".
void colourGroups(const Scene &scene, const std::vector<std::string> &group, Encoding &out)
{
    std::map<std::string, std::size_t> sizes;
    for (std::size_t i = 0; i < group.size(); ++i)
        if (scene.nodes[i].visible && !group[i].empty()) ++sizes[group[i]];
    std::vector<std::pair<std::string, std::size_t>> order(sizes.begin(), sizes.end());
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    std::map<std::string, std::uint32_t> colourOf;
    for (std::size_t i = 0; i < order.size() && i < kPaletteSize - 1; ++i) {
        colourOf[order[i].first] = parseColour(kPalette[i]);
        out.colours.push_back({order[i].first + " (" + std::to_string(order[i].second) + ")", colourOf[order[i].first]});
    }
    const std::uint32_t other = parseColour(kPalette[kPaletteSize - 1]), none = parseColour(kNoGroup);
    bool usedOther = false, usedNone = false;
    for (std::size_t i = 0; i < group.size(); ++i) {
        auto it = colourOf.find(group[i]);
        out.fill[i] = group[i].empty() ? none : it == colourOf.end() ? other : it->second;
        if (!scene.nodes[i].visible) continue;
        usedNone |= group[i].empty();
        usedOther |= !group[i].empty() && it == colourOf.end();
    }
    if (usedOther) out.colours.push_back({"other groups", other});
    if (usedNone) out.colours.push_back({"none", none});
}

void colourKinds(const Scene &scene, Encoding &out)
{
    std::map<std::string, std::uint32_t> used;
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const std::string &kind = scene.store->entity(scene.nodes[i].entity).kind;
        out.fill[i] = parseColour(styleOfKind(kind).fill);
        if (scene.nodes[i].visible) used.emplace(kind, out.fill[i]);
    }
    for (const auto &[kind, colour] : used) out.colours.push_back({kind, colour});
}

} // namespace

const char *sizeByName(SizeBy by)
{
    switch (by) {
    case SizeBy::Layout: return "layout";
    case SizeBy::Degree: return "degree";
    case SizeBy::Betweenness: return "betweenness";
    case SizeBy::MetCount: return "met-count";
    }
    return "layout";
}

const char *colourByName(ColourBy by)
{
    switch (by) {
    case ColourBy::Kind: return "kind";
    case ColourBy::Community: return "community";
    case ColourBy::Country: return "country";
    case ColourBy::Source: return "source";
    }
    return "kind";
}

SizeBy parseSizeBy(std::string_view name)
{
    for (SizeBy by : {SizeBy::Layout, SizeBy::Degree, SizeBy::Betweenness, SizeBy::MetCount})
        if (name == sizeByName(by)) return by;
    throw UserError("--size-by: unknown measure '" + std::string(name) +
                    "' (valid: layout, degree, betweenness, met-count)");
}

ColourBy parseColourBy(std::string_view name)
{
    for (ColourBy by : {ColourBy::Kind, ColourBy::Community, ColourBy::Country, ColourBy::Source})
        if (name == colourByName(by)) return by;
    throw UserError("--colour-by: unknown encoding '" + std::string(name) +
                    "' (valid: kind, community, country, source)");
}

Encoding computeEncoding(const Scene &scene, const EncodingState &state, bool groups, bool growIntoRoom)
{
    Encoding out;
    const std::size_t n = scene.nodes.size();
    out.scale.assign(n, 1.f);
    out.fill.assign(n, 0);
    out.labelRank.assign(n, 0);
    if (!scene.store || n == 0) return out;

    std::vector<float> degree = degreeMeasure(scene);
    const char *sizeName = groups ? "members" : sizeByName(state.size);
    if (groups) out.measure = membersMeasure(scene);
    else switch (state.size) {
    case SizeBy::Layout: out.measure = degree; break;
    case SizeBy::Degree: out.measure = degree; break;
    case SizeBy::Betweenness: out.measure = betweennessMeasure(scene); break;
    case SizeBy::MetCount: out.measure = metMeasure(scene); break;
    }
    float low = 0, high = 0;
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!scene.nodes[i].visible) continue;
        low = any ? std::min(low, out.measure[i]) : out.measure[i];
        high = any ? std::max(high, out.measure[i]) : out.measure[i];
        any = true;
    }
    if ((groups || state.size != SizeBy::Layout) && high > low) {
        // Grows with the square root of the measure: 0.8x for the least, 2x
        // for the most (more would cover the neighbours the layout spaced for).
        for (std::size_t i = 0; i < n; ++i)
            out.scale[i] = 0.8f + 1.2f * std::sqrt(std::max(0.f, out.measure[i] - low) / (high - low));
        if (growIntoRoom) limitGrowthToRoom(scene, out.scale);
        char text[96];
        std::snprintf(text, sizeof text, "size: %s (%g .. %g)", sizeName, static_cast<double>(low),
                      static_cast<double>(high));
        out.sizeMeaning = text;
    }

    std::vector<std::uint32_t> order(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return out.measure[a] != out.measure[b] ? out.measure[a] > out.measure[b] : degree[a] > degree[b];
    });
    for (std::uint32_t rank = 0; rank < n; ++rank) out.labelRank[order[rank]] = rank;

    out.edgeColour.assign(scene.edges.size(), 0);
    out.edgeWidth.assign(scene.edges.size(), 1.f);
    double heaviest = 0;
    for (std::size_t i = 0; i < scene.edges.size(); ++i)
        if (const std::string *w = scene.store->relation(scene.edges[i].relation).attribute("weight")) {
            double weight = std::max(1.0, std::atof(w->c_str()));
            out.edgeWidth[i] = static_cast<float>(1 + 1.5 * std::log2(weight));
            heaviest = std::max(heaviest, weight);
        }
    if (heaviest > 0)
        out.widthMeaning = std::string(groups ? "edge width: relations beneath (1 .. " : "edge width: shared occasions (1 .. ") +
                           std::to_string(static_cast<int>(heaviest)) + ")";
    if (state.edgeColourByRelation) {
        std::map<std::string, std::uint32_t> used;
        for (std::size_t i = 0; i < scene.edges.size(); ++i) {
            const SceneEdge &e = scene.edges[i];
            const std::string &kind = scene.store->relation(e.relation).kind;
            out.edgeColour[i] = withAlpha(parseColour(styleOfRelation(kind).colour), 0.75f);
            if (e.visible && scene.nodes[e.from].visible && scene.nodes[e.to].visible) used.emplace(kind, out.edgeColour[i]);
        }
        for (const auto &[kind, colour] : used) {
            std::string_view meaning = styleOfRelation(kind).meaning;
            out.edgeMeanings.push_back({meaning.empty() ? kind : std::string(meaning), colour});
        }
    }
    switch (state.colour) {
    case ColourBy::Kind: colourKinds(scene, out); break;
    case ColourBy::Community: colourGroups(scene, communityGroups(scene), out); break;
    case ColourBy::Country: colourGroups(scene, countryGroups(scene), out); break;
    case ColourBy::Source: colourGroups(scene, sourceGroups(scene), out); break;
    }
    return out;
}

void applyEncoding(Scene &scene, const Encoding &encoding)
{
    for (std::size_t i = 0; i < scene.nodes.size() && i < encoding.scale.size(); ++i) {
        SceneNode &node = scene.nodes[i];
        node.w = node.baseW * encoding.scale[i];
        node.h = node.baseH * encoding.scale[i];
        node.fill = encoding.fill[i];
        node.text = textColourOn(node.fill);
        node.labelRank = encoding.labelRank[i];
    }
    for (std::size_t i = 0; i < scene.edges.size() && i < encoding.edgeColour.size(); ++i) {
        scene.edges[i].colour = encoding.edgeColour[i];
        scene.edges[i].width = encoding.edgeWidth[i];
    }
    markSceneChanged(scene, true); // sizes changed: the picking grid's margins too
}

} // namespace liaison::viewer
