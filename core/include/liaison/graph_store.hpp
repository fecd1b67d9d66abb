// GraphStore: the in-memory knowledge graph. Entities and relations live in
// vectors indexed by EntityIndex / RelationIndex; a bidirectional
// boost::adjacency_list mirrors the topology for the algorithms. Side indexes
// map id -> entity, normalised name or alias -> entities, kind -> entities.
// The name index is built on the first name lookup (findByName, search,
// resolve by name), not while a file loads; it is safe for concurrent const
// readers all the same.
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
    // Every mutation that refuses its input throws GraphError (errors.hpp, a
    // UserError) and leaves the store as it was. A record the store cannot
    // save and read back (storable.hpp) is refused the same way.
    // Adds a source; a source with the same id is replaced.
    void addSource(Source source);
    // Adds an entity and returns its index (entityCount() before the call).
    // Throws GraphError if the id is empty or already names an entity or a
    // merged-away id. The kind defaults to the id's prefix when empty.
    EntityIndex addEntity(Entity entity);
    // Adds a relation between existing entities (an endpoint given as a
    // merged-away id is rewritten to the survivor's id). Throws GraphError
    // when an endpoint id is unknown.
    RelationIndex addRelation(Relation relation);
    // Unites `incoming` into the entity at `target`: names, aliases,
    // attributes (existing values win; conflicts are returned as messages)
    // and evidence. The target keeps its id; when `incoming.id` is another id
    // not in the store, a Redirect from it (with `reason`, `time` and a copy of
    // `incoming`) is recorded, so findById resolves it to the target.
    std::vector<std::string> mergeInto(EntityIndex target, const Entity &incoming,
                                       const std::string &reason = {}, const std::string &time = {});
    // Appends the evidence items `relation` r does not hold yet (identical
    // items are not repeated); returns how many were added.
    std::size_t appendRelationEvidence(RelationIndex r, const std::vector<Evidence> &evidence);
    // Reserve room for a bulk load.
    void reserve(std::size_t entities, std::size_t relations);

    // Top-level keys of the Liaison JSON document this store came from that
    // Liaison does not interpret; written back on save.
    ExtraFields &documentExtras() { return m_documentExtras; }
    const ExtraFields &documentExtras() const { return m_documentExtras; }

    // --- identity (DESIGN §2): judgements and redirects, saved in the file ---
    std::vector<Judgement> &judgements() { return m_judgements; }
    const std::vector<Judgement> &judgements() const { return m_judgements; }
    // Records that `redirect.from` now names `redirect.to`. Throws
    // GraphError when `from` is empty, is a live entity id, or
    // equals `to`. A redirect whose target is unknown is kept (and resolves
    // to nothing) so a file stays readable whatever order it was edited in.
    void addRedirect(Redirect redirect);
    // Notes that `relation` (endpoints as the import gave them) came with the
    // entity merged away as `from`, for a later split. No-op without such a redirect.
    void noteRedirectedRelation(std::string_view from, const Relation &relation);
    // Removes the redirect from `from` (split); false when there was none.
    bool removeRedirect(std::string_view from);
    const std::vector<Redirect> &redirects() const { return m_redirects; }

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
    // The source with this id, or nullptr when the store holds none. The
    // pointer is valid until the next addSource (which may move the sources)
    // or until the store is assigned, moved from or destroyed.
    const Source *source(std::string_view id) const;

    // The entity with this id (or a merged-away id, through redirects), or kNoEntity.
    EntityIndex findById(std::string_view id) const;
    // Entities whose normalised name, any language name or alias equals the
    // normalised `text` (see normalizeName). Sorted, without duplicates.
    std::vector<EntityIndex> findByName(std::string_view text) const;
    // Entities whose normalised name or alias contains normalised `text`.
    std::vector<EntityIndex> search(std::string_view text) const;
    // Resolves a user's reference: an id, else an exact name/alias.
    // Returns every candidate; the caller decides what ambiguity means.
    std::vector<EntityIndex> resolve(std::string_view idOrName) const;
    // The entities of exactly this kind, in ascending index order; an empty
    // vector for a kind the store does not hold. The reference is valid until
    // the next addEntity or until the store is assigned, moved from or
    // destroyed: copy it to keep it across a change.
    const std::vector<EntityIndex> &entitiesOfKind(std::string_view kind) const;

    // Relations leaving / entering an entity.
    std::vector<RelationIndex> outRelations(EntityIndex e) const;
    std::vector<RelationIndex> inRelations(EntityIndex e) const;
    std::size_t outDegree(EntityIndex e) const;
    std::size_t inDegree(EntityIndex e) const;
    // The entities at the other end of e's relations, direction ignored: the
    // targets of outRelations(e) in that order, then the sources of
    // inRelations(e). One item per relation, so an entity linked twice
    // appears twice and a self-loop gives e twice.
    std::vector<EntityIndex> neighbours(EntityIndex e) const;

    // The Boost graph, for algorithms inside core only (graph_topology.hpp).
    const GraphTopology &topology() const { return *m_topology; }

private:
    void indexNames(EntityIndex i);

    std::vector<Entity> m_entities;
    std::vector<Relation> m_relations;
    std::vector<std::pair<EntityIndex, EntityIndex>> m_endpoints;
    std::vector<Source> m_sources;
    ExtraFields m_documentExtras;
    std::vector<Judgement> m_judgements;
    std::vector<Redirect> m_redirects;
    std::unique_ptr<GraphTopology> m_topology;
    struct Indexes;
    std::unique_ptr<Indexes> m_index;
};

} // namespace liaison
