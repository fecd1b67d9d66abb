// Lays a plain-text report out as the documents analysts receive, for the
// PDF/Word/OpenDocument loader tests (issue 16): test files are generated,
// never downloaded.
//
//   make_test_documents pdf  IN.txt OUT.pdf [--title T]   A4, Noto Sans CJK, running
//                                   header (T) and footer (第 N 頁), lines wrapped
//                                   at the margin, empty lines as gaps
//   make_test_documents image-pdf OUT.pdf                 a page with a picture, no text
//   make_test_documents docx IN.txt OUT.docx              one paragraph per line
//   make_test_documents odt  IN.txt OUT.odt
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> readLines(const char *path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

constexpr double kWidth = 595, kHeight = 842, kMargin = 60;

void pdf(const std::vector<std::string> &lines, const char *out, const std::string &title)
{
    cairo_surface_t *surface = cairo_pdf_surface_create(out, kWidth, kHeight);
    cairo_t *cr = cairo_create(surface);
    PangoFontDescription *font = pango_font_description_from_string("Noto Sans CJK TC 10");
    auto layoutOf = [&](const std::string &text, double width) {
        PangoLayout *layout = pango_cairo_create_layout(cr);
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72); // sizes in points
        pango_layout_context_changed(layout);
        pango_layout_set_font_description(layout, font);
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
        return layout;
    };
    int page = 1;
    auto decorate = [&] {
        PangoLayout *header = layoutOf(title, kWidth - 2 * kMargin);
        cairo_move_to(cr, kMargin, 25);
        pango_cairo_show_layout(cr, header);
        g_object_unref(header);
        PangoLayout *footer = layoutOf("第 " + std::to_string(page) + " 頁", 100);
        cairo_move_to(cr, kWidth / 2 - 20, kHeight - 35);
        pango_cairo_show_layout(cr, footer);
        g_object_unref(footer);
    };
    decorate();
    double y = kMargin;
    const double lineHeight = 16;
    for (const std::string &text : lines) {
        if (text.empty()) {
            y += lineHeight;
            continue;
        }
        PangoLayout *layout = layoutOf(text, kWidth - 2 * kMargin);
        for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
            if (y + lineHeight > kHeight - kMargin) {
                cairo_show_page(cr);
                ++page;
                decorate();
                y = kMargin;
            }
            cairo_move_to(cr, kMargin, y + 12);
            pango_cairo_show_layout_line(cr, static_cast<PangoLayoutLine *>(l->data));
            y += lineHeight;
        }
        g_object_unref(layout);
    }
    pango_font_description_free(font);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo could not write the PDF");
    cairo_surface_destroy(surface);
}

void imagePdf(const char *out)
{
    cairo_surface_t *surface = cairo_pdf_surface_create(out, kWidth, kHeight);
    cairo_t *cr = cairo_create(surface);
    cairo_surface_t *image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 100);
    cairo_t *ic = cairo_create(image);
    cairo_set_source_rgb(ic, 0.2, 0.4, 0.6);
    cairo_paint(ic);
    cairo_destroy(ic);
    cairo_set_source_surface(cr, image, 100, 100);
    cairo_paint(cr);
    cairo_surface_destroy(image);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
}

std::string xmlText(const std::string &s)
{
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

void zipFiles(const char *out, const std::vector<std::pair<std::string, std::string>> &files)
{
    int error = 0;
    std::remove(out);
    zip_t *archive = zip_open(out, ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error(std::string("cannot create ") + out);
    for (const auto &[name, content] : files) {
        zip_source_t *source = zip_source_buffer(archive, content.data(), content.size(), 0);
        zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) throw std::runtime_error("cannot add " + name);
        if (name == "mimetype") zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) throw std::runtime_error(std::string("cannot write ") + out);
}

void docx(const std::vector<std::string> &lines, const char *out)
{
    std::string body;
    for (const std::string &line : lines)
        body += "<w:p><w:r><w:t xml:space=\"preserve\">" + xmlText(line) + "</w:t></w:r></w:p>";
    std::string document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        body + "</w:body></w:document>";
    zipFiles(out, {{"[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document."
                    "main+xml\"/></Types>"},
                   {"_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    "Target=\"word/document.xml\"/></Relationships>"},
                   {"word/document.xml", document}});
}

void odt(const std::vector<std::string> &lines, const char *out)
{
    std::string body;
    for (const std::string &line : lines) body += "<text:p>" + xmlText(line) + "</text:p>";
    std::string content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
    zipFiles(out, {{"mimetype", "application/vnd.oasis.opendocument.text"},
                   {"META-INF/manifest.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:"
                    "names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry "
                    "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    "</manifest:manifest>"},
                   {"content.xml", content}});
}

} // namespace

int main(int argc, char **argv)
{
    try {
        std::string what = argc > 1 ? argv[1] : "";
        if (what == "image-pdf" && argc == 3) {
            imagePdf(argv[2]);
            return 0;
        }
        if (argc < 4) {
            std::cerr << "usage: make_test_documents pdf|docx|odt IN.txt OUT [--title T] | image-pdf OUT\n";
            return 1;
        }
        auto lines = readLines(argv[2]);
        if (what == "pdf") pdf(lines, argv[3], argc > 5 && std::string(argv[4]) == "--title" ? argv[5] : "Report");
        else if (what == "docx") docx(lines, argv[3]);
        else if (what == "odt") odt(lines, argv[3]);
        else throw std::runtime_error("unknown document kind " + what);
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "make_test_documents: " << e.what() << "\n";
        return 1;
    }
}
