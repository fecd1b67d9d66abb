#include "layout/wire.hpp"

#include "liaison/errors.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace liaison::graphviz {

namespace {

class Writer {
public:
    template <typename T>
    void value(T v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
    void text(std::string_view s)
    {
        value<std::uint64_t>(s.size());
        m_out.append(s);
    }
    void point(Point p)
    {
        value(p.x);
        value(p.y);
    }
    void texts(const std::vector<std::string> &list)
    {
        value<std::uint64_t>(list.size());
        for (const std::string &s : list)
            text(s);
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}
    template <typename T>
    T value()
    {
        T v{};
        need(sizeof v);
        std::memcpy(&v, m_in.data(), sizeof v);
        m_in.remove_prefix(sizeof v);
        return v;
    }
    std::string text()
    {
        auto size = value<std::uint64_t>();
        need(size);
        std::string s(m_in.substr(0, size));
        m_in.remove_prefix(size);
        return s;
    }
    Point point()
    {
        Point p;
        p.x = value<double>();
        p.y = value<double>();
        return p;
    }
    std::vector<std::string> texts()
    {
        auto count = value<std::uint64_t>();
        std::vector<std::string> list;
        for (std::uint64_t i = 0; i < count; ++i)
            list.push_back(text());
        return list;
    }
    // A count of items at least `itemSize` bytes each, checked against what is left.
    std::size_t count(std::size_t itemSize)
    {
        auto n = value<std::uint64_t>();
        need(n * itemSize);
        return static_cast<std::size_t>(n);
    }

private:
    void need(std::uint64_t size) const
    {
        if (size > m_in.size())
            throw LayoutError("layout result from the Graphviz process is truncated");
    }
    std::string_view m_in;
};

} // namespace

std::string encodeLayout(const LayoutResult &result)
{
    Writer w;
    w.value(static_cast<std::uint8_t>(result.engine));
    w.point(result.lowerLeft);
    w.point(result.upperRight);
    w.texts(result.messages);
    w.value<std::uint64_t>(result.nodes.size());
    for (const NodeLayout &n : result.nodes) {
        w.value(n.entity);
        w.point(n.centre);
        w.value(n.width);
        w.value(n.height);
    }
    w.value<std::uint64_t>(result.edges.size());
    for (const EdgeLayout &e : result.edges) {
        w.value(e.relation);
        w.value<std::uint8_t>(e.hasArrowHead);
        w.point(e.arrowTip);
        w.value<std::uint64_t>(e.spline.size());
        for (Point p : e.spline)
            w.point(p);
    }
    return w.take();
}

LayoutResult decodeLayout(std::string_view bytes)
{
    Reader r(bytes);
    LayoutResult result;
    result.engine = static_cast<LayoutEngine>(r.value<std::uint8_t>());
    result.lowerLeft = r.point();
    result.upperRight = r.point();
    result.messages = r.texts();
    result.nodes.resize(r.count(sizeof(EntityIndex) + 4 * sizeof(double)));
    for (NodeLayout &n : result.nodes) {
        n.entity = r.value<EntityIndex>();
        n.centre = r.point();
        n.width = r.value<double>();
        n.height = r.value<double>();
    }
    result.edges.resize(r.count(sizeof(RelationIndex) + 1 + 2 * sizeof(double) + 8));
    for (EdgeLayout &e : result.edges) {
        e.relation = r.value<RelationIndex>();
        e.hasArrowHead = r.value<std::uint8_t>() != 0;
        e.arrowTip = r.point();
        e.spline.resize(r.count(2 * sizeof(double)));
        for (Point &p : e.spline)
            p = r.point();
    }
    return result;
}

std::string encodeRender(const RenderPayload &payload)
{
    Writer w;
    w.texts(payload.messages);
    w.text(payload.bytes);
    return w.take();
}

RenderPayload decodeRender(std::string_view bytes)
{
    Reader r(bytes);
    RenderPayload payload;
    payload.messages = r.texts();
    payload.bytes = r.text();
    return payload;
}

} // namespace liaison::graphviz
