#include "std_streams.hpp"

#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <unistd.h>

namespace liaison::cli {

bool isStandardStream(const std::string &path) { return path == "-"; }

std::string inputName(const std::string &path) { return isStandardStream(path) ? "<stdin>" : path; }

std::string readInput(const std::string &path)
{
    if (!isStandardStream(path)) return readWholeFile(path);
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) throw IoError(std::string("cannot read standard input: ") + std::strerror(errno));
    return text;
}

GraphStore loadGraph(const std::string &path)
{
    if (!isStandardStream(path)) return readLiaisonJsonFile(path);
    return readLiaisonJson(readInput(path), inputName(path));
}

namespace {

void writeStandardOutput(std::string_view bytes)
{
    while (!bytes.empty()) {
        ssize_t n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError(std::string("cannot write standard output: ") + std::strerror(errno));
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

} // namespace

void writeOutput(const std::string &path, std::string_view bytes)
{
    if (!isStandardStream(path)) return writeFileAtomically(path, bytes);
    std::cout.flush();
    writeStandardOutput(bytes);
}

void saveGraph(const GraphStore &store, const std::string &path)
{
    if (!isStandardStream(path)) return saveLiaisonJsonFile(store, path);
    std::cout.flush();
    writeLiaisonJson(store, writeStandardOutput);
}

} // namespace liaison::cli
