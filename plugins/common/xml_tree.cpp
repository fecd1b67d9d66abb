#include "xml_tree.hpp"

#include <expat.h>

#include <cstring>

namespace liaison::loaders {
namespace {

struct ParseState {
    XML_Parser parser = nullptr;
    std::unique_ptr<XmlElement> root;
    std::vector<XmlElement *> stack;
    std::string refusal;
    std::uint32_t refusalLine = 0, refusalColumn = 0;
};

void splitName(const char *qualified, std::string &prefix, std::string &local)
{
    const char *colon = std::strchr(qualified, ':');
    if (!colon) {
        prefix.clear();
        local = qualified;
        return;
    }
    prefix.assign(qualified, colon);
    local = colon + 1;
}

void refuse(ParseState &s, std::string message)
{
    s.refusal = std::move(message);
    s.refusalLine = static_cast<std::uint32_t>(XML_GetCurrentLineNumber(s.parser));
    s.refusalColumn = static_cast<std::uint32_t>(XML_GetCurrentColumnNumber(s.parser)) + 1;
    XML_StopParser(s.parser, XML_FALSE);
}

void XMLCALL onStart(void *data, const XML_Char *name, const XML_Char **attrs)
{
    auto &s = *static_cast<ParseState *>(data);
    if (!s.refusal.empty()) return;
    // The tree is freed and walked recursively; bound its depth.
    if (s.stack.size() >= kMaxXmlDepth)
        return refuse(s, "elements nested deeper than " + std::to_string(kMaxXmlDepth) + " levels");
    auto element = std::make_unique<XmlElement>();
    splitName(name, element->prefix, element->name);
    element->line = static_cast<std::uint32_t>(XML_GetCurrentLineNumber(s.parser));
    element->column = static_cast<std::uint32_t>(XML_GetCurrentColumnNumber(s.parser)) + 1;
    for (int i = 0; attrs[i]; i += 2) {
        std::string prefix, local;
        splitName(attrs[i], prefix, local);
        if (prefix == "xmlns" || local == "xmlns") continue;
        element->attributes.emplace_back(local, attrs[i + 1]);
    }
    XmlElement *raw = element.get();
    if (s.stack.empty()) s.root = std::move(element);
    else s.stack.back()->children.push_back(std::move(element));
    s.stack.push_back(raw);
}

void XMLCALL onEnd(void *data, const XML_Char *)
{
    auto &s = *static_cast<ParseState *>(data);
    if (!s.stack.empty()) s.stack.pop_back();
}

void XMLCALL onText(void *data, const XML_Char *text, int length)
{
    auto &s = *static_cast<ParseState *>(data);
    if (!s.stack.empty()) s.stack.back()->text.append(text, static_cast<std::size_t>(length));
}

void XMLCALL onEntityDecl(void *data, const XML_Char *name, int, const XML_Char *, int, const XML_Char *,
                          const XML_Char *, const XML_Char *, const XML_Char *)
{
    auto &s = *static_cast<ParseState *>(data);
    refuse(s, std::string("entity declarations are not accepted (entity \"") + name + "\")");
}

struct ParserGuard {
    XML_Parser p;
    ~ParserGuard() { XML_ParserFree(p); }
};

} // namespace

std::unique_ptr<XmlElement> parseXml(std::string_view bytes)
{
    ParseState state;
    ParserGuard guard{XML_ParserCreate(nullptr)};
    if (!guard.p) throw std::bad_alloc();
    state.parser = guard.p;
    XML_SetUserData(guard.p, &state);
    XML_SetElementHandler(guard.p, onStart, onEnd);
    XML_SetCharacterDataHandler(guard.p, onText);
    XML_SetEntityDeclHandler(guard.p, onEntityDecl);
    XML_SetParamEntityParsing(guard.p, XML_PARAM_ENTITY_PARSING_NEVER);
    // Feed in chunks: XML_Parse takes an int length.
    const std::size_t chunk = 1 << 20;
    std::size_t offset = 0;
    do {
        std::size_t n = std::min(chunk, bytes.size() - offset);
        bool last = offset + n >= bytes.size();
        if (XML_Parse(guard.p, bytes.data() + offset, static_cast<int>(n), last) == XML_STATUS_ERROR) {
            if (!state.refusal.empty())
                throw plugin::LoadError({state.refusalLine, state.refusalColumn, {}}, state.refusal);
            throw plugin::LoadError({static_cast<std::uint32_t>(XML_GetCurrentLineNumber(guard.p)),
                                     static_cast<std::uint32_t>(XML_GetCurrentColumnNumber(guard.p)) + 1, {}},
                                    std::string("XML: ") + XML_ErrorString(XML_GetErrorCode(guard.p)));
        }
        offset += n;
    } while (offset < bytes.size());
    if (!state.root) throw plugin::LoadError({1, 1, {}}, "XML: no root element");
    return std::move(state.root);
}

} // namespace liaison::loaders
