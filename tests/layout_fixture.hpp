// A small graph for layout and export tests: every first-class kind, an
// unknown kind, Chinese and English names, parallel edges and a hostile label.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <cstdint>
#include <string>

namespace liaison::test {

// The label that must show literally in every export.
inline const std::string kHostileLabel = "<script>alert(1)</script> & \"q\" \\N";
// Entities and escString sequences Graphviz would expand in a plain label.
inline const std::string kEntityLabel = "&amp; &#65; \\G\\L\\n \\\\";

inline Entity makeEntity(std::string id, std::string kind, std::string name)
{
    Entity e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = std::move(name);
    return e;
}

inline Relation makeRelation(std::string kind, std::string from, std::string to)
{
    Relation r;
    r.kind = std::move(kind);
    r.from = std::move(from);
    r.to = std::move(to);
    return r;
}

inline GraphStore smallStore(bool hostile = false)
{
    GraphStore store;
    store.addEntity(makeEntity("person:chuang-ming-fen", "person", "莊明芬"));
    store.addEntity(makeEntity("person:radomir-bolgov", "person", "Radomir Bolgov"));
    store.addEntity(makeEntity("organisation:itmo", "organisation", "ITMO University"));
    store.addEntity(makeEntity("organisation:ndc", "organisation", "國家發展委員會"));
    store.addEntity(makeEntity("event:iac2017", "event", "12th IAC Conference 國際資訊長"));
    store.addEntity(makeEntity("country:russia", "country", "俄羅斯"));
    store.addEntity(makeEntity("topic:e-governance", "topic", "E-Governance"));
    store.addEntity(makeEntity("document:report", "document", "出國報告"));
    if (hostile) {
        store.addEntity(makeEntity("person:hostile", "person", kHostileLabel));
        store.addEntity(makeEntity("topic:entities", "topic", kEntityLabel));
    }
    store.addRelation(makeRelation("attended", "person:chuang-ming-fen", "event:iac2017"));
    store.addRelation(makeRelation("spoke_at", "person:radomir-bolgov", "event:iac2017"));
    store.addRelation(makeRelation("attended", "person:radomir-bolgov", "event:iac2017"));
    store.addRelation(makeRelation("works_for", "person:radomir-bolgov", "organisation:itmo"));
    store.addRelation(makeRelation("works_for", "person:chuang-ming-fen", "organisation:ndc"));
    store.addRelation(makeRelation("hosted", "organisation:itmo", "event:iac2017"));
    store.addRelation(makeRelation("held_in", "event:iac2017", "country:russia"));
    store.addRelation(makeRelation("discussed", "event:iac2017", "topic:e-governance"));
    store.addRelation(makeRelation("mentions", "document:report", "event:iac2017"));
    if (hostile)
        store.addRelation(makeRelation("met", "person:hostile", "person:chuang-ming-fen"));
    return store;
}

// A dense random graph: dot needs more than 20 s for 150 nodes and 600 edges
// (measured), sfdp about 0.25 s.
inline GraphStore denseStore(int nodes, int edges)
{
    GraphStore store;
    for (int i = 0; i < nodes; ++i)
        store.addEntity(makeEntity("person:p" + std::to_string(i), "person",
                                   "Person " + std::to_string(i)));
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < edges; ++i) {
        int a = static_cast<int>(next() >> 8) % nodes, b = static_cast<int>(next() >> 8) % nodes;
        store.addRelation(makeRelation("met", "person:p" + std::to_string(a),
                                       "person:p" + std::to_string(b)));
    }
    return store;
}

} // namespace liaison::test
