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

} // namespace

Evaluation evaluate(const std::vector<Entity> &extracted, const std::vector<Relation> &extractedRelations,
                    const std::vector<Entity> &curated, const std::vector<Relation> &curatedRelations) {
    Evaluation out;
    std::vector<std::set<std::string>> curatedKeys;
    for (const auto &c : curated)
        curatedKeys.push_back(keysOf(c));
    std::vector<bool> used(curated.size(), false);
    std::map<std::string, std::string> mapped; // extracted id -> curated id
    // Two rounds: display names first, then any alias, so exact names win.
    std::vector<int> matchOf(extracted.size(), -1);
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < extracted.size(); ++i) {
            if (matchOf[i] >= 0)
                continue;
            const auto keys = round == 0 ? std::set<std::string>{key(extracted[i].name)} : keysOf(extracted[i]);
            for (std::size_t c = 0; c < curated.size(); ++c) {
                if (used[c] || curated[c].kind != extracted[i].kind)
                    continue;
                const bool hit = std::any_of(keys.begin(), keys.end(), [&](const std::string &k) {
                    return !k.empty() && curatedKeys[c].count(k) > 0;
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
    std::set<std::string> truth;
    for (const auto &r : curatedRelations)
        if (r.from != r.to)
            truth.insert(pairName(r.from, r.to));
    std::set<std::string> found;
    for (const auto &r : extractedRelations) {
        const auto f = mapped.find(r.from);
        const auto t = mapped.find(r.to);
        if (f == mapped.end() || t == mapped.end() || f->second == t->second)
            continue;
        found.insert(pairName(f->second, t->second));
    }
    for (const auto &p : found) {
        if (truth.count(p) > 0) {
            ++out.pairs.truePositives;
        } else {
            ++out.pairs.falsePositives;
            out.spuriousPairs.push_back(p);
        }
    }
    for (const auto &p : truth) {
        if (found.count(p) == 0) {
            ++out.pairs.falseNegatives;
            out.missedPairs.push_back(p);
        }
    }
    return out;
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
    return out;
}

} // namespace liaison::report
