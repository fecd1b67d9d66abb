// GraphStore: the in-memory knowledge graph. Entities and relations live in
// vectors indexed by EntityIndex / RelationIndex; a bidirectional
// boost::adjacency_list mirrors the topology for the algorithms. Side indexes
// map id -> entity, normalised name or alias -> entities, kind -> entities.
//
// Nothing outside core sees a Boost descriptor: callers get indices, ids and
// const references. Not thread-safe for writes; concurrent const reads are fine.
#pragma once

#include "liaison/model.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

class GraphTopology; // the Boost graph, private to core

class GraphStore {
public:
    GraphStore();
    ~GraphStore();
    GraphStore(GraphStore &&) noexcept;
    GraphStore &operator=(GraphStore &&) noexcept;
    GraphStore(const GraphStore &);
    GraphStore &operator=(const GraphStore &);

    // --- mutation -------------------------------------------------------
    // Adds a source; a source with the same id is replaced.
    void addSource(Source source);
    // Adds an entity. Throws std::invalid_argument if the id is empty or
    // already present. The kind defaults to the id's prefix when empty.
    EntityIndex addEntity(Entity entity);
    // Adds a relation between existing entities. Throws std::invalid_argument
    // when an endpoint id is unknown.
    RelationIndex addRelation(Relation relation);
    // Unites `incoming` into the entity at `target`: names, aliases,
    // attributes (existing values win; conflicts are returned as messages)
    // and evidence. The target keeps its id; `incoming.id` becomes an alias
    // id that findById resolves too.
    std::vector<std::string> mergeInto(EntityIndex target, const Entity &incoming);
    // Reserve room for a bulk load.
    void reserve(std::size_t entities, std::size_t relations);

    // Top-level keys of the Liaison JSON document this store came from that
    // Liaison does not interpret; written back on save.
    ExtraFields &documentExtras() { return m_documentExtras; }
    const ExtraFields &documentExtras() const { return m_documentExtras; }

    // --- lookup ---------------------------------------------------------
    std::size_t entityCount() const { return m_entities.size(); }
    std::size_t relationCount() const { return m_relations.size(); }
    const Entity &entity(EntityIndex i) const { return m_entities.at(i); }
    const Relation &relation(RelationIndex r) const { return m_relations.at(r); }
    EntityIndex relationSource(RelationIndex r) const { return m_endpoints.at(r).first; }
    EntityIndex relationTarget(RelationIndex r) const { return m_endpoints.at(r).second; }
    std::span<const Entity> entities() const { return m_entities; }
    std::span<const Relation> relations() const { return m_relations; }
    std::span<const Source> sources() const { return m_sources; }
    const Source *source(std::string_view id) const;

    // The entity with this id (or a merged-away id), or kNoEntity.
    EntityIndex findById(std::string_view id) const;
    // Entities whose normalised name, any language name or alias equals the
    // normalised `text` (see normalizeName). Sorted, without duplicates.
    std::vector<EntityIndex> findByName(std::string_view text) const;
    // Entities whose normalised name or alias contains normalised `text`.
    std::vector<EntityIndex> search(std::string_view text) const;
    // Resolves a user's reference: an id, else an exact name/alias.
    // Returns every candidate; the caller decides what ambiguity means.
    std::vector<EntityIndex> resolve(std::string_view idOrName) const;
    const std::vector<EntityIndex> &entitiesOfKind(std::string_view kind) const;

    // Relations leaving / entering an entity.
    std::vector<RelationIndex> outRelations(EntityIndex e) const;
    std::vector<RelationIndex> inRelations(EntityIndex e) const;
    std::size_t outDegree(EntityIndex e) const;
    std::size_t inDegree(EntityIndex e) const;

    // The Boost graph, for algorithms inside core only (graph_topology.hpp).
    const GraphTopology &topology() const { return *m_topology; }

private:
    void indexNames(EntityIndex i);

    std::vector<Entity> m_entities;
    std::vector<Relation> m_relations;
    std::vector<std::pair<EntityIndex, EntityIndex>> m_endpoints;
    std::vector<Source> m_sources;
    ExtraFields m_documentExtras;
    std::unique_ptr<GraphTopology> m_topology;
    struct Indexes;
    std::unique_ptr<Indexes> m_index;
};

} // namespace liaison
