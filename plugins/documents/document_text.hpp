// Text of PDF, Word (.docx) and OpenDocument (.odt) reports, line by line in
// reading order, for the report extractor. No Liaison types: the caller maps
// the lines' places (page and line, or paragraph) onto its evidence.
//
// PDF (poppler-cpp): words in poppler's reading order (columns are separate
// flows), grouped into lines; running headers and footers (a line at the top
// or bottom of most pages, digits aside, or a bare page number) dropped;
// lines that the layout wrapped (the next line's first word would have
// fitted at the end of this one, and this one does not end a sentence) are
// joined back into the source line: a hyphen at a line end between letters
// is removed, CJK lines are joined without a space, others with one; a
// vertical gap wider than a line keeps an empty line (a paragraph break).
// A space the layout dropped at a wrap between Latin and CJK text is not
// restored ("ITMO 大學" wrapped after ITMO reads "ITMO大學").
// DOCX / ODT (libzip + expat): one line per paragraph or heading of the main
// text (headers, footers and comments are other parts and are not read);
// tabs, line breaks and soft hyphens as a reader sees them.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::documents {

struct TextLine {
    std::string text;
    int page = 0; // 1-based PDF page; 0 for DOCX/ODT
    int line = 0; // 1-based line on the page (PDF) or paragraph number (DOCX/ODT)
};

struct DocumentText {
    std::string format; // "pdf", "docx", "odt"
    std::vector<TextLine> lines;
    // "page 3, line 12" or "paragraph 57": where line `index` (0-based) is.
    std::string locator(std::size_t index) const;
    // The lines joined by '\n'.
    std::string joined() const;
};

// A document that cannot be read as text: encrypted, image-only (the message
// says OCR is needed), damaged, or not the format it claims.
class DocumentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "pdf", "docx", "odt" when `bytes` start like one, else "".
std::string documentFormat(std::string_view bytes);

DocumentText pdfText(std::string_view bytes);
DocumentText officeText(std::string_view bytes); // DOCX or ODT

// Dispatches on documentFormat; throws DocumentError for "".
DocumentText documentText(std::string_view bytes);

} // namespace liaison::documents
