// What identity scoring knows about one entity (internal to core): its name
// forms, the gender its honorifics state, its neighbours and its sources.
// Import builds profiles of incoming entities from the batch; resolve builds
// them from the store. Both score with the same function.
#pragma once

#include "liaison/identity.hpp"

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace liaison::detail {

struct Profile {
    std::vector<NameForm> forms;
    Gender gender = Gender::Unknown;
    std::set<std::string> neighbours; // entity ids (redirects resolved) linked by a relation
    std::set<std::string> sources;    // source ids of its own and its relations' evidence
};

// Name forms and gender of an entity; neighbours and sources left to the caller
// (except the sources of the entity's own evidence).
Profile profileOfEntity(const Entity &entity);
// Everything, from the store.
Profile profileOf(const GraphStore &store, EntityIndex e);

// Scores a against b; `store` names shared neighbours and holds judgements.
// The returned candidate's a/b indices are left for the caller to set.
Candidate scoreProfiles(const GraphStore &store, const Entity &a, const Profile &pa, const Entity &b,
                        const Profile &pb);

// Generation keys: entities that could be the same as a profile. Built over
// the live entities of a store; lookups return entities of the same kind.
class CandidateIndex {
public:
    explicit CandidateIndex(const GraphStore &store);
    // Entities of `kind` (any kind when empty) sharing a name key, a
    // name-order variant or a surname-only form with `profile`.
    std::vector<EntityIndex> lookup(const Profile &profile, const std::string &kind) const;
    // Indexes an entity added to the store after construction.
    void add(EntityIndex e, Profile profile);
    const Profile &profile(EntityIndex e) const { return m_profiles[e]; }

private:
    void insert(const std::string &key, EntityIndex e);
    const GraphStore &m_store;
    std::vector<Profile> m_profiles;
    std::unordered_map<std::string, std::vector<EntityIndex>> m_keys;
};

} // namespace liaison::detail
