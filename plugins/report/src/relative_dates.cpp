// Dates written relative to the one in focus: "yesterday", "last Monday", "this past
// Friday", 昨(日/天/晚), 前天, 上週一, 明天. A phrase that names a day resolves against
// `reference` (the latest full date written: the dateline, a day heading); one that
// does not ("recently", "last week", 日前, 近日, "on Monday" on another weekday) leaves
// the fact undated rather than give it the reference's date.
#include "extractor.hpp"

#include <array>
#include <cstdio>

namespace liaison::report {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string civilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    if (y < 1 || y > 9999)
        return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y) % 10000, static_cast<int>(m) % 100,
                  static_cast<int>(d) % 100);
    return buf;
}

bool parseIso(const std::string &iso, int &y, int &m, int &d) {
    return iso.size() == 10 && std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 &&
           d >= 1 && d <= 31;
}

bool latinWordAt(const U32 &t, std::size_t pos, std::size_t end, U32View word) {
    return pos + word.size() <= end && wordAt(t, pos, word);
}

constexpr std::array<U32View, 7> kWeekdays = {U"monday", U"tuesday", U"wednesday", U"thursday",
                                              U"friday", U"saturday", U"sunday"};

// The weekday (0 Monday … 6 Sunday) whose English name starts at `pos`, else -1.
int englishWeekdayAt(const U32 &t, std::size_t pos, std::size_t end) {
    for (std::size_t w = 0; w < kWeekdays.size(); ++w)
        if (latinWordAt(t, pos, end, kWeekdays[w]))
            return static_cast<int>(w);
    return -1;
}

// The weekday of 週一 … 週日 / 星期一 / 禮拜天 written at `pos` (after the week word), else -1.
int chineseWeekdayAt(const U32 &t, std::size_t pos) {
    if (pos >= t.size())
        return -1;
    const U32View days = U"一二三四五六";
    if (const std::size_t k = days.find(t[pos]); k != U32View::npos)
        return static_cast<int>(k);
    return t[pos] == U'日' || t[pos] == U'天' ? 6 : -1;
}

// The length of a week word (週, 周, 星期, 禮拜, 礼拜) at `pos`, else 0.
std::size_t chineseWeekWordAt(const U32 &t, std::size_t pos) {
    for (const U32View w : {U32View(U"星期"), U32View(U"禮拜"), U32View(U"礼拜"), U32View(U"週"), U32View(U"周")})
        if (t.compare(pos, w.size(), w) == 0)
            return w.size();
    return 0;
}

} // namespace

RelativeDate relativeDate(const U32 &t, std::size_t begin, std::size_t end, const std::string &reference) {
    int y = 0;
    int m = 0;
    int d = 0;
    const bool known = parseIso(reference, y, m, d);
    const long day = known ? daysFromCivil(y, m, d) : 0;
    const int weekday = known ? static_cast<int>(((day % 7) + 7 + 3) % 7) : -1; // 1970-01-01 was a Thursday
    auto shifted = [&](long by) { return RelativeDate{true, known ? civilFromDays(day + by) : std::string()}; };
    // The weekday `w` of the week before the reference's (上週一) or the latest one before it (last Monday).
    auto previousWeek = [&](int w) { return shifted(-weekday - 7 + w); };
    auto latestBefore = [&](int w) { return shifted(-(((weekday - w) + 6) % 7 + 1)); };
    end = std::min(end, t.size());
    for (std::size_t i = begin; i < end; ++i) {
        const char32_t c = t[i];
        if (isLatin(c)) {
            if (latinWordAt(t, i, end, U"yesterday"))
                return shifted(-1);
            if (latinWordAt(t, i, end, U"tomorrow"))
                return shifted(1);
            for (const U32View lead : {U32View(U"last "), U32View(U"this past "), U32View(U"past ")})
                if (latinWordAt(t, i, end, lead.substr(0, lead.size() - 1)) && i + lead.size() < end) {
                    if (const int w = englishWeekdayAt(t, i + lead.size(), end); w >= 0)
                        return latestBefore(w);
                    if (latinWordAt(t, i + lead.size(), end, U"week") || latinWordAt(t, i + lead.size(), end, U"month"))
                        return {true, {}};
                }
            for (const U32View vague : {U32View(U"recently"), U32View(U"earlier this week"), U32View(U"next week"),
                                        U32View(U"later this week"), U32View(U"earlier this month")})
                if (latinWordAt(t, i, end, vague))
                    return {true, {}};
            if (const int w = englishWeekdayAt(t, i, end); w >= 0) {
                // "on Monday, September 16" is a full date (written, so no relative phrase); a bare
                // weekday is the reference's own day, else unknown (last or next?).
                if (w == weekday)
                    return shifted(0);
                return {true, {}};
            }
            while (i + 1 < end && isLatin(t[i + 1]))
                ++i;
            continue;
        }
        if (c == U'昨' && i + 1 < end && t[i + 1] == U'(') {
            // 昨(27)日: the day written, in the reference's month, before it.
            int n = 0;
            std::size_t k = i + 2;
            while (k < end && isDigit(t[k]) && n < 100)
                n = n * 10 + static_cast<int>(t[k++] - U'0');
            if (known && n >= 1 && n < d)
                return shifted(n - d);
            return {true, {}};
        }
        if (c == U'昨')
            return shifted(-1);
        if (c == U'前' && i + 1 < end && t[i + 1] == U'天')
            return shifted(-2);
        if (c == U'明' && i + 1 < end && t[i + 1] == U'天') // 明日 may be 說明 + 日本
            return shifted(1);
        if ((c == U'上' || c == U'本' || c == U'這' || c == U'这' || c == U'下') && i + 1 < end) {
            if (const std::size_t len = chineseWeekWordAt(t, i + 1); len > 0) {
                const int w = chineseWeekdayAt(t, i + 1 + len);
                if (c == U'上' && w >= 0)
                    return previousWeek(w);
                if (c != U'上' && c != U'下' && w >= 0)
                    return shifted(w - weekday);
                return {true, {}};
            }
        }
        // 日前, 近日: some days ago (not 今日前往, 28日前: a day written before 前).
        const bool daysAgo = c == U'日' && i + 1 < end && t[i + 1] == U'前' &&
                             (i == 0 || (!isDigit(t[i - 1]) && U32View(U"今昨本明月前每當当翌隔").find(t[i - 1]) == U32View::npos));
        if (daysAgo || (c == U'近' && i + 1 < end && t[i + 1] == U'日'))
            return {true, {}};
    }
    return {false, {}};
}

} // namespace liaison::report
