// Push: one graph into the archive in one transaction (see Archive::push).
#pragma once

#include "pg.hpp"

namespace liaison::archive {

PushReport pushGraph(pg::Connection &conn, const GraphStore &graph, const std::string &label);

} // namespace liaison::archive
