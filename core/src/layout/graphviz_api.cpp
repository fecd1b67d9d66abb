#include "layout/graphviz_api.hpp"

#include <graphviz_messages/graphviz_messages.hpp>

#include <cstring>
#include <memory>

namespace liaison::graphviz {

namespace {

std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// cgraph's putstr: the channel is the std::string being written.
int putString(void *channel, const char *text)
{
    static_cast<std::string *>(channel)->append(text);
    return 0;
}

int flushNothing(void *) { return 0; }

struct ContextDeleter {
    void operator()(GVC_t *gvc) const
    {
        Lock lock;
        gvFreeContext(gvc);
    }
};

// cgraph copies every string; the const_cast only adapts its signature.
char *mutableChars(std::string &text) { return text.data(); }

} // namespace

Lock::Lock() : m_lock(graphvizMutex()) {}

GVC_t *context(const Lock &lock)
{
    // Created by the first caller, who holds the lock; the unique_ptr frees it
    // at exit after every user has returned.
    static std::unique_ptr<GVC_t, ContextDeleter> gvc = [&] {
        collectMessages(lock);
        return std::unique_ptr<GVC_t, ContextDeleter>(gvContext());
    }();
    return gvc.get();
}

void collectMessages(const Lock &) { graphviz_messages::install(); }

std::vector<std::string> takeMessages(const Lock &) { return graphviz_messages::takeLines(); }

Agraph_t *openGraph(const Lock &lock, std::string_view name)
{
    collectMessages(lock); // before cgraph reports anything
    static Agiodisc_t io = {AgIoDisc.afread, putString, flushNothing};
    static Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    std::string copy(name);
    return agopen(mutableChars(copy), Agdirected, &disc);
}

Agnode_t *addNode(const Lock &, Agraph_t *graph, std::string_view name)
{
    std::string copy(name);
    return agnode(graph, mutableChars(copy), 1);
}

Agraph_t *addSubgraph(const Lock &, Agraph_t *graph, std::string_view name)
{
    std::string copy(name);
    return agsubg(graph, mutableChars(copy), 1);
}

Agedge_t *addEdge(const Lock &, Agraph_t *graph, Agnode_t *tail, Agnode_t *head)
{
    return agedge(graph, tail, head, nullptr, 1);
}

Agsym_t *declare(const Lock &, Agraph_t *graph, int kind, std::string_view name,
                 std::string_view defaultValue)
{
    std::string n(name), v(defaultValue);
    return agattr(graph, kind, mutableChars(n), mutableChars(v));
}

void set(const Lock &, void *object, Agsym_t *attribute, std::string_view value)
{
    std::string copy(value);
    agxset(object, attribute, mutableChars(copy));
}

void setHtml(const Lock &, Agraph_t *graph, void *object, Agsym_t *attribute,
             std::string_view html)
{
    std::string copy(html);
    char *shared = agstrdup_html(graph, mutableChars(copy));
    agxset(object, attribute, shared); // agxset takes its own reference
    agstrfree(graph, shared);
}

Agraph_t *readGraph(const Lock &lock, const std::string &dot)
{
    collectMessages(lock);
    return agmemread(dot.c_str());
}

std::string_view get(const Lock &, void *object, std::string_view name)
{
    std::string copy(name);
    const char *value = agget(object, mutableChars(copy));
    return value ? std::string_view(value) : std::string_view();
}

int layout(const Lock &lock, Agraph_t *graph, std::string_view engine)
{
    return gvLayout(context(lock), graph, std::string(engine).c_str());
}

int freeLayout(const Lock &lock, Agraph_t *graph) { return gvFreeLayout(context(lock), graph); }

bool render(const Lock &lock, Agraph_t *graph, std::string_view format, std::string &out)
{
    char *data = nullptr;
    unsigned int length = 0;
    int rc = gvRenderData(context(lock), graph, std::string(format).c_str(), &data, &length);
    if (rc == 0 && data)
        out.assign(data, length);
    if (data)
        gvFreeRenderData(data);
    return rc == 0;
}

bool write(const Lock &, Agraph_t *graph, std::string &out)
{
    return agwrite(graph, &out) == 0;
}

std::string joined(const std::vector<std::string> &messages)
{
    std::string text;
    for (const std::string &line : messages)
        text += (text.empty() ? "" : "; ") + line;
    return text.empty() ? "no message from Graphviz" : text;
}

} // namespace liaison::graphviz

// Graphviz 2.42 and the font stack under its cairo/pango plugin keep caches
// they never free (gvconfig's buffer, fontconfig patterns, pango font maps).
// LeakSanitizer reads this hook in any binary that links the layout code, so
// a sanitizer build reports only leaks of our own. Not a leak of ours: every
// cgraph/gvc object we create is freed by GraphHandle and the context owner.
extern "C" const char *__lsan_default_suppressions();
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libgvc.so\n"
           "leak:libcgraph.so\n"
           "leak:libgvplugin_\n"
           "leak:libfontconfig.so\n"
           "leak:libpango\n"
           "leak:libcairo.so\n"
           "leak:libglib-2.0.so\n"
           "leak:libgobject-2.0.so\n";
}
