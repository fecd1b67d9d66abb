// report_eval: compares extracted graphs with curated ones.
// Usage:
//   report_eval EXTRACTED.json CURATED.json [--details] [--floors FILE]
//   report_eval --report REPORT.txt CURATED.json [--details] [--floors FILE]  (extracts first)
//   report_eval --corpus TEXT_DIR EXPECTED_DIR [--details] [--floors FILE]
// The corpus mode extracts every TEXT_DIR/<stem>.txt that has an
// EXPECTED_DIR/<stem>.json and prints one row per text and an overall row
// (counts summed over the texts): entity F1 per kind, met-pair F1,
// who-met-whom pair recall and date accuracy.
// --floors FILE: lines "metric minimum" (metric names as printed by
// --metrics); exits 3 when an overall figure is below its floor.
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/report/evaluate.hpp"
#include "liaison/report/model_bridge.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using liaison::report::Evaluation;

struct Graph {
    std::vector<liaison::Entity> entities;
    std::vector<liaison::Relation> relations;
};

Graph loadGraph(const std::string &path) {
    const auto store = liaison::readLiaisonJsonFile(path);
    return {{store.entities().begin(), store.entities().end()}, {store.relations().begin(), store.relations().end()}};
}

Graph extractGraph(const std::string &path) {
    auto x = liaison::report::toModel(
        liaison::report::extractReport(liaison::readWholeFile(path), fs::path(path).stem().string()));
    return {std::move(x.entities), std::move(x.relations)};
}

Evaluation evaluate(const Graph &extracted, const Graph &curated) {
    return liaison::report::evaluate(extracted.entities, extracted.relations, curated.entities, curated.relations);
}

double kindF1(const Evaluation &e, const std::string &kind) {
    const auto it = e.byKind.find(kind);
    return it == e.byKind.end() ? 1.0 : it->second.f1();
}

double kindRecall(const Evaluation &e, const std::string &kind) {
    const auto it = e.byKind.find(kind);
    return it == e.byKind.end() ? 1.0 : it->second.recall();
}

// The figures floors can be set on. A score with nothing to find and nothing
// found counts as perfect (a text without meetings cannot miss one).
std::map<std::string, double> metrics(const Evaluation &e) {
    auto f1 = [](const liaison::report::Score &s) {
        return s.truePositives + s.falsePositives + s.falseNegatives == 0 ? 1.0 : s.f1();
    };
    auto recall = [](const liaison::report::Score &s) {
        return s.truePositives + s.falseNegatives == 0 ? 1.0 : s.recall();
    };
    return {{"entity_f1", f1(e.entities)},
            {"person_f1", kindF1(e, "person")},
            {"person_recall", kindRecall(e, "person")},
            {"organisation_f1", kindF1(e, "organisation")},
            {"event_f1", kindF1(e, "event")},
            {"country_f1", kindF1(e, "country")},
            {"linked_pair_f1", f1(e.pairs)},
            {"met_pair_f1", f1(e.metPairs)},
            {"who_met_recall", recall(e.whoMetPairs)},
            {"date_accuracy", e.datesChecked == 0 ? 1.0 : e.dateAccuracy()},
            // Correct dates among all the dated facts of the annotation (found or not).
            {"date_recall", e.datedFacts == 0 ? 1.0 : static_cast<double>(e.datesCorrect) / e.datedFacts}};
}

void printDetails(const Evaluation &e) {
    for (const auto &m : e.missedEntities)
        std::cout << "  missed entity   " << m << "\n";
    for (const auto &m : e.spuriousEntities)
        std::cout << "  spurious entity " << m << "\n";
    for (const auto &m : e.missedPairs)
        std::cout << "  missed pair     " << m << "\n";
    for (const auto &m : e.spuriousPairs)
        std::cout << "  spurious pair   " << m << "\n";
    for (const auto &m : e.missedMeetings)
        std::cout << "  missed met      " << m << "\n";
    for (const auto &m : e.spuriousMeetings)
        std::cout << "  spurious met    " << m << "\n";
    for (const auto &m : e.wrongDates)
        std::cout << "  wrong date      " << m << "\n";
}

std::string tableRow(const std::string &name, const Evaluation &e) {
    const auto m = metrics(e);
    char line[256];
    std::snprintf(line, sizeof line, "| %-52s | %5.2f | %5.2f | %5.2f | %5.2f | %5.2f | %5.2f | %5.2f | %5.2f | %2d/%-2d |\n",
                  name.c_str(), m.at("person_f1"), m.at("organisation_f1"), m.at("event_f1"), m.at("country_f1"),
                  m.at("entity_f1"), m.at("linked_pair_f1"), m.at("met_pair_f1"), m.at("who_met_recall"),
                  e.datesCorrect, e.datedFacts);
    return line;
}

const char *kTableHead = "| text                                                 | pers. | org.  | event | ctry  | "
                         "ent.  | pairs | met   | w-m R | dates |\n"
                         "|---|---|---|---|---|---|---|---|---|---|\n";

Evaluation evaluateCorpus(const fs::path &texts, const fs::path &expected, bool details) {
    std::vector<fs::path> stems;
    for (const auto &entry : fs::directory_iterator(expected))
        if (entry.path().extension() == ".json")
            stems.push_back(entry.path());
    std::sort(stems.begin(), stems.end());
    if (stems.empty())
        throw liaison::UserError("report_eval: no expected graphs (*.json) in " + expected.string());
    Evaluation total;
    std::string table = kTableHead;
    for (const auto &json : stems) {
        const fs::path text = texts / (json.stem().string() + ".txt");
        if (!fs::exists(text))
            throw liaison::UserError("report_eval: " + json.string() + " has no text " + text.string());
        const Evaluation e = evaluate(extractGraph(text.string()), loadGraph(json.string()));
        liaison::report::accumulate(total, e);
        table += tableRow(json.stem().string(), e);
        if (details) {
            std::cout << json.stem().string() << "\n";
            printDetails(e);
        }
    }
    table += tableRow("overall (counts summed)", total);
    std::cout << table << "\n" << liaison::report::formatEvaluation(total);
    return total;
}

// Returns the number of figures below their floor, naming each.
int checkFloors(const Evaluation &e, const std::string &path) {
    std::ifstream in(path);
    if (!in)
        throw liaison::UserError("report_eval: cannot read floors file " + path);
    const auto m = metrics(e);
    int failed = 0;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::istringstream words(line);
        std::string name;
        double floor = 0;
        if (!(words >> name) || name[0] == '#')
            continue;
        if (!(words >> floor))
            throw liaison::UserError(path + ":" + std::to_string(number) + ": expected 'metric minimum'");
        const auto it = m.find(name);
        if (it == m.end())
            throw liaison::UserError(path + ":" + std::to_string(number) + ": unknown metric '" + name + "'");
        if (it->second + 1e-9 < floor) {
            std::cout << "BELOW FLOOR: " << name << " " << it->second << " < " << floor << "\n";
            ++failed;
        }
    }
    return failed;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    bool details = false;
    std::string floors;
    for (std::size_t i = 0; i < args.size();) {
        if (args[i] == "--details") {
            details = true;
            args.erase(args.begin() + static_cast<long>(i));
        } else if (args[i] == "--floors" && i + 1 < args.size()) {
            floors = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
        } else {
            ++i;
        }
    }
    const bool twoInputs = args.size() == 3 && (args[0] == "--report" || args[0] == "--corpus");
    if (!(args.size() == 2 || twoInputs)) {
        std::cerr << "usage: report_eval EXTRACTED.json CURATED.json [--details] [--floors FILE]\n"
                     "       report_eval --report REPORT.txt CURATED.json [--details] [--floors FILE]\n"
                     "       report_eval --corpus TEXT_DIR EXPECTED_DIR [--details] [--floors FILE]\n";
        return 1;
    }
    try {
        Evaluation e;
        if (args[0] == "--corpus") {
            e = evaluateCorpus(args[1], args[2], details);
        } else {
            const Graph extracted = args[0] == "--report" ? extractGraph(args[1]) : loadGraph(args[0]);
            e = evaluate(extracted, loadGraph(args.back()));
            std::cout << liaison::report::formatEvaluation(e);
            if (details)
                printDetails(e);
        }
        if (!floors.empty() && checkFloors(e, floors) > 0)
            return 3;
        return 0;
    } catch (const liaison::UserError &e) {
        std::cerr << e.what() << "\n";
        return 1;
    } catch (const liaison::report::ExtractError &e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
