// Batch import: many files into one index, in parallel, incrementally, resumably.
//
// Extraction runs in `jobs` worker threads; writing is serialised in the calling thread
// (one Xapian writer). Each file is one transaction; transactions are committed in batches,
// so `kill -9` at any moment leaves the last committed state — whole files only — and the
// next run redoes what was not committed (unchanged files are skipped by size and mtime, and
// by content hash when those changed).
#pragma once

#include <xapian.h>

#include <atomic>
#include <string>
#include <vector>

#include "ingest/ingest_file.h"

namespace klausul {

enum class ImportOutcome { added, updated, unchanged, renamed, duplicate, removed, failed };

/// "added", "updated", ... as written to reports.
std::string import_outcome_name(ImportOutcome outcome);

/// What happened to one file.
struct FileReport {
  std::string path;
  ImportOutcome outcome = ImportOutcome::failed;
  std::string detail;  // the error of a failed file; the other path of a rename or duplicate
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
};

struct ImportSummary {
  int added = 0, updated = 0, unchanged = 0, renamed = 0, duplicate = 0, removed = 0,
      failed = 0;
  long clauses = 0;
  int pages = 0;
  int ocr_pages = 0;
  int skipped_pages = 0;
  double seconds = 0;
  bool interrupted = false;  // `stop` was set: the files done so far are committed
};

/// Imports `files` (absolute paths). Stops taking new files when `stop` becomes true (Ctrl-C)
/// and returns after committing what was written. Throws IndexError when the index fails.
ImportSummary run_import(Xapian::WritableDatabase& db, const std::vector<std::string>& files,
                         const ImportOptions& options, ImportObserver& observer,
                         const std::atomic<bool>& stop);

}  // namespace klausul
