// Files whose extraction worker timed out, crashed or ran out of memory. They are kept in the
// index's user metadata (schema::kFailedFilePrefix), so that the next ingest does not spend
// another full budget on a file that will hang again: such a file is tried again only when
// its size or mtime changed, or with --retry-failed (or --force).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>

namespace klausul {

/// One remembered failure.
struct FailedFile {
  std::string path;
  std::int64_t size = 0;
  std::int64_t mtime = 0;
  std::string reason;  // the one-line reason, e.g. "extraction stopped after 60 s"
};

/// Every remembered failure, by path. Empty for databases without user metadata (remote
/// shards, stubs).
std::map<std::string, FailedFile> read_failed_files(const Xapian::Database& db);

/// Remembers `file` (replacing what was remembered for its path); part of the next commit.
void remember_failed_file(Xapian::WritableDatabase& db, const FailedFile& file);

/// Forgets the failure remembered for `path`, if any; part of the next commit.
void forget_failed_file(Xapian::WritableDatabase& db, const std::string& path);

/// The kind of a reason for summaries: "timed out", "crashed", "out of memory" or "failed".
std::string failure_kind(const std::string& reason);

}  // namespace klausul
