#include "ingest/worker_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "ingest/error.h"
#include "ingest/extract_worker.h"

extern char** environ;

namespace klausul {
namespace {

using Clock = std::chrono::steady_clock;
using worker::MessageKind;

// How often finish() looks at `stop` while the worker is busy: Ctrl-C is obeyed in time.
constexpr int kPollMs = 100;
// A worker that closed its output gets this long to exit before it is killed.
constexpr auto kExitGrace = std::chrono::seconds(1);

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// "60 s", or "1.5 s" for budgets that are not whole seconds.
std::string seconds_text(Clock::duration d) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  char text[32];
  if (ms % 1000 == 0) {
    std::snprintf(text, sizeof text, "%lld s", static_cast<long long>(ms / 1000));
  } else {
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
  }
  return text;
}

WorkerOutcome failed(WorkerOutcome::Status status, std::string reason) {
  WorkerOutcome outcome;
  outcome.status = status;
  outcome.reason = std::move(reason);
  return outcome;
}

}  // namespace

bool is_worker_failure(WorkerOutcome::Status status) {
  return status == WorkerOutcome::Status::timed_out || status == WorkerOutcome::Status::crashed ||
         status == WorkerOutcome::Status::out_of_memory;
}

WorkerProcess::WorkerProcess(std::vector<std::string> command) : command_(std::move(command)) {}

WorkerProcess::~WorkerProcess() { kill_all(); }

void WorkerProcess::spawn() {
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });
  int request[2], reply[2];
  // O_CLOEXEC: workers started by other threads at the same moment must not hold our pipes.
  if (::pipe2(request, O_CLOEXEC) != 0) throw IngestError("cannot create a pipe");
  if (::pipe2(reply, O_CLOEXEC) != 0) {
    ::close(request[0]);
    ::close(request[1]);
    throw IngestError("cannot create a pipe");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, request[0], 0);
  posix_spawn_file_actions_adddup2(&actions, reply[1], 1);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t defaults, none;
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGINT, SIGTERM}) sigaddset(&defaults, s);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv;
  for (std::string& a : command_) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(request[0]);
  ::close(reply[1]);
  if (rc != 0) {
    ::close(request[1]);
    ::close(reply[0]);
    throw IngestError("cannot start an extraction worker: " + std::string(std::strerror(rc)));
  }
  pid_ = pid;
  to_worker_ = request[1];
  from_worker_ = reply[0];
}

void WorkerProcess::kill_all() {
  for (pid_t group : helper_groups_) ::kill(-group, SIGKILL);
  helper_groups_.clear();
  if (pid_ > 0) {
    ::kill(-pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
  close_fd(to_worker_);
  close_fd(from_worker_);
}

void WorkerProcess::start(const worker::ExtractRequest& request, std::chrono::milliseconds budget) {
  if (pid_ <= 0) spawn();
  helper_groups_.clear();
  started_ = Clock::now();
  deadline_ = started_ + budget;
  start_failed_ = !write_all(to_worker_, worker::encode_frame(MessageKind::request,
                                                              worker::encode_request(request)));
}

// The worker's output closed (or took no request): it is ending. Why decides the line.
WorkerOutcome WorkerProcess::ended(std::string buffered) {
  int status = 0;
  bool exited = false;
  for (const auto give_up = Clock::now() + kExitGrace; Clock::now() < give_up;) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_ || (done < 0 && errno != EINTR)) {
      exited = done == pid_;
      if (exited) pid_ = -1;
      break;
    }
    ::usleep(5000);
  }
  kill_all();  // still there, or its helpers are
  if (exited && WIFEXITED(status) && WEXITSTATUS(status) == worker::kExitOutOfMemory) {
    return failed(WorkerOutcome::Status::out_of_memory, "extraction ran out of memory");
  }
  if (exited && WIFSIGNALED(status)) {
    return failed(WorkerOutcome::Status::crashed,
                  "extraction crashed (signal " + std::to_string(WTERMSIG(status)) + ")");
  }
  std::string reason = "extraction ended without a result";
  if (exited && WIFEXITED(status)) reason += " (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
  if (!buffered.empty()) reason += " (truncated message)";
  return failed(WorkerOutcome::Status::crashed, reason);
}

WorkerOutcome WorkerProcess::finish(const std::atomic<bool>& stop) {
  std::string buffer;
  char chunk[65536];
  if (start_failed_) return ended(buffer);
  while (true) {
    if (stop) {
      kill_all();
      return failed(WorkerOutcome::Status::interrupted, "");
    }
    const auto now = Clock::now();
    if (now >= deadline_) {
      kill_all();
      return failed(WorkerOutcome::Status::timed_out,
                    "extraction stopped after " + seconds_text(deadline_ - started_));
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - now);
    pollfd fd{from_worker_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(std::min<long long>(left.count() + 1, kPollMs)));
    if (ready <= 0) continue;  // timeout or EINTR: look at stop and the deadline again
    const ssize_t n = ::read(from_worker_, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return ended(std::move(buffer));
    buffer.append(chunk, static_cast<size_t>(n));
    try {
      while (std::optional<worker::Frame> frame = worker::take_frame(buffer)) {
        switch (frame->kind) {
          case MessageKind::helper:
            helper_groups_.push_back(static_cast<pid_t>(worker::decode_number(frame->payload)));
            break;
          case MessageKind::extend:
            deadline_ += std::chrono::milliseconds(worker::decode_number(frame->payload));
            break;
          case MessageKind::document: {
            WorkerOutcome outcome;
            outcome.status = WorkerOutcome::Status::document;
            outcome.file = worker::decode_document(frame->payload);
            helper_groups_.clear();
            return outcome;
          }
          case MessageKind::failure:
            helper_groups_.clear();
            return failed(WorkerOutcome::Status::failure, worker::decode_text(frame->payload));
          case MessageKind::request:
            throw worker::MessageError("a request from the worker");
        }
      }
    } catch (const worker::MessageError& e) {
      kill_all();
      return failed(WorkerOutcome::Status::crashed, std::string("extraction failed: ") + e.what());
    }
  }
}

}  // namespace klausul
