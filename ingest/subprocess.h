// Runs a helper program (tesseract, soffice) as a child process with a deadline: the one place
// where klausul starts other programs, so timeouts and cleanup are handled once.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace klausul {

/// What a finished (or killed) child process left behind.
struct ProcessResult {
  int exit_code = -1;     // exit status, -1 when killed by a signal
  bool timed_out = false; // killed because the deadline passed
  std::string out;        // stdout, at most `max_output` bytes
  std::string err;        // stderr, at most 64 KiB
};

/// Starts `argv` (argv[0] looked up in PATH) in a process group of its own, stdin from
/// /dev/null, with `extra_env` ("NAME=value") added to the environment. Reads its output
/// until it exits; when `deadline` passes, kills the whole group (soffice forks) and reports
/// timed_out. Uses posix_spawn, so it is safe to call from several threads at once.
/// Throws IngestError when the program cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv,
                          std::chrono::steady_clock::time_point deadline,
                          const std::vector<std::string>& extra_env = {},
                          std::size_t max_output = 16 * 1024 * 1024);

/// Told the process group of every helper program run_process starts, right after it starts
/// (in the calling thread). An extraction worker reports these groups to its supervisor: they
/// are groups of their own, so killing the worker's group alone would leave them running.
using HelperObserver = void (*)(int process_group);
/// Sets the observer for the whole process (null: none). Not thread-safe: set it at startup.
void set_helper_observer(HelperObserver observer);

/// The full path of `program` found in PATH, or empty when it is not installed.
std::string find_program(const std::string& program);

/// A private temporary folder (mode 0700) removed with its contents when it goes out of scope.
class PrivateTempDir {
 public:
  PrivateTempDir();  // throws IngestError when no folder can be made
  ~PrivateTempDir();
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace klausul
