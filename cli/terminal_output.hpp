// Human-readable output goes through the one sanitiser (printable.hpp):
// main() puts a SanitizingBuffer in front of std::cout and std::cerr, so no
// command can print a name's escape sequence or bidi override raw, whatever
// it forgets. Machine-readable output (--json) goes to rawStdout() and stays
// exact.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace liaison::cli {

// Passes text to `target` through printableText(LineBreaks::Keep); holds an
// incomplete UTF-8 sequence back until the rest arrives.
class SanitizingBuffer : public std::streambuf {
public:
    explicit SanitizingBuffer(std::streambuf *target) : m_target(target) {}
    std::streambuf *target() const { return m_target; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char *s, std::streamsize n) override;
    int sync() override;

private:
    void pass(bool flushAll);
    std::streambuf *m_target;
    std::string m_pending;
};

// Installs the sanitisers on std::cout and std::cerr (once, from main).
void sanitizeTerminalOutput();
// Standard output without the sanitiser, for exact machine-readable output.
std::ostream &rawStdout();
// Standard error without the sanitiser, for the progress line's own control
// sequences (never for text from the input).
std::ostream &rawStderr();

} // namespace liaison::cli
