#include "document_text.hpp"

namespace liaison::documents {

std::string DocumentText::locator(std::size_t index) const
{
    const TextLine &l = lines.at(index);
    if (l.page > 0) return "page " + std::to_string(l.page) + ", line " + std::to_string(l.line);
    return "paragraph " + std::to_string(l.line);
}

std::string DocumentText::joined() const
{
    std::string out;
    for (const TextLine &l : lines) out += l.text + '\n';
    return out;
}

std::string documentFormat(std::string_view bytes)
{
    if (bytes.substr(0, 5) == "%PDF-") return "pdf";
    if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return {};
    // ODF puts an uncompressed "mimetype" entry first; OOXML has word/ parts.
    std::string_view head = bytes.substr(0, 4096);
    if (head.find("application/vnd.oasis.opendocument.text") != std::string_view::npos) return "odt";
    if (bytes.find("word/document.xml") != std::string_view::npos) return "docx";
    return {};
}

DocumentText documentText(std::string_view bytes)
{
    std::string format = documentFormat(bytes);
    if (format == "pdf") return pdfText(bytes);
    if (format == "docx" || format == "odt") return officeText(bytes);
    throw DocumentError("not a PDF, Word (.docx) or OpenDocument (.odt) document");
}

} // namespace liaison::documents
