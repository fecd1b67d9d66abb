// PDF text in reading order through poppler-cpp (see document_text.hpp).
#include "document_text.hpp"
#include "text_joining.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <map>
#include <memory>

namespace liaison::documents {

namespace {

struct Word {
    std::string text;
    poppler::rectf box;
    bool spaceAfter = false;
    double firstWidth = 0; // the first word's (CJK: first character's) width
};

// One line as laid out on the page.
struct PhysicalLine {
    std::vector<Word> words;
    double left = 0, right = 0, top = 0, bottom = 0;
    int number = 0; // on its page, after headers and footers are dropped
    std::string text() const
    {
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            out += words[i].text;
            if (words[i].spaceAfter && i + 1 < words.size()) out += ' ';
        }
        return out;
    }
};

struct Page {
    double width = 0, height = 0;
    std::vector<PhysicalLine> lines;
};

std::string utf8(const poppler::ustring &s)
{
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

void quiet(const std::string &, void *) {}

std::vector<PhysicalLine> linesOf(const poppler::page &page)
{
    std::vector<PhysicalLine> lines;
    for (poppler::text_box &box : page.text_list()) {
        Word w{utf8(box.text()), box.bbox(), box.has_space_after(), box.bbox().width()};
        if (w.text.empty()) continue;
        if (startsWithCjk(w.text)) w.firstWidth = box.char_bbox(0).width();
        double height = std::max(1.0, w.box.height());
        bool sameLine = !lines.empty() && std::abs(w.box.top() - lines.back().top) < height * 0.5 &&
                        w.box.left() >= lines.back().right - height;
        if (!sameLine) {
            lines.emplace_back();
            lines.back().left = w.box.left();
            lines.back().top = w.box.top();
            lines.back().bottom = w.box.bottom();
        }
        PhysicalLine &line = lines.back();
        line.right = std::max(line.right, w.box.right());
        line.bottom = std::max(line.bottom, w.box.bottom());
        line.words.push_back(std::move(w));
    }
    return lines;
}

// Running headers and footers: the first/last line of a page when it lies in
// the top/bottom 12% of the page and is a bare page number or repeats (digits
// aside) on at least half the pages (two at least).
void dropRunningLines(std::vector<Page> &pages)
{
    std::map<std::string, int> seen;
    auto candidates = [](Page &p) {
        std::vector<std::size_t> out;
        if (p.lines.empty()) return out;
        if (p.lines.front().top < p.height * 0.12) out.push_back(0);
        if (p.lines.size() > 1 && p.lines.back().bottom > p.height * 0.88) out.push_back(p.lines.size() - 1);
        return out;
    };
    for (Page &p : pages)
        for (std::size_t i : candidates(p)) ++seen[digitsMasked(p.lines[i].text())];
    int needed = std::max(2, static_cast<int>((pages.size() + 1) / 2));
    for (Page &p : pages) {
        auto drop = candidates(p);
        for (auto it = drop.rbegin(); it != drop.rend(); ++it) {
            std::string masked = digitsMasked(p.lines[*it].text());
            if (isPageNumber(masked) || seen[masked] >= needed) p.lines.erase(p.lines.begin() + static_cast<long>(*it));
        }
    }
}

// The right edge of the column `line` belongs to. One column (no line of
// the page starts right of the middle): the page's width less the left
// margin (margins are symmetric in most reports; the lines themselves may
// all be short). Several: the widest line of the page that starts near it.
double columnRight(const Page &page, const PhysicalLine &line, double leftMargin)
{
    bool columns = false;
    for (const PhysicalLine &other : page.lines) columns = columns || other.left > page.width / 2;
    if (!columns) return page.width - leftMargin;
    double right = line.right;
    for (const PhysicalLine &other : page.lines)
        if (std::abs(other.left - line.left) < 40) right = std::max(right, other.right);
    return right;
}

} // namespace

DocumentText pdfText(std::string_view bytes)
{
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw DocumentError("damaged PDF: poppler cannot read its structure");
    if (doc->is_locked())
        throw DocumentError("encrypted PDF: it needs a password to be read; decrypt it first (qpdf --decrypt)");
    std::vector<Page> pages;
    bool anyText = false;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) throw DocumentError("damaged PDF: page " + std::to_string(i + 1) + " cannot be read");
        Page p;
        p.width = page->page_rect().width();
        p.height = page->page_rect().height();
        p.lines = linesOf(*page);
        anyText = anyText || !p.lines.empty();
        pages.push_back(std::move(p));
    }
    if (!anyText)
        throw DocumentError(pages.empty() ? "damaged PDF: no pages"
                                          : "image-only PDF: no page has a text layer; OCR is needed "
                                            "(e.g. ocrmypdf or tesseract) before it can be read");
    dropRunningLines(pages);
    double leftMargin = 1e9;
    for (const Page &p : pages)
        for (const PhysicalLine &l : p.lines) leftMargin = std::min(leftMargin, l.left);

    DocumentText out;
    out.format = "pdf";
    bool joinNext = false;
    double previousBottom = 0, previousHeight = 0;
    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
        Page &page = pages[pi];
        for (std::size_t li = 0; li < page.lines.size(); ++li) {
            PhysicalLine &line = page.lines[li];
            line.number = static_cast<int>(li) + 1;
            std::string text = line.text();
            double height = line.bottom - line.top;
            // A gap of more than a line between two lines of one column: an
            // empty line of the source (a paragraph break).
            if (li > 0 && !joinNext && line.top - previousBottom > previousHeight * 1.2 &&
                std::abs(line.left - page.lines[li - 1].left) < 200)
                out.lines.push_back({"", static_cast<int>(pi) + 1, line.number});
            if (joinNext && !out.lines.empty()) joinWrapped(out.lines.back().text, text);
            else out.lines.push_back({text, static_cast<int>(pi) + 1, line.number});
            // Wrapped: the next line's first word would have fitted here.
            const PhysicalLine *next = li + 1 < page.lines.size() ? &page.lines[li + 1] : nullptr;
            if (!next && pi + 1 < pages.size() && !pages[pi + 1].lines.empty()) next = &pages[pi + 1].lines.front();
            bool gap = next && li + 1 < page.lines.size() && next->top - line.bottom > height * 1.2;
            // A sentence that ends at the line's end is taken as the end of
            // the source line, even when the next word would have fitted.
            joinNext = next && !gap && !next->words.empty() && !endsSentence(text) &&
                       line.right + next->words.front().firstWidth + height * 0.3 > columnRight(page, line, leftMargin);
            previousBottom = line.bottom;
            previousHeight = height;
        }
    }
    return out;
}

} // namespace liaison::documents
