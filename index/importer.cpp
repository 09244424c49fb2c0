#include "index/importer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "index/compaction.h"
#include "index/failed_files.h"
#include "index/lane_shards.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "ingest/worker_process.h"

namespace klausul {
namespace {

using Clock = std::chrono::steady_clock;

// Commit after this many files or seconds: one fsync per batch, and at most one batch of
// work redone after a crash.
constexpr int kCommitEveryFiles = 64;
constexpr double kCommitEverySeconds = 2.0;

// What a lane decided for one file; the writer applies it.
struct WorkResult {
  FileReport report;
  std::optional<PreparedFile> file;      // added / updated: the analysed file
  std::optional<DocumentInfo> record;    // unchanged-but-touched / renamed: the new record
  std::string old_path;                  // renamed: the indexed path
  std::optional<FailedFile> failure;     // a worker failure to remember
};

// The index's document records at the start of the run: read by the lanes, never changed.
struct Snapshot {
  std::map<std::string, DocumentInfo> by_path;
  std::map<std::string, std::string> path_by_id;
  std::map<std::string, FailedFile> failed;
};

Snapshot take_snapshot(const Xapian::Database& db) {
  Snapshot snapshot;
  for (DocumentInfo& info : list_documents(db)) {
    snapshot.path_by_id[info.id] = info.path;
    snapshot.by_path.emplace(info.path, std::move(info));
  }
  snapshot.failed = read_failed_files(db);
  return snapshot;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// A file that needs extracting: what the lane knows about it while it is extracted.
struct Pending {
  WorkResult result;
  std::string bytes;  // read to hash it; the in-process extraction uses them
  std::int64_t size = 0;
  std::int64_t mtime = 0;
  bool known = false;  // an older version is indexed
  Clock::time_point started;
};

// Decides one file. Returns the pending extraction, or nullopt when `result` is final.
std::optional<Pending> decide(const std::string& path, const Snapshot& snapshot,
                              const ImportOptions& options, WorkResult& result) {
  result.report.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw IngestError("cannot read: no such file");
  auto indexed = snapshot.by_path.find(path);
  const bool known = indexed != snapshot.by_path.end();
  // A file ingested with --no-ocr is read again once OCR is on, changed or not.
  const bool awaits_ocr = known && options.ingest.ocr && indexed->second.pages_awaiting_ocr > 0;
  if (known && !options.force && !awaits_ocr && indexed->second.size == st.st_size &&
      indexed->second.mtime == st.st_mtime) {
    result.report.outcome = ImportOutcome::unchanged;
    return std::nullopt;
  }
  // A file that hung or crashed a worker would do it again: not retried until it changes.
  auto failed = snapshot.failed.find(path);
  if (failed != snapshot.failed.end() && !options.force && !options.retry_failed &&
      failed->second.size == st.st_size && failed->second.mtime == st.st_mtime) {
    result.report.outcome = ImportOutcome::skipped;
    result.report.detail = failed->second.reason;
    return std::nullopt;
  }
  std::string bytes = read_source_file(path, options.ingest.max_file_bytes);
  const std::string id = content_id(bytes);
  if (!options.force) {
    auto same = snapshot.path_by_id.find(id);
    if (same != snapshot.path_by_id.end() && same->second != path) {
      // Still on disk (in this walk or elsewhere): a copy. Gone: the file was renamed.
      const bool other_still_there = exists(same->second);
      DocumentInfo info = snapshot.by_path.at(same->second);
      info.path = path;
      info.size = st.st_size;
      info.mtime = st.st_mtime;
      result.report.detail = same->second;
      result.report.outcome = other_still_there ? ImportOutcome::duplicate : ImportOutcome::renamed;
      if (!other_still_there) {
        result.old_path = same->second;
        result.record = info;
      }
      return std::nullopt;
    }
    if (known && indexed->second.id == id && !awaits_ocr) {
      DocumentInfo info = indexed->second;  // touched: same content, new mtime
      info.size = st.st_size;
      info.mtime = st.st_mtime;
      result.record = info;
      result.old_path = path;
      result.report.outcome = ImportOutcome::unchanged;
      return std::nullopt;
    }
  }
  Pending pending;
  pending.bytes = std::move(bytes);
  pending.size = st.st_size;
  pending.mtime = st.st_mtime;
  pending.known = known;
  return pending;
}

// Extracts a lane's files: in the lane's worker process, or in the lane's thread.
class LaneExtractor {
 public:
  explicit LaneExtractor(const ImportOptions& options) : options_(options) {
    if (!options.worker_command.empty()) {
      std::vector<std::string> command = options.worker_command;
      command.push_back("--memory-limit-mb");
      command.push_back(std::to_string(options.worker_memory_mb));
      worker_.emplace(std::move(command));
    }
  }

  // Starts extracting (a worker begins at once; in-process work waits for finish()).
  void start(const Pending& pending) {
    if (!worker_) return;
    const std::string& path = pending.result.report.path;
    worker::ExtractRequest request;
    request.path = path;
    if (options_.ingest.manifest != nullptr) request.manifest = options_.ingest.manifest->lookup(path);
    request.region_override = options_.ingest.region_override;
    request.ocr = options_.ingest.ocr;
    request.max_file_bytes = options_.ingest.max_file_bytes;
    // The steps that stop themselves (OCR, conversion) get most of the budget, so that a
    // slow scan ends with its pages read so far rather than killed.
    request.budget_ms = options_.file_timeout.count() * 9 / 10;
    request.ocr_ms_per_page = options_.ocr_time_per_page.count();
    worker_->start(request, options_.file_timeout);
  }

  WorkerOutcome finish(const Pending& pending, const std::atomic<bool>& stop) {
    if (worker_) return worker_->finish(stop);
    WorkerOutcome outcome;
    try {
      outcome.file =
          options_.extract_in_process(pending.bytes, pending.result.report.path, options_.ingest);
      outcome.status = WorkerOutcome::Status::document;
    } catch (const std::exception& e) {  // IngestError, UsageError, std::bad_alloc ...
      outcome.status = WorkerOutcome::Status::failure;
      outcome.reason = e.what();
    }
    return outcome;
  }

 private:
  const ImportOptions& options_;
  std::optional<WorkerProcess> worker_;
};

// Turns an extraction's outcome into the writer's work: analysis of the clauses (the
// expensive part, done here in the lane), or the failure with what to remember of it.
WorkResult complete(Pending pending, WorkerOutcome outcome) {
  WorkResult result = std::move(pending.result);
  if (outcome.status == WorkerOutcome::Status::document) {
    IngestedFile& file = *outcome.file;
    file.info.mtime = pending.mtime;
    result.report.outcome = pending.known ? ImportOutcome::updated : ImportOutcome::added;
    result.report.clauses = static_cast<int>(file.clauses.size());
    result.report.pages = file.info.pages;
    result.report.ocr_pages = file.info.ocr_pages;
    result.report.skipped_pages = file.info.skipped_pages;
    result.file = prepare_file(file);
  } else {
    result.report.outcome = ImportOutcome::failed;
    result.report.detail = outcome.reason;
    if (is_worker_failure(outcome.status)) {
      result.failure = FailedFile{result.report.path, pending.size, pending.mtime, outcome.reason};
    }
  }
  result.report.seconds = std::chrono::duration<double>(Clock::now() - pending.started).count();
  return result;
}

// A bounded hand-over from the workers to the writer: at most `capacity` extracted files wait
// in memory, whatever the corpus size.
class ResultQueue {
 public:
  explicit ResultQueue(size_t capacity) : capacity_(capacity) {}
  void push(WorkResult result) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_; });
    queue_.push_back(std::move(result));
    not_empty_.notify_one();
  }
  // Empty when every producer has finished and the queue is drained.
  std::optional<WorkResult> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || producers_ == 0; });
    if (queue_.empty()) return std::nullopt;
    WorkResult result = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return result;
  }
  void set_producers(int n) {
    std::lock_guard lock(mutex_);
    producers_ = n;
  }
  void producer_done() {
    std::lock_guard lock(mutex_);
    --producers_;
    not_empty_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<WorkResult> queue_;
  size_t capacity_;
  int producers_ = 0;
};

void count(ImportSummary& summary, const FileReport& report) {
  switch (report.outcome) {
    case ImportOutcome::added: ++summary.added; break;
    case ImportOutcome::updated: ++summary.updated; break;
    case ImportOutcome::unchanged: ++summary.unchanged; break;
    case ImportOutcome::renamed: ++summary.renamed; break;
    case ImportOutcome::duplicate: ++summary.duplicate; break;
    case ImportOutcome::removed: ++summary.removed; break;
    case ImportOutcome::failed: ++summary.failed; break;
    case ImportOutcome::skipped: ++summary.skipped; break;
  }
  summary.clauses += report.clauses;
  summary.pages += report.pages;
  summary.ocr_pages += report.ocr_pages;
  summary.skipped_pages += report.skipped_pages;
}

bool under_folder(const std::string& path, const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    const std::string prefix = folder.ends_with("/") ? folder : folder + "/";
    if (path.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// The document ids written in this run, each with its path: two new files with the same
// content are indexed once (clause ids come from the content, so both cannot be in the
// index). Shared by the lanes' writers and the calling thread's.
class WrittenIds {
 public:
  /// Claims `id` for `path`. Returns the path that claimed it before, or "" when `path` may
  /// write it.
  std::string claim(const std::string& id, const std::string& path) {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = paths_.emplace(id, path);
    return !fresh && it->second != path ? it->second : "";
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> paths_;
};

void report_duplicate(WorkResult& result, const std::string& first_path) {
  result.file.reset();
  result.report.outcome = ImportOutcome::duplicate;
  result.report.detail = first_path;
  result.report.clauses = 0;
}

// A lane's own writer shard (index/lane_shards.h), committed in batches like the index.
class LaneWriter {
 public:
  explicit LaneWriter(const std::string& path) : path_(path) {
    try {
      db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OVERWRITE);
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot create the writer shard " + path + ": " + e.get_msg());
    }
  }

  void write(const PreparedFile& file) {
    IndexWriter(db_).replace_prepared(file);
    ++files_;
    if (++uncommitted_ >= kCommitEveryFiles ||
        std::chrono::duration<double>(Clock::now() - last_commit_).count() > kCommitEverySeconds) {
      commit();
    }
  }

  void close() {
    commit();
    db_.close();
  }

  int files() const { return files_; }

 private:
  void commit() {
    IndexWriter(db_).commit();
    uncommitted_ = 0;
    last_commit_ = Clock::now();
  }

  std::string path_;
  Xapian::WritableDatabase db_;
  int files_ = 0;
  int uncommitted_ = 0;
  Clock::time_point last_commit_ = Clock::now();
};

// Lanes write shards of their own when the import brings many new files: a quarter of the
// index or more (the merge rewrites the whole index, as a compaction would), at least
// kMinFilesForLaneWriters.
bool use_lane_writers(const ImportOptions& options, const Snapshot& snapshot,
                      const std::vector<std::string>& files) {
  if (options.jobs < 2 || options.index_path.empty()) return false;
  long new_files = 0;
  for (const std::string& file : files) new_files += snapshot.by_path.count(file) == 0;
  return new_files >= kMinFilesForLaneWriters &&
         new_files * 4 >= static_cast<long>(snapshot.by_path.size());
}

// Test hook: KLAUSUL_TEST_DIE_BEFORE_MERGE=1 makes the process die (as kill -9 would) with
// every writer shard committed and none merged, so the end-to-end test can check that the
// next writer copies their files in.
bool die_before_merge() {
  const char* text = std::getenv("KLAUSUL_TEST_DIE_BEFORE_MERGE");
  return text != nullptr && *text != '\0' && *text != '0';
}

// Merges the lanes' shards into the index and removes them. A merge that fails keeps the
// shards: the next writer that opens the index copies their files in.
void merge_lane_writers(Xapian::WritableDatabase& db, const std::string& index,
                        const std::vector<int>& lane_files, ImportSummary& summary) {
  std::vector<std::string> all, written;
  for (size_t lane = 0; lane < lane_files.size(); ++lane) {
    all.push_back(lane_shard_path(index, static_cast<int>(lane)));
    if (lane_files[lane] > 0) written.push_back(all.back());
  }
  if (!written.empty()) {
    if (die_before_merge()) ::_exit(137);
    const auto start = Clock::now();
    try {
      merge_in_place(db, index, written);
    } catch (const IndexError& e) {
      throw IndexError(std::string(e.what()) +
                       " (the imported files are kept in writer shards; the next ingest adds "
                       "them to the index)");
    }
    summary.merged_shards = static_cast<int>(written.size());
    summary.merge_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  remove_lane_shards(all);
}

}  // namespace

std::string import_outcome_name(ImportOutcome outcome) {
  switch (outcome) {
    case ImportOutcome::added: return "added";
    case ImportOutcome::updated: return "updated";
    case ImportOutcome::unchanged: return "unchanged";
    case ImportOutcome::renamed: return "renamed";
    case ImportOutcome::duplicate: return "duplicate";
    case ImportOutcome::removed: return "removed";
    case ImportOutcome::failed: return "failed";
    case ImportOutcome::skipped: return "skipped";
  }
  return "failed";
}

ImportSummary run_import(Xapian::WritableDatabase& db, const std::vector<std::string>& files,
                         const ImportOptions& options, ImportObserver& observer,
                         const std::atomic<bool>& stop) {
  if (options.worker_command.empty() && !options.extract_in_process) {
    throw std::invalid_argument("run_import needs a worker command or an in-process extractor");
  }
  const auto started = Clock::now();
  const Snapshot snapshot = take_snapshot(db);
  const std::set<std::string> walked(files.begin(), files.end());
  IndexWriter writer(db);
  ImportSummary summary;

  const int jobs = std::max(1, options.jobs);
  const bool lane_writers = use_lane_writers(options, snapshot, files);
  WrittenIds written_ids;
  std::vector<int> lane_files(static_cast<size_t>(jobs), 0);
  std::mutex lane_failure_mutex;
  std::optional<IndexError> lane_failure;
  ResultQueue results(static_cast<size_t>(jobs) * 8);
  results.set_producers(jobs);
  std::atomic<size_t> next{0};
  std::atomic<bool> halt{false};  // the index failed: lanes stop, the error is rethrown
  // The next file that needs extracting, started; files decided without extraction go to
  // the writer on the way.
  auto start_next = [&](LaneExtractor& extractor) -> std::optional<Pending> {
    for (size_t i; !stop && !halt && (i = next++) < files.size();) {
      const auto t0 = Clock::now();
      WorkResult result;
      std::optional<Pending> pending;
      try {
        pending = decide(files[i], snapshot, options, result);
        if (pending) {
          pending->started = t0;
          pending->result = std::move(result);
          extractor.start(*pending);
          return pending;
        }
      } catch (const std::exception& e) {  // IngestError, std::bad_alloc ...
        result.report.path = files[i];
        result.report.outcome = ImportOutcome::failed;
        result.report.detail = e.what();
      }
      result.report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      results.push(std::move(result));
    }
    return std::nullopt;
  };
  auto fail_in_lane = [&](const IndexError& error) {
    std::lock_guard lock(lane_failure_mutex);
    if (!lane_failure) lane_failure = error;
    halt = true;
  };
  std::vector<std::thread> lanes;
  for (int w = 0; w < jobs; ++w) {
    lanes.emplace_back([&, w] {
      LaneExtractor extractor(options);
      std::optional<LaneWriter> own_writer;
      if (lane_writers) {
        try {
          own_writer.emplace(lane_shard_path(options.index_path, w));
        } catch (const IndexError& e) {
          fail_in_lane(e);
        }
      }
      std::optional<Pending> in_flight = start_next(extractor);
      while (in_flight) {
        WorkerOutcome outcome = extractor.finish(*in_flight, stop);
        if (outcome.status == WorkerOutcome::Status::interrupted) break;
        Pending done = std::move(*in_flight);
        in_flight = start_next(extractor);  // the worker starts on it while we analyse
        const std::string path = done.result.report.path;
        WorkResult result;
        try {
          result = complete(std::move(done), std::move(outcome));
        } catch (const std::exception& e) {
          result.report.path = path;
          result.report.outcome = ImportOutcome::failed;
          result.report.detail = e.what();
        }
        // A new file goes into the lane's own shard; the calling thread reports it.
        if (own_writer && result.file && result.report.outcome == ImportOutcome::added) {
          const std::string first = written_ids.claim(result.file->info.id, path);
          if (!first.empty()) {
            report_duplicate(result, first);
          } else {
            try {
              own_writer->write(*result.file);
              result.file.reset();
            } catch (const IndexError& e) {
              fail_in_lane(e);
              continue;  // not written: not reported
            }
          }
        }
        results.push(std::move(result));
      }
      if (own_writer) {
        try {
          own_writer->close();
        } catch (const IndexError& e) {
          fail_in_lane(e);
        }
        lane_files[static_cast<size_t>(w)] = own_writer->files();
      }
      results.producer_done();
    });
  }

  int uncommitted = 0;
  auto last_commit = Clock::now();
  std::set<std::string> moved_away;
  std::optional<IndexError> failure;
  while (std::optional<WorkResult> result = results.pop()) {
    if (failure) continue;  // drain, so that no worker waits on a full queue
    if (result->file) {
      // Two new files with the same content in one run: index the first, report the second.
      const std::string first = written_ids.claim(result->file->info.id, result->report.path);
      if (!first.empty()) report_duplicate(*result, first);
    }
    try {
      if (result->file) writer.replace_prepared(*result->file);
      if (result->record) writer.update_record(result->old_path, *result->record);
      const std::string& path = result->report.path;
      if (result->failure) {
        remember_failed_file(db, *result->failure);
      } else if (result->report.outcome != ImportOutcome::failed &&
                 result->report.outcome != ImportOutcome::skipped && snapshot.failed.count(path)) {
        forget_failed_file(db, path);
      }
    } catch (const IndexError& e) {
      failure = e;
      halt = true;
      continue;
    }
    if (result->report.outcome == ImportOutcome::renamed) moved_away.insert(result->old_path);
    count(summary, result->report);
    observer.on_file(result->report);
    if (++uncommitted >= kCommitEveryFiles ||
        std::chrono::duration<double>(Clock::now() - last_commit).count() > kCommitEverySeconds) {
      writer.commit();
      uncommitted = 0;
      last_commit = Clock::now();
    }
  }
  for (auto& lane : lanes) lane.join();
  if (failure) throw *failure;
  if (lane_failure) throw *lane_failure;  // what the shards hold is copied in by the next run

  summary.interrupted = stop;
  if (!options.keep_missing && !summary.interrupted) {
    for (const auto& [path, info] : snapshot.by_path) {
      if (walked.count(path) || moved_away.count(path) || !under_folder(path, options.folders)) {
        continue;
      }
      if (exists(path)) continue;  // still there (skipped as hidden or temporary): keep it
      writer.remove_path(path);
      FileReport report;
      report.path = path;
      report.outcome = ImportOutcome::removed;
      count(summary, report);
      observer.on_file(report);
    }
    for (const auto& [path, failed] : snapshot.failed) {  // failed files that are gone
      if (!walked.count(path) && under_folder(path, options.folders) && !exists(path)) {
        forget_failed_file(db, path);
      }
    }
  }
  writer.commit();
  if (lane_writers) merge_lane_writers(db, options.index_path, lane_files, summary);
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return summary;
}

}  // namespace klausul
