// The supervisor side of supervised extraction: one extraction worker process (see
// ingest/extract_worker.h) driven by one thread of the importer.
//
//   1. The worker is started on first use with `command` (e.g. `klausul-extract`),
//      in a process group of its own: Ctrl-C on the terminal reaches `klausul ingest` only,
//      and a kill reaches the worker and anything in its group.
//   2. start() sends one file; the worker begins at once. The budget starts then.
//   3. finish() waits for the answer, polling so that a stop request is seen within 0.1 s.
//      When the budget (plus what the worker asked for scanned pages) runs out, the worker
//      crashes, dies of its memory limit, sends a bad or truncated message, or `stop` is set,
//      the worker's group and the groups of the helpers it reported are killed; the next
//      start() starts a fresh worker. The file gets one line: "extraction stopped after 60 s",
//      "extraction crashed (signal 11)", "extraction ran out of memory".
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest_file.h"
#include "ingest/worker_message.h"

namespace klausul {

/// How one file's extraction in a worker ended.
struct WorkerOutcome {
  enum class Status {
    document,       // `file` holds the result
    failure,        // the extractor refused the file (IngestError); `reason` says why
    timed_out,      // the budget ran out; the worker was killed
    crashed,        // the worker died or broke the message format
    out_of_memory,  // the worker died of its memory limit
    interrupted,    // `stop` was set; the worker was killed; no outcome for the file
  };
  Status status = Status::failure;
  std::optional<IngestedFile> file;
  std::string reason;  // one line without the path, empty for document and interrupted
};

/// Whether a failure is the worker's (a hang, a crash, memory), remembered in the index so
/// that the file is not tried again on every run, rather than a plain refusal.
bool is_worker_failure(WorkerOutcome::Status status);

class WorkerProcess {
 public:
  /// `command` runs the worker (argv; argv[0] a path). Nothing starts until start().
  explicit WorkerProcess(std::vector<std::string> command);
  /// Kills the worker and the helpers it reported, if still running.
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  /// Sends `request` to the worker (starting one when none runs); the file has `budget`.
  /// Throws IngestError when no worker can be started. Ignores SIGPIPE process-wide (a
  /// worker that died must give a write error, not end klausul).
  void start(const worker::ExtractRequest& request, std::chrono::milliseconds budget);

  /// Waits for the outcome of the file given to start(). Call once per start().
  WorkerOutcome finish(const std::atomic<bool>& stop);

  /// The running worker's process id, or -1 (tests).
  pid_t pid() const { return pid_; }

 private:
  void spawn();
  void kill_all();
  WorkerOutcome ended(std::string buffered);

  std::vector<std::string> command_;
  pid_t pid_ = -1;
  int to_worker_ = -1;    // request pipe, our end
  int from_worker_ = -1;  // reply pipe, our end
  std::vector<pid_t> helper_groups_;  // reported during the current file
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point deadline_;
  bool start_failed_ = false;  // the request could not be written: the worker is gone
};

}  // namespace klausul
