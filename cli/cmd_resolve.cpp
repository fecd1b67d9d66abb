// liaison resolve FILE: the merge candidates of a graph, with score, reasons
// and counter-reasons (the same list the import and the viewer use).
#include "command.hpp"
#include "query.hpp"

#include "liaison/errors.hpp"
#include "liaison/identity.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace liaison::cli {

static double minScoreOption(const Args &args)
{
    std::string text = args.option("--min-score", "0");
    char *end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value >= 0 && value <= 1))
        throw UserError("--min-score wants a number from 0 to 1, got '" + text + "'");
    return value;
}

static std::string scoreText(double score)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", score);
    return text;
}

static void printCandidate(const GraphStore &store, const Candidate &c)
{
    std::cout << scoreText(c.score) << "  " << describe(store, c.a) << "  ~  " << describe(store, c.b);
    if (c.blocked) std::cout << "  [never merged]";
    else if (c.score >= kMergeScore) std::cout << "  [would merge]";
    std::cout << "\n";
    for (const std::string &r : c.reasons) std::cout << "      + " << r << "\n";
    for (const std::string &r : c.counterReasons) std::cout << "      - " << r << "\n";
}

static void candidateJson(JsonOut &json, const GraphStore &store, const Candidate &c)
{
    auto &w = json.w();
    w.StartObject();
    json.key("a"), json.entity(store, c.a);
    json.key("b"), json.entity(store, c.b);
    json.key("score"), w.RawValue(scoreText(c.score).c_str(), scoreText(c.score).size(), rapidjson::kNumberType);
    json.key("reasons");
    w.StartArray();
    for (const std::string &r : c.reasons) json.string(r);
    w.EndArray();
    json.key("counter_reasons");
    w.StartArray();
    for (const std::string &r : c.counterReasons) json.string(r);
    w.EndArray();
    json.key("blocked"), w.Bool(c.blocked);
    json.key("would_merge"), w.Bool(!c.blocked && c.score >= kMergeScore);
    w.EndObject();
}

static int runResolve(const std::vector<std::string> &words)
{
    Args args(words, {"--json", "--all"}, {"--min-score"});
    GraphStore store = loadGraph(args.positional(0, "FILE"));
    args.expectAtMost(1);
    double minScore = minScoreOption(args);
    std::vector<Candidate> candidates = findCandidates(store, minScore, args.flag("--all"));
    if (args.flag("--json")) {
        JsonOut json;
        auto &w = json.w();
        w.StartObject();
        json.key("candidates");
        w.StartArray();
        for (const Candidate &c : candidates) candidateJson(json, store, c);
        w.EndArray();
        w.EndObject();
        return 0;
    }
    if (candidates.empty()) {
        std::cout << "no merge candidates" << (minScore > 0 ? " at or above score " + scoreText(minScore) : "") << "\n";
        return 0;
    }
    std::cout << candidates.size() << " merge candidate(s), best first (merge with `liaison merge FILE A B`,\n"
              << "reject with `liaison judge FILE A B different`):\n\n";
    for (const Candidate &c : candidates) printCandidate(store, c);
    return 0;
}

Command resolveCommand()
{
    return {"resolve", "merge candidates with score, reasons and counter-reasons",
            "usage: liaison resolve FILE [--min-score S] [--all] [--json]\n\n"
            "Lists pairs of entities that may be one, best first: the score (0-1), the\n"
            "reasons (+) and counter-reasons (-). [would merge] marks a pair an import would\n"
            "merge; [never merged] one a counter-reason blocks (different gendered titles,\n"
            "a surname-only form across documents, different kinds, judged different).\n"
            "  --min-score S   only candidates scoring at least S (0-1)\n"
            "  --all           also pairs already judged different\n"
            "  --json          machine-readable output\n",
            runResolve};
}

} // namespace liaison::cli
