#include "args.hpp"

#include "liaison/errors.hpp"

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
