#include "gpu_canvas.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>

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
        glDeleteBuffers(1, &m_corners);
        glDeleteBuffers(1, &m_instances);
        glDeleteBuffers(1, &m_edges);
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
        for (const SceneEdge &e : scene.edges) {
            const bool shown = e.visible && scene.nodes[e.from].visible && scene.nodes[e.to].visible;
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
        // Screen pixel p -> ndc: (p - at) / display * 2 - 1, y flipped.
        const float sx = static_cast<float>(frame.zoom) * 2.f / display.x;
        const float sy = -static_cast<float>(frame.zoom) * 2.f / display.y;
        const float cx = frame.origin.x + frame.size.x * 0.5f - at.x, cy = frame.origin.y + frame.size.y * 0.5f - at.y;
        const float ox = cx * 2.f / display.x - 1.f - static_cast<float>(frame.centreX) * sx;
        const float oy = 1.f - cy * 2.f / display.y - static_cast<float>(frame.centreY) * sy;
        glEnable(GL_SCISSOR_TEST);
        glScissor(static_cast<GLint>((frame.origin.x - at.x) * fb.x),
                  static_cast<GLint>((display.y - (frame.origin.y - at.y + frame.size.y)) * fb.y),
                  static_cast<GLsizei>(frame.size.x * fb.x), static_cast<GLsizei>(frame.size.y * fb.y));
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        if (frame.edges && m_edgeVertices > 0) {
            glUseProgram(m_edgeProgram);
            glUniform2f(glGetUniformLocation(m_edgeProgram, "scale"), sx, sy);
            glUniform2f(glGetUniformLocation(m_edgeProgram, "offset"), ox, oy);
            glUniform1f(glGetUniformLocation(m_edgeProgram, "dim"), frame.dim);
            glBindVertexArray(m_edgeArray);
            glDrawArrays(GL_LINES, 0, m_edgeVertices);
        }
        glUseProgram(m_nodeProgram);
        glUniform2f(glGetUniformLocation(m_nodeProgram, "scale"), sx, sy);
        glUniform2f(glGetUniformLocation(m_nodeProgram, "offset"), ox, oy);
        glUniform2f(glGetUniformLocation(m_nodeProgram, "pixel"), 2.f / display.x, 2.f / display.y);
        glUniform1f(glGetUniformLocation(m_nodeProgram, "dim"), frame.dim);
        glUniform1f(glGetUniformLocation(m_nodeProgram, "squareBelow"), kSquareBelowPx);
        // One draw for every instance: llvmpipe recompiles its vertex fetch
        // when attribute offsets change, so per-row draws cost more than the
        // off-screen instances they skip (the clipper drops those cheaply).
        glBindVertexArray(m_nodeArray);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_nodeCount);
        glBindVertexArray(0);
    }

private:
    GLuint m_nodeProgram = 0, m_edgeProgram = 0;
    GLuint m_nodeArray = 0, m_edgeArray = 0;
    GLuint m_corners = 0, m_instances = 0, m_edges = 0;
    GLsizei m_edgeVertices = 0, m_nodeCount = 0;
    std::uint64_t m_version = 0;
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
        },
        &frame);
    drawList->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

} // namespace liaison::viewer
