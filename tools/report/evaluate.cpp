#include "liaison/report/evaluate.hpp"

#include "liaison/normalize.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace liaison::report {

double Score::precision() const {
    const int d = truePositives + falsePositives;
    return d == 0 ? 0.0 : static_cast<double>(truePositives) / d;
}
double Score::recall() const {
    const int d = truePositives + falseNegatives;
    return d == 0 ? 0.0 : static_cast<double>(truePositives) / d;
}
double Score::f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

namespace {

std::string key(const std::string &name) {
    std::string k = normalizeName(name).key;
    k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
    return k;
}

std::set<std::string> keysOf(const Entity &e) {
    std::set<std::string> keys;
    for (const auto *n : {&e.name})
        keys.insert(key(*n));
    for (const auto &[lang, n] : e.names)
        keys.insert(key(n));
    for (const auto &a : e.aliases)
        keys.insert(key(a));
    keys.erase(std::string());
    return keys;
}

std::string pairName(const std::string &a, const std::string &b) { return a < b ? a + " -- " + b : b + " -- " + a; }

std::set<std::string> linkedPairs(const std::vector<Relation> &relations) {
    std::set<std::string> pairs;
    for (const auto &r : relations)
        if (r.from != r.to)
            pairs.insert(pairName(r.from, r.to));
    return pairs;
}

// Scores `found` against `truth`, listing the differences.
void compareSets(const std::set<std::string> &truth, const std::set<std::string> &found, Score &score,
                 std::vector<std::string> &missed, std::vector<std::string> &spurious) {
    for (const auto &p : found) {
        if (truth.count(p) > 0) {
            ++score.truePositives;
        } else {
            ++score.falsePositives;
            spurious.push_back(p);
        }
    }
    for (const auto &p : truth) {
        if (found.count(p) == 0) {
            ++score.falseNegatives;
            missed.push_back(p);
        }
    }
}

bool isParticipationKind(const std::string &kind) {
    return kind == "attended" || kind == "spoke_at" || kind == "chaired" || kind == "hosted" || kind == "organised";
}

// Person pairs joined by `met`, and (withSharedEvents) persons taking part in
// the same event tree (events joined by part_of), in the graph's own ids.
std::set<std::pair<std::string, std::string>> metPairs(const std::vector<Entity> &entities,
                                                      const std::vector<Relation> &relations,
                                                      bool withSharedEvents) {
    std::map<std::string, std::string> kindOf;
    for (const auto &e : entities)
        kindOf[e.id] = e.kind;
    auto is = [&](const std::string &id, const char *kind) {
        const auto it = kindOf.find(id);
        return it != kindOf.end() && it->second == kind;
    };
    std::set<std::pair<std::string, std::string>> pairs;
    auto add = [&](const std::string &a, const std::string &b) {
        if (a != b)
            pairs.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    };
    for (const auto &r : relations)
        if (r.kind == "met" && is(r.from, "person") && is(r.to, "person"))
            add(r.from, r.to);
    if (!withSharedEvents)
        return pairs;
    std::map<std::string, std::string> parent;
    for (const auto &r : relations)
        if (r.kind == "part_of" && is(r.from, "event") && is(r.to, "event"))
            parent.emplace(r.from, r.to);
    auto root = [&](std::string id) {
        for (std::size_t guard = 0; guard < parent.size() && parent.count(id) > 0; ++guard)
            id = parent[id];
        return id;
    };
    std::map<std::string, std::set<std::string>> byRoot;
    for (const auto &r : relations) {
        if (!isParticipationKind(r.kind))
            continue;
        if (is(r.from, "person") && is(r.to, "event"))
            byRoot[root(r.to)].insert(r.from);
        else if (is(r.to, "person") && is(r.from, "event"))
            byRoot[root(r.from)].insert(r.to);
    }
    for (const auto &[event, persons] : byRoot)
        for (const auto &a : persons)
            for (const auto &b : persons)
                add(a, b);
    return pairs;
}

// The date of a relation: its `date` attribute, else the `start` of an event at either end.
std::string relationDate(const Relation &r, const std::map<std::string, const Entity *> &byId) {
    if (const std::string *d = r.attribute("date"))
        return *d;
    for (const auto *end : {&r.from, &r.to}) {
        const auto it = byId.find(*end);
        if (it != byId.end() && it->second->kind == "event")
            if (const std::string *d = it->second->attribute("start"))
                return *d;
    }
    return {};
}

// An extracted date is right when it is the curated one or a day or month
// within it: a curated "2017-09" (the annotator's precision) holds an
// extracted "2017-09-28"; an extracted "2017" for a curated day is wrong.
bool dateWithin(const std::string &extracted, const std::string &curated) {
    if (extracted == curated)
        return true;
    return extracted.size() > curated.size() && extracted.starts_with(curated) && extracted[curated.size()] == '-';
}

void scoreDates(Evaluation &out, const std::vector<Entity> &extracted, const std::vector<Relation> &extractedRelations,
                const std::vector<Entity> &curated, const std::vector<Relation> &curatedRelations,
                const std::map<std::string, std::string> &mapped) {
    std::map<std::string, const Entity *> curatedById;
    std::map<std::string, const Entity *> extractedById;
    for (const auto &e : curated)
        curatedById[e.id] = &e;
    for (const auto &e : extracted)
        extractedById[e.id] = &e;
    // Extracted dates by "kind pair" in curated ids, and by curated event id.
    std::map<std::string, std::set<std::string>> relationDates;
    for (const auto &r : extractedRelations) {
        const auto f = mapped.find(r.from);
        const auto t = mapped.find(r.to);
        if (f != mapped.end() && t != mapped.end())
            relationDates[r.kind + " " + pairName(f->second, t->second)].insert(relationDate(r, extractedById));
    }
    std::map<std::string, std::string> eventStart;
    for (const auto &e : extracted) {
        const auto m = mapped.find(e.id);
        const std::string *d = e.attribute("start");
        if (m != mapped.end() && e.kind == "event")
            eventStart[m->second] = d == nullptr ? std::string() : *d;
    }
    auto check = [&](const std::string &fact, const std::string &expected, const std::set<std::string> *got) {
        ++out.datedFacts;
        if (got == nullptr)
            return;
        ++out.datesChecked;
        if (std::any_of(got->begin(), got->end(), [&](const std::string &g) { return dateWithin(g, expected); })) {
            ++out.datesCorrect;
            return;
        }
        std::string seen;
        for (const auto &g : *got)
            seen += (seen.empty() ? "" : ", ") + (g.empty() ? std::string("none") : g);
        out.wrongDates.push_back(fact + ": expected " + expected + ", extracted " + seen);
    };
    for (const auto &r : curatedRelations) {
        const std::string date = relationDate(r, curatedById);
        if (date.empty())
            continue;
        const std::string key = r.kind + " " + pairName(r.from, r.to);
        const auto it = relationDates.find(key);
        check(key, date, it == relationDates.end() ? nullptr : &it->second);
    }
    for (const auto &e : curated) {
        const std::string *d = e.attribute("start");
        if (e.kind != "event" || d == nullptr)
            continue;
        const auto it = eventStart.find(e.id);
        const std::set<std::string> got = it == eventStart.end() ? std::set<std::string>{} : std::set{it->second};
        check("event " + e.id, *d, it == eventStart.end() ? nullptr : &got);
    }
}

} // namespace

Evaluation evaluate(const std::vector<Entity> &extracted, const std::vector<Relation> &extractedRelations,
                    const std::vector<Entity> &curated, const std::vector<Relation> &curatedRelations) {
    Evaluation out;
    std::vector<std::set<std::string>> curatedKeys;
    for (const auto &c : curated)
        curatedKeys.push_back(keysOf(c));
    std::vector<bool> used(curated.size(), false);
    std::map<std::string, std::string> mapped; // extracted id -> curated id
    // Three rounds: display name to display name, then display name to any
    // alias, then any form, so exact names win (an extracted event named like a
    // curated event's alias must not take it from the one named like it).
    std::vector<int> matchOf(extracted.size(), -1);
    for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < extracted.size(); ++i) {
            if (matchOf[i] >= 0)
                continue;
            const auto keys = round < 2 ? std::set<std::string>{key(extracted[i].name)} : keysOf(extracted[i]);
            for (std::size_t c = 0; c < curated.size(); ++c) {
                if (used[c] || curated[c].kind != extracted[i].kind)
                    continue;
                const std::set<std::string> nameOnly = {key(curated[c].name)};
                const auto &against = round == 0 ? nameOnly : curatedKeys[c];
                const bool hit = std::any_of(keys.begin(), keys.end(), [&](const std::string &k) {
                    return !k.empty() && against.count(k) > 0;
                });
                if (hit) {
                    used[c] = true;
                    matchOf[i] = static_cast<int>(c);
                    break;
                }
            }
        }
    }
    for (std::size_t i = 0; i < extracted.size(); ++i) {
        Score &k = out.byKind[extracted[i].kind];
        if (matchOf[i] >= 0) {
            ++k.truePositives;
            ++out.entities.truePositives;
            mapped[extracted[i].id] = curated[static_cast<std::size_t>(matchOf[i])].id;
        } else {
            ++k.falsePositives;
            ++out.entities.falsePositives;
            mapped[extracted[i].id] = "extracted/" + extracted[i].id;
            out.spuriousEntities.push_back(extracted[i].kind + ":" + extracted[i].name);
        }
    }
    for (std::size_t c = 0; c < curated.size(); ++c) {
        if (used[c])
            continue;
        ++out.byKind[curated[c].kind].falseNegatives;
        ++out.entities.falseNegatives;
        out.missedEntities.push_back(curated[c].kind + ":" + curated[c].name);
    }
    auto mapId = [&](const std::string &id) -> const std::string * {
        const auto it = mapped.find(id);
        return it == mapped.end() ? nullptr : &it->second;
    };
    std::set<std::string> found;
    for (const auto &r : extractedRelations) {
        const std::string *f = mapId(r.from);
        const std::string *t = mapId(r.to);
        if (f != nullptr && t != nullptr && *f != *t)
            found.insert(pairName(*f, *t));
    }
    compareSets(linkedPairs(curatedRelations), found, out.pairs, out.missedPairs, out.spuriousPairs);
    auto mappedPairs = [&](const std::set<std::pair<std::string, std::string>> &pairs) {
        std::set<std::string> names;
        for (const auto &[a, b] : pairs) {
            const std::string *f = mapId(a);
            const std::string *t = mapId(b);
            if (f != nullptr && t != nullptr && *f != *t)
                names.insert(pairName(*f, *t));
        }
        return names;
    };
    auto names = [](const std::set<std::pair<std::string, std::string>> &pairs) {
        std::set<std::string> out;
        for (const auto &[a, b] : pairs)
            out.insert(pairName(a, b));
        return out;
    };
    std::vector<std::string> ignored;
    compareSets(names(metPairs(curated, curatedRelations, false)),
                mappedPairs(metPairs(extracted, extractedRelations, false)), out.metPairs, out.missedMeetings,
                out.spuriousMeetings);
    compareSets(names(metPairs(curated, curatedRelations, true)),
                mappedPairs(metPairs(extracted, extractedRelations, true)), out.whoMetPairs, ignored, ignored);
    scoreDates(out, extracted, extractedRelations, curated, curatedRelations, mapped);
    return out;
}

void accumulate(Evaluation &total, const Evaluation &more) {
    auto add = [](Score &a, const Score &b) {
        a.truePositives += b.truePositives;
        a.falsePositives += b.falsePositives;
        a.falseNegatives += b.falseNegatives;
    };
    for (const auto &[kind, s] : more.byKind)
        add(total.byKind[kind], s);
    add(total.entities, more.entities);
    add(total.pairs, more.pairs);
    add(total.metPairs, more.metPairs);
    add(total.whoMetPairs, more.whoMetPairs);
    total.datedFacts += more.datedFacts;
    total.datesChecked += more.datesChecked;
    total.datesCorrect += more.datesCorrect;
}

std::string formatEvaluation(const Evaluation &e) {
    std::string out;
    char line[160];
    auto row = [&](const std::string &name, const Score &s) {
        std::snprintf(line, sizeof line, "%-16s %5d %5d %5d   %6.3f %6.3f %6.3f\n", name.c_str(), s.truePositives,
                      s.falsePositives, s.falseNegatives, s.precision(), s.recall(), s.f1());
        out += line;
    };
    out += "kind                TP    FP    FN   precis recall     F1\n";
    for (const auto &[kind, s] : e.byKind)
        row(kind, s);
    row("entities", e.entities);
    row("linked pairs", e.pairs);
    row("met pairs", e.metPairs);
    row("who-met pairs", e.whoMetPairs);
    std::snprintf(line, sizeof line, "dates            %d of %d dated facts found, %d correct (%.3f)\n", e.datesChecked,
                  e.datedFacts, e.datesCorrect, e.dateAccuracy());
    out += line;
    return out;
}

} // namespace liaison::report
