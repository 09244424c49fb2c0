// Serves an index with the real `xapian-tcpsrv` (Debian package xapian-tools) on a free
// loopback port, for the end-to-end tests of remote shards. The server is stopped when the
// object goes, and dies with the test process if that crashes (PR_SET_PDEATHSIG), so no
// server outlives a test run. Pitfall: xapian-tcpsrv answers SIGTERM with kill(0, SIGTERM),
// i.e. its whole process group, so it runs in a group of its own.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace klausul::testing {

/// A TCP socket bound to 127.0.0.1:port, or -1 when the port is taken.
inline int bind_loopback(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// True when something accepts connections on 127.0.0.1:port.
inline bool accepts(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

/// A port nobody listens on now (xapian-tcpsrv cannot bind port 0 and report it).
inline unsigned free_port() {
  // Start somewhere depending on the process, so parallel test processes rarely collide.
  const unsigned first = 20000 + static_cast<unsigned>(::getpid()) % 20000;
  for (unsigned port = first; port < first + 500; ++port) {
    const int fd = bind_loopback(port);
    if (fd >= 0) {
      ::close(fd);
      return port;
    }
  }
  return 0;
}

class XapianTcpServer {
 public:
  /// Starts `xapian-tcpsrv` serving `database`; port() is 0 when it could not be started.
  explicit XapianTcpServer(const std::string& database) {
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
      const unsigned port = free_port();
      if (port != 0 && start(database, port)) port_ = port;
    }
  }
  ~XapianTcpServer() { stop(); }
  XapianTcpServer(const XapianTcpServer&) = delete;
  XapianTcpServer& operator=(const XapianTcpServer&) = delete;

  unsigned port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);  // the server and the children it forked per connection
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  bool start(const std::string& database, unsigned port) {
    const pid_t parent = ::getpid();
    const std::string port_text = std::to_string(port);  // no allocation after fork()
    pid_ = ::fork();
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (::getppid() != parent) ::_exit(127);  // the test died before prctl took effect
      // Its own process group: on SIGTERM xapian-tcpsrv kills its whole group (to end the
      // children serving connections), which must not be the test's group.
      ::setpgid(0, 0);
      // Quiet: it reports every client that goes away as an exception on stderr.
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
               port_text.c_str(), "--quiet", database.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait until it accepts; give up if it exits (port taken meanwhile, no xapian-tcpsrv).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      if (accepts(port)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
    return false;
  }

  pid_t pid_ = -1;
  unsigned port_ = 0;
};

/// A socket that listens but never answers: a hung shard server.
class SilentServer {
 public:
  SilentServer() {
    const unsigned port = free_port();
    fd_ = port == 0 ? -1 : bind_loopback(port);
    if (fd_ >= 0) port_ = port;
    if (fd_ >= 0) ::listen(fd_, 8);
  }
  ~SilentServer() {
    if (fd_ >= 0) ::close(fd_);
  }
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  unsigned port() const { return port_; }

 private:
  int fd_ = -1;
  unsigned port_ = 0;
};

}  // namespace klausul::testing
