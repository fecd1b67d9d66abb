#include "graphviz_messages/graphviz_messages.hpp"

#include <graphviz/cgraph.h>

namespace graphviz_messages {

namespace {

std::string &pending()
{
    static std::string text;
    return text;
}

int collect(char *text)
{
    pending() += text;
    return 0;
}

} // namespace

void install()
{
    static const bool installed = [] {
        agseterrf(collect);
        agseterr(AGWARN);
        return true;
    }();
    (void)installed;
}

Scope::Scope() : m_previous(agseterrf(collect))
{
    pending().clear();
    agreseterrors();
}

Scope::~Scope() { agseterrf(m_previous); }

std::string take()
{
    std::string text;
    text.swap(pending());
    return text;
}

std::vector<std::string> takeLines()
{
    const std::string text = take();
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

} // namespace graphviz_messages
