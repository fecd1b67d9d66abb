#include "terminal_output.hpp"

#include "liaison/printable.hpp"

#include <iostream>

namespace liaison::cli {

void SanitizingBuffer::pass(bool flushAll)
{
    std::size_t ready = flushAll ? m_pending.size() : completeUtf8Prefix(m_pending);
    if (ready == 0) return;
    std::string shown = printableText(std::string_view(m_pending).substr(0, ready), LineBreaks::Keep);
    m_target->sputn(shown.data(), static_cast<std::streamsize>(shown.size()));
    m_pending.erase(0, ready);
}

SanitizingBuffer::int_type SanitizingBuffer::overflow(int_type c)
{
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    m_pending += traits_type::to_char_type(c);
    if (m_pending.size() >= 4096) pass(false);
    return c;
}

std::streamsize SanitizingBuffer::xsputn(const char *s, std::streamsize n)
{
    m_pending.append(s, static_cast<std::size_t>(n));
    if (m_pending.size() >= 4096 || m_pending.find('\n') != std::string::npos) pass(false);
    return n;
}

int SanitizingBuffer::sync()
{
    pass(true);
    return m_target->pubsync();
}

namespace {
std::streambuf *g_rawStdout = nullptr;
std::streambuf *g_rawStderr = nullptr;
} // namespace

void sanitizeTerminalOutput()
{
    // Never destroyed: the standard streams flush through them until the very end.
    static auto *out = new SanitizingBuffer(std::cout.rdbuf());
    static auto *err = new SanitizingBuffer(std::cerr.rdbuf());
    g_rawStdout = out->target();
    g_rawStderr = err->target();
    std::cout.rdbuf(out);
    std::cerr.rdbuf(err);
}

std::ostream &rawStdout()
{
    std::cout.flush(); // what was printed before comes first
    static std::ostream raw(g_rawStdout ? g_rawStdout : std::cout.rdbuf());
    return raw;
}

} // namespace liaison::cli

namespace liaison::cli {

std::ostream &rawStderr()
{
    std::cerr.flush();
    static std::ostream raw(g_rawStderr ? g_rawStderr : std::cerr.rdbuf());
    return raw;
}

} // namespace liaison::cli
