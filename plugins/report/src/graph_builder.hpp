// Accumulates extracted entities and relations: one record per entity key,
// aliases and evidence united, confidences kept as the maximum seen. finish()
// resolves persons mentioned several ways (Prof. X / Dr. X / Given X) into one
// entity and emits stable ids.
#pragma once

#include "liaison/report/extract.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace liaison::report {

// Lower-cased ASCII, whitespace and punctuation removed: the identity of a
// surface form for merging ("IAC 第 12屆年會" == "IAC第12屆年會").
std::string mergeKey(std::string_view name);

class GraphBuilder {
public:
    explicit GraphBuilder(std::string sourceId) : m_source(std::move(sourceId)) {}

    // The entity of `kind` known by `key` (see mergeKey), created with `name`
    // when new. Returns its index.
    int entity(const std::string &kind, const std::string &name, const std::string &language);
    int find(const std::string &kind, const std::string &name) const;
    // Makes `alias` another key of entity `e` (later lookups by it find `e`).
    void alias(int e, const std::string &alias);
    // Gives entity `e` a new display name; the old one stays an alias.
    void rename(int e, const std::string &name, const std::string &language);
    void name(int e, const std::string &language, const std::string &name);
    // Sets `key` when the entity has none (or `overwrite`). A date (`start`,
    // `end`) that refines the one held ("2017" -> "2017-09-28") replaces it
    // even without `overwrite`: the first date seen is often the year alone.
    void attribute(int e, const std::string &key, const std::string &value, bool overwrite = false);
    void evidence(int e, int line, const std::string &quote, double confidence);
    void relate(const std::string &kind, int from, int to, int line, const std::string &quote, double confidence,
                const std::map<std::string, std::string> &attributes = {});
    // Person name tokens used by finish() to resolve partial mentions.
    void personTokens(int e, std::vector<std::string> tokens, std::vector<bool> initials);

    // Whether a relation of `kind` from entity `from` was recorded.
    bool hasRelation(const std::string &kind, int from) const;
    const Entity &at(int e) const { return m_entities[static_cast<std::size_t>(e)].entity; }
    std::size_t size() const { return m_entities.size(); }

    // Whoever chairs, speaks at or attends a session attended the outermost
    // event it is part of (`parentOf`: session/panel -> containing event).
    void inferAttendance(const std::map<int, int> &parentOf);
    // An event with no date of its own (a session, a panel) takes `start` and
    // `end` from the nearest dated event it is part of (`parentOf` as above).
    void inheritDates(const std::map<int, int> &parentOf);

    Extraction finish(const Options &options);

private:
    struct Record {
        Entity entity;
        double confidence = 0;
        std::vector<std::string> tokens;
        std::vector<bool> initials;
        int mergedInto = -1;
    };
    struct RelationRecord {
        Relation relation;
        int from;
        int to;
        double confidence;
    };
    int root(int e) const;
    void resolvePersons();

    std::string m_source;
    std::vector<Record> m_entities;
    std::map<std::string, int> m_byKey; // kind + '\t' + mergeKey
    std::vector<RelationRecord> m_relations;
};

} // namespace liaison::report
