#include "liaison/layout.hpp"
#include "liaison/model.hpp"

namespace liaison {

// Light fills keep black labels readable in print; shapes differ so the kinds
// stay distinct in greyscale too.
KindStyle styleOfKind(std::string_view kind)
{
    switch (knownKind(kind)) {
    case KnownKind::Person:
        return {"#a0cbe8", "ellipse", "Person"};
    case KnownKind::Organisation:
        return {"#ffbe7d", "box", "Organisation"};
    case KnownKind::Event:
        return {"#ff9d9a", "hexagon", "Event"};
    case KnownKind::Country:
        return {"#8cd17d", "octagon", "Country"};
    case KnownKind::Topic:
        return {"#d4a6c8", "note", "Topic"};
    case KnownKind::Other:
        break;
    }
    return {"#d9d9d9", "ellipse", "Other"};
}

// Families share a hue so a briefing reads at a glance: taking part (blues),
// affiliation (oranges), place (greens), structure (greys), subject
// (purples), persons meeting (red), between organisations (browns).
RelationStyle styleOfRelation(std::string_view kind)
{
    struct Row {
        std::string_view kind;
        RelationStyle style;
    };
    static constexpr Row kRows[] = {
        {"attended", {"#4e79a7", "attended"}},
        {"spoke_at", {"#2a5783", "spoke at"}},
        {"chaired", {"#1f3b5a", "chaired"}},
        {"organised", {"#6a9bc3", "organised"}},
        {"hosted", {"#76b7b2", "hosted"}},
        {"works_for", {"#f28e2b", "works for"}},
        {"member_of", {"#d37295", "member of"}},
        {"represents", {"#b6992d", "represents"}},
        {"located_in", {"#59a14f", "located in"}},
        {"held_in", {"#3b7d3a", "held in"}},
        {"part_of", {"#8c8c8c", "part of"}},
        {"discussed", {"#8e6bb0", "discussed"}},
        {"mentions", {"#b07aa1", "mentions"}},
        {"met", {"#e15759", "met"}},
        {"partnered_with", {"#9c755f", "partnered with"}},
        {"signed_mou_with", {"#7f5539", "signed an MoU with"}},
        {"elected_to", {"#bab0ac", "elected to"}},
    };
    for (const Row &row : kRows)
        if (row.kind == kind) return row.style;
    return {"#666666", ""};
}

} // namespace liaison
