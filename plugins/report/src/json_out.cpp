// Liaison JSON v1 output of an Extraction (used by the test driver, the
// evaluation tool and the fuzz target): the extraction goes into a store and
// core's writer serialises it, so there is one Liaison JSON writer.
#include "liaison/json_io.hpp"
#include "liaison/report/extract.hpp"

namespace liaison::report {

std::string extractionToJson(const Extraction &x)
{
    GraphStore store;
    store.reserve(x.entities.size(), x.relations.size());
    for (const Source &s : x.sources) store.addSource(s);
    for (const Entity &e : x.entities) store.addEntity(e);
    for (const Relation &r : x.relations) store.addRelation(r);
    return writeLiaisonJson(store);
}

} // namespace liaison::report
