#include "args.hpp"

#include "liaison/errors.hpp"
#include "liaison/printable.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

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

} // namespace liaison::cli
