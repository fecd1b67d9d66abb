/* Liaison loader plugin ABI, version 1. Plain C so a loader can be built by
 * another compiler or in another language; this is the only header a plugin
 * needs (plugin.hpp is an optional header-only C++ layer on top of it).
 *
 * Shape (after CLAP's entry.h and Graphviz's gvplugin_library_t):
 *   - a module exports exactly one symbol, liaison_loader_v1, returning a
 *     static descriptor whose first two fields are abi_version and
 *     struct_size;
 *   - the host refuses a descriptor whose abi_version differs from
 *     LIAISON_PLUGIN_ABI_VERSION or whose struct_size is smaller than the
 *     host's sizeof(liaison_loader), and registers nothing from that module;
 *   - the loader never touches the graph: `load` calls back into a host table
 *     (liaison_host) to add sources, entities and relations to an import
 *     batch; the host validates the batch and commits it all or nothing.
 *
 * Memory rule, everywhere: every pointer passed in a call is owned by the
 * caller and valid only until that call returns. The callee copies what it
 * keeps. Nothing allocated on one side is ever freed on the other.
 * Strings are UTF-8, given as pointer + length (liaison_string), not
 * necessarily NUL-terminated; data may be NULL only when size is 0.
 * No C++ exception may cross this boundary in either direction.
 */
#ifndef LIAISON_PLUGIN_H
#define LIAISON_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LIAISON_PLUGIN_ABI_VERSION 1u

/* Symbol visibility for the one exported entry point. Build modules with
 * -fvisibility=hidden so nothing else leaks. */
#if defined(_WIN32)
#define LIAISON_PLUGIN_EXPORT __declspec(dllexport)
#else
#define LIAISON_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* A UTF-8 string slice. Owned by whoever passes it, for the duration of the
 * call in which it is passed (or, inside liaison_loader, for the life of the
 * loaded module). */
typedef struct liaison_string {
    const char *data; /* may be NULL when size == 0 */
    size_t size;      /* bytes, not code points */
} liaison_string;

/* A position in an input file. line and column are 1-based; 0 = unknown.
 * An empty file means "the input being loaded". */
typedef struct liaison_location {
    liaison_string file;
    uint32_t line;
    uint32_t column;
} liaison_location;

/* How an attribute value's text is to be read (Liaison JSON types). */
typedef enum liaison_value_type {
    LIAISON_VALUE_STRING = 0,  /* text is the string itself */
    LIAISON_VALUE_NUMBER = 1,  /* text is a JSON number literal, e.g. "3.10" */
    LIAISON_VALUE_BOOL = 2,    /* text is "true" or "false" */
    LIAISON_VALUE_NULL = 3,    /* text is ignored */
    LIAISON_VALUE_RAW_JSON = 4 /* text is a JSON array or object */
} liaison_value_type;

typedef struct liaison_attribute {
    liaison_string key;
    liaison_string value;
    uint32_t type; /* a liaison_value_type; unknown values are read as STRING */
} liaison_attribute;

/* A name in one language (BCP 47 tag, e.g. "zh", "zh-Hant", "en"). */
typedef struct liaison_name {
    liaison_string language;
    liaison_string name;
} liaison_name;

/* Where a fact comes from. */
typedef struct liaison_evidence {
    liaison_string source;  /* id of a source added with add_source (or in the graph) */
    uint32_t line;          /* 1-based line in the source, 0 = unknown */
    liaison_string locator; /* free-form (page, char span) when not a line; may be empty */
    liaison_string quote;   /* the supporting sentence; may be empty */
    double confidence;      /* 0..1 for extracted facts; < 0 = curated or unknown */
} liaison_evidence;

/* A source document (Liaison JSON "sources"). All fields but id may be empty. */
typedef struct liaison_source_record {
    uint32_t struct_size; /* sizeof(liaison_source_record) of the plugin's header */
    liaison_string id;
    liaison_string title;
    liaison_string date;     /* ISO 8601, possibly partial ("2017-10") */
    liaison_string language; /* BCP 47 */
    liaison_string path;
    liaison_location origin; /* where the record was read, for messages */
    /* Extension (within ABI 1; present when struct_size reaches past it):
     * members of the record that the input format has and Liaison does not
     * interpret, kept verbatim so a load -> save round trip loses nothing.
     * Typed like attributes (RAW_JSON for objects and arrays). A host reads
     * them only when struct_size covers them; older plugins simply end before. */
    const liaison_attribute *extra; size_t extra_count;
} liaison_source_record;

/* Entity flags. */
#define LIAISON_ENTITY_IMPLICIT 1u /* a placeholder for an edge endpoint (edge
    lists without a node table): dropped when the batch or the graph already
    has an entity with this id, never merged by name, never reported. */

/* An entity. id is "kind:slug" in Liaison's own data; a loader of a foreign
 * format that has no kinds gives ids as found plus a kind (see README,
 * "Loader conventions"). When kind is empty the host takes the id's prefix
 * before ':'; an entity with neither is rejected by validation. */
typedef struct liaison_entity_record {
    uint32_t struct_size; /* sizeof(liaison_entity_record) of the plugin's header */
    uint32_t flags;       /* LIAISON_ENTITY_* bits */
    liaison_string id;
    liaison_string kind;
    liaison_string name; /* display name; may be empty (the host uses the id) */
    const liaison_name *names; size_t name_count;           /* per-language names */
    const liaison_string *aliases; size_t alias_count;      /* surface forms */
    const liaison_attribute *attributes; size_t attribute_count;
    const liaison_evidence *evidence; size_t evidence_count;
    liaison_location origin; /* where the record was read: named in every report about it */
    /* Extension (within ABI 1; present when struct_size reaches past it):
     * members of the record that the input format has and Liaison does not
     * interpret, kept verbatim so a load -> save round trip loses nothing.
     * Typed like attributes (RAW_JSON for objects and arrays). A host reads
     * them only when struct_size covers them; older plugins simply end before. */
    const liaison_attribute *extra; size_t extra_count;
} liaison_entity_record;

/* A relation between two entity ids of the batch or of the existing graph. */
typedef struct liaison_relation_record {
    uint32_t struct_size; /* sizeof(liaison_relation_record) of the plugin's header */
    uint32_t reserved;    /* 0 */
    liaison_string kind;  /* e.g. "attended"; empty = "related_to" */
    liaison_string from;  /* entity id */
    liaison_string to;    /* entity id */
    const liaison_attribute *attributes; size_t attribute_count;
    const liaison_evidence *evidence; size_t evidence_count;
    liaison_location origin;
    /* Extension (within ABI 1; present when struct_size reaches past it):
     * members of the record that the input format has and Liaison does not
     * interpret, kept verbatim so a load -> save round trip loses nothing.
     * Typed like attributes (RAW_JSON for objects and arrays). A host reads
     * them only when struct_size covers them; older plugins simply end before. */
    const liaison_attribute *extra; size_t extra_count;
} liaison_relation_record;

typedef enum liaison_severity {
    LIAISON_SEVERITY_NOTE = 0,
    LIAISON_SEVERITY_WARNING = 1,
    LIAISON_SEVERITY_ERROR = 2 /* the import fails (or, lenient, the located record is skipped) */
} liaison_severity;

/* Return codes of the host's add_* callbacks. */
#define LIAISON_ACCEPTED 0 /* the record was copied into the batch */
#define LIAISON_REJECTED 1 /* the record is malformed (bad struct_size, bad UTF-8...);
                              the host recorded why; the loader may go on */
#define LIAISON_STOP 2     /* the host wants no more records (cancelled, or
                              too many errors); the loader should return soon */

/* The host table passed to load(). Owned by the host, valid only during that
 * load() call, and only on the thread that called load(): callbacks must not
 * be called from other threads nor after load() returns. The callbacks never
 * throw and never keep the pointers they are given. */
typedef struct liaison_host liaison_host;
struct liaison_host {
    uint32_t abi_version; /* LIAISON_PLUGIN_ABI_VERSION of the host */
    uint32_t struct_size; /* sizeof(liaison_host) of the host's header; a plugin
                             must not call a callback that lies beyond it */
    void *host_data;      /* opaque to the plugin */

    /* Adds a record to the import batch; returns LIAISON_ACCEPTED, _REJECTED
     * or _STOP. The record and everything it points to are copied. */
    int (*add_source)(const liaison_host *host, const liaison_source_record *source);
    int (*add_entity)(const liaison_host *host, const liaison_entity_record *entity);
    int (*add_relation)(const liaison_host *host, const liaison_relation_record *relation);

    /* Reports a problem at a location (where may be NULL: the input as a
     * whole). severity is a liaison_severity; an ERROR fails the load unless
     * the import is lenient. The message is one line, no trailing newline,
     * without the location (the host prefixes "file:line:col: "). */
    void (*diagnostic)(const liaison_host *host, uint32_t severity,
                       const liaison_location *where, liaison_string message);

    /* Progress of this load: done out of total units (bytes of input unless
     * the loader knows better); total 0 = unknown. Cheap; call freely. */
    void (*progress)(const liaison_host *host, uint64_t done, uint64_t total);

    /* Nonzero when the user cancelled: the loader should return
     * LIAISON_LOAD_CANCELLED soon. Cheap; poll every few thousand records. */
    int (*is_cancelled)(const liaison_host *host);

    /* Extension (within ABI 1; a plugin calls it only when struct_size
     * reaches past it): a top-level member of the input document that Liaison
     * does not interpret (an unknown top-level key of Liaison JSON), kept so a
     * load -> save round trip loses nothing. Typed like attributes. Returns
     * LIAISON_ACCEPTED, _REJECTED or _STOP; copies what it is given. */
    int (*add_document_field)(const liaison_host *host, const liaison_attribute *field);
};

/* What the host hands to sniff() and load(): the whole file, read by the host
 * (so "-" for stdin, and files of any origin, work the same). Owned by the
 * host; valid only during the call. */
typedef struct liaison_input {
    uint32_t struct_size; /* sizeof(liaison_input) of the host's header */
    uint32_t reserved;
    liaison_string path;  /* display name for messages; the path as the user gave it */
    const unsigned char *data; /* the file's bytes, unmodified (BOM included) */
    size_t size;
} liaison_input;

/* Return codes of load(). */
#define LIAISON_LOAD_OK 0        /* the records handed over are the file's content */
#define LIAISON_LOAD_FAILED 1    /* at least one ERROR diagnostic was reported */
#define LIAISON_LOAD_CANCELLED 2 /* is_cancelled() said so; the batch is discarded */
#define LIAISON_LOAD_OUT_OF_MEMORY 3 /* an allocation failed: the batch is incomplete and
                                        discarded, even by a lenient import */

/* The loader descriptor. Static, owned by the module, valid until the module
 * is unloaded; the host never writes or frees it. */
typedef struct liaison_loader {
    uint32_t abi_version; /* must be LIAISON_PLUGIN_ABI_VERSION */
    uint32_t struct_size; /* must be sizeof(liaison_loader) */
    const char *name;        /* NUL-terminated, unique, [a-z0-9-]+, e.g. "csv" */
    const char *version;     /* NUL-terminated, e.g. "1.0.0" */
    const char *description; /* NUL-terminated, one line */
    /* NULL-terminated array of NUL-terminated glob patterns matched against
     * the file name, case-insensitively: {"*.csv", "*.tsv", NULL}. */
    const char *const *file_patterns;

    /* Confidence 0..100 that the input is in this loader's format, from its
     * bytes (a quick look at the first KB is enough). Pure: no callbacks, no
     * global state (Liaison's host calls it serially, as load() below). */
    int (*sniff)(const liaison_input *input);

    /* Reads the input and hands its content to the host through `host`.
     * Returns a LIAISON_LOAD_* code. Must report every problem through
     * host->diagnostic with a location, must not keep any pointer after it
     * returns, must not throw, and keeps no mutable global state of its own.
     * How Liaison's host calls it: serially. One sniff() or load() of any
     * loader runs at a time in the process, from whichever thread asked for
     * the import; load() runs holding the host's Graphviz lock too, so a
     * loader may use a library with process-wide state of its own (the DOT
     * loader uses cgraph). Other hosts may call load() concurrently for
     * different inputs; a loader that cannot allow that says so in its
     * description. */
    int (*load)(const liaison_input *input, const liaison_host *host);
} liaison_loader;

/* The one exported entry point of a loader module. Called once after dlopen;
 * returns a static descriptor (never NULL for a working module). Must do no
 * work beyond returning the pointer: no allocation, no I/O. */
typedef const liaison_loader *(*liaison_loader_entry)(void);
#define LIAISON_LOADER_ENTRY_SYMBOL "liaison_loader_v1"

#ifdef __cplusplus
}
#endif

#endif /* LIAISON_PLUGIN_H */
