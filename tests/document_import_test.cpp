// PDF, Word and OpenDocument reports (issue 16, part 1): a report laid out
// to PDF (cairo/pango, running header and footer, lines wrapped at the
// margin), to DOCX and to ODT by tests/tools/make_test_documents imports to
// the same graph as its text, up to where the evidence points (page and
// line, or paragraph, instead of the text's line). Encrypted, image-only and
// damaged documents fail with a message saying which.
#include "test_paths.hpp"

#include "document_text.hpp"
#include "text_joining.hpp"
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <tuple>

namespace fs = std::filesystem;

namespace liaison {
namespace {

// The layout tool runs without LeakSanitizer in sanitizer builds:
// fontconfig and pango keep their caches unreachable at exit (560 blocks
// inside libfontconfig), which is theirs, not ours.
std::string tool() { return std::string("ASAN_OPTIONS=\"${ASAN_OPTIONS}:detect_leaks=0\" ") + LIAISON_MAKE_TEST_DOCUMENTS; }

GraphStore import(const fs::path &file)
{
    PluginHost host;
    GraphStore store;
    commitBatch(store, host.loadFile(file.string()));
    return store;
}

// Entities (id, kind, name, aliases, names), relations (kind, from, to) and
// how many pieces of evidence each has: the graph without where the
// evidence points. (Quotes are checked against the text apart: a PDF shows
// a run of spaces as one gap, so a quote cut at a fixed width may end a few
// characters later.)
using Facts = std::tuple<std::set<std::string>, std::set<std::string>, std::multiset<std::string>>;

std::string withoutSpaces(std::string s)
{
    std::erase(s, ' ');
    return s;
}

Facts factsOf(const GraphStore &g)
{
    Facts f;
    for (const Entity &e : g.entities()) {
        std::string line = e.id + "|" + e.kind + "|" + e.name;
        for (const auto &a : e.aliases) line += "|" + a;
        for (const auto &[lang, n] : e.names) line += "|" + lang + "=" + n;
        std::get<0>(f).insert(line);
        for (const Evidence &ev : e.evidence) std::get<2>(f).insert(e.id + (ev.quote.empty() ? "" : " (quoted)"));
    }
    for (const Relation &r : g.relations()) {
        std::get<1>(f).insert(r.kind + " " + r.from + " " + r.to);
        for (const Evidence &ev : r.evidence) std::get<2>(f).insert(r.kind + " " + r.from + " " + r.to + (ev.quote.empty() ? "" : " (quoted)"));
    }
    return f;
}

void expectSameFacts(const GraphStore &text, const GraphStore &document)
{
    Facts a = factsOf(text), b = factsOf(document);
    for (const auto &x : std::get<0>(a)) EXPECT_TRUE(std::get<0>(b).count(x)) << "missing entity " << x;
    for (const auto &x : std::get<0>(b)) EXPECT_TRUE(std::get<0>(a).count(x)) << "extra entity " << x;
    for (const auto &x : std::get<1>(a)) EXPECT_TRUE(std::get<1>(b).count(x)) << "missing relation " << x;
    for (const auto &x : std::get<1>(b)) EXPECT_TRUE(std::get<1>(a).count(x)) << "extra relation " << x;
    EXPECT_EQ(std::get<2>(a), std::get<2>(b)) << "evidence per fact";
}

fs::path make(const std::string &kind, const fs::path &text, const fs::path &dir)
{
    fs::path out = dir / (text.stem().string() + "." + kind);
    auto r = test::runCommand(tool() + " " + kind + " " + text.string() + " " + out.string() + " --title 'Trip report 2017'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return out;
}

void expectDocumentsMatchText(const fs::path &text, const std::string &name)
{
    fs::path dir = test::scratchDir("documents-" + name);
    fs::path copy = dir / (name + ".txt");
    fs::copy_file(text, copy, fs::copy_options::overwrite_existing);
    GraphStore fromText = import(copy);
    ASSERT_GT(fromText.entityCount(), 3u);
    for (const char *kind : {"pdf", "docx", "odt"}) {
        SCOPED_TRACE(kind);
        GraphStore fromDocument = import(make(kind, copy, dir));
        expectSameFacts(fromText, fromDocument);
        // Every quote is the report's own text.
        std::string original = withoutSpaces(readWholeFile(copy.string()));
        std::erase(original, '\n');
        for (const Entity &e : fromDocument.entities())
            for (const Evidence &ev : e.evidence)
                EXPECT_NE(original.find(withoutSpaces(ev.quote)), std::string::npos) << ev.quote;
        // Evidence cites the page and line (PDF) or the paragraph.
        bool cited = false;
        for (const Entity &e : fromDocument.entities())
            for (const Evidence &ev : e.evidence)
                cited = cited || ev.locator.rfind(std::string(kind) == "pdf" ? "page " : "paragraph ", 0) == 0;
        EXPECT_TRUE(cited);
    }
    fs::remove_all(dir);
}

TEST(DocumentImport, ProjectReportAsPdfDocxOdtGivesTheGraphOfItsText)
{
    expectDocumentsMatchText(test::sourceDir() / "plugins/report/samples/valid/zh_trip_report.txt", "zh_trip_report");
}

TEST(DocumentImport, SeedReportAsPdfDocxOdtGivesTheGraphOfItsText)
{
    fs::path seed = test::sharedDir() / "seeds/000_a75ee561b5c746aa.txt";
    if (test::sharedDir().empty() || !fs::exists(seed)) GTEST_SKIP() << "no ../shared seed report";
    expectDocumentsMatchText(seed, "000_a75ee561b5c746aa");
}

const std::string kLongEnglish =
    "The delegation visited the eGovernance Center of ITMO University in St Petersburg and discussed the "
    "survey of public value of digital governance with Professor Andrei Chugunov and Professor Dmitrii "
    "Trutnev, who agreed to study a Russian edition of the World Internet Project questionnaire next year.";
const std::string kLongChinese =
    "本次出國除參與國際資訊長協會第十二屆年會外，另一任務為拜會聖彼德堡資訊科技機械與光學大學電子治理中心，"
    "與該中心主持人及研究團隊成員代表進行雙方電子化政府推動經驗以及電子治理研究發現等交流。";

TEST(DocumentImport, PdfPagesDropRunningHeaderAndFooter)
{
    fs::path dir = test::scratchDir("documents-running");
    std::ofstream(dir / "long.txt") << [] {
        std::string s;
        for (int i = 1; i <= 120; ++i) s += "Line " + std::to_string(i) + " of the report.\n";
        return s + kLongEnglish + "\n" + kLongChinese + "\n";
    }();
    fs::path pdf = make("pdf", dir / "long.txt", dir);
    documents::DocumentText text = documents::pdfText(readWholeFile(pdf.string()));
    ASSERT_EQ(text.lines.size(), 122u) << text.joined();
    // Lines the layout wrapped (several times) come back whole.
    EXPECT_EQ(text.lines[120].text, kLongEnglish);
    EXPECT_EQ(text.lines[121].text, kLongChinese);
    EXPECT_EQ(text.lines[0].text, "Line 1 of the report.");
    EXPECT_EQ(text.lines[119].text, "Line 120 of the report.");
    EXPECT_GT(text.lines[119].page, 1);
    EXPECT_EQ(text.joined().find("Trip report 2017"), std::string::npos);
    EXPECT_EQ(text.joined().find("頁"), std::string::npos);
    fs::remove_all(dir);
}

TEST(DocumentImport, WrappedLinesJoinAsTheTextNeeds)
{
    std::string line = "informa-";
    documents::joinWrapped(line, "tion technology");
    EXPECT_EQ(line, "information technology");
    line = "國家發展委員會資訊管";
    documents::joinWrapped(line, "理處副處長");
    EXPECT_EQ(line, "國家發展委員會資訊管理處副處長");
    line = "the e-";
    documents::joinWrapped(line, "Government Center");
    EXPECT_EQ(line, "the e- Government Center"); // a capital after the hyphen: not a broken word
    line = "St Petersburg";
    documents::joinWrapped(line, "in 2017");
    EXPECT_EQ(line, "St Petersburg in 2017");
}

test::CommandResult importFails(const fs::path &file)
{
    auto r = test::runCommand(test::cliPath().string() + " import " + file.string() + " -o " +
                              (file.parent_path() / "out.json").string());
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_FALSE(fs::exists(file.parent_path() / "out.json"));
    return r;
}

TEST(DocumentImport, ImageOnlyPdfSaysOcrIsNeeded)
{
    fs::path dir = test::scratchDir("documents-image");
    auto r = test::runCommand(tool() + " image-pdf " + (dir / "scan.pdf").string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = importFails(dir / "scan.pdf");
    EXPECT_NE(r.err.find("scan.pdf"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("image-only PDF"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("OCR is needed"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(DocumentImport, DamagedPdfAndDocxAreNamedAsDamaged)
{
    fs::path dir = test::scratchDir("documents-damaged");
    std::ofstream(dir / "broken.pdf") << "%PDF-1.5\n1 0 obj << /Type /Catalog >> garbage\n";
    auto r = importFails(dir / "broken.pdf");
    EXPECT_NE(r.err.find("damaged PDF"), std::string::npos) << r.err;
    std::ofstream(dir / "broken.docx") << std::string("PK\x03\x04", 4) << "word/document.xml and nothing else";
    r = importFails(dir / "broken.docx");
    EXPECT_NE(r.err.find("damaged document"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(DocumentImport, EncryptedPdfAsksForTheDecryptedFile)
{
    if (std::system("command -v qpdf >/dev/null") != 0) GTEST_SKIP() << "qpdf not installed";
    fs::path dir = test::scratchDir("documents-encrypted");
    std::ofstream(dir / "r.txt") << "A short report.\n";
    fs::path pdf = make("pdf", dir / "r.txt", dir);
    auto r = test::runCommand("qpdf --encrypt secret secret 256 -- " + pdf.string() + " " + (dir / "locked.pdf").string());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = importFails(dir / "locked.pdf");
    EXPECT_NE(r.err.find("encrypted PDF"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

} // namespace
} // namespace liaison
