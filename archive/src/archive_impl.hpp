// What an Archive holds: its one connection.
#pragma once

#include "liaison/archive.hpp"
#include "pg.hpp"

namespace liaison::archive {

struct Archive::Impl {
    explicit Impl(const std::string &url) : conn(url) {}
    pg::Connection conn;
};

} // namespace liaison::archive
