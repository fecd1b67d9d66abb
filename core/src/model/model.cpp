#include "liaison/model.hpp"

#include <algorithm>

namespace liaison {

KnownKind knownKind(std::string_view kind)
{
    if (kind == "person") return KnownKind::Person;
    if (kind == "organisation" || kind == "organization") return KnownKind::Organisation;
    if (kind == "event") return KnownKind::Event;
    if (kind == "country") return KnownKind::Country;
    if (kind == "topic") return KnownKind::Topic;
    return KnownKind::Other;
}

const std::vector<std::string_view> &firstClassKinds()
{
    static const std::vector<std::string_view> kinds{"person", "organisation", "event", "country",
                                                     "topic"};
    return kinds;
}

const std::vector<std::string_view> &relationVocabulary()
{
    static const std::vector<std::string_view> vocabulary{
        "attended",   "spoke_at",  "chaired",        "organised",       "hosted",
        "works_for",  "member_of", "represents",     "located_in",      "held_in",
        "part_of",    "discussed", "met",            "partnered_with",  "signed_mou_with",
        "elected_to", "mentions"};
    return vocabulary;
}

bool isParticipation(std::string_view relationKind)
{
    static constexpr std::string_view participation[] = {"attended", "spoke_at", "chaired",
                                                         "hosted", "organised"};
    return std::find(std::begin(participation), std::end(participation), relationKind) !=
           std::end(participation);
}

static const std::string *findAttribute(const Attributes &attributes, std::string_view key)
{
    auto it = attributes.find(key);
    return it == attributes.end() ? nullptr : &it->second.text;
}

const std::string *Entity::attribute(std::string_view key) const
{
    return findAttribute(attributes, key);
}

const std::string *Relation::attribute(std::string_view key) const
{
    return findAttribute(attributes, key);
}

} // namespace liaison
