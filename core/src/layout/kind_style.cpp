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

} // namespace liaison
