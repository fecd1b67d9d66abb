// The title of a report: its first line that reads as a title, skipping what
// opens many reports without naming them (a label such as 內容摘要： or
// Summary:, a date alone, press-office boilerplate, a contact block with an
// e-mail address). A line that reads as running text means the report has no
// title line: the title is then empty rather than a fragment of the text.
#include "liaison/report/extract.hpp"

#include "text.hpp"

#include <algorithm>
#include <array>

namespace liaison::report {

namespace {

constexpr std::size_t kMaxLines = 12;       // lines looked at
constexpr std::size_t kMaxTitleChars = 120; // a longer line is running text
constexpr std::size_t kMaxTitleBytes = 200;

// A generic section name or press boilerplate, compared without spaces and case.
bool boilerplate(const U32 &folded) {
    static const std::array<U32View, 28> forms = {
        U"內容摘要", U"内容摘要", U"摘要", U"提要", U"目錄", U"目录", U"目次", U"前言", U"大綱", U"大纲",
        U"新聞稿", U"新闻稿", U"新聞資料", U"新闻资料", U"即時新聞", U"即时新闻",
        U"abstract", U"summary", U"executivesummary", U"contents", U"tableofcontents", U"introduction",
        U"forimmediaterelease", U"readout", U"pressrelease", U"newsrelease", U"medianote", U"factsheet"};
    return std::find(forms.begin(), forms.end(), U32View(folded)) != forms.end();
}

// Digits and date separators only (2020.11.30, 113年11月22日, 09/16/13, June 8, 2022 is text).
bool dateOnly(const U32 &t) {
    return std::all_of(t.begin(), t.end(), [](char32_t c) {
        return isDigit(c) || c == U'.' || c == U'/' || c == U'-' || c == U'年' || c == U'月' || c == U'日' ||
               c == U'(' || c == U')';
    });
}

} // namespace

std::string documentTitle(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<U32> lines;
    std::size_t start = 0;
    while (start <= text.size() && lines.size() < 400) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view line = text.substr(start, nl == std::string_view::npos ? text.size() - start : nl - start);
        try {
            lines.push_back(decodeUtf8(line, "title"));
        } catch (const TextError &) {
            return {};
        }
        if (nl == std::string_view::npos)
            break;
        start = nl + 1;
    }
    std::size_t looked = 0;
    bool contact = false; // inside a block (lines with no blank between) holding an e-mail address
    for (std::size_t i = 0; i < lines.size() && looked < kMaxLines; ++i) {
        U32 line = lines[i];
        for (auto &c : line)
            c = foldChar(c);
        const U32 t = trim(line);
        if (t.empty()) {
            contact = false;
            continue;
        }
        ++looked;
        if (!contact)
            for (std::size_t k = i; k < lines.size() && !trim(lines[k]).empty(); ++k)
                contact = contact || lines[k].find(U'@') != U32::npos;
        if (contact)
            continue;
        U32 squeezed;
        for (char32_t c : t)
            if (!isSpace(c) && c != U':')
                squeezed.push_back(c >= U'A' && c <= U'Z' ? c + 32 : c);
        if (t.back() == U':' || boilerplate(squeezed) || dateOnly(squeezed))
            continue;
        // Running text: a long line, or one that ends a sentence or breaks off at a comma.
        const char32_t last = t.back();
        if (t.size() > kMaxTitleChars || last == U'。' || last == U'.' || last == U',' || last == U'、' ||
            last == U';' || lines[i].find(U'，') != U32::npos || lines[i].find(U'。') != U32::npos)
            return {};
        std::string title = toUtf8(trim(U32View(lines[i])));
        if (title.size() > kMaxTitleBytes) {
            std::size_t cut = kMaxTitleBytes;
            while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80)
                --cut;
            title.resize(cut);
        }
        return title;
    }
    return {};
}

} // namespace liaison::report
