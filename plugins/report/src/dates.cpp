// Dates: 2017年9月26日, 9月28日至30日, 2017年9月, (2017)年度, and the English
// forms 26 September 2017, September 28-30, 2017, Sept. 2017, 2017-09-26.
#include "extractor.hpp"

#include <algorithm>
#include <cstdio>

namespace liaison::report {

namespace {

// Reads an unsigned number at i (after spaces); returns the position after it or npos.
std::size_t readNumber(const U32 &t, std::size_t i, int &value) {
    i = skipSpaces(t, i);
    std::size_t j = i;
    value = 0;
    while (j < t.size() && isDigit(t[j]) && j - i < 4) {
        value = value * 10 + static_cast<int>(t[j] - U'0');
        ++j;
    }
    if (j == i || (j < t.size() && isDigit(t[j])))
        return U32::npos;
    return j;
}

bool expect(const U32 &t, std::size_t &i, char32_t c) {
    const std::size_t j = skipSpaces(t, i);
    if (j < t.size() && t[j] == c) {
        i = j + 1;
        return true;
    }
    return false;
}

std::string iso(int y, int m, int d) {
    char buf[16];
    if (m == 0)
        std::snprintf(buf, sizeof buf, "%04d", y);
    else if (d == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int monthOf(U32View word) {
    static const char32_t *names[] = {U"jan", U"feb", U"mar", U"apr", U"may", U"jun",
                                      U"jul", U"aug", U"sep", U"oct", U"nov", U"dec"};
    const U32 w = asciiLower(word);
    if (w.size() < 3)
        return 0;
    static const char32_t *full[] = {U"january", U"february", U"march",     U"april",   U"may",      U"june",
                                     U"july",    U"august",   U"september", U"october", U"november", U"december"};
    for (int m = 0; m < 12; ++m) {
        const U32 f = full[m];
        if (w == f || w == names[m] || (w == U"sept" && m == 8))
            return m + 1;
    }
    return 0;
}

// An English ordinal suffix right after a day number (19th, 1st, 22nd, 3rd):
// the position after it, else `i`.
std::size_t skipOrdinalSuffix(const U32 &t, std::size_t i) {
    if (i + 2 > t.size())
        return i;
    const U32 s = asciiLower(U32View(t).substr(i, 2));
    if (s != U"st" && s != U"nd" && s != U"rd" && s != U"th")
        return i;
    return i + 2 < t.size() && isLatin(t[i + 2]) ? i : i + 2;
}

bool plausible(int y, int m, int d) {
    return y >= 1900 && y <= 2100 && m >= 0 && m <= 12 && d >= 0 && d <= 31;
}

// False for a day the month does not have (2月30日, April 31): a typo in the
// report, which the graph must not store as a date. Year 0 (not yet known)
// allows 29 February.
bool dayExists(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1)
        return true; // a year or a month alone
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    return d <= (m == 2 && !leap ? 28 : kDays[m - 1]);
}

// A year of the Republic of China (民國): two or three digits, 1..199, written
// as 104年10月29日 / (104)年 / 109-09-02. Only with a month after it (checked by
// the caller) so that "20週年" or "45年" alone are never dates.
bool minguo(const U32 &t, std::size_t begin, std::size_t end, int year) {
    if (year < 1 || year > 199 || end - begin < 2)
        return false;
    std::size_t k = end;
    while (k < t.size() && (t[k] == U'年' || t[k] == U')' || isSpace(t[k])))
        ++k;
    std::size_t digits = k;
    while (digits < t.size() && isDigit(t[digits]))
        ++digits;
    return digits > k && digits < t.size() && t[digits] == U'月';
}

int chineseNumber(U32View s) {
    static const U32View digits = U"〇一二三四五六七八九";
    int value = 0;
    int current = 0;
    for (char32_t c : s) {
        if (c == U'十') {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
        } else if (const auto d = digits.find(c); d != U32View::npos) {
            current = static_cast<int>(d);
        } else {
            return 0;
        }
    }
    return value + current;
}

// Numeric dates: 2020/11/20, 2020.11.30, 109-09-02 (民國), 09/16/13 and
// 07/15/2010 (US month first), and 六月 20, 2023.
void numericDates(const U32 &t, std::vector<Mention> &out) {
    auto taken = [&](std::size_t b, std::size_t e) {
        return std::any_of(out.begin(), out.end(), [&](const Mention &m) { return b < m.end && m.begin < e; });
    };
    auto add = [&](std::size_t b, std::size_t e, int y, int m, int d) {
        if (taken(b, e) || !dayExists(y, m, d))
            return;
        Mention mention;
        mention.kind = MentionKind::Date;
        mention.begin = b;
        mention.end = e;
        mention.start = iso(y, m, d);
        out.push_back(mention);
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isDigit(t[i]) || (i > 0 && (isDigit(t[i - 1]) || t[i - 1] == U'.' || t[i - 1] == U'/')))
            continue;
        std::size_t j = i;
        int a = 0;
        while (j < t.size() && isDigit(t[j]) && j - i < 5)
            a = a * 10 + static_cast<int>(t[j++] - U'0');
        if (j >= t.size() || (t[j] != U'/' && t[j] != U'.' && t[j] != U'-'))
            continue;
        const char32_t sep = t[j];
        std::size_t k = j + 1;
        int b = 0;
        while (k < t.size() && isDigit(t[k]) && k - j <= 2)
            b = b * 10 + static_cast<int>(t[k++] - U'0');
        if (k == j + 1 || k >= t.size() || t[k] != sep)
            continue;
        std::size_t l = k + 1;
        int c = 0;
        while (l < t.size() && isDigit(t[l]) && l - k <= 4)
            c = c * 10 + static_cast<int>(t[l++] - U'0');
        if (l == k + 1 || (l < t.size() && (isDigit(t[l]) || isLatin(t[l]))))
            continue;
        const std::size_t yearDigits = j - i;
        if (yearDigits == 4 && plausible(a, b, c) && b >= 1 && c >= 1 && sep != U'-')
            add(i, l, a, b, c);
        else if (yearDigits == 3 && sep == U'-' && a >= 60 && a < 200 && plausible(a + 1911, b, c) && b >= 1 && c >= 1)
            add(i, l, a + 1911, b, c);
        else if (yearDigits <= 2 && sep == U'/' && a >= 1 && a <= 12 && b >= 1 && b <= 31 && (l - k - 1 == 2 || l - k - 1 == 4))
            add(i, l, l - k - 1 == 2 ? 2000 + c : c, a, b);
    }
    // 六月 20, 2023
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != U'月' || i == 0)
            continue;
        std::size_t b = i;
        while (b > 0 && i - b < 3 && chineseNumber(U32View(t).substr(b - 1, i - b + 1)) > 0)
            --b;
        const int month = b < i ? chineseNumber(U32View(t).substr(b, i - b)) : 0;
        if (month < 1 || month > 12)
            continue;
        int day = 0;
        std::size_t k = readNumber(t, i + 1, day);
        if (k == U32::npos || day < 1 || day > 31)
            continue;
        if (k < t.size() && t[k] == U',')
            ++k;
        int year = 0;
        const std::size_t e = readNumber(t, k, year);
        if (e != U32::npos && plausible(year, month, day))
            add(b, e, year, month, day);
    }
}

} // namespace

int yearWritten(const U32 &t) {
    for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
        if ((i > 0 && (isDigit(t[i - 1]) || isLatin(t[i - 1]))) || (i + 4 < t.size() && (isDigit(t[i + 4]) || isLatin(t[i + 4]))))
            continue;
        int year = 0;
        for (std::size_t k = i; k < i + 4 && isDigit(t[k]); ++k)
            year = year * 10 + static_cast<int>(t[k] - U'0');
        if (year >= 1900 && year <= 2099)
            return year;
    }
    return 0;
}

void Extractor::findDates(ParagraphState &p) {
    const U32 &t = p.paragraph.text;
    auto add = [&](std::size_t b, std::size_t e, int y, int m, int d, int m2, int d2) {
        if (!dayExists(y, m, d) || (d2 > 0 && !dayExists(y, m2 > 0 ? m2 : m, d2)))
            return;
        Mention mention;
        mention.kind = MentionKind::Date;
        mention.begin = b;
        mention.end = e;
        mention.start = iso(y, m, d);
        if (d2 > 0)
            mention.finish = iso(y, m2 > 0 ? m2 : m, d2);
        p.mentions.push_back(mention);
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isDigit(t[i]) || (i > 0 && isDigit(t[i - 1])))
            continue;
        int a = 0;
        std::size_t j = readNumber(t, i, a);
        if (j == U32::npos)
            continue;
        int y = 0;
        int m = 0;
        int d = 0;
        std::size_t k = j;
        // (2017)年度, 本(104)年
        if (i > 0 && t[i - 1] == U'(' && j < t.size() && t[j] == U')' && j + 1 < t.size() && t[j + 1] == U'年' &&
            (plausible(a, 0, 0) || (a >= 60 && a < 200))) {
            add(i, j + 2, plausible(a, 0, 0) ? a : a + 1911, 0, 0, 0, 0);
            i = j + 1;
            continue;
        }
        if (expect(t, k, U'年') && (plausible(a, 0, 0) || minguo(t, i, j, a))) {
            y = plausible(a, 0, 0) ? a : a + 1911;
            j = k;
            int b = 0;
            std::size_t k2 = readNumber(t, j, b);
            if (k2 != U32::npos && expect(t, k2, U'月') && b >= 1 && b <= 12) {
                m = b;
                j = k2;
                int c = 0;
                std::size_t k3 = readNumber(t, j, c);
                if (k3 != U32::npos && (expect(t, k3, U'日') || expect(t, k3, U'號')) && c >= 1 && c <= 31) {
                    d = c;
                    j = k3;
                }
            }
        } else if (expect(t, k = j, U'月') && a >= 1 && a <= 12) {
            m = a;
            j = k;
            int c = 0;
            std::size_t k3 = readNumber(t, j, c);
            if (k3 != U32::npos && (expect(t, k3, U'日') || expect(t, k3, U'號')) && c >= 1 && c <= 31) {
                d = c;
                j = k3;
            } else {
                continue; // "9月" alone is too weak
            }
        } else if (j + 5 < t.size() && t[j] == U'-' && plausible(a, 0, 0)) {
            int mm = 0;
            int dd = 0;
            std::size_t k2 = readNumber(t, j + 1, mm);
            if (k2 != U32::npos && k2 < t.size() && t[k2] == U'-' && readNumber(t, k2 + 1, dd) != U32::npos &&
                plausible(a, mm, dd) && mm > 0 && dd > 0) {
                const std::size_t e = readNumber(t, k2 + 1, dd);
                add(i, e, a, mm, dd, 0, 0);
                i = e;
            }
            continue;
        } else {
            continue;
        }
        // Ranges: 至 30日, 至 10月 2日, -30日
        int m2 = 0;
        int d2 = 0;
        std::size_t r = skipSpaces(t, j);
        if (d > 0 && r < t.size() && (t[r] == U'至' || t[r] == U'到' || t[r] == U'-' || t[r] == U'~')) {
            int x = 0;
            std::size_t k4 = readNumber(t, r + 1, x);
            if (k4 != U32::npos) {
                std::size_t k5 = k4;
                if (expect(t, k5, U'月') && x >= 1 && x <= 12) {
                    int z = 0;
                    std::size_t k6 = readNumber(t, k5, z);
                    if (k6 != U32::npos && expect(t, k6, U'日')) {
                        m2 = x;
                        d2 = z;
                        j = k6;
                    }
                } else if ((expect(t, k5 = k4, U'日') || expect(t, k5 = k4, U'號')) && x >= 1 && x <= 31) {
                    d2 = x;
                    j = k5;
                }
            }
        }
        add(i, j, y, m, d, m2, d2);
        i = j > i ? j - 1 : i;
    }
    // English month names.
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!isUpper(t[i]) || (i > 0 && isLatin(t[i - 1])))
            continue;
        std::size_t j = i;
        while (j < t.size() && isLatin(t[j]))
            ++j;
        const int month = monthOf(U32View(t).substr(i, j - i));
        if (month == 0)
            continue;
        std::size_t after = j;
        if (after < t.size() && t[after] == U'.')
            ++after;
        int d = 0;
        int d2 = 0;
        int y = 0;
        std::size_t b = i;
        std::size_t e = after;
        // Month D[-D][,] YYYY | Month YYYY
        int x = 0;
        std::size_t k = readNumber(t, after, x);
        if (k != U32::npos && x >= 1 && x <= 31) {
            d = x;
            e = skipOrdinalSuffix(t, k);
            std::size_t r = skipSpaces(t, e);
            if (r < t.size() && (t[r] == U'-' || t[r] == U'~')) {
                int z = 0;
                const std::size_t k2 = readNumber(t, r + 1, z);
                if (k2 != U32::npos && z > d && z <= 31) {
                    d2 = z;
                    e = skipOrdinalSuffix(t, k2);
                }
            }
            std::size_t c = skipSpaces(t, e);
            if (c < t.size() && t[c] == U',')
                ++c;
            int yy = 0;
            const std::size_t k3 = readNumber(t, c, yy);
            if (k3 != U32::npos && plausible(yy, 0, 0)) {
                y = yy;
                e = k3;
            }
        } else if (k != U32::npos && plausible(x, 0, 0)) {
            y = x;
            e = k;
        }
        // D[-D] Month YYYY
        if (d == 0) {
            std::size_t s = i;
            while (s > 0 && isSpace(t[s - 1]))
                --s;
            std::size_t n = s;
            while (n > 0 && isDigit(t[n - 1]))
                --n;
            if (n < s) {
                int dd = 0;
                readNumber(t, n, dd);
                std::size_t n2 = n;
                if (n2 > 1 && (t[n2 - 1] == U'-' || t[n2 - 1] == U'~')) {
                    std::size_t n3 = n2 - 1;
                    while (n3 > 0 && isDigit(t[n3 - 1]))
                        --n3;
                    int first = 0;
                    if (n3 < n2 - 1 && readNumber(t, n3, first) != U32::npos && first >= 1 && first < dd) {
                        d2 = dd;
                        dd = first;
                        n = n3;
                    }
                }
                if (dd >= 1 && dd <= 31) {
                    d = dd;
                    b = n;
                }
            }
        }
        if ((y == 0 && d == 0) || !dayExists(y, month, d) || (d2 > 0 && !dayExists(y, month, d2)))
            continue;
        Mention mention;
        mention.kind = MentionKind::Date;
        mention.begin = b;
        mention.end = e;
        mention.start = iso(y, month, d);
        if (d2 > 0)
            mention.finish = iso(y, month, d2);
        p.mentions.push_back(mention);
        i = e > i ? e - 1 : i;
    }
    numericDates(t, p.mentions);
    std::sort(p.mentions.begin(), p.mentions.end(), [](const Mention &a, const Mention &b) { return a.begin < b.begin; });
}

} // namespace liaison::report
