// Word (.docx) and OpenDocument (.odt) text through libzip and expat (see
// document_text.hpp). Entity declarations are refused (no expansion), the
// decompressed part is bounded (zip bombs), nothing outside the archive is read.
#include "document_text.hpp"

#include <expat.h>
#include <zip.h>

#include <memory>

namespace liaison::documents {

namespace {

constexpr zip_uint64_t kMaxPartBytes = 256u << 20;

std::string readPart(std::string_view bytes, const char *name)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) throw DocumentError("damaged document: not a readable ZIP archive");
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive) {
        zip_source_free(source);
        throw DocumentError(std::string("damaged document: not a readable ZIP archive (") +
                            zip_error_strerror(&error) + ")");
    }
    std::unique_ptr<zip_t, int (*)(zip_t *)> guard(archive, zip_close);
    zip_int64_t index = zip_name_locate(archive, name, 0);
    if (index < 0) throw DocumentError(std::string("damaged document: the archive has no ") + name);
    zip_stat_t stat;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        throw DocumentError(std::string("damaged document: cannot read ") + name);
    if (stat.encryption_method != ZIP_EM_NONE) throw DocumentError("encrypted document: it needs a password to be read");
    if (stat.size > kMaxPartBytes)
        throw DocumentError(std::string(name) + " unpacks to more than 256 MiB; refused");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0),
                                                            zip_fclose);
    if (!file) throw DocumentError(std::string("damaged document: cannot open ") + name);
    std::string out(stat.size, '\0');
    zip_int64_t got = zip_fread(file.get(), out.data(), stat.size);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size)
        throw DocumentError(std::string("damaged document: ") + name + " is truncated or corrupt");
    return out;
}

constexpr std::string_view kWord = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kOdfText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kOdfOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

// Collects paragraphs while expat walks the main text part.
class Paragraphs {
public:
    explicit Paragraphs(bool odt) : m_odt(odt) {}
    XML_Parser parser = nullptr; // to stop it on an entity declaration

    void start(std::string_view ns, std::string_view name, const XML_Char **attributes)
    {
        if (m_skip > 0) {
            ++m_skip;
            return;
        }
        if (m_odt) {
            if ((ns == kOdfText && (name == "note" || name == "tracked-changes")) ||
                (ns == kOdfOffice && name == "annotation")) {
                m_skip = 1;
                return;
            }
            if (ns != kOdfText) return;
            if (name == "p" || name == "h") open();
            else if (name == "tab") m_text += '\t';
            else if (name == "line-break") lineBreak();
            else if (name == "s") {
                int count = 1;
                for (const XML_Char **a = attributes; *a; a += 2)
                    if (std::string_view(a[0]).ends_with(" c")) count = std::max(1, std::atoi(a[1]));
                m_text.append(static_cast<std::size_t>(std::min(count, 1000)), ' ');
            }
            return;
        }
        if (ns != kWord) return;
        if (name == "p") open();
        else if (name == "t") m_inText = true;
        else if (name == "tab") m_text += '\t';
        else if (name == "br" || name == "cr") lineBreak();
        else if (name == "noBreakHyphen") m_text += '-';
        else if (name == "delText" || name == "instrText") m_skip = 1; // deleted text, field codes
    }

    void end(std::string_view ns, std::string_view name)
    {
        if (m_skip > 0) {
            --m_skip;
            return;
        }
        if (m_odt ? (ns == kOdfText && (name == "p" || name == "h")) : (ns == kWord && name == "p")) close();
        else if (!m_odt && ns == kWord && name == "t") m_inText = false;
    }

    void text(std::string_view s)
    {
        if (m_skip == 0 && m_depth > 0 && (m_odt || m_inText)) m_text += s;
    }

    std::vector<TextLine> take() { return std::move(m_lines); }

private:
    void open()
    {
        if (m_depth++ == 0) {
            ++m_paragraph;
            m_text.clear();
        }
    }
    void close()
    {
        if (m_depth == 0 || --m_depth > 0) return;
        m_lines.push_back({m_text, 0, m_paragraph});
        m_text.clear();
    }
    void lineBreak()
    {
        if (m_depth == 0) return;
        m_lines.push_back({m_text, 0, m_paragraph});
        m_text.clear();
    }

    bool m_odt;
    int m_skip = 0;  // depth inside an element whose text is not read
    int m_depth = 0; // paragraphs nest in ODT (a note's paragraphs) and tables
    int m_paragraph = 0;
    bool m_inText = false;
    std::string m_text;
    std::vector<TextLine> m_lines;
};

// "uri local" (expat's namespace separator is a space) -> uri, local.
std::pair<std::string_view, std::string_view> splitName(const XML_Char *name)
{
    std::string_view n(name);
    auto space = n.rfind(' ');
    if (space == std::string_view::npos) return {{}, n};
    return {n.substr(0, space), n.substr(space + 1)};
}

void XMLCALL onStart(void *data, const XML_Char *name, const XML_Char **attributes)
{
    auto [ns, local] = splitName(name);
    static_cast<Paragraphs *>(data)->start(ns, local, attributes);
}

void XMLCALL onEnd(void *data, const XML_Char *name)
{
    auto [ns, local] = splitName(name);
    static_cast<Paragraphs *>(data)->end(ns, local);
}

void XMLCALL onText(void *data, const XML_Char *text, int length)
{
    static_cast<Paragraphs *>(data)->text(std::string_view(text, static_cast<std::size_t>(length)));
}

struct ParserGuard {
    XML_Parser parser;
    ~ParserGuard() { XML_ParserFree(parser); }
};

void XMLCALL refuseEntity(void *data, const XML_Char *, int, const XML_Char *, int, const XML_Char *, const XML_Char *,
                          const XML_Char *, const XML_Char *)
{
    XML_StopParser(static_cast<Paragraphs *>(data)->parser, XML_FALSE);
}

std::vector<TextLine> paragraphsOf(const std::string &xml, const char *part, bool odt)
{
    Paragraphs paragraphs(odt);
    ParserGuard guard{XML_ParserCreateNS(nullptr, ' ')};
    XML_Parser parser = guard.parser;
    paragraphs.parser = parser;
    XML_SetUserData(parser, &paragraphs);
    XML_SetElementHandler(parser, onStart, onEnd);
    XML_SetCharacterDataHandler(parser, onText);
    XML_SetEntityDeclHandler(parser, refuseEntity);
    if (XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE) != XML_STATUS_OK) {
        std::string reason = XML_GetErrorCode(parser) == XML_ERROR_ABORTED ? "an entity declaration (refused)"
                                                                             : XML_ErrorString(XML_GetErrorCode(parser));
        throw DocumentError(std::string("damaged document: ") + part + " line " +
                            std::to_string(XML_GetCurrentLineNumber(parser)) + ": " + reason);
    }
    return paragraphs.take();
}

} // namespace

DocumentText officeText(std::string_view bytes)
{
    DocumentText out;
    out.format = documentFormat(bytes);
    bool odt = out.format == "odt";
    if (!odt && out.format != "docx") throw DocumentError("not a Word (.docx) or OpenDocument (.odt) document");
    const char *part = odt ? "content.xml" : "word/document.xml";
    out.lines = paragraphsOf(readPart(bytes, part), part, odt);
    bool anyText = false;
    for (const TextLine &l : out.lines) anyText = anyText || l.text.find_first_not_of(" \t") != std::string::npos;
    if (!anyText) throw DocumentError("the document has no text in its body (images only? OCR is needed)");
    return out;
}

} // namespace liaison::documents
