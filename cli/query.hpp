// What the query commands share: loading the graph, resolving a user's
// reference to an entity, the common filter options, and JSON output.
#pragma once

#include "args.hpp"
#include "std_streams.hpp"

#include "liaison/graph_store.hpp"
#include "liaison/view.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <set>
#include <string>

namespace liaison::cli {

// Throws UserError when `output` is the same file as one of `inputs` (an
// output path never silently replaces what the command reads), unless it is
// `updated`: the graph the command was asked to update (import --into).
void refuseOutputOverInputs(const std::string &output, const std::vector<std::string> &inputs,
                            const std::optional<std::string> &updated = std::nullopt);

// An id, or a name or alias in any language. Throws LookupError when nothing
// matches (suggesting near matches) or when several do (listing them).
EntityIndex resolveEntity(const GraphStore &store, const std::string &reference);

// The filter options every query command takes, its flags (--hide-isolated)
// added to `flags`, and their help text.
const std::set<std::string> &filterOptions();
std::set<std::string> withFilterFlags(std::set<std::string> flags);
// Whether any filter option (filterOptions) is given; --hide-isolated alone
// removes no answer, so it does not count.
bool anyFilterGiven(const Args &args);
extern const char *const kFilterHelp;
// The filter the options name, checked against `store` by core's one filter
// parser: a value that matches nothing known is a UserError with candidates.
ViewFilter filterFromArgs(const GraphStore &store, const Args &args);
// For a team archive, which checks the values against its own graph: the
// options as given (dates still checked).
ViewFilter filterFromArgs(const Args &args);

// "莊明芬 (person:chuang-ming-fen)"
std::string describe(const GraphStore &store, EntityIndex e);

// JSON output on stdout, pretty-printed.
class JsonOut {
public:
    JsonOut();
    ~JsonOut(); // prints the document
    rapidjson::PrettyWriter<rapidjson::StringBuffer> &w() { return m_writer; }
    void key(std::string_view k);
    void string(std::string_view s);
    // A finite number (jsonNumber); throws std::domain_error for NaN or ±inf.
    void number(double value);
    void entity(const GraphStore &store, EntityIndex e); // {"id","kind","name"}
    void evidence(const std::vector<Evidence> &evidence);
    void relation(const GraphStore &store, RelationIndex r); // {"kind","from","to","evidence"}

private:
    rapidjson::StringBuffer m_buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> m_writer;
};

} // namespace liaison::cli
