#include "liaison/iso_date.hpp"

namespace liaison {

int decimalDigits(std::string_view text, std::size_t at, std::size_t count)
{
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool isDateKey(std::string_view key) { return key == "date" || key == "start" || key == "end"; }

std::string impossibleDateProblem(std::string_view text)
{
    const int year = decimalDigits(text, 0, 4);
    if (year < 0 || text.size() < 7 || text[4] != '-') return {};
    const int month = decimalDigits(text, 5, 2);
    if (month < 0) return {};
    if (month < 1 || month > 12) return "has no month " + std::to_string(month);
    if (text.size() < 10 || text[7] != '-') return {};
    const int day = decimalDigits(text, 8, 2);
    if (day < 0) return {};
    if (day < 1 || day > daysInMonth(year, month))
        return "is not a day of " + std::string(text.substr(0, 7));
    return {};
}

} // namespace liaison
