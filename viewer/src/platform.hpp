// The GLFW window, its OpenGL 3 context and the ImGui backends: everything
// platform-specific lives in platform.cpp. One Window per process; UI thread only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct GLFWwindow;

namespace liaison::viewer {

struct WindowOptions {
    int width = 1400, height = 900;
    bool visible = true;  // false for --screenshot (renders off screen on the same context)
    bool vsync = true;
    std::string title = "Liaison";
};

class Window {
public:
    // Creates the window and context and initialises ImGui. Throws
    // std::runtime_error naming the reason (no display, no OpenGL 3).
    explicit Window(const WindowOptions &options);
    ~Window();
    Window(const Window &) = delete;
    Window &operator=(const Window &) = delete;

    bool closeRequested() const;
    // Waits for input up to `timeoutSeconds` (0: just poll), then starts an ImGui frame.
    void beginFrame(double timeoutSeconds);
    // Renders the ImGui frame into the back buffer (does not swap).
    void render();
    void swap();
    // Blocks until the GPU has finished the frame (benchmarks).
    void finish();
    // Recreates the font texture after the atlas changed (between frames).
    void reloadFonts();
    void setTitle(const std::string &title);
    // The back buffer as top-down RGBA rows; call after render(), before swap().
    std::vector<std::uint8_t> readPixels(int &width, int &height) const;

private:
    GLFWwindow *m_window = nullptr;
};

// Writes RGBA pixels (top-down rows) as a PNG; throws IoError on failure.
void writePng(const std::string &path, const std::vector<std::uint8_t> &rgba, int width, int height);

} // namespace liaison::viewer
