#include "liaison/graph_store.hpp"

#include "liaison/errors.hpp"
#include "liaison/identity.hpp"
#include "liaison/normalize.hpp"
#include "liaison/storable.hpp"
#include "store/graph_topology.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

namespace liaison {

namespace {
// Refuses what a save could not write and read back (storable.hpp).
template <class Record> void requireStorable(const Record &record, const char *what, const std::string &id)
{
    if (std::string why = storableProblem(record); !why.empty())
        throw GraphError(std::string(what) + " '" + id + "': " + why);
}

// Lets the id maps be searched with a string_view, without building a string.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using IdMap = std::unordered_map<std::string, EntityIndex, TextHash, std::equal_to<>>;
} // namespace

// The name index costs two ICU normalisations per name, id and alias: most
// of a load's time for entities. It is built on the first name lookup
// (findByName, search, resolve by name), under a lock so concurrent const
// readers stay safe; once built, every change keeps it up to date.
struct NameIndex {
    // normalised name or alias -> entities (a small vector: most keys have one)
    std::unordered_map<std::string, std::vector<EntityIndex>> byName;
    std::atomic<bool> built{false};
    mutable std::mutex building;
    // key -> the key in Simplified script (identity's foldChinese), filled by
    // search as it meets Han keys: OpenCC is too slow to run per key per keystroke.
    std::unordered_map<std::string, std::string> simplified;
    mutable std::mutex simplifying;

    NameIndex() = default;
    NameIndex(const NameIndex &other)
    {
        std::lock_guard lock(other.building);
        byName = other.byName;
        built.store(other.built.load());
    }
};

struct GraphStore::Indexes {
    IdMap byId;
    // id merged away -> index in m_redirects (whose `to` may itself be redirected)
    std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>> mergedIds;
    mutable NameIndex names;
    std::unordered_map<std::string, std::vector<EntityIndex>> byKind;
    bool merging = false; // indexNames is re-indexing an existing entity
};

GraphStore::GraphStore()
    : m_topology(std::make_unique<GraphTopology>()), m_index(std::make_unique<Indexes>())
{
}
GraphStore::~GraphStore() = default;
GraphStore::GraphStore(GraphStore &&) noexcept = default;
GraphStore &GraphStore::operator=(GraphStore &&) noexcept = default;

GraphStore::GraphStore(const GraphStore &other)
    : m_entities(other.m_entities), m_relations(other.m_relations),
      m_endpoints(other.m_endpoints), m_sources(other.m_sources),
      m_documentExtras(other.m_documentExtras), m_judgements(other.m_judgements),
      m_redirects(other.m_redirects),
      m_topology(std::make_unique<GraphTopology>()),
      m_index(std::make_unique<Indexes>(*other.m_index))
{
    // Rebuilt from the endpoints rather than copied: cheaper to reason
    // about, and Boost 1.74's adjacency_list copy trips GCC 12 warnings.
    BoostGraph &g = m_topology->graph;
    for (std::size_t i = 0; i < m_entities.size(); ++i) boost::add_vertex(g);
    for (RelationIndex r = 0; r < m_endpoints.size(); ++r)
        boost::add_edge(m_endpoints[r].first, m_endpoints[r].second, r, g);
}

GraphStore &GraphStore::operator=(const GraphStore &other)
{
    if (this != &other) *this = GraphStore(other);
    return *this;
}

void GraphStore::reserve(std::size_t entities, std::size_t relations)
{
    m_entities.reserve(entities);
    m_relations.reserve(relations);
    m_endpoints.reserve(relations);
    m_index->byId.reserve(entities);
}

void GraphStore::addSource(Source source)
{
    requireStorable(source, "source", source.id);
    for (Source &existing : m_sources) {
        if (existing.id == source.id) {
            existing = std::move(source);
            return;
        }
    }
    m_sources.push_back(std::move(source));
}

const Source *GraphStore::source(std::string_view id) const
{
    for (const Source &s : m_sources)
        if (s.id == id) return &s;
    return nullptr;
}

static std::string kindFromId(const std::string &id)
{
    std::size_t colon = id.find(':');
    return colon == std::string::npos ? std::string() : id.substr(0, colon);
}

// Persons lose their honorifics for matching; other names are only folded,
// so that 委員會 or "Bank of X" are never cut.
static std::string nameKey(const std::string &kind, std::string_view name)
{
    return knownKind(kind) == KnownKind::Person ? normalizeName(name).key : foldText(name);
}

namespace {

void addNames(NameIndex &names, const std::vector<Entity> &entities, EntityIndex i, bool merging)
{
    const Entity &e = entities[i];
    auto add = [&](std::string_view text) {
        if (text.empty()) return;
        std::string key = nameKey(e.kind, text);
        if (key.empty()) return;
        std::vector<EntityIndex> &slot = names.byName[key];
        // A new entity is in no slot yet, except at the back for its own
        // repeated names; only merges need the full search.
        if (!slot.empty() && slot.back() == i) return;
        if (!merging || std::find(slot.begin(), slot.end(), i) == slot.end()) slot.push_back(i);
    };
    add(e.name);
    add(e.id); // ids are searchable too: "person chuang ming fen"
    for (const auto &[language, name] : e.names) add(name);
    for (const std::string &alias : e.aliases) add(alias);
}

// Builds the name index on first use (safe for concurrent const readers).
void requireNames(NameIndex &names, const std::vector<Entity> &entities)
{
    if (names.built.load(std::memory_order_acquire)) return;
    std::lock_guard lock(names.building);
    if (names.built.load(std::memory_order_relaxed)) return;
    names.byName.reserve(entities.size() * 2);
    for (EntityIndex i = 0; i < entities.size(); ++i) addNames(names, entities, i, false);
    names.built.store(true, std::memory_order_release);
}

} // namespace

void GraphStore::indexNames(EntityIndex i)
{
    // Until the first name lookup there is no index to keep up to date.
    if (m_index->names.built.load(std::memory_order_acquire)) addNames(m_index->names, m_entities, i, m_index->merging);
}

EntityIndex GraphStore::addEntity(Entity entity)
{
    if (entity.id.empty()) throw GraphError("entity without an id");
    requireStorable(entity, "entity", entity.id);
    if (m_index->byId.contains(entity.id) || m_index->mergedIds.contains(entity.id))
        throw GraphError("duplicate entity id '" + entity.id + "'");
    if (entity.kind.empty()) entity.kind = kindFromId(entity.id);
    if (entity.name.empty()) entity.name = entity.id;
    auto index = static_cast<EntityIndex>(m_entities.size());
    m_index->byId.emplace(entity.id, index);
    m_index->byKind[entity.kind].push_back(index);
    m_entities.push_back(std::move(entity));
    boost::add_vertex(m_topology->graph);
    indexNames(index);
    return index;
}

RelationIndex GraphStore::addRelation(Relation relation)
{
    // (The name for the message is built only when there is one.)
    if (std::string why = storableProblem(relation); !why.empty())
        throw GraphError("relation '" + relation.from + " -> " + relation.to + "': " + why);
    // An endpoint that names a live entity stays as it is (every relation of
    // a file being read); one that names a merged-away id is rewritten to the
    // survivor's id.
    auto endpoint = [&](std::string &id, const char *role) {
        if (auto live = m_index->byId.find(id); live != m_index->byId.end()) return live->second;
        EntityIndex found = findById(id);
        if (found == kNoEntity) throw GraphError("relation " + std::string(role) + " '" + id + "' is not an entity");
        id = m_entities[found].id;
        return found;
    };
    EntityIndex from = endpoint(relation.from, "source");
    EntityIndex to = endpoint(relation.to, "target");
    auto index = static_cast<RelationIndex>(m_relations.size());
    m_relations.push_back(std::move(relation));
    m_endpoints.emplace_back(from, to);
    boost::add_edge(from, to, index, m_topology->graph);
    return index;
}

template <typename T> static void appendUnique(std::vector<T> &into, const T &value)
{
    if (std::find(into.begin(), into.end(), value) == into.end()) into.push_back(value);
}

std::vector<std::string> GraphStore::mergeInto(EntityIndex target, const Entity &incoming,
                                               const std::string &reason, const std::string &time)
{
    Entity &survivor = m_entities.at(target);
    // Checked before anything changes, so a refused merge leaves the survivor as it was.
    {
        Entity checked = incoming;
        if (checked.id.empty()) checked.id = survivor.id;
        requireStorable(checked, "entity", checked.id);
    }
    std::vector<std::string> conflicts;
    if (incoming.name != survivor.name) appendUnique(survivor.aliases, incoming.name);
    for (const auto &[language, name] : incoming.names) {
        auto [it, inserted] = survivor.names.emplace(language, name);
        if (!inserted && it->second != name) {
            appendUnique(survivor.aliases, name);
            conflicts.push_back(survivor.id + ": name[" + language + "] '" + it->second +
                                "' kept, '" + name + "' added as alias");
        }
    }
    for (const std::string &alias : incoming.aliases)
        if (alias != survivor.name) appendUnique(survivor.aliases, alias);
    for (const auto &[key, value] : incoming.attributes) {
        auto [it, inserted] = survivor.attributes.emplace(key, value);
        if (!inserted && !(it->second == value))
            conflicts.push_back(survivor.id + ": attribute '" + key + "' kept '" + it->second.text +
                                "', incoming '" + value.text + "' dropped");
    }
    for (const Evidence &evidence : incoming.evidence) appendUnique(survivor.evidence, evidence);
    if (!incoming.id.empty() && incoming.id != survivor.id && !m_index->byId.contains(incoming.id) &&
        !m_index->mergedIds.contains(incoming.id))
        addRedirect({incoming.id, survivor.id, time, reason, incoming, {}, {}});
    m_index->merging = true;
    indexNames(target);
    m_index->merging = false;
    return conflicts;
}

std::size_t GraphStore::appendRelationEvidence(RelationIndex r, const std::vector<Evidence> &evidence)
{
    std::vector<Evidence> &held = m_relations.at(r).evidence;
    std::size_t added = 0;
    for (const Evidence &e : evidence) {
        if (std::find(held.begin(), held.end(), e) != held.end()) continue;
        held.push_back(e);
        ++added;
    }
    return added;
}

void GraphStore::addRedirect(Redirect redirect)
{
    if (redirect.from.empty()) throw GraphError("redirect without a \"from\" id");
    if (redirect.from == redirect.to)
        throw GraphError("redirect from '" + redirect.from + "' to itself");
    if (m_index->byId.contains(redirect.from))
        throw GraphError("redirect from '" + redirect.from + "', which is an entity id");
    if (auto it = m_index->mergedIds.find(redirect.from); it != m_index->mergedIds.end()) {
        m_redirects[it->second] = std::move(redirect); // re-pointed (a merge after a split)
        return;
    }
    m_index->mergedIds.emplace(redirect.from, m_redirects.size());
    m_redirects.push_back(std::move(redirect));
}

void GraphStore::noteRedirectedRelation(std::string_view from, const Relation &relation)
{
    auto it = m_index->mergedIds.find(from);
    if (it == m_index->mergedIds.end() || !m_redirects[it->second].entity) return;
    std::vector<Relation> &noted = m_redirects[it->second].relations;
    for (Relation &r : noted) {
        if (r.kind != relation.kind || r.from != relation.from || r.to != relation.to ||
            r.attributes != relation.attributes)
            continue;
        for (const Evidence &e : relation.evidence)
            if (std::find(r.evidence.begin(), r.evidence.end(), e) == r.evidence.end()) r.evidence.push_back(e);
        return;
    }
    noted.push_back(relation);
}

bool GraphStore::removeRedirect(std::string_view from)
{
    auto it = m_index->mergedIds.find(from);
    if (it == m_index->mergedIds.end()) return false;
    m_redirects.erase(m_redirects.begin() + static_cast<std::ptrdiff_t>(it->second));
    m_index->mergedIds.clear();
    for (std::size_t i = 0; i < m_redirects.size(); ++i) m_index->mergedIds.emplace(m_redirects[i].from, i);
    return true;
}

EntityIndex GraphStore::findById(std::string_view id) const
{
    if (auto it = m_index->byId.find(id); it != m_index->byId.end()) return it->second;
    // Follow a chain of redirects (a -> b, b merged into c); bounded so a
    // cycle written by hand into a file cannot loop.
    for (std::size_t hop = 0; hop <= m_redirects.size(); ++hop) {
        auto it = m_index->mergedIds.find(id);
        if (it == m_index->mergedIds.end()) return kNoEntity;
        id = m_redirects[it->second].to;
        if (auto live = m_index->byId.find(id); live != m_index->byId.end()) return live->second;
    }
    return kNoEntity;
}

std::vector<EntityIndex> GraphStore::findByName(std::string_view text) const
{
    requireNames(m_index->names, m_entities);
    std::vector<EntityIndex> found;
    // Try both keys: the honorific-free one finds persons, the folded one the rest.
    for (const std::string &key : {normalizeName(text).key, foldText(text)}) {
        auto it = m_index->names.byName.find(key);
        if (it == m_index->names.byName.end()) continue;
        for (EntityIndex i : it->second) {
            // A person key only matches persons; a folded key matches anything.
            if (key != foldText(text) && knownKind(m_entities[i].kind) != KnownKind::Person) continue;
            found.push_back(i);
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::vector<EntityIndex> GraphStore::search(std::string_view text) const
{
    std::string needle = foldText(text);
    std::vector<EntityIndex> found;
    if (needle.empty()) return found;
    requireNames(m_index->names, m_entities);
    // Han text matches in either script (台湾 finds 台灣, 庄明芬 finds 莊明芬),
    // folded as identity folds names, so search finds what `show` resolves.
    // foldChinese changes only non-ASCII text: ASCII needles and keys skip it.
    auto nonAscii = [](std::string_view t) {
        return std::any_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    };
    bool han = nonAscii(needle);
    std::string scriptNeedle = han ? foldChinese(needle) : needle;
    NameIndex &names = m_index->names;
    std::unique_lock lock(names.simplifying, std::defer_lock);
    if (han) lock.lock();
    for (const auto &[key, entities] : names.byName) {
        bool hit = key.find(needle) != std::string::npos;
        if (!hit && han && nonAscii(key)) {
            auto [it, added] = names.simplified.try_emplace(key);
            if (added) it->second = foldChinese(key);
            hit = it->second.find(scriptNeedle) != std::string::npos;
        }
        if (hit) found.insert(found.end(), entities.begin(), entities.end());
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::vector<EntityIndex> GraphStore::resolve(std::string_view idOrName) const
{
    if (EntityIndex byId = findById(idOrName); byId != kNoEntity) return {byId};
    return findByName(idOrName);
}

const std::vector<EntityIndex> &GraphStore::entitiesOfKind(std::string_view kind) const
{
    static const std::vector<EntityIndex> none;
    auto it = m_index->byKind.find(std::string(kind));
    return it == m_index->byKind.end() ? none : it->second;
}

std::vector<RelationIndex> GraphStore::outRelations(EntityIndex e) const
{
    std::vector<RelationIndex> out;
    for (auto [it, end] = boost::out_edges(e, m_topology->graph); it != end; ++it)
        out.push_back(m_topology->graph[*it]);
    return out;
}

std::vector<RelationIndex> GraphStore::inRelations(EntityIndex e) const
{
    std::vector<RelationIndex> in;
    for (auto [it, end] = boost::in_edges(e, m_topology->graph); it != end; ++it)
        in.push_back(m_topology->graph[*it]);
    return in;
}

std::size_t GraphStore::outDegree(EntityIndex e) const { return boost::out_degree(e, m_topology->graph); }
std::size_t GraphStore::inDegree(EntityIndex e) const { return boost::in_degree(e, m_topology->graph); }

std::vector<EntityIndex> GraphStore::neighbours(EntityIndex e) const
{
    const BoostGraph &g = m_topology->graph;
    std::vector<EntityIndex> out;
    out.reserve(boost::out_degree(e, g) + boost::in_degree(e, g));
    for (auto [it, end] = boost::out_edges(e, g); it != end; ++it)
        out.push_back(static_cast<EntityIndex>(boost::target(*it, g)));
    for (auto [it, end] = boost::in_edges(e, g); it != end; ++it)
        out.push_back(static_cast<EntityIndex>(boost::source(*it, g)));
    return out;
}

} // namespace liaison
