// The report-text extractor: draws persons, organisations, events, countries
// and topics, and the relations between them, out of a plain-text report in
// Chinese (Traditional or Simplified), English, or both. Rule and gazetteer
// based, offline and deterministic: the same text and options always give the
// same result. Every entity and relation carries evidence (line and quote) and
// a confidence in 0..1.
//
// This is the API of liaison_report_extract, a library with no Liaison core
// type: its records and errors are its own (records.hpp, errors.hpp). The
// report loader puts it behind the plugin ABI; liaison_report_tools
// (tools/report) turns an Extraction into core's model and Liaison JSON.
#pragma once

#include "liaison/report/errors.hpp"
#include "liaison/report/records.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace liaison::report {

struct Options {
    // The reporting country: what 我國/本國/our country refer to. An ISO code
    // ("TW") or a name in any language of the gazetteer; empty disables it.
    std::string homeCountry = "TW";
    // Folders whose data files (same names as plugins/report/data/*) extend
    // the built-in gazetteers and rules. Missing folders are an error.
    std::vector<std::string> dataDirs;
    // Source record fields; the source id is the argument of extractReport.
    std::string sourceTitle;
    std::string sourcePath;
    // Facts below this confidence are dropped.
    double minConfidence = 0.0;
};

struct Diagnostic {
    int line = 0;   // 1-based, 0 when not tied to a line
    int column = 0; // 1-based, in characters (code points)
    std::string message;
};

struct Extraction {
    std::vector<Source> sources;
    std::vector<Entity> entities;   // ids "kind:slug", unique
    std::vector<Relation> relations; // endpoints are ids of `entities`
    std::vector<Diagnostic> diagnostics;
};

// The title of a report (UTF-8): its first line that reads as a title, past labels (內容摘要：,
// Summary:), dates alone, press boilerplate (For Immediate Release, Readout, 新聞稿) and contact
// blocks; empty when the report opens with running text or is not valid UTF-8. At most 200 bytes.
std::string documentTitle(std::string_view text);

// Extracts the graph of `text`. Throws TextError("sourceId", line, col, ...)
// for invalid UTF-8 and ExtractError for an unknown home country or a data
// folder that cannot be read. Thread-safe: calls share no mutable state (the
// built-in data is read-only).
Extraction extractReport(std::string_view text, const std::string &sourceId, const Options &options = {});

} // namespace liaison::report
