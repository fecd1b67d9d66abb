#include "liaison/report/model_bridge.hpp"

#include "liaison/json_io.hpp"

namespace liaison::report {

namespace {

liaison::Attributes modelAttributes(const Attributes &in) {
    liaison::Attributes out;
    for (const auto &[key, value] : in)
        out.emplace(key, liaison::AttributeValue::string(value));
    return out;
}

std::vector<liaison::Evidence> modelEvidence(const std::vector<Evidence> &in) {
    std::vector<liaison::Evidence> out;
    out.reserve(in.size());
    for (const Evidence &e : in)
        out.push_back({e.source, e.line, e.locator, e.quote, e.confidence, {}});
    return out;
}

} // namespace

ModelGraph toModel(const Extraction &x) {
    ModelGraph out;
    out.sources.reserve(x.sources.size());
    for (const Source &s : x.sources) {
        liaison::Source m;
        m.id = s.id;
        m.title = s.title;
        m.date = s.date;
        m.language = s.language;
        m.path = s.path;
        out.sources.push_back(std::move(m));
    }
    out.entities.reserve(x.entities.size());
    for (const Entity &e : x.entities) {
        liaison::Entity m;
        m.id = e.id;
        m.kind = e.kind;
        m.name = e.name;
        m.names = e.names;
        m.aliases = e.aliases;
        m.attributes = modelAttributes(e.attributes);
        m.evidence = modelEvidence(e.evidence);
        out.entities.push_back(std::move(m));
    }
    out.relations.reserve(x.relations.size());
    for (const Relation &r : x.relations) {
        liaison::Relation m;
        m.kind = r.kind;
        m.from = r.from;
        m.to = r.to;
        m.attributes = modelAttributes(r.attributes);
        m.evidence = modelEvidence(r.evidence);
        out.relations.push_back(std::move(m));
    }
    return out;
}

std::string extractionToJson(const Extraction &x) {
    const ModelGraph graph = toModel(x);
    GraphStore store;
    store.reserve(graph.entities.size(), graph.relations.size());
    for (const liaison::Source &s : graph.sources)
        store.addSource(s);
    for (const liaison::Entity &e : graph.entities)
        store.addEntity(e);
    for (const liaison::Relation &r : graph.relations)
        store.addRelation(r);
    return writeLiaisonJson(store);
}

} // namespace liaison::report
