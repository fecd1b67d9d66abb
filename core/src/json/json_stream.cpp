#include "json/json_stream.hpp"

#include "liaison/json_io.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstdlib>
#include <exception>
#include <new>

namespace liaison::json {

namespace {

// A RapidJSON input stream over a string_view (no copy, no terminator needed).
struct ViewStream {
    using Ch = char;
    const char *begin, *cur, *end;
    explicit ViewStream(std::string_view text)
        : begin(text.data()), cur(text.data()), end(text.data() + text.size()) {}
    Ch Peek() const { return cur < end ? *cur : '\0'; }
    Ch Take() { return cur < end ? *cur++ : '\0'; }
    std::size_t Tell() const { return static_cast<std::size_t>(cur - begin); }
    Ch *PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch *) { return 0; }
};

// RapidJSON keeps a string being parsed on its stack before handing it over;
// this allocator bounds that stack so a gigabyte-long string is refused early.
// Its growth is 1.5x, so every string up to kMaxValueBytes fits; the exact
// limit is checked by the handler.
struct StackTooLarge {};
struct CappedAllocator {
    [[maybe_unused]] static const bool kNeedFree = true;
    static constexpr std::size_t kCap = kMaxValueBytes + kMaxValueBytes / 2 + (std::size_t(1) << 20);
    void *Malloc(std::size_t size)
    {
        if (size > kCap) throw StackTooLarge{};
        return size ? std::malloc(size) : nullptr;
    }
    void *Realloc(void *original, std::size_t, std::size_t newSize)
    {
        if (newSize > kCap) throw StackTooLarge{};
        if (newSize == 0) {
            std::free(original);
            return nullptr;
        }
        void *grown = std::realloc(original, newSize);
        if (!grown) throw std::bad_alloc();
        return grown;
    }
    static void Free(void *p) { std::free(p); }
};

std::string tooLong(const char *what)
{
    return std::string(what) + " longer than " + std::to_string(kMaxValueBytes >> 20) + " MiB";
}

// RapidJSON 1.1.0 decodes a lone trail surrogate escape ("\uDFAC") into the
// bytes ED BE AC, which are not UTF-8: the store then held text that no save
// could be read back from (found by fuzz/fuzz_liaison_json). Raw input is
// validated by the parser, so such bytes can only come from an escape.
bool hasSurrogate(const char *s, std::size_t n)
{
    for (std::size_t i = 0; i + 1 < n; ++i)
        if (static_cast<unsigned char>(s[i]) == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
    return false;
}

constexpr const char *kLoneSurrogate = "invalid JSON: a \\u escape encodes a lone UTF-16 surrogate";

bool isRecordSection(std::string_view key)
{
    return key == "sources" || key == "entities" || key == "relations" || key == "judgements" ||
           key == "redirects";
}

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
public:
    Handler(const ViewStream &stream, const StreamCallbacks &callbacks)
        : m_stream(stream), m_callbacks(callbacks) {}

    bool Null() { return m_ignoring || scalar(Node::Type::Null, {}, 4); }
    bool Bool(bool b) { return m_ignoring || scalar(Node::Type::Bool, b ? "true" : "false", b ? 4 : 5); }
    bool RawNumber(const char *s, rapidjson::SizeType n, bool)
    {
        if (n > kMaxValueBytes) return refuse(tooLong("a number"), back(n));
        return m_ignoring || scalar(Node::Type::Number, std::string(s, n), n);
    }
    bool String(const char *s, rapidjson::SizeType n, bool)
    {
        if (n > kMaxValueBytes) return refuse(tooLong("a string"), back(n + 2));
        if (hasSurrogate(s, n)) return refuse(kLoneSurrogate, stringStart());
        return m_ignoring || scalarAt(Node::Type::String, std::string(s, n), stringStart());
    }
    bool StartObject() { return m_ignoring || open(Node::Type::Object); }
    bool StartArray() { return m_ignoring || open(Node::Type::Array); }
    bool EndObject(rapidjson::SizeType) { return m_ignoring || close(); }
    bool EndArray(rapidjson::SizeType) { return m_ignoring || close(); }
    bool Key(const char *s, rapidjson::SizeType n, bool)
    {
        if (n > kMaxValueBytes) return refuse(tooLong("a key"), back(n + 2));
        if (hasSurrogate(s, n)) return refuse(kLoneSurrogate, stringStart());
        if (m_ignoring) return true;
        if (m_depth == 1) {
            m_topKey.assign(s, n);
            m_topKeyOffset = stringStart();
            return true;
        }
        if (!counted(stringStart())) return false;
        m_stack.back()->keys.emplace_back(s, n);
        return true;
    }

    // The document is not an object: keep reading only to find syntax
    // errors (which take precedence), then report the structural problem.
    bool m_ignoring = false;
    std::size_t m_notObjectOffset = 0;

    std::exception_ptr failure;
    std::string failureMessage; // a refusal of ours (nesting, root type)
    std::size_t failureOffset = 0;

private:
    std::size_t back(std::size_t length) const
    {
        std::size_t here = m_stream.Tell();
        return here >= length ? here - length : 0;
    }

    bool ignoreDocument(std::size_t offset)
    {
        m_ignoring = true;
        m_notObjectOffset = offset;
        return true;
    }

    bool refuse(std::string message, std::size_t offset)
    {
        failureMessage = std::move(message);
        failureOffset = offset;
        return false;
    }

    // Counts one more value of the current record; false once it has too many.
    bool counted(std::size_t offset)
    {
        if (++m_recordValues <= kMaxRecordValues) return true;
        return refuse("more than " + std::to_string(kMaxRecordValues) +
                          " JSON values in one record; split it or drop what Liaison does not read",
                      offset);
    }

    template <typename F> bool guarded(F &&f)
    {
        try {
            f();
            return true;
        } catch (...) {
            failure = std::current_exception();
            return false;
        }
    }

    // Places a new value and returns it, or nullptr when it was consumed
    // at the top (a scalar member of the root).
    Node *place(Node node, bool container)
    {
        if (m_depth == 1) {
            m_top = std::move(node);
            return &m_top;
        }
        if (m_inSection && m_depth == 2) {
            // Reused from record to record: its key and value vectors keep
            // their room, so a record costs no allocation of its own.
            m_record.type = node.type;
            m_record.text.swap(node.text);
            m_record.keys.clear();
            m_record.values.clear();
            m_record.offset = node.offset;
            return &m_record;
        }
        (void)container;
        Node &parent = *m_stack.back();
        parent.values.push_back(std::move(node));
        return &parent.values.back();
    }

    // Offset of the opening quote of the string that just ended: the nearest
    // earlier quote not escaped (preceded by an even run of backslashes).
    // Escapes make the decoded length useless for this. Linear in the string.
    std::size_t stringStart() const
    {
        const char *begin = m_stream.begin;
        std::size_t at = m_stream.Tell();
        if (at == 0) return 0;
        for (std::size_t q = at - 1; q-- > 0;) {
            if (begin[q] != '"') continue;
            std::size_t slashes = 0;
            while (slashes < q && begin[q - 1 - slashes] == '\\') ++slashes;
            if (slashes % 2 == 0) return q;
        }
        return 0;
    }

    bool scalar(Node::Type type, std::string text, std::size_t length)
    {
        return scalarAt(type, std::move(text), back(length));
    }

    bool scalarAt(Node::Type type, std::string text, std::size_t offset)
    {
        if (m_depth == 0) return ignoreDocument(offset);
        if (!counted(offset)) return false;
        Node node{type, std::move(text), {}, {}, offset};
        place(std::move(node), false);
        return completed(false);
    }

    bool open(Node::Type type)
    {
        // The iterative parser reports a container before consuming its bracket.
        std::size_t offset = m_stream.Tell();
        if (m_depth == 0) {
            if (type != Node::Type::Object) return ignoreDocument(offset);
            m_depth = 1;
            return true;
        }
        if (m_depth == 1 && type == Node::Type::Array && isRecordSection(m_topKey)) {
            m_inSection = true;
            m_section = m_topKey;
            m_depth = 2;
            return true;
        }
        if (m_depth >= kMaxNesting)
            return refuse("nesting deeper than " + std::to_string(kMaxNesting) + " levels", offset);
        if (!counted(offset)) return false;
        m_stack.push_back(place(Node{type, {}, {}, {}, offset}, true));
        ++m_depth;
        return true;
    }

    bool close()
    {
        --m_depth;
        if (m_depth == 0) return true; // the root object
        if (m_inSection && m_depth == 1 && m_stack.empty()) {
            m_inSection = false;
            return true;
        }
        m_stack.pop_back();
        return completed(true);
    }

    // Called after a value is finished; hands over completed top-level items.
    bool completed(bool)
    {
        if (!m_stack.empty()) return true;
        m_recordValues = 0;
        if (m_inSection && m_depth == 2) {
            if (m_callbacks.doneBefore && m_record.offset - m_doneBefore >= kDoneStep) {
                m_doneBefore = m_record.offset;
                m_callbacks.doneBefore(m_doneBefore);
            }
            return guarded([&] { m_callbacks.record(m_section, std::move(m_record)); });
        }
        if (m_depth == 1)
            return guarded([&] { m_callbacks.member(m_topKey, std::move(m_top), m_topKeyOffset); });
        return true;
    }

    const ViewStream &m_stream;
    const StreamCallbacks &m_callbacks;
    int m_depth = 0; // open containers, the root object included
    bool m_inSection = false;
    std::string m_section;
    std::string m_topKey;
    std::size_t m_topKeyOffset = 0;
    Node m_top, m_record;
    std::vector<Node *> m_stack;
    std::size_t m_recordValues = 0; // values placed since the last completed record
    static constexpr std::size_t kDoneStep = std::size_t(4) << 20;
    std::size_t m_doneBefore = 0; // last offset given to doneBefore
};

} // namespace

void streamDocument(std::string_view text, const std::string &displayName,
                    const StreamCallbacks &callbacks)
{
    ViewStream stream(text);
    Handler handler(stream, callbacks);
    CappedAllocator allocator;
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, CappedAllocator> reader(&allocator);
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                               rapidjson::kParseNumbersAsStringsFlag;
    rapidjson::ParseResult result;
    try {
        result = reader.Parse<flags>(stream, handler);
    } catch (const StackTooLarge &) {
        Position at = positionOf(text, stream.Tell());
        throw ParseError(displayName, at.line, at.column, tooLong("a string, key or number"));
    }
    if (handler.failure) std::rethrow_exception(handler.failure);
    if (!handler.failureMessage.empty()) {
        Position at = positionOf(text, handler.failureOffset);
        throw ParseError(displayName, at.line, at.column, handler.failureMessage);
    }
    if (result.IsError()) {
        Position at = positionOf(text, result.Offset());
        std::string message = rapidjson::GetParseError_En(result.Code());
        if (result.Code() == rapidjson::kParseErrorDocumentEmpty) message = "the file is empty; expected a JSON object";
        throw JsonSyntaxError(displayName, at.line, at.column, "invalid JSON: " + message);
    }
    // RapidJSON stops at a NUL byte as if the text ended there; anything but
    // whitespace after the document is an error.
    for (std::size_t at = stream.Tell(); at < text.size(); ++at) {
        char c = text[at];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        Position where = positionOf(text, at);
        throw JsonSyntaxError(displayName, where.line, where.column,
                              c == '\0' ? "invalid JSON: a NUL byte" : "invalid JSON: text after the document");
    }
    if (handler.m_ignoring) {
        Position at = positionOf(text, handler.m_notObjectOffset);
        throw ParseError(displayName, at.line, at.column,
                         "expected the document to be a JSON object {\"liaison\": 1, ...}");
    }
}

} // namespace liaison::json
