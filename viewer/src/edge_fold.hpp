// A set of 64-bit keys for folding edges that join the same two cells into
// one (the canvas's draw-list path per frame, the GPU path per zoom level).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace liaison::viewer {

// Open addressing, never erased; reset before each use.
struct EdgeFold {
    std::vector<std::uint64_t> slots; // 0 = empty; keys are never 0
    void reset(std::size_t expected) {
        std::size_t size = 1024;
        while (size < expected * 2)
            size *= 2;
        slots.assign(size, 0);
    }
    // True when `key` was not yet present.
    bool insert(std::uint64_t key) {
        key |= 1ull << 63; // never 0
        std::size_t mask = slots.size() - 1;
        for (std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> 20 & mask;; i = (i + 1) & mask) {
            if (slots[i] == key)
                return false;
            if (slots[i] == 0) {
                slots[i] = key;
                return true;
            }
        }
    }
};

} // namespace liaison::viewer
