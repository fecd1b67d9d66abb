#include "platform.hpp"

#include "liaison/errors.hpp"
#include "liaison/json_io.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <cstring>
#include <stdexcept>

namespace liaison::viewer {

namespace {

std::string &lastGlfwError() {
    thread_local std::string message; // GLFW reports errors on the calling thread
    return message;
}

void onGlfwError(int code, const char *description) {
    lastGlfwError() = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

} // namespace

Window::Window(const WindowOptions &options) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit())
        throw std::runtime_error("cannot initialise GLFW (is there a display? try xvfb-run): " + lastGlfwError());
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    m_window = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!m_window) {
        std::string reason = lastGlfwError();
        glfwTerminate();
        throw std::runtime_error("cannot open an OpenGL 3 window: " + reason);
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(options.vsync ? 1 : 0);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO &io = ImGui::GetIO();
    io.IniFilename = nullptr; // the workspace places every window itself
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 0;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

bool Window::closeRequested() const { return glfwWindowShouldClose(m_window); }

void Window::beginFrame(double timeoutSeconds) {
    if (timeoutSeconds > 0)
        glfwWaitEventsTimeout(timeoutSeconds);
    else
        glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::render() {
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.95f, 0.95f, 0.95f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() { glfwSwapBuffers(m_window); }

void Window::finish() { glFinish(); }

void Window::reloadFonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Window::setTitle(const std::string &title) { glfwSetWindowTitle(m_window, title.c_str()); }

std::vector<std::uint8_t> Window::readPixels(int &width, int &height) const {
    glfwGetFramebufferSize(m_window, &width, &height);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL rows go bottom-up; PNG rows top-down.
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t *a = pixels.data() + row * y;
        std::uint8_t *b = pixels.data() + row * (height - 1 - y);
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    return pixels;
}

void writePng(const std::string &path, const std::vector<std::uint8_t> &rgba, int width, int height) {
    std::string bytes;
    auto append = [](void *context, void *data, int size) {
        static_cast<std::string *>(context)->append(static_cast<const char *>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &bytes, width, height, 4, rgba.data(), width * 4))
        throw IoError(path + ": cannot encode the PNG");
    writeFileAtomically(path, bytes);
}

} // namespace liaison::viewer
