// An Xvfb server of a test's own (the viewer's tests render under it).
#pragma once

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <string>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace liaison::test {

// An Xvfb server for one command: started with the parent-death signal set,
// ready when it has written its display number; killed and reaped on
// destruction. display < 0 when it could not start.
struct XServer {
    pid_t pid = -1;
    int display = -1;
    XServer() {
        int ready[2];
        if (::pipe(ready) != 0)
            return;
        ::fcntl(ready[0], F_SETFD, FD_CLOEXEC);
        const std::string fd = std::to_string(ready[1]);
        const char *argv[] = {"/usr/bin/Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x1024x24",
                              "-nolisten", "tcp", nullptr};
        pid = ::fork();
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            int null = ::open("/dev/null", O_RDWR);
            ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
            ::execv(argv[0], const_cast<char *const *>(argv));
            ::_exit(127);
        }
        ::close(ready[1]);
        std::string text;
        char c = 0;
        pollfd wait{ready[0], POLLIN, 0};
        while (pid > 0 && ::poll(&wait, 1, 60000) > 0 && ::read(ready[0], &c, 1) == 1 && c != '\n')
            text += c;
        ::close(ready[0]);
        if (!text.empty() && c == '\n')
            display = std::atoi(text.c_str());
    }
    ~XServer() {
        if (pid <= 0)
            return;
        ::kill(pid, SIGTERM);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    XServer(const XServer &) = delete;
    XServer &operator=(const XServer &) = delete;
};

} // namespace liaison::test
