// Command-line arguments of one command: positionals, flags and options
// with values, checked against what the command declares.
#pragma once

#include "liaison/filter_spec.hpp"

#include <map>
#include <optional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace liaison::cli {

class Args {
public:
    // `flags` take no value (--json); `options` take one (--layout sfdp or
    // --layout=sfdp). Throws UserError for an undeclared option or a missing value.
    Args(std::vector<std::string> words, const std::set<std::string> &flags,
         const std::set<std::string> &options);

    bool flag(const std::string &name) const { return m_flags.contains(name); }
    std::optional<std::string> option(const std::string &name) const;
    std::string option(const std::string &name, const std::string &fallback) const;
    const std::vector<std::string> &positionals() const { return m_positionals; }
    // The positional at `index`, or a UserError naming `what` is missing.
    const std::string &positional(std::size_t index, const std::string &what) const;
    // Throws UserError when more than `count` positionals were given.
    void expectAtMost(std::size_t count) const;

    // Typed option values: absent -> nullopt; present but not a value of the
    // type and range -> UserError naming the option, what it expects and what
    // was given ("--depth expects a whole number from 0 to 1000, not 'abc'").
    std::optional<long long> integer(const std::string &name, long long min, long long max) const;
    // A finite decimal number (no nan, inf or hex) from min to max.
    std::optional<double> number(const std::string &name, double min, double max) const;

private:
    std::set<std::string> m_flags;
    std::map<std::string, std::string> m_options;
    std::vector<std::string> m_positionals;
};

using liaison::splitList; // "a,b,c" -> its non-empty parts (core's, shared with the viewer)

} // namespace liaison::cli
