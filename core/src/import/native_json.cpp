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
    RecordPositions at;
    GraphStore store = readLiaisonJsonCollecting(bytes, path, problems, &at);
    for (const ParseError &e : problems)
        batch.addDiagnostic({Severity::Error, InputLocation{path, e.line(), e.column()}, e.message()});
    for (const auto &[key, raw] : store.documentExtras()) batch.addDocumentField(key, raw);
    // Each record located where it starts, so what the import finds wrong
    // with it later (an evidence naming an unknown source) names the place.
    auto where = [&path](const std::vector<RecordPositions::At> &positions, std::size_t i) {
        return i < positions.size() ? InputLocation{path, positions[i].line, positions[i].column}
                                    : InputLocation{path, 0, 0};
    };
    for (std::size_t i = 0; i < store.sources().size(); ++i) batch.addSource(store.sources()[i], where(at.sources, i));
    for (std::size_t i = 0; i < store.entities().size(); ++i) batch.addEntity(store.entities()[i], where(at.entities, i));
    for (std::size_t i = 0; i < store.relations().size(); ++i)
        batch.addRelation(store.relations()[i], where(at.relations, i));
    InputLocation origin{path, 0, 0};
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
