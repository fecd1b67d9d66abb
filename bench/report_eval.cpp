// report_eval: compares an extracted graph with a curated one and prints
// precision, recall and F1 per entity kind and for linked entity pairs.
// Usage: report_eval EXTRACTED.json CURATED.json [--details]
//        report_eval --report REPORT.txt CURATED.json [--details]   (extracts first)
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/report/evaluate.hpp"
#include "liaison/report/extract.hpp"

#include <filesystem>
#include <iostream>
#include <string>

namespace {

void load(const liaison::GraphStore &store, std::vector<liaison::Entity> &entities,
          std::vector<liaison::Relation> &relations) {
    entities.assign(store.entities().begin(), store.entities().end());
    relations.assign(store.relations().begin(), store.relations().end());
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::cerr << "usage: report_eval EXTRACTED.json CURATED.json [--details]\n"
                     "       report_eval --report REPORT.txt CURATED.json [--details]\n";
        return 1;
    }
    try {
        int arg = 1;
        std::vector<liaison::Entity> xe;
        std::vector<liaison::Relation> xr;
        if (std::string(argv[1]) == "--report") {
            const std::string path = argv[2];
            const auto x = liaison::report::extractReport(liaison::readWholeFile(path),
                                                         std::filesystem::path(path).stem().string());
            xe = x.entities;
            xr = x.relations;
            arg = 3;
        } else {
            load(liaison::readLiaisonJsonFile(argv[1]), xe, xr);
            arg = 2;
        }
        if (arg >= argc) {
            std::cerr << "report_eval: missing CURATED.json\n";
            return 1;
        }
        std::vector<liaison::Entity> ce;
        std::vector<liaison::Relation> cr;
        load(liaison::readLiaisonJsonFile(argv[arg]), ce, cr);
        const auto e = liaison::report::evaluate(xe, xr, ce, cr);
        std::cout << liaison::report::formatEvaluation(e);
        if (arg + 1 < argc && std::string(argv[arg + 1]) == "--details") {
            for (const auto &m : e.missedEntities)
                std::cout << "missed entity   " << m << "\n";
            for (const auto &m : e.spuriousEntities)
                std::cout << "spurious entity " << m << "\n";
            for (const auto &m : e.missedPairs)
                std::cout << "missed pair     " << m << "\n";
            for (const auto &m : e.spuriousPairs)
                std::cout << "spurious pair   " << m << "\n";
        }
        return 0;
    } catch (const liaison::UserError &e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
