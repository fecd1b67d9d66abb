// The people network as a graph of its own: persons, and one `met` relation
// per pair that met, weighted by the occasions they shared. Exports write it
// in every format (`liaison export --met`); the viewer shows it as its
// people-network mode.
#pragma once

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

namespace liaison {

// A new store holding the persons of `store` that pass `filter` (all of them,
// or only those who met someone when filter.hideIsolated) and, for each pair
// that met (whoMet under `filter`), one relation of kind "met" from the
// smaller id to the larger with attributes
//   weight    (number) shared occasions,
//   occasions (string) "2017-09-26 Visit to ... (event:...); ...",
// and the evidence of every participation relation behind the link.
// Persons keep their names, aliases, attributes and evidence; the sources
// are copied.
GraphStore metNetwork(const GraphStore &store, const ViewFilter &filter = {});

} // namespace liaison
