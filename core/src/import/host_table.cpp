// Host callbacks of the plugin ABI. They run on the loader's thread, never
// throw into the plugin, and copy everything they are given.
#include "host_table.hpp"

#include "json/json_dom.hpp"

#include <cstddef>
#include <new>

namespace liaison::detail {
namespace {

struct HostContext {
    ImportBatch batch;
    std::string path;
    std::string loaderName;
    const LoadOptions *options = nullptr;
    std::size_t errors = 0;
    bool stop = false;
    bool outOfMemory = false; // a callback could not copy a record: the batch is incomplete
    std::size_t records = 0;  // records copied into the batch
};

HostContext &context(const liaison_host *host) { return *static_cast<HostContext *>(host->host_data); }

// A malformed pointer/length pair from the plugin.
struct Malformed {
    const char *what;
};

std::string copy(liaison_string s, const char *what)
{
    if (s.size == 0) return {};
    if (!s.data) throw Malformed{what};
    return std::string(s.data, s.size);
}

template <class T>
const T *array(const T *data, std::size_t count, const char *what)
{
    if (count > 0 && !data) throw Malformed{what};
    return data;
}

InputLocation location(const HostContext &ctx, const liaison_location &where)
{
    InputLocation loc;
    loc.file = where.file.size ? copy(where.file, "location file") : ctx.path;
    loc.line = static_cast<int>(where.line);
    loc.column = static_cast<int>(where.column);
    return loc;
}

void addError(HostContext &ctx, InputLocation where, std::string message)
{
    ++ctx.errors;
    if (ctx.errors >= ctx.options->maxErrors) ctx.stop = true;
    ctx.batch.addDiagnostic({Severity::Error, std::move(where), std::move(message)});
}

int status(const HostContext &ctx) { return ctx.stop ? LIAISON_STOP : LIAISON_ACCEPTED; }

Attributes attributes(const liaison_attribute *in, std::size_t count)
{
    Attributes out;
    array(in, count, "attributes");
    for (std::size_t i = 0; i < count; ++i) {
        AttributeValue v;
        switch (in[i].type) {
        case LIAISON_VALUE_NUMBER: v.type = AttributeValue::Type::Number; break;
        case LIAISON_VALUE_BOOL: v.type = AttributeValue::Type::Bool; break;
        case LIAISON_VALUE_NULL: v.type = AttributeValue::Type::Null; break;
        case LIAISON_VALUE_RAW_JSON: v.type = AttributeValue::Type::RawJson; break;
        default: v.type = AttributeValue::Type::String; break;
        }
        v.text = v.type == AttributeValue::Type::Null ? std::string("null") : copy(in[i].value, "attribute value");
        out.insert_or_assign(copy(in[i].key, "attribute key"), std::move(v));
    }
    return out;
}

std::vector<Evidence> evidence(const liaison_evidence *in, std::size_t count)
{
    std::vector<Evidence> out;
    array(in, count, "evidence");
    for (std::size_t i = 0; i < count; ++i) {
        Evidence e;
        e.source = copy(in[i].source, "evidence source");
        e.line = static_cast<int>(in[i].line);
        e.locator = copy(in[i].locator, "evidence locator");
        e.quote = copy(in[i].quote, "evidence quote");
        // The ABI's "< 0 = unknown" is the model's -1; NaN and values past 1
        // stay as given, so validation reports them with the record's position.
        e.confidence = in[i].confidence < 0 ? -1.0 : in[i].confidence;
        out.push_back(std::move(e));
    }
    return out;
}

// A typed value as the raw JSON text ExtraFields hold.
std::string rawJsonOf(const liaison_attribute &field)
{
    std::string value = copy(field.value, "extra value");
    switch (field.type) {
    case LIAISON_VALUE_RAW_JSON:
    case LIAISON_VALUE_NUMBER:
    case LIAISON_VALUE_BOOL: return value;
    case LIAISON_VALUE_NULL: return "null";
    default: return json::toRawJson(json::Node{json::Node::Type::String, std::move(value), {}, {}, 0});
    }
}

// Uninterpreted members (an ABI extension: read only when the plugin's
// struct reaches that far), as raw JSON text for ExtraFields.
template <class Record>
ExtraFields extras(const Record &r)
{
    ExtraFields out;
    if (r.struct_size < sizeof(Record)) return out;
    array(r.extra, r.extra_count, "extra");
    for (std::size_t i = 0; i < r.extra_count; ++i)
        out.emplace_back(copy(r.extra[i].key, "extra key"), rawJsonOf(r.extra[i]));
    return out;
}

// Runs `body`, turning malformed input and allocation failure into a
// rejected record instead of an exception crossing into the plugin.
template <class Record, class Body>
int guarded(const liaison_host *host, const Record *record, const char *kind, Body body) noexcept
{
    HostContext &ctx = context(host);
    try {
        if (!record || record->struct_size < offsetof(Record, extra)) {
            addError(ctx, InputLocation{ctx.path, 0, 0},
                     "loader " + ctx.loaderName + " passed a malformed " + kind +
                         " record (null or struct_size too small)");
            return ctx.stop ? LIAISON_STOP : LIAISON_REJECTED;
        }
        body(ctx, *record);
        ++ctx.records;
        return status(ctx);
    } catch (const Malformed &m) {
        try {
            addError(ctx, InputLocation{ctx.path, 0, 0},
                     "loader " + ctx.loaderName + " passed a " + kind + " record with a null " + m.what);
        } catch (...) {
            ctx.stop = true; // no memory even for the message
            ctx.outOfMemory = true;
        }
        return ctx.stop ? LIAISON_STOP : LIAISON_REJECTED;
    } catch (...) {
        ctx.stop = true; // out of memory: the batch is incomplete, runLoader fails the load
        ctx.outOfMemory = true;
        return LIAISON_STOP;
    }
}

int addSource(const liaison_host *host, const liaison_source_record *record)
{
    return guarded(host, record, "source", [](HostContext &ctx, const liaison_source_record &r) {
        Source s;
        s.id = copy(r.id, "id");
        s.title = copy(r.title, "title");
        s.date = copy(r.date, "date");
        s.language = copy(r.language, "language");
        s.path = copy(r.path, "path");
        s.extra = extras(r);
        ctx.batch.addSource(std::move(s), location(ctx, r.origin));
    });
}

int addEntity(const liaison_host *host, const liaison_entity_record *record)
{
    return guarded(host, record, "entity", [](HostContext &ctx, const liaison_entity_record &r) {
        Entity e;
        e.id = copy(r.id, "id");
        e.kind = copy(r.kind, "kind");
        e.name = copy(r.name, "name");
        array(r.names, r.name_count, "names");
        for (std::size_t i = 0; i < r.name_count; ++i)
            e.names.insert_or_assign(copy(r.names[i].language, "name language"), copy(r.names[i].name, "name"));
        array(r.aliases, r.alias_count, "aliases");
        for (std::size_t i = 0; i < r.alias_count; ++i) e.aliases.push_back(copy(r.aliases[i], "alias"));
        e.attributes = attributes(r.attributes, r.attribute_count);
        e.evidence = evidence(r.evidence, r.evidence_count);
        e.extra = extras(r);
        ctx.batch.addEntity(std::move(e), location(ctx, r.origin), (r.flags & LIAISON_ENTITY_IMPLICIT) != 0);
    });
}

int addRelation(const liaison_host *host, const liaison_relation_record *record)
{
    return guarded(host, record, "relation", [](HostContext &ctx, const liaison_relation_record &r) {
        Relation rel;
        rel.kind = copy(r.kind, "kind");
        rel.from = copy(r.from, "from");
        rel.to = copy(r.to, "to");
        rel.attributes = attributes(r.attributes, r.attribute_count);
        rel.evidence = evidence(r.evidence, r.evidence_count);
        rel.extra = extras(r);
        ctx.batch.addRelation(std::move(rel), location(ctx, r.origin));
    });
}

int addDocumentField(const liaison_host *host, const liaison_attribute *field) noexcept
{
    HostContext &ctx = context(host);
    try {
        if (!field) throw Malformed{"document field"};
        ctx.batch.addDocumentField(copy(field->key, "document field key"), rawJsonOf(*field));
        return status(ctx);
    } catch (const Malformed &m) {
        try {
            addError(ctx, InputLocation{ctx.path, 0, 0}, "loader " + ctx.loaderName + " passed a null " + m.what);
        } catch (...) {
            ctx.stop = true; // no memory even for the message
            ctx.outOfMemory = true;
        }
        return ctx.stop ? LIAISON_STOP : LIAISON_REJECTED;
    } catch (...) {
        ctx.stop = true;
        ctx.outOfMemory = true;
        return LIAISON_STOP;
    }
}

void diagnostic(const liaison_host *host, uint32_t severity, const liaison_location *where,
                liaison_string message) noexcept
{
    HostContext &ctx = context(host);
    try {
        InputLocation loc = where ? location(ctx, *where) : InputLocation{ctx.path, 0, 0};
        std::string text = copy(message, "message");
        if (text.empty()) text = "(loader gave no message)";
        if (severity >= LIAISON_SEVERITY_ERROR) {
            addError(ctx, std::move(loc), std::move(text));
            return;
        }
        ctx.batch.addDiagnostic({severity == LIAISON_SEVERITY_WARNING ? Severity::Warning : Severity::Note,
                                 std::move(loc), std::move(text)});
    } catch (const Malformed &) {
        ++ctx.errors;
    } catch (...) {
        ctx.stop = true;
        ctx.outOfMemory = true; // a diagnostic lost: the import must not go on as if it was fine
    }
}

void progress(const liaison_host *host, uint64_t done, uint64_t total) noexcept
{
    const HostContext &ctx = context(host);
    if (!ctx.options->progress) return;
    try {
        ctx.options->progress(done, total);
    } catch (...) {
        // A progress display that fails must not fail the import.
    }
}

int isCancelled(const liaison_host *host) noexcept
{
    const HostContext &ctx = context(host);
    return ctx.options->cancel && ctx.options->cancel->load(std::memory_order_relaxed) ? 1 : 0;
}

} // namespace

ImportBatch runLoader(const liaison_loader &descriptor, const std::string &loaderName,
                      const std::string &path, std::string_view bytes, const LoadOptions &options,
                      bool &cancelled)
{
    HostContext ctx;
    ctx.path = path;
    ctx.loaderName = loaderName;
    ctx.options = &options;

    liaison_host host{};
    host.abi_version = LIAISON_PLUGIN_ABI_VERSION;
    host.struct_size = sizeof host;
    host.host_data = &ctx;
    host.add_source = addSource;
    host.add_entity = addEntity;
    host.add_relation = addRelation;
    host.diagnostic = diagnostic;
    host.progress = progress;
    host.is_cancelled = isCancelled;
    host.add_document_field = addDocumentField;

    liaison_input input{};
    input.struct_size = sizeof input;
    input.path = {path.data(), path.size()};
    input.data = reinterpret_cast<const unsigned char *>(bytes.data());
    input.size = bytes.size();

    int rc = LIAISON_LOAD_FAILED;
    try {
        rc = descriptor.load(&input, &host);
    } catch (const std::bad_alloc &) {
        rc = LIAISON_LOAD_OUT_OF_MEMORY;
    } catch (...) {
        addError(ctx, InputLocation{path, 0, 0}, "loader " + loaderName + " threw an exception through the C ABI");
    }
    if (ctx.outOfMemory || rc == LIAISON_LOAD_OUT_OF_MEMORY) {
        std::size_t records = ctx.records;
        ctx.batch = ImportBatch(); // give the memory back before saying so
        throw ResourceError(path + ": out of memory after " + std::to_string(records) +
                            " records; nothing was imported (free memory, raise the limit, or split the file)");
    }
    cancelled = rc == LIAISON_LOAD_CANCELLED || isCancelled(&host);
    if (rc == LIAISON_LOAD_FAILED && ctx.errors == 0)
        addError(ctx, InputLocation{path, 0, 0}, "loader " + loaderName + " failed without saying why");
    else if (rc != LIAISON_LOAD_OK && rc != LIAISON_LOAD_FAILED && rc != LIAISON_LOAD_CANCELLED)
        addError(ctx, InputLocation{path, 0, 0},
                 "loader " + loaderName + " returned an unknown code " + std::to_string(rc));
    return std::move(ctx.batch);
}

} // namespace liaison::detail
