// ISO dates as Liaison stores them: text, possibly partial (2017, 2017-10,
// 2017-10-05), compared as text. A date whose month or day does not exist
// would compare as if it did ("2017-13-01" passes --from 2017-12-01), so it
// is refused wherever a graph takes one in (storable.hpp, the JSON reader).
#pragma once

#include <string>
#include <string_view>

namespace liaison {

// The number the digits text[at, at+count) spell, or -1 when one is missing
// or not an ASCII digit.
int decimalDigits(std::string_view text, std::size_t at, std::size_t count);

// Days of `month` (1-12) in `year` of the Gregorian calendar.
int daysInMonth(int year, int month);

// The attribute keys that hold dates: "date" (relations), "start" and "end"
// (events).
bool isDateKey(std::string_view key);

// "" unless `text` starts as an ISO date (four digits, '-', two digits) whose
// month or day does not exist; then why, to follow the date in a message
// ("has no month 13", "is not a day of 2017-02"). Text not shaped as a date
// is not judged.
std::string impossibleDateProblem(std::string_view text);

} // namespace liaison
