// report_scale: time of the report extractor against the length of a report.
// Generates synthetic trip reports of N lines (English and Chinese paragraphs
// naming persons with titles, organisations, countries, meetings and dates;
// one person and organisation in every few lines is new, so the number of
// distinct entities grows with N, as in a real long report) and prints one row
// per size: lines, seconds, microseconds per line. Near-linear extraction
// keeps the last column flat as N doubles.
// Usage: report_scale [LINES...]     (default 2500 5000 10000 20000)
#include "bench_util.hpp"
#include "synthetic_names.hpp"

#include "liaison/report/extract.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace liaison::bench;

template <class T, std::size_t N> const T &pick(const T (&list)[N], std::size_t i) { return list[i % N]; }

std::string latinName(std::size_t i) {
    return std::string(pick(kFirstNames, i)) + " " + pick(kFirstNames, i / 7 + 3) + "son";
}

std::string hanName(std::size_t i) {
    return std::string(pick(kSurnames, i).han) + pick(kGiven, i / 3).han + pick(kGiven, i / 11 + 5).han;
}

// One paragraph of about four lines; `i` varies the names.
std::string paragraph(std::size_t i) {
    const std::string day = std::to_string(1 + i % 28);
    const std::string month = std::to_string(1 + i / 28 % 12);
    std::string p;
    if (i % 2 == 0) {
        p += "On 2023-" + std::string(month.size() < 2 ? "0" : "") + month + "-" + (day.size() < 2 ? "0" : "") + day +
             ", Minister " + latinName(i) + " of the Ministry of Foreign Affairs met with\n";
        p += "Ambassador " + latinName(i + 1) + " of the Institute of Trade " + std::to_string(i % 50) +
             " in Geneva, Switzerland, to discuss\n";
        p += "cooperation on open data with Prof. " + latinName(i + 2) + " of the University of Helsinki and\n";
        p += "representatives of Japan, Germany and France.\n";
    } else {
        p += "2023年" + month + "月" + day + "日，外交部" + hanName(i) + "部長接見日本" + hanName(i + 1) +
             "大使一行，\n";
        p += "雙方就經貿合作交換意見，國家發展委員會" + hanName(i + 2) + "主任委員亦出席，\n";
        p += "並與德國及法國代表團座談。\n";
        p += "\n";
    }
    return p + "\n";
}

std::string report(std::size_t lines) {
    std::string text = "Trip report\n\n";
    std::size_t written = 2;
    for (std::size_t i = 0; written < lines; ++i) {
        const std::string p = paragraph(i);
        for (char c : p)
            written += c == '\n' ? 1 : 0;
        text += p;
    }
    return text;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(static_cast<std::size_t>(std::strtoul(argv[i], nullptr, 10)));
    if (sizes.empty())
        sizes = {2500, 5000, 10000, 20000};
    std::printf("%8s %10s %12s %10s %10s\n", "lines", "seconds", "us/line", "entities", "relations");
    for (std::size_t n : sizes) {
        const std::string text = report(n);
        Stopwatch clock;
        const auto x = liaison::report::extractReport(text, "scale");
        const double s = clock.seconds();
        std::printf("%8zu %10.3f %12.1f %10zu %10zu\n", n, s, s * 1e6 / static_cast<double>(n), x.entities.size(),
                    x.relations.size());
    }
    return 0;
}
