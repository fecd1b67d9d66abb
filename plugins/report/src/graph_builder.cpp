#include "graph_builder.hpp"

#include "text.hpp"

#include <algorithm>
#include <tuple>

namespace liaison::report {

namespace {

constexpr std::size_t kMaxEvidence = 8;

std::string slugOf(const std::string &name) {
    U32 out;
    bool dash = false;
    for (char32_t c : fromUtf8(name)) {
        c = foldChar(c);
        if (c >= U'A' && c <= U'Z')
            c += 32;
        if (isLatin(c) || isDigit(c) || isHan(c)) {
            if (dash && !out.empty())
                out.push_back(U'-');
            dash = false;
            out.push_back(c);
        } else {
            dash = true;
        }
    }
    return out.empty() ? std::string("x") : toUtf8(out);
}

// `kind:slug`; a dated event's id ends with its start date. Ids are how an
// import recognises the same entity in two reports, and an annual forum named
// alike in two reports on two dates is two occasions: without the date both
// would be one event keeping one of the two dates.
std::string idStem(const Entity &e) {
    std::string stem = e.kind + ':' + slugOf(e.name);
    const std::string *start = e.attribute("start");
    if (e.kind != "event" || start == nullptr || start->empty())
        return stem;
    const std::string date = slugOf(*start);
    if (stem.size() > date.size() && stem.ends_with("-" + date))
        return stem;
    return stem + '-' + date;
}

bool isDateKey(const std::string &key) { return key == "start" || key == "end"; }

// `finer` names a day or month within `coarse` ("2017-09-28" within "2017").
bool refinesDate(const std::string &finer, const std::string &coarse) {
    return finer.size() > coarse.size() && finer.starts_with(coarse) && finer[coarse.size()] == '-';
}

void addEvidence(std::vector<Evidence> &list, Evidence ev) {
    for (auto &e : list) {
        if (e.line == ev.line && e.quote == ev.quote) {
            e.confidence = std::max(e.confidence, ev.confidence);
            return;
        }
    }
    if (list.size() < kMaxEvidence)
        list.push_back(std::move(ev));
}

} // namespace

std::string mergeKey(std::string_view name) {
    U32 out;
    for (char32_t c : fromUtf8(name)) {
        c = foldChar(c);
        if (c >= U'A' && c <= U'Z')
            c += 32;
        if (isLatin(c) || isDigit(c) || isHan(c))
            out.push_back(c);
    }
    return toUtf8(out);
}

int GraphBuilder::find(const std::string &kind, const std::string &name) const {
    const auto it = m_byKey.find(kind + '\t' + mergeKey(name));
    return it == m_byKey.end() ? -1 : root(it->second);
}

int GraphBuilder::entity(const std::string &kind, const std::string &name, const std::string &language) {
    const int existing = find(kind, name);
    if (existing >= 0) {
        alias(existing, name);
        return existing;
    }
    Record r;
    r.entity.kind = kind;
    r.entity.name = name;
    if (!language.empty())
        r.entity.names[language] = name;
    m_entities.push_back(std::move(r));
    const int index = static_cast<int>(m_entities.size()) - 1;
    m_byKey[kind + '\t' + mergeKey(name)] = index;
    return index;
}

void GraphBuilder::alias(int e, const std::string &alias) {
    e = root(e);
    if (alias.empty() || mergeKey(alias).empty())
        return;
    auto &ent = m_entities[static_cast<std::size_t>(e)].entity;
    if (alias != ent.name && std::find(ent.aliases.begin(), ent.aliases.end(), alias) == ent.aliases.end())
        ent.aliases.push_back(alias);
    m_byKey.emplace(ent.kind + '\t' + mergeKey(alias), e);
}

void GraphBuilder::rename(int e, const std::string &newName, const std::string &language) {
    e = root(e);
    auto &ent = m_entities[static_cast<std::size_t>(e)].entity;
    const std::string old = ent.name;
    ent.name = newName;
    ent.names[language] = newName;
    ent.aliases.erase(std::remove(ent.aliases.begin(), ent.aliases.end(), newName), ent.aliases.end());
    alias(e, old);
    m_byKey.emplace(ent.kind + '\t' + mergeKey(newName), e);
}

void GraphBuilder::name(int e, const std::string &language, const std::string &value) {
    e = root(e);
    auto &ent = m_entities[static_cast<std::size_t>(e)].entity;
    ent.names.emplace(language, value);
    alias(e, value);
}

void GraphBuilder::attribute(int e, const std::string &key, const std::string &value, bool overwrite) {
    e = root(e);
    auto &attrs = m_entities[static_cast<std::size_t>(e)].entity.attributes;
    const auto it = attrs.find(key);
    if (overwrite || it == attrs.end() || (isDateKey(key) && refinesDate(value, it->second)))
        attrs[key] = value;
}

void GraphBuilder::evidence(int e, int line, const std::string &quote, double confidence) {
    e = root(e);
    auto &r = m_entities[static_cast<std::size_t>(e)];
    r.confidence = std::max(r.confidence, confidence);
    addEvidence(r.entity.evidence, Evidence{m_source, line, {}, quote, confidence});
}

void GraphBuilder::relate(const std::string &kind, int from, int to, int line, const std::string &quote,
                          double confidence, const std::map<std::string, std::string> &attributes) {
    if (from < 0 || to < 0)
        return;
    RelationRecord r;
    r.relation.kind = kind;
    for (const auto &[k, v] : attributes)
        r.relation.attributes[k] = v;
    r.relation.evidence.push_back(Evidence{m_source, line, {}, quote, confidence});
    r.from = from;
    r.to = to;
    r.confidence = confidence;
    m_relations.push_back(std::move(r));
}

bool GraphBuilder::hasRelation(const std::string &kind, int from) const {
    const int r = root(from);
    return std::any_of(m_relations.begin(), m_relations.end(),
                       [&](const RelationRecord &x) { return x.relation.kind == kind && root(x.from) == r; });
}

void GraphBuilder::personTokens(int e, std::vector<std::string> tokens, std::vector<bool> initials) {
    auto &r = m_entities[static_cast<std::size_t>(root(e))];
    if (tokens.size() > r.tokens.size()) {
        r.tokens = std::move(tokens);
        r.initials = std::move(initials);
    }
}

int GraphBuilder::root(int e) const {
    while (e >= 0 && m_entities[static_cast<std::size_t>(e)].mergedInto >= 0)
        e = m_entities[static_cast<std::size_t>(e)].mergedInto;
    return e;
}

// A partial name (Prof. Auffret, Prof. Suhono, Jirapon S.) joins the one
// fuller name whose words contain all of its words and whose words start with
// each of its initials. Ambiguous partial names stay separate.
void GraphBuilder::resolvePersons() {
    auto covers = [&](const Record &full, const Record &part) {
        if (part.tokens.size() >= full.tokens.size())
            return false;
        std::vector<bool> used(full.tokens.size(), false);
        for (std::size_t i = 0; i < part.tokens.size(); ++i) {
            bool found = false;
            for (std::size_t j = 0; j < full.tokens.size() && !found; ++j) {
                if (used[j])
                    continue;
                const bool match = part.initials[i] ? full.tokens[j][0] == part.tokens[i][0]
                                                    : (!full.initials[j] && full.tokens[j] == part.tokens[i]);
                if (match) {
                    used[j] = true;
                    found = true;
                }
            }
            if (!found)
                return false;
        }
        // At least one full word must be shared: initials alone prove nothing.
        for (std::size_t i = 0; i < part.tokens.size(); ++i)
            if (!part.initials[i])
                return true;
        return false;
    };
    for (std::size_t p = 0; p < m_entities.size(); ++p) {
        Record &part = m_entities[p];
        if (part.mergedInto >= 0 || part.entity.kind != "person" || part.tokens.empty())
            continue;
        int candidate = -1;
        int count = 0;
        for (std::size_t f = 0; f < m_entities.size(); ++f) {
            const Record &full = m_entities[f];
            if (f == p || full.mergedInto >= 0 || full.entity.kind != "person" || full.tokens.empty())
                continue;
            if (covers(full, part)) {
                candidate = static_cast<int>(f);
                ++count;
            }
        }
        if (count != 1)
            continue;
        Record &full = m_entities[static_cast<std::size_t>(candidate)];
        part.mergedInto = candidate;
        alias(candidate, part.entity.name);
        for (const auto &a : part.entity.aliases)
            alias(candidate, a);
        for (const auto &[k, v] : part.entity.attributes)
            full.entity.attributes.emplace(k, v);
        for (const auto &ev : part.entity.evidence)
            addEvidence(full.entity.evidence, ev);
        full.confidence = std::max(full.confidence, part.confidence);
    }
}

void GraphBuilder::inferAttendance(const std::map<int, int> &parentOf) {
    const std::size_t n = m_relations.size();
    for (std::size_t i = 0; i < n; ++i) {
        const RelationRecord r = m_relations[i];
        const std::string &kind = r.relation.kind;
        if (kind != "chaired" && kind != "spoke_at" && kind != "attended")
            continue;
        // Only the outermost event: a speaker on a panel of session 2 attended
        // the conference; saying it of session 2 too adds nothing but noise.
        int event = r.to;
        for (int depth = 0; depth < 4; ++depth) {
            const auto it = parentOf.find(event);
            if (it == parentOf.end())
                break;
            event = it->second;
        }
        if (event == r.to)
            continue;
        const Evidence &ev = r.relation.evidence.front();
        relate("attended", r.from, event, ev.line, ev.quote, std::min(r.confidence, 0.6),
               {{"inferred", "takes part in a part of this event"}});
    }
}

void GraphBuilder::inheritDates(const std::map<int, int> &parentOf) {
    for (const auto &[child, parent] : parentOf) {
        const Entity &own = at(root(child));
        if (own.attribute("start") != nullptr)
            continue;
        int above = parent;
        for (int depth = 0; depth < 4 && at(root(above)).attribute("start") == nullptr; ++depth) {
            const auto it = parentOf.find(above);
            if (it == parentOf.end())
                break;
            above = it->second;
        }
        const Entity &dated = at(root(above));
        for (const char *key : {"start", "end"})
            if (const std::string *value = dated.attribute(key))
                attribute(child, key, *value);
    }
}

Extraction GraphBuilder::finish(const Options &options) {
    resolvePersons();
    Extraction out;
    std::vector<std::string> ids(m_entities.size());
    std::set<std::string> used;
    for (std::size_t i = 0; i < m_entities.size(); ++i) {
        const Record &r = m_entities[i];
        if (r.mergedInto >= 0 || r.confidence < options.minConfidence || r.entity.evidence.empty())
            continue;
        const std::string stem = idStem(r.entity);
        std::string id = stem;
        for (int n = 2; used.count(id) > 0; ++n)
            id = stem + '-' + std::to_string(n);
        used.insert(id);
        ids[i] = id;
        Entity e = r.entity;
        e.id = id;
        out.entities.push_back(std::move(e));
    }
    std::map<std::tuple<std::string, int, int>, std::size_t> seen;
    for (const auto &rr : m_relations) {
        const int from = root(rr.from);
        const int to = root(rr.to);
        if (from == to || ids[static_cast<std::size_t>(from)].empty() || ids[static_cast<std::size_t>(to)].empty() ||
            rr.confidence < options.minConfidence)
            continue;
        const auto key = std::make_tuple(rr.relation.kind, from, to);
        const auto it = seen.find(key);
        if (it != seen.end()) {
            Relation &existing = out.relations[it->second];
            for (const auto &ev : rr.relation.evidence)
                addEvidence(existing.evidence, ev);
            for (const auto &[k, v] : rr.relation.attributes)
                existing.attributes.emplace(k, v);
            continue;
        }
        Relation r = rr.relation;
        r.from = ids[static_cast<std::size_t>(from)];
        r.to = ids[static_cast<std::size_t>(to)];
        seen[key] = out.relations.size();
        out.relations.push_back(std::move(r));
    }
    return out;
}

} // namespace liaison::report
