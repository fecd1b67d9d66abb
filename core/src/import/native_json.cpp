#include "native_json.hpp"

#include "liaison/json_io.hpp"

namespace liaison::detail {

LoaderInfo nativeJsonLoaderInfo()
{
    LoaderInfo info;
    info.name = "liaison-json";
    info.version = "1.0.0";
    info.description = "Liaison JSON v1, the native graph file (read by core)";
    info.patterns = {"*.liaison.json", "*.json"};
    info.origin = "built-in";
    info.builtin = true;
    info.native = true;
    return info;
}

int sniffLiaisonJson(std::string_view bytes)
{
    std::string_view head = bytes.substr(0, 4096);
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return 0;
    return head.find("\"liaison\"") != std::string_view::npos ? 90 : 10;
}

// Every record the reader could read goes into the batch; each one it left
// out is an error at its position, so a lenient import skips exactly those and
// a strict one fails naming them. Unknown top-level keys travel as document
// fields so an import keeps them as export does.
ImportBatch readLiaisonJsonBatch(std::string_view bytes, const std::string &path)
{
    ImportBatch batch;
    std::vector<ParseError> problems;
    GraphStore store = readLiaisonJsonCollecting(bytes, path, problems);
    for (const ParseError &e : problems)
        batch.addDiagnostic({Severity::Error, InputLocation{path, e.line(), e.column()}, e.message()});
    for (const auto &[key, raw] : store.documentExtras()) batch.addDocumentField(key, raw);
    InputLocation origin{path, 0, 0};
    for (const Source &s : store.sources()) batch.addSource(s, origin);
    for (const Entity &e : store.entities()) batch.addEntity(e, origin);
    for (const Relation &r : store.relations()) batch.addRelation(r, origin);
    // Judgements and redirects are decisions about that graph's own ids; an
    // import takes its records (through its redirects), not its decisions.
    if (!store.judgements().empty() || !store.redirects().empty())
        batch.addDiagnostic({Severity::Warning, origin,
                             std::to_string(store.judgements().size()) + " judgements and " +
                                 std::to_string(store.redirects().size()) +
                                 " redirects of this graph are not imported (import --into it to keep them)"});
    return batch;
}

} // namespace liaison::detail
