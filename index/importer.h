// Batch import: many files into one index, in parallel, incrementally, resumably.
//
// `jobs` lanes (threads) each decide files (unchanged, renamed, duplicate, to extract), have
// them extracted — in a supervised worker process of their own (ingest/worker_process.h) when
// `worker_command` is set, else in the thread — and analyse the clauses for the index; while
// a lane analyses one file its worker already extracts the next. Changes are written by the
// calling thread (one Xapian writer) — except in a large import (new files a quarter of the
// index or more, at least kMinFilesForLaneWriters, two or more jobs, `index_path` set): then
// each lane writes the new files it analysed into a writer shard of its own, and the shards
// are merged into the index at the end (index/lane_shards.h). Each file is one transaction;
// transactions are committed in batches, so `kill -9` at any moment leaves the last
// committed state — whole files only, in the index or in a writer shard that the next
// writer copies in — and the next run redoes what was not committed (unchanged files are
// skipped by size and mtime, and by content hash when those changed).
#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/ingest_file.h"

namespace klausul {

// skipped: failed before in a worker (hang, crash, memory) and unchanged since: not retried.
enum class ImportOutcome { added, updated, unchanged, renamed, duplicate, removed, failed, skipped };

/// "added", "updated", ... as written to reports.
std::string import_outcome_name(ImportOutcome outcome);

/// What happened to one file.
struct FileReport {
  std::string path;
  ImportOutcome outcome = ImportOutcome::failed;
  std::string detail;  // the error of a failed (or skipped) file; the other path of a rename
                       // or duplicate
  int clauses = 0;
  int pages = 0;
  int ocr_pages = 0;      // scanned pages read by OCR
  int skipped_pages = 0;  // pages without text left unread (--no-ocr, time budget)
  double seconds = 0;
};

/// Told about every file as soon as its outcome is known (called from the importing thread).
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  virtual void on_file(const FileReport& report) = 0;
};

struct ImportOptions {
  int jobs = 1;
  bool force = false;         // re-extract every file
  bool keep_missing = false;  // keep indexed files that disappeared from the folders
  std::vector<std::string> folders;  // folders walked: their vanished files are removed
  IngestOptions ingest;
  // Supervised extraction: the command that starts one extraction worker (empty: extract in
  // the importing process, as unit tests do), each file's wall-clock budget (--file-timeout),
  // what one scanned page read by OCR adds to it, and the worker's address-space limit.
  std::vector<std::string> worker_command;
  // Extraction in the importing process when `worker_command` is empty: unit tests set it to
  // ingest_bytes. A function value rather than a call, so that the klausul binary, which
  // extracts in workers only, does not load the parsers (Poppler and its libraries) at every
  // start. With neither set, run_import throws std::invalid_argument.
  std::function<IngestedFile(const std::string& bytes, const std::string& path,
                             const IngestOptions& options)>
      extract_in_process;
  std::chrono::milliseconds file_timeout{60000};
  std::chrono::milliseconds ocr_time_per_page{30000};
  std::int64_t worker_memory_mb = 2048;
  bool retry_failed = false;  // try files that failed in a worker before, even unchanged
  // The index folder `db` is open on: lanes of a large import write shards inside it. Empty:
  // the calling thread writes everything (and the index is not merged/compacted here).
  std::string index_path;
};

/// The fewest new files for which lanes write shards of their own (below it, merging costs
/// more than the parallel writing saves).
inline constexpr int kMinFilesForLaneWriters = 16;

struct ImportSummary {
  int added = 0, updated = 0, unchanged = 0, renamed = 0, duplicate = 0, removed = 0,
      failed = 0, skipped = 0;
  long clauses = 0;
  int pages = 0;
  int ocr_pages = 0;
  int skipped_pages = 0;
  double seconds = 0;
  bool interrupted = false;  // `stop` was set: the files done so far are committed
  int merged_shards = 0;     // writer shards merged into the index (which is then compact)
  double merge_seconds = 0;
};

/// Imports `files` (absolute paths). Stops taking new files when `stop` becomes true (Ctrl-C)
/// and returns after committing what was written. Throws IndexError when the index fails.
/// After a merge of writer shards (summary.merged_shards > 0) `db` still reads the replaced
/// tables: close it, and open the folder again to go on.
ImportSummary run_import(Xapian::WritableDatabase& db, const std::vector<std::string>& files,
                         const ImportOptions& options, ImportObserver& observer,
                         const std::atomic<bool>& stop);

}  // namespace klausul
