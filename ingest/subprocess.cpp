#include "ingest/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "ingest/error.h"

extern char** environ;

namespace klausul {
namespace {

constexpr std::size_t kMaxStderr = 64 * 1024;

HelperObserver helper_observer = nullptr;

// Closes a file descriptor once.
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// The parent's environment with `extra` ("NAME=value") replacing or adding entries.
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('=') + 1);
    bool replaced = false;
    for (const std::string& x : extra) replaced = replaced || x.starts_with(name);
    if (!replaced) env.push_back(std::move(entry));
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

pid_t spawn(std::vector<std::string> argv, const std::vector<std::string>& extra_env, int out_fd,
            int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // A group of its own, so a timeout kills soffice's children too; default signal handling.
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> env = child_environment(extra_env);
  std::vector<char*> c_argv = c_strings(argv);
  std::vector<char*> c_env = c_strings(env);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, c_argv[0], &actions, &attr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw IngestError("cannot run " + argv[0] + ": " + std::strerror(rc));
  if (helper_observer != nullptr) helper_observer(pid);  // its group id is its pid
  return pid;
}

void append_capped(std::string& to, const char* data, std::size_t n, std::size_t cap) {
  if (to.size() < cap) to.append(data, std::min(n, cap - to.size()));
}

// Reads both pipes until they close or the deadline passes. Returns false on timeout.
bool drain(Fd& out, Fd& err, ProcessResult& result, std::size_t max_output,
           std::chrono::steady_clock::time_point deadline) {
  char buffer[65536];
  while (out.fd >= 0 || err.fd >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd fds[2] = {{out.fd, POLLIN, 0}, {err.fd, POLLIN, 0}};
    const int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) return false;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      Fd& fd = i == 0 ? out : err;
      const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
      if (n <= 0) {
        if (n < 0 && errno == EINTR) continue;
        fd.reset();
        continue;
      }
      append_capped(i == 0 ? result.out : result.err, buffer, static_cast<std::size_t>(n),
                    i == 0 ? max_output : kMaxStderr);
    }
  }
  return true;
}

// Waits for the child until the deadline; false when it is still running then.
bool wait_until(pid_t pid, int& status, std::chrono::steady_clock::time_point deadline) {
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    ::usleep(10000);
  }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv,
                          std::chrono::steady_clock::time_point deadline,
                          const std::vector<std::string>& extra_env, std::size_t max_output) {
  if (argv.empty()) throw IngestError("run_process: no program");
  int out_pipe[2], err_pipe[2];
  // O_CLOEXEC: a child started by another thread at the same moment must not hold our pipes.
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw IngestError("cannot create a pipe");
  Fd out{out_pipe[0]}, out_w{out_pipe[1]};
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) throw IngestError("cannot create a pipe");
  Fd err{err_pipe[0]}, err_w{err_pipe[1]};

  const pid_t pid = spawn(argv, extra_env, out_w.fd, err_w.fd);
  out_w.reset();
  err_w.reset();
  ProcessResult result;
  int status = 0;
  bool finished = drain(out, err, result, max_output, deadline) &&
                  wait_until(pid, status, deadline);
  if (!finished) {
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    result.timed_out = true;
    return result;
  }
  // Helpers the child left running in its group (soffice's splash process) go too.
  ::kill(-pid, SIGKILL);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void set_helper_observer(HelperObserver observer) { helper_observer = observer; }

std::string find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

PrivateTempDir::PrivateTempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "klausul-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw IngestError(std::string("cannot create a temporary folder: ") + std::strerror(errno));
  }
  path_ = pattern;  // mkdtemp makes it 0700: other users cannot read converted documents
}

PrivateTempDir::~PrivateTempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace klausul
