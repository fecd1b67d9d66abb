#include "args.hpp"

#include "liaison/errors.hpp"
#include "liaison/printable.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include <cstdlib>

namespace liaison::cli {

Args::Args(std::vector<std::string> words, const std::set<std::string> &flags,
           const std::set<std::string> &options)
{
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &word = words[i];
        if (onlyPositionals || word == "-" || word.rfind("-", 0) != 0) {
            m_positionals.push_back(word);
            continue;
        }
        if (word == "--") {
            onlyPositionals = true;
            continue;
        }
        std::string name = word, value;
        bool inlineValue = false;
        if (auto eq = word.find('='); eq != std::string::npos) {
            name = word.substr(0, eq);
            value = word.substr(eq + 1);
            inlineValue = true;
        }
        if (flags.contains(name) && !inlineValue) {
            m_flags.insert(name);
            continue;
        }
        if (!options.contains(name)) throw UserError("unknown option '" + name + "' (see --help)");
        if (!inlineValue) {
            if (i + 1 >= words.size()) throw UserError("option '" + name + "' needs a value");
            value = words[++i];
        }
        m_options[name] = value;
    }
}

std::optional<std::string> Args::option(const std::string &name) const
{
    auto it = m_options.find(name);
    if (it == m_options.end()) return std::nullopt;
    return it->second;
}

std::string Args::option(const std::string &name, const std::string &fallback) const
{
    return option(name).value_or(fallback);
}

const std::string &Args::positional(std::size_t index, const std::string &what) const
{
    if (index >= m_positionals.size()) throw UserError("missing " + what + " (see --help)");
    return m_positionals[index];
}

void Args::expectAtMost(std::size_t count) const
{
    if (m_positionals.size() > count)
        throw UserError("unexpected argument '" + m_positionals[count] + "' (see --help)");
}

[[noreturn]] static void expected(const std::string &name, const std::string &what, const std::string &given)
{
    throw UserError(name + " expects " + what + ", not '" + printableText(given) + "'");
}

std::optional<long long> Args::integer(const std::string &name, long long min, long long max) const
{
    std::optional<std::string> text = option(name);
    if (!text) return std::nullopt;
    long long value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max)
        expected(name, "a whole number from " + std::to_string(min) + " to " + std::to_string(max), *text);
    return value;
}

std::optional<double> Args::number(const std::string &name, double min, double max) const
{
    std::optional<std::string> text = option(name);
    if (!text) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value, std::chars_format::fixed);
    if (ec != std::errc() || end != text->data() + text->size() || !std::isfinite(value) || value < min ||
        value > max) {
        std::ostringstream range;
        range << "a number from " << min << " to " << max;
        expected(name, range.str(), *text);
    }
    return value;
}

std::optional<std::string> Args::date(const std::string &name) const
{
    std::optional<std::string> text = option(name);
    if (!text) return std::nullopt;
    const std::string &t = *text;
    auto digits = [&t](std::size_t from, std::size_t count) {
        if (from + count > t.size()) return -1;
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            value = value * 10 + (t[i] - '0');
        }
        return value;
    };
    bool ok = (t.size() == 4 || t.size() == 7 || t.size() == 10) && digits(0, 4) >= 0;
    int year = digits(0, 4), month = 1, day = 1;
    if (ok && t.size() >= 7) ok = t[4] == '-' && (month = digits(5, 2)) >= 1 && month <= 12;
    if (ok && t.size() == 10) {
        static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int last = month == 2 && !leap ? 28 : kDays[month - 1];
        ok = t[7] == '-' && (day = digits(8, 2)) >= 1 && day <= last;
    }
    if (!ok) expected(name, "a date YYYY, YYYY-MM or YYYY-MM-DD", t);
    return t;
}


std::size_t wholeNumber(const std::string &option, const std::string &text, std::size_t minimum)
{
    char *end = nullptr;
    unsigned long long n = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || text[0] == '-' || n < minimum)
        throw UserError(option + " expects a whole number" +
                        (minimum > 0 ? " of at least " + std::to_string(minimum) : std::string()) + ", not '" + text +
                        "'");
    return static_cast<std::size_t>(n);
}

} // namespace liaison::cli
