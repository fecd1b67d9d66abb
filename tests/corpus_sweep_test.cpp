// Real data from ../shared/corpora: every DOT, GraphML, GEXF, GML, CSV and
// JSON file goes through the loaders; each loads or fails with a located
// message, none crashes or hangs. Counts are printed; node and edge counts
// are compared with the MANIFEST.tsv oracles where the formats agree.
#include "test_paths.hpp"

#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;

namespace liaison {
namespace {

struct Outcome {
    bool loaded = false;
    std::size_t entities = 0, relations = 0;
    std::string message;
};

bool sweptExtension(const fs::path &p)
{
    static const std::set<std::string> kExt{".dot", ".gv", ".graphml", ".gexf", ".gml", ".csv", ".json", ".xml", ".tsv"};
    return kExt.count(p.extension().string()) && p.filename() != "MANIFEST.tsv";
}

Outcome sweepOne(const PluginHost &host, const fs::path &file)
{
    Outcome out;
    std::string bytes = readWholeFile(file.string());
    const LoaderInfo *loader = nullptr;
    try {
        loader = &host.choose(file.string(), bytes);
    } catch (const PluginError &e) {
        out.message = e.what();
        return out;
    }
    GraphStore store;
    try {
        commitBatch(store, host.load(*loader, file.string(), bytes));
        out.loaded = true;
        out.entities = store.entityCount();
        out.relations = store.relationCount();
    } catch (const ImportError &e) {
        out.message = e.what();
    }
    return out;
}

// file -> (nodes, edges) from a MANIFEST.tsv with the given column names.
std::map<std::string, std::pair<long, long>> manifest(const fs::path &tsv, const std::string &okColumn,
                                                     const std::string &okValue, const std::string &nodes,
                                                     const std::string &edges)
{
    std::map<std::string, std::pair<long, long>> out;
    std::ifstream in(tsv);
    std::string line;
    std::getline(in, line);
    auto split = [](const std::string &l) {
        std::vector<std::string> f;
        std::stringstream ss(l);
        std::string x;
        while (std::getline(ss, x, '\t')) f.push_back(x);
        return f;
    };
    std::vector<std::string> header = split(line);
    auto col = [&](const std::string &n) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), n) - header.begin());
    };
    std::size_t ok = col(okColumn), nc = col(nodes), ec = col(edges);
    while (std::getline(in, line)) {
        auto f = split(line);
        if (f.size() <= std::max({ok, nc, ec}) || f[ok] != okValue || f[nc].empty()) continue;
        if (out.count(f[0])) out[f[0]] = {-1, -1}; // several graphs in one file: not comparable
        else out[f[0]] = {std::stol(f[nc]), std::stol(f[ec])};
    }
    return out;
}

TEST(CorpusSweep, EveryFileLoadsOrFailsWithALocatedMessage)
{
    fs::path corpora = test::sharedDir() / "corpora";
    if (test::sharedDir().empty() || !fs::is_directory(corpora)) GTEST_SKIP() << "../shared/corpora is absent";
    PluginHost host;
    std::map<std::string, std::array<int, 3>> counts; // ext -> loaded, failed, unrecognised
    std::vector<std::pair<fs::path, Outcome>> outcomes;
    std::vector<fs::path> files;
    for (const auto &entry : fs::recursive_directory_iterator(corpora))
        if (entry.is_regular_file() && sweptExtension(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto &file : files) {
        Outcome o = sweepOne(host, file);
        std::string ext = file.extension().string();
        if (o.loaded) ++counts[ext][0];
        else if (o.message.find("no loader recognises") != std::string::npos) ++counts[ext][2];
        else ++counts[ext][1];
        if (!o.loaded) {
            // A located message: the path, then :line (or the whole file when
            // no loader claims it).
            bool located = o.message.find(file.string() + ":") != std::string::npos ||
                           o.message.find(file.string()) != std::string::npos;
            EXPECT_TRUE(located) << file << ": " << o.message;
        }
        if (!o.loaded && std::getenv("LIAISON_SWEEP_VERBOSE") && file.extension() != ".json")
            std::cout << "  failed: " << o.message.substr(0, 300) << "\n";
        outcomes.emplace_back(file, o);
    }
    std::cout << "corpus sweep (loaded / failed with a located message / no loader claims it):\n";
    int total[3] = {};
    for (const auto &[ext, c] : counts) {
        std::cout << "  " << ext << ": " << c[0] << " / " << c[1] << " / " << c[2] << "\n";
        for (int i = 0; i < 3; ++i) total[i] += c[i];
    }
    std::cout << "  all: " << total[0] << " / " << total[1] << " / " << total[2] << " of " << files.size() << "\n";

    // Oracle comparison: GraphML, GEXF and GML against NetworkX (entities =
    // nx nodes, relations = nx edges of a multigraph reading), DOT against cgraph.
    int compared = 0, agreed = 0;
    for (const char *fmt : {"graphml", "gexf", "gml", "dot"}) {
        bool dot = std::string(fmt) == "dot";
        auto oracle = dot ? manifest(corpora / fmt / "MANIFEST.tsv", "parse_status", "ok", "nodes", "edges")
                          : manifest(corpora / fmt / "MANIFEST.tsv", "nx_ok", "True", "nx_nodes", "nx_edges");
        for (const auto &[file, o] : outcomes) {
            std::string rel = fs::relative(file, corpora / fmt).string();
            auto it = oracle.find(rel);
            if (it == oracle.end() || it->second.first < 0 || !o.loaded) continue;
            ++compared;
            // DOT clusters add group entities and member_of relations: compare nodes only there.
            bool same = dot ? static_cast<long>(o.entities) >= it->second.first
                            : static_cast<long>(o.entities) == it->second.first &&
                                  static_cast<long>(o.relations) >= it->second.second;
            if (same) ++agreed;
            else
                std::cout << "  differs from the oracle: " << fmt << "/" << rel << ": " << o.entities << " entities, "
                          << o.relations << " relations; oracle " << it->second.first << " nodes, "
                          << it->second.second << " edges\n";
        }
    }
    std::cout << "  oracle counts agree for " << agreed << " of " << compared << " files\n";
    EXPECT_GT(total[0], 150);
}

} // namespace
} // namespace liaison
