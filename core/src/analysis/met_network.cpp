#include "liaison/met_network.hpp"

#include "liaison/analysis.hpp"

#include <algorithm>

namespace liaison {

namespace {

std::string occasionText(const GraphStore &store, const SharedOccasion &occasion)
{
    std::string text = occasion.date.empty() ? "" : occasion.date + " ";
    if (occasion.event == kNoEntity) return text + "met";
    const Entity &event = store.entity(occasion.event);
    return text + event.name + " (" + event.id + ")";
}

} // namespace

GraphStore metNetwork(const GraphStore &store, const ViewFilter &filter)
{
    GraphStore people;
    for (const Source &source : store.sources()) people.addSource(source);
    std::vector<EntityIndex> persons;
    for (EntityIndex p : store.entitiesOfKind("person"))
        if (passesEntityFilter(store, p, filter)) persons.push_back(p);

    std::vector<Relation> links;
    std::vector<bool> linked(store.entityCount(), false);
    for (EntityIndex p : persons) {
        for (const MetLink &link : whoMet(store, p, filter)) {
            // Each pair once, from the smaller id to the larger.
            if (store.entity(link.person).id <= store.entity(p).id) continue;
            Relation met;
            met.kind = "met";
            met.from = store.entity(p).id;
            met.to = store.entity(link.person).id;
            met.attributes["weight"] = AttributeValue::number(std::to_string(link.weight()));
            std::string occasions;
            for (const SharedOccasion &o : link.occasions) {
                occasions += (occasions.empty() ? "" : "; ") + occasionText(store, o);
                for (RelationIndex r : o.relations)
                    for (const Evidence &e : store.relation(r).evidence)
                        if (std::find(met.evidence.begin(), met.evidence.end(), e) == met.evidence.end())
                            met.evidence.push_back(e);
            }
            met.attributes["occasions"] = AttributeValue::string(occasions);
            linked[p] = linked[link.person] = true;
            links.push_back(std::move(met));
        }
    }
    for (EntityIndex p : persons)
        if (!filter.hideIsolated || linked[p]) people.addEntity(store.entity(p));
    std::sort(links.begin(), links.end(), [](const Relation &a, const Relation &b) {
        return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    });
    for (Relation &link : links) people.addRelation(std::move(link));
    return people;
}

} // namespace liaison
