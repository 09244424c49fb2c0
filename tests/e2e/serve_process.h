// Runs `klausul serve --port 0` as a child process for end-to-end tests: reads the URL it
// prints on stderr, keeps draining stderr (one log line per request) so the server never
// blocks on a full pipe, and stops it with SIGTERM when the object goes away, also when a
// test fails half way.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace klausul::testing {

class ServeProcess {
 public:
  /// Starts `klausul serve ARGS...` and waits until it prints its URL (or exits).
  explicit ServeProcess(const std::vector<std::string>& args) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
    std::vector<std::string> argv_strings = {KLAUSUL_BINARY, "serve"};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, KLAUSUL_BINARY, &actions, nullptr, argv.data(), environ) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    read_fd_ = pipe_fds[0];
    reader_ = std::thread([this] { drain(); });
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !url_.empty() || closed_; });
  }

  ~ServeProcess() { stop(); }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  /// "http://127.0.0.1:PORT/" as printed, empty when the server did not start.
  std::string url() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return url_;
  }
  /// Everything the server printed on stderr so far.
  std::string log() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }

  /// Sends SIGTERM, waits for the process and returns its exit status (-1 when it was killed
  /// by a signal or never started).
  int stop() {
    int status = -1;
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int raw = 0;
      if (::waitpid(pid_, &raw, 0) == pid_ && WIFEXITED(raw)) status = WEXITSTATUS(raw);
      pid_ = -1;
      exit_status_ = status;
    }
    if (reader_.joinable()) reader_.join();
    if (read_fd_ >= 0) ::close(read_fd_);
    read_fd_ = -1;
    return exit_status_;
  }

 private:
  void drain() {
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(read_fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      std::lock_guard<std::mutex> lock(mutex_);
      log_.append(buffer, static_cast<size_t>(n));
      const std::string marker = "klausul serve: http://";
      if (url_.empty()) {
        if (size_t at = log_.find(marker); at != std::string::npos) {
          const size_t end = log_.find('\n', at);
          if (end != std::string::npos) {
            url_ = log_.substr(at + 15, end - at - 15);
            ready_.notify_all();
          }
        }
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

  pid_t pid_ = -1;
  int read_fd_ = -1;
  int exit_status_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::string url_;   // guarded by mutex_
  std::string log_;   // guarded by mutex_
  bool closed_ = false;  // guarded by mutex_
};

}  // namespace klausul::testing
