#include "gpu_canvas.hpp"

#include "edge_fold.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

namespace liaison::viewer {

namespace {

struct NodeInstance {
    float x, y, w, h;
    std::uint32_t colour; // ImGui packed (R in the low byte); alpha 0 = hidden
    float shape;          // 0 ellipse, 1 box, 2 diamond
};

struct EdgeVertex {
    float x, y;
    std::uint32_t colour;
};

constexpr std::uint32_t kEdgeColour = 0x90707070u; // as the draw-list path
constexpr float kSquareBelowPx = 7.f;              // smaller nodes are squares
constexpr float kPanMargin = 256.f;                // pixels drawn past each side of the canvas
constexpr double kZoomSlack = 1.25;                // a moving zoom stretches the picture up to this factor
// Edge level of detail: past kThinAbove visible edges, an edge whose ends lie
// in one square of kThinCellPx pixels is not drawn (its nodes cover it), and
// of the edges joining the same two squares only one is. Squares are sized per
// half-octave of zoom, so a level's edges are chosen once and reused.
constexpr std::size_t kThinAbove = 20000;
constexpr double kThinCellPx = 4;
constexpr std::size_t kThinLevelsKept = 4;

// World -> clip space: ndc = world * scale + offset; nodes at least 2 pixels.
// Hidden instances (alpha 0) collapse to a point outside the clip volume.
constexpr const char *kNodeVertex = R"(#version 130
in vec2 corner;
in vec4 box;
in vec4 colour;
in float shape;
uniform vec2 scale;
uniform vec2 offset;
uniform vec2 pixel;
uniform float dim;
uniform float squareBelow;
out vec2 uv;
out vec4 fill;
flat out int form;
void main() {
    vec2 extent = max(box.zw * abs(scale), 2.0 * pixel);
    vec2 pixels = extent / pixel;
    form = max(pixels.x, pixels.y) < squareBelow ? 1 : int(shape + 0.5);
    uv = corner * 2.0;
    fill = vec4(colour.rgb, colour.a * dim);
    gl_Position = colour.a == 0.0 ? vec4(2.0, 2.0, 2.0, 1.0)
                                  : vec4(box.xy * scale + offset + corner * extent, 0.0, 1.0);
}
)";

constexpr const char *kNodeFragment = R"(#version 130
in vec2 uv;
in vec4 fill;
flat in int form;
out vec4 colour;
void main() {
    if (form == 0 && dot(uv, uv) > 1.0) discard;
    if (form == 2 && abs(uv.x) + abs(uv.y) > 1.0) discard;
    colour = fill;
}
)";

constexpr const char *kEdgeVertex = R"(#version 130
in vec2 position;
in vec4 colour;
uniform vec2 scale;
uniform vec2 offset;
uniform float dim;
out vec4 stroke;
void main() {
    stroke = vec4(colour.rgb, colour.a * dim);
    gl_Position = colour.a == 0.0 ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(position * scale + offset, 0.0, 1.0);
}
)";

constexpr const char *kEdgeFragment = R"(#version 130
in vec4 stroke;
out vec4 colour;
void main() { colour = stroke; }
)";

GLuint compile(GLenum type, const char *source) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024];
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "liaison-viewer: canvas shader: %s\n", log);
    }
    return shader;
}

GLuint link(const char *vertex, const char *fragment, std::initializer_list<const char *> attributes) {
    GLuint program = glCreateProgram();
    GLuint vs = compile(GL_VERTEX_SHADER, vertex), fs = compile(GL_FRAGMENT_SHADER, fragment);
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    GLuint location = 0;
    for (const char *name : attributes)
        glBindAttribLocation(program, location++, name);
    glBindFragDataLocation(program, 0, "colour");
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    return program;
}

float shapeCode(const SceneNode &node) {
    if (!node.shape || node.shape->kind == ShapeKind::Ellipse)
        return 0;
    if (node.shape->kind == ShapeKind::Box)
        return 1;
    return 2; // polygons (diamond, hexagon, ...) read as diamonds at this size
}

} // namespace

class GpuBuffers {
public:
    GpuBuffers() {
        m_nodeProgram = link(kNodeVertex, kNodeFragment, {"corner", "box", "colour", "shape"});
        m_edgeProgram = link(kEdgeVertex, kEdgeFragment, {"position", "colour"});
        glGenVertexArrays(1, &m_nodeArray);
        glGenVertexArrays(1, &m_edgeArray);
        glGenBuffers(1, &m_corners);
        glGenBuffers(1, &m_instances);
        glGenBuffers(1, &m_edges);
        const float corners[] = {-0.5f, -0.5f, 0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f};
        glBindBuffer(GL_ARRAY_BUFFER, m_corners);
        glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
        glBindVertexArray(m_edgeArray);
        glBindBuffer(GL_ARRAY_BUFFER, m_edges);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(EdgeVertex), nullptr);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(EdgeVertex),
                              reinterpret_cast<void *>(offsetof(EdgeVertex, colour)));
        glBindVertexArray(m_nodeArray);
        glBindBuffer(GL_ARRAY_BUFFER, m_corners);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glBindBuffer(GL_ARRAY_BUFFER, m_instances);
        glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(NodeInstance),
                              reinterpret_cast<void *>(offsetof(NodeInstance, x)));
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(NodeInstance),
                              reinterpret_cast<void *>(offsetof(NodeInstance, colour)));
        glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, sizeof(NodeInstance),
                              reinterpret_cast<void *>(offsetof(NodeInstance, shape)));
        for (GLuint a = 1; a <= 3; ++a) {
            glEnableVertexAttribArray(a);
            glVertexAttribDivisor(a, 1);
        }
        glBindVertexArray(0);
    }
    ~GpuBuffers() {
        if (m_cache.framebuffer) {
            glDeleteFramebuffers(1, &m_cache.framebuffer);
            glDeleteTextures(1, &m_cache.texture);
        }
        glDeleteBuffers(1, &m_corners);
        glDeleteBuffers(1, &m_instances);
        glDeleteBuffers(1, &m_edges);
        for (ThinLevel &t : m_thin)
            glDeleteBuffers(1, &t.elements);
        glDeleteVertexArrays(1, &m_nodeArray);
        glDeleteVertexArrays(1, &m_edgeArray);
        glDeleteProgram(m_nodeProgram);
        glDeleteProgram(m_edgeProgram);
    }
    GpuBuffers(const GpuBuffers &) = delete;
    GpuBuffers &operator=(const GpuBuffers &) = delete;

    // Rebuilds the buffers when the scene changed since the last upload.
    void upload(const Scene &scene) {
        if (scene.version == m_version)
            return;
        m_version = scene.version;
        std::vector<NodeInstance> nodes;
        nodes.reserve(scene.grid.order.size());
        for (std::uint32_t slot : scene.grid.order) {
            const SceneNode &n = scene.nodes[slot];
            nodes.push_back({n.x, n.y, n.w, n.h, n.visible ? n.fill : 0u, shapeCode(n)});
        }
        m_nodeCount = static_cast<GLsizei>(nodes.size());
        glBindBuffer(GL_ARRAY_BUFFER, m_instances);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(nodes.size() * sizeof(NodeInstance)), nodes.data(),
                     GL_STATIC_DRAW);
        std::vector<EdgeVertex> lines;
        lines.reserve(scene.edges.size() * 2);
        m_visibleEdges = 0;
        for (const SceneEdge &e : scene.edges) {
            const bool shown = e.visible && scene.nodes[e.from].visible && scene.nodes[e.to].visible;
            m_visibleEdges += shown;
            const std::uint32_t colour = shown ? kEdgeColour : 0u;
            lines.push_back({e.spline.front().x, e.spline.front().y, colour});
            lines.push_back({e.spline.back().x, e.spline.back().y, colour});
        }
        m_edgeVertices = static_cast<GLsizei>(lines.size());
        glBindBuffer(GL_ARRAY_BUFFER, m_edges);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lines.size() * sizeof(EdgeVertex)), lines.data(),
                     GL_STATIC_DRAW);
    }

    void draw(const GpuFrame &frame) {
        upload(*frame.scene);
        const ImDrawData *data = ImGui::GetDrawData();
        const ImVec2 display = data->DisplaySize, at = data->DisplayPos, fb = data->FramebufferScale;
        // The canvas rectangle in framebuffer pixels (origin bottom-left).
        const GLint dstX = static_cast<GLint>(std::lround((frame.origin.x - at.x) * fb.x));
        const GLint dstY = static_cast<GLint>(std::lround((display.y - (frame.origin.y - at.y + frame.size.y)) * fb.y));
        const GLsizei dstW = static_cast<GLsizei>(std::lround(frame.size.x * fb.x));
        const GLsizei dstH = static_cast<GLsizei>(std::lround(frame.size.y * fb.y));
        if (!frame.cached) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(dstX, dstY, dstW, dstH);
            drawScene(frame, {at.x, at.y}, {display.x, display.y});
            return;
        }
        // The picture, with a margin on every side, stays in a texture: a
        // frame that only pans copies it shifted; a zoom, a resize or a
        // scene change (layout, filter, drag) draws it again.
        const float margin = kPanMargin;
        const Vec2 extent{frame.size.x + 2 * margin, frame.size.y + 2 * margin};
        const GLsizei texW = static_cast<GLsizei>(std::lround(extent.x * fb.x));
        const GLsizei texH = static_cast<GLsizei>(std::lround(extent.y * fb.y));
        // While the zoom keeps changing (a smooth zoom, the wheel turning),
        // the picture is stretched; it is drawn again once the zoom holds
        // still, or strays past kZoomSlack, or the stretched copy would need
        // more than the margin.
        const bool zooming = frame.zoom != m_lastZoom;
        m_lastZoom = frame.zoom;
        const double ratio = frame.zoom / m_cache.zoom;
        const bool stretch = zooming && m_cache.zoom > 0 && ratio != 1 && ratio <= kZoomSlack && ratio >= 1 / kZoomSlack;
        // The canvas's corners in the picture's pixels (top-left origin, y down).
        const double left = margin + frame.size.x * 0.5 +
                            ((frame.centreX - frame.size.x * 0.5 / frame.zoom) - m_cache.centreX) * m_cache.zoom;
        const double top = margin + frame.size.y * 0.5 +
                           ((frame.centreY - frame.size.y * 0.5 / frame.zoom) - m_cache.centreY) * m_cache.zoom;
        const double right = left + frame.size.x / ratio, bottom = top + frame.size.y / ratio;
        const bool covered = left >= 0 && top >= 0 && right <= extent.x && bottom <= extent.y;
        const bool valid = m_cache.version == frame.scene->version && (m_cache.zoom == frame.zoom || stretch) &&
                           m_cache.width == texW && m_cache.height == texH && m_cache.background == frame.background &&
                           covered;
        GLint previous = 0;
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous);
        if (!valid) {
            ++m_redraws;
            allocate(texW, texH);
            glBindFramebuffer(GL_FRAMEBUFFER, m_cache.framebuffer);
            glViewport(0, 0, texW, texH);
            glDisable(GL_SCISSOR_TEST);
            const float r = static_cast<float>(frame.background & 0xFF) / 255.f;
            const float g = static_cast<float>((frame.background >> 8) & 0xFF) / 255.f;
            const float b = static_cast<float>((frame.background >> 16) & 0xFF) / 255.f;
            glClearColor(r, g, b, 1.f);
            glClear(GL_COLOR_BUFFER_BIT);
            drawScene(frame, {frame.origin.x - margin, frame.origin.y - margin}, extent);
            m_cache.version = frame.scene->version;
            m_cache.zoom = frame.zoom;
            m_cache.centreX = frame.centreX, m_cache.centreY = frame.centreY;
            m_cache.background = frame.background;
        }
        // Texture row 0 is the bottom of the picture; screen y grows downwards.
        GLint srcX0 = static_cast<GLint>(std::lround(margin * fb.x)), srcY0 = srcX0;
        GLint srcX1 = srcX0 + dstW, srcY1 = srcY0 + dstH;
        if (valid) {
            srcX0 = static_cast<GLint>(std::lround(left * fb.x));
            srcX1 = static_cast<GLint>(std::lround(right * fb.x));
            srcY0 = static_cast<GLint>(std::lround((extent.y - bottom) * fb.y));
            srcY1 = static_cast<GLint>(std::lround((extent.y - top) * fb.y));
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_cache.framebuffer);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previous));
        glDisable(GL_SCISSOR_TEST);
        const bool same = srcX1 - srcX0 == dstW && srcY1 - srcY0 == dstH;
        glBlitFramebuffer(srcX0, srcY0, srcX1, srcY1, dstX, dstY, dstX + dstW, dstY + dstH, GL_COLOR_BUFFER_BIT,
                          same ? GL_NEAREST : GL_LINEAR);
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    }

    std::uint64_t redraws() const { return m_redraws; }
    std::size_t edgesDrawn() const { return m_edgesDrawn; }

private:
    // Draws edges then nodes into the bound framebuffer, whose viewport shows
    // the screen rectangle at `corner` (ImGui coordinates) of size `extent`.
    void drawScene(const GpuFrame &frame, Vec2 corner, Vec2 extent) {
        // Screen pixel p -> ndc: (p - corner) / extent * 2 - 1, y flipped;
        // world w -> screen: (w - centre) * zoom + canvas centre.
        const float sx = static_cast<float>(frame.zoom) * 2.f / extent.x;
        const float sy = -static_cast<float>(frame.zoom) * 2.f / extent.y;
        const float cx = frame.origin.x + frame.size.x * 0.5f - corner.x;
        const float cy = frame.origin.y + frame.size.y * 0.5f - corner.y;
        const float ox = cx * 2.f / extent.x - 1.f - static_cast<float>(frame.centreX) * sx;
        const float oy = 1.f - cy * 2.f / extent.y - static_cast<float>(frame.centreY) * sy;
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        if (frame.edges && m_edgeVertices > 0) {
            glUseProgram(m_edgeProgram);
            glUniform2f(glGetUniformLocation(m_edgeProgram, "scale"), sx, sy);
            glUniform2f(glGetUniformLocation(m_edgeProgram, "offset"), ox, oy);
            glUniform1f(glGetUniformLocation(m_edgeProgram, "dim"), frame.dim);
            glBindVertexArray(m_edgeArray);
            const ThinLevel *thin = frame.thinEdges ? thinLevel(*frame.scene, frame.zoom) : nullptr;
            if (thin) {
                glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, thin->elements);
                glDrawElements(GL_LINES, thin->count, GL_UNSIGNED_INT, nullptr);
                m_edgesDrawn = static_cast<std::size_t>(thin->count) / 2;
            } else {
                glDrawArrays(GL_LINES, 0, m_edgeVertices);
                m_edgesDrawn = static_cast<std::size_t>(m_edgeVertices) / 2;
            }
        }
        glUseProgram(m_nodeProgram);
        glUniform2f(glGetUniformLocation(m_nodeProgram, "scale"), sx, sy);
        glUniform2f(glGetUniformLocation(m_nodeProgram, "offset"), ox, oy);
        glUniform2f(glGetUniformLocation(m_nodeProgram, "pixel"), 2.f / extent.x, 2.f / extent.y);
        glUniform1f(glGetUniformLocation(m_nodeProgram, "dim"), frame.dim);
        glUniform1f(glGetUniformLocation(m_nodeProgram, "squareBelow"), kSquareBelowPx);
        // One draw for every instance: llvmpipe recompiles its vertex fetch
        // when attribute offsets change, so per-row draws cost more than the
        // off-screen instances they skip (the clipper drops those cheaply).
        glBindVertexArray(m_nodeArray);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_nodeCount);
        glBindVertexArray(0);
    }

    // The edges of one zoom level when zoomed out (kThinAbove), as an element
    // buffer into the edge vertices; nullptr when every edge is to be drawn.
    struct ThinLevel {
        int level = 0;
        std::uint64_t version = 0, used = 0;
        GLuint elements = 0;
        GLsizei count = 0;
    };
    const ThinLevel *thinLevel(const Scene &scene, double zoom) {
        if (m_visibleEdges <= kThinAbove || zoom <= 0)
            return nullptr;
        const int level = static_cast<int>(std::floor(std::log2(zoom) * 2));
        const double cell = kThinCellPx / std::exp2(level / 2.0); // world units, at most kThinCellPx*sqrt2 pixels
        const float width = scene.maxX - scene.minX, height = scene.maxY - scene.minY;
        if (std::max(width, height) / cell >= 32000)
            return nullptr; // zoomed in this far, edges are long: all are drawn
        ++m_thinUses;
        for (ThinLevel &t : m_thin)
            if (t.level == level && t.version == scene.version) {
                t.used = m_thinUses;
                return &t;
            }
        auto oldest = std::min_element(m_thin.begin(), m_thin.end(),
                                       [](const ThinLevel &a, const ThinLevel &b) { return a.used < b.used; });
        ThinLevel *t = m_thin.size() < kThinLevelsKept ? &m_thin.emplace_back() : &*oldest;
        if (!t->elements)
            glGenBuffers(1, &t->elements);
        std::vector<GLuint> indices;
        m_fold.reset(m_visibleEdges);
        auto square = [&](Vec2 p) { // 15 bits a coordinate (splines may reach past the nodes' box)
            auto index = [&](float v, float from) {
                return static_cast<std::uint64_t>(std::clamp((v - from) / cell + 1.0, 0.0, 32767.0));
            };
            return index(p.x, scene.minX) << 15 | index(p.y, scene.minY);
        };
        for (std::size_t i = 0; i < scene.edges.size(); ++i) {
            const SceneEdge &e = scene.edges[i];
            if (!e.visible || !scene.nodes[e.from].visible || !scene.nodes[e.to].visible)
                continue;
            const std::uint64_t a = square(e.spline.front()), b = square(e.spline.back());
            if (a == b || !m_fold.insert(std::min(a, b) << 30 | std::max(a, b)))
                continue;
            indices.push_back(static_cast<GLuint>(2 * i));
            indices.push_back(static_cast<GLuint>(2 * i + 1));
        }
        glBindVertexArray(m_edgeArray);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, t->elements);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(GLuint)),
                     indices.data(), GL_STATIC_DRAW);
        t->level = level, t->version = scene.version, t->used = m_thinUses;
        t->count = static_cast<GLsizei>(indices.size());
        return t;
    }

    // (Re)creates the cache's texture and framebuffer at this size.
    void allocate(GLsizei width, GLsizei height) {
        if (m_cache.framebuffer && m_cache.width == width && m_cache.height == height)
            return;
        if (!m_cache.framebuffer) {
            glGenFramebuffers(1, &m_cache.framebuffer);
            glGenTextures(1, &m_cache.texture);
        }
        GLint texture = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture);
        glBindTexture(GL_TEXTURE_2D, m_cache.texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture));
        GLint previous = 0;
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous);
        glBindFramebuffer(GL_FRAMEBUFFER, m_cache.framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_cache.texture, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
        m_cache.width = width, m_cache.height = height;
        m_cache.version = ~std::uint64_t{0};
    }

    // The last picture drawn into the texture and the camera it was drawn for.
    struct Cache {
        GLuint framebuffer = 0, texture = 0;
        GLsizei width = 0, height = 0;
        std::uint64_t version = ~std::uint64_t{0};
        double zoom = 0, centreX = 0, centreY = 0;
        std::uint32_t background = 0;
    };
    Cache m_cache;
    std::uint64_t m_redraws = 0;
    double m_lastZoom = 0; // the previous frame's
    GLuint m_nodeProgram = 0, m_edgeProgram = 0;
    GLuint m_nodeArray = 0, m_edgeArray = 0;
    GLuint m_corners = 0, m_instances = 0, m_edges = 0;
    GLsizei m_edgeVertices = 0, m_nodeCount = 0;
    std::uint64_t m_version = 0;
    std::size_t m_visibleEdges = 0, m_edgesDrawn = 0;
    std::vector<ThinLevel> m_thin; // at most kThinLevelsKept, the least recently used replaced
    std::uint64_t m_thinUses = 0;
    EdgeFold m_fold;
};

void addGpuDraw(ImDrawList *drawList, GpuFrame &frame) {
    drawList->AddCallback(
        [](const ImDrawList *, const ImDrawCmd *command) {
            auto *frame = static_cast<GpuFrame *>(command->UserCallbackData);
            if (!frame->scene)
                return;
            if (!frame->buffers)
                frame->buffers = std::make_shared<GpuBuffers>();
            frame->buffers->draw(*frame);
            frame->redraws = frame->buffers->redraws();
            frame->edgesDrawn = frame->buffers->edgesDrawn();
        },
        &frame);
    drawList->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

} // namespace liaison::viewer
