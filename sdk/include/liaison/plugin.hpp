// Header-only C++17 helper for writing a Liaison loader on top of the C ABI
// (plugin.h). It owns nothing across the boundary: records are built in
// plugin-side containers and handed to the host as views that live for the
// duration of one callback, exactly as the ABI requires.
//
//   static int sniffMine(std::string_view path, std::string_view bytes);
//   static void loadMine(std::string_view path, std::string_view bytes,
//                        liaison::plugin::Host &host);   // may throw LoadError
//   static const char *const kPatterns[] = {"*.mine", nullptr};
//   static constexpr liaison_loader kLoader = liaison::plugin::describe<sniffMine, loadMine>(
//       "mine", "1.0.0", "My format", kPatterns);
//   LIAISON_LOADER_ENTRY(liaison_builtin_mine) { return &kLoader; }
//
// The trampolines catch every exception: a LoadError becomes a located ERROR
// diagnostic, anything else an "internal error" diagnostic; load() then
// returns LIAISON_LOAD_FAILED. Nothing is thrown into the host.
#pragma once

#include "liaison/plugin.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Defines the module's entry point. Built as a module, it is the exported
// liaison_loader_v1; compiled with LIAISON_PLUGIN_BUILTIN (the static
// built-in copy linked into the host) it is a plain extern "C" function named
// `builtin_name`, so several built-ins can live in one program.
#ifdef LIAISON_PLUGIN_BUILTIN
#define LIAISON_LOADER_ENTRY(builtin_name) extern "C" const liaison_loader *builtin_name(void)
#else
#define LIAISON_LOADER_ENTRY(builtin_name) \
    extern "C" LIAISON_PLUGIN_EXPORT const liaison_loader *liaison_loader_v1(void)
#endif

namespace liaison::plugin {

inline std::string_view view(liaison_string s)
{
    return s.size == 0 ? std::string_view() : std::string_view(s.data, s.size);
}
inline liaison_string str(std::string_view s) { return liaison_string{s.data(), s.size()}; }

struct Location {
    std::uint32_t line = 0;   // 1-based, 0 = unknown
    std::uint32_t column = 0; // 1-based, 0 = unknown
    std::string file;         // empty = the input being loaded
};

struct Attribute {
    std::string key;
    std::string value;
    liaison_value_type type = LIAISON_VALUE_STRING;
};

struct Evidence {
    std::string source;
    std::uint32_t line = 0;
    std::string locator;
    std::string quote;
    double confidence = -1;
};

struct SourceData {
    std::string id, title, date, language, path;
    Location origin;
    std::vector<Attribute> extra; // uninterpreted members, kept on save
};

struct EntityData {
    std::string id, kind, name;
    std::vector<std::pair<std::string, std::string>> names; // language -> name
    std::vector<std::string> aliases;
    std::vector<Attribute> attributes;
    std::vector<Evidence> evidence;
    Location origin;
    bool implicit = false;        // LIAISON_ENTITY_IMPLICIT
    std::vector<Attribute> extra; // uninterpreted members, kept on save
};

struct RelationData {
    std::string kind, from, to;
    std::vector<Attribute> attributes;
    std::vector<Evidence> evidence;
    Location origin;
    std::vector<Attribute> extra; // uninterpreted members, kept on save
};

// Throw from a load function to fail the load with a located message.
class LoadError : public std::exception {
public:
    LoadError(Location where, std::string message)
        : m_where(std::move(where)), m_message(std::move(message)) {}
    const char *what() const noexcept override { return m_message.c_str(); }
    const Location &where() const { return m_where; }

private:
    Location m_where;
    std::string m_message;
};

// A thin wrapper over the host table for one load() call. Not copyable
// beyond that call; single-threaded like the table itself.
class Host {
public:
    explicit Host(const liaison_host *host) : m_host(host) {}

    // Each returns false when the host asked to stop (LIAISON_STOP).
    bool addSource(const SourceData &s)
    {
        liaison_source_record r{};
        r.struct_size = sizeof r;
        r.id = str(s.id); r.title = str(s.title); r.date = str(s.date);
        r.language = str(s.language); r.path = str(s.path);
        r.origin = location(s.origin);
        std::vector<liaison_attribute> extra = attributeViews(s.extra);
        r.extra = extra.data(); r.extra_count = extra.size();
        return m_host->add_source(m_host, &r) != LIAISON_STOP;
    }

    bool addEntity(const EntityData &e)
    {
        std::vector<liaison_name> names;
        names.reserve(e.names.size());
        for (const auto &[lang, name] : e.names) names.push_back({str(lang), str(name)});
        std::vector<liaison_string> aliases;
        aliases.reserve(e.aliases.size());
        for (const auto &a : e.aliases) aliases.push_back(str(a));
        std::vector<liaison_attribute> attributes = attributeViews(e.attributes);
        std::vector<liaison_evidence> evidence = evidenceViews(e.evidence);
        liaison_entity_record r{};
        r.struct_size = sizeof r;
        r.flags = e.implicit ? LIAISON_ENTITY_IMPLICIT : 0u;
        r.id = str(e.id); r.kind = str(e.kind); r.name = str(e.name);
        r.names = names.data(); r.name_count = names.size();
        r.aliases = aliases.data(); r.alias_count = aliases.size();
        r.attributes = attributes.data(); r.attribute_count = attributes.size();
        r.evidence = evidence.data(); r.evidence_count = evidence.size();
        r.origin = location(e.origin);
        std::vector<liaison_attribute> extra = attributeViews(e.extra);
        r.extra = extra.data(); r.extra_count = extra.size();
        return m_host->add_entity(m_host, &r) != LIAISON_STOP;
    }

    bool addRelation(const RelationData &rel)
    {
        std::vector<liaison_attribute> attributes = attributeViews(rel.attributes);
        std::vector<liaison_evidence> evidence = evidenceViews(rel.evidence);
        liaison_relation_record r{};
        r.struct_size = sizeof r;
        r.kind = str(rel.kind); r.from = str(rel.from); r.to = str(rel.to);
        r.attributes = attributes.data(); r.attribute_count = attributes.size();
        r.evidence = evidence.data(); r.evidence_count = evidence.size();
        r.origin = location(rel.origin);
        std::vector<liaison_attribute> extra = attributeViews(rel.extra);
        r.extra = extra.data(); r.extra_count = extra.size();
        return m_host->add_relation(m_host, &r) != LIAISON_STOP;
    }

    // An unknown top-level member of the input document. False when the host
    // wants no more records; a host too old to keep such members ignores it.
    bool addDocumentField(const Attribute &field)
    {
        if (m_host->struct_size < offsetof(liaison_host, add_document_field) + sizeof m_host->add_document_field)
            return true;
        liaison_attribute f{str(field.key), str(field.value), static_cast<std::uint32_t>(field.type)};
        return m_host->add_document_field(m_host, &f) != LIAISON_STOP;
    }

    void report(liaison_severity severity, const Location &where, std::string_view message)
    {
        if (severity == LIAISON_SEVERITY_ERROR) m_failed = true;
        liaison_location loc = location(where);
        m_host->diagnostic(m_host, severity, &loc, str(message));
    }
    void error(const Location &where, std::string_view message) { report(LIAISON_SEVERITY_ERROR, where, message); }
    void warning(const Location &where, std::string_view message) { report(LIAISON_SEVERITY_WARNING, where, message); }
    void note(const Location &where, std::string_view message) { report(LIAISON_SEVERITY_NOTE, where, message); }

    void progress(std::uint64_t done, std::uint64_t total) { m_host->progress(m_host, done, total); }
    bool cancelled() const { return m_host->is_cancelled(m_host) != 0; }
    // True once error() was called through this wrapper.
    bool failed() const { return m_failed; }

private:
    static liaison_location location(const Location &l) { return {str(l.file), l.line, l.column}; }
    static std::vector<liaison_attribute> attributeViews(const std::vector<Attribute> &in)
    {
        std::vector<liaison_attribute> out;
        out.reserve(in.size());
        for (const auto &a : in) out.push_back({str(a.key), str(a.value), static_cast<std::uint32_t>(a.type)});
        return out;
    }
    static std::vector<liaison_evidence> evidenceViews(const std::vector<Evidence> &in)
    {
        std::vector<liaison_evidence> out;
        out.reserve(in.size());
        for (const auto &e : in)
            out.push_back({str(e.source), e.line, str(e.locator), str(e.quote), e.confidence});
        return out;
    }

    const liaison_host *m_host;
    bool m_failed = false;
};

using SniffFunction = int (*)(std::string_view path, std::string_view bytes);
using LoadFunction = void (*)(std::string_view path, std::string_view bytes, Host &host);

namespace detail {
inline std::string_view bytesOf(const liaison_input *in)
{
    return in->size == 0 ? std::string_view()
                         : std::string_view(reinterpret_cast<const char *>(in->data), in->size);
}

template <SniffFunction Sniff, LoadFunction Load>
struct Trampolines {
    static int sniff(const liaison_input *in) noexcept
    {
        try {
            int c = Sniff(view(in->path), bytesOf(in));
            return c < 0 ? 0 : (c > 100 ? 100 : c);
        } catch (...) {
            return 0;
        }
    }
    static int load(const liaison_input *in, const liaison_host *raw) noexcept
    {
        // Hosts of ABI 1 that predate add_document_field end before it.
        if (raw->abi_version != LIAISON_PLUGIN_ABI_VERSION || raw->struct_size < offsetof(liaison_host, add_document_field))
            return LIAISON_LOAD_FAILED;
        Host host(raw);
        try {
            Load(view(in->path), bytesOf(in), host);
        } catch (const LoadError &e) {
            host.error(e.where(), e.what());
        } catch (const std::bad_alloc &) {
            return LIAISON_LOAD_OUT_OF_MEMORY; // what was handed over is incomplete
        } catch (const std::exception &e) {
            host.error({}, std::string("internal error in loader: ") + e.what());
        } catch (...) {
            host.error({}, "internal error in loader: unknown exception");
        }
        if (host.cancelled()) return LIAISON_LOAD_CANCELLED;
        return host.failed() ? LIAISON_LOAD_FAILED : LIAISON_LOAD_OK;
    }
};
} // namespace detail

// A descriptor with exception-safe trampolines around Sniff and Load. All
// strings must be static (string literals).
template <SniffFunction Sniff, LoadFunction Load>
constexpr liaison_loader describe(const char *name, const char *version, const char *description,
                                  const char *const *patterns)
{
    return liaison_loader{LIAISON_PLUGIN_ABI_VERSION,
                          static_cast<std::uint32_t>(sizeof(liaison_loader)),
                          name,
                          version,
                          description,
                          patterns,
                          &detail::Trampolines<Sniff, Load>::sniff,
                          &detail::Trampolines<Sniff, Load>::load};
}

} // namespace liaison::plugin
