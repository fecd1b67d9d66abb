// report_extract: runs the report-text extractor on a file and prints the
// graph as Liaison JSON. Usage: report_extract REPORT.txt [--home CODE] [--data DIR]...
#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"
#include "liaison/report/model_bridge.hpp"

#include <filesystem>
#include <iostream>

int main(int argc, char **argv) {
    if (argc < 2) {
        std::cerr << "usage: report_extract REPORT.txt [--home CODE] [--data DIR]...\n";
        return 1;
    }
    try {
        liaison::report::Options options;
        for (int i = 2; i + 1 < argc; i += 2) {
            const std::string flag = argv[i];
            if (flag == "--home")
                options.homeCountry = argv[i + 1];
            else if (flag == "--data")
                options.dataDirs.push_back(argv[i + 1]);
        }
        const std::string path = argv[1];
        options.sourcePath = path;
        const std::string text = liaison::readWholeFile(path);
        options.sourceTitle = liaison::report::documentTitle(text);
        const auto x = liaison::report::extractReport(text, std::filesystem::path(path).stem().string(), options);
        std::cout << liaison::report::extractionToJson(x);
        return 0;
    } catch (const liaison::UserError &e) {
        std::cerr << e.what() << "\n";
        return 1;
    } catch (const liaison::report::ExtractError &e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
