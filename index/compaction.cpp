#include "index/compaction.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "ingest/error.h"

namespace fs = std::filesystem;

namespace klausul {
namespace {

constexpr const char* kCopyFolder = ".compact-new";
constexpr const char* kSwapMarker = ".compact-swap";
constexpr const char* kLockFile = ".compact.lock";
// Xapian's version file: renamed last, so a reader never takes the new version file for
// old tables without noticing.
constexpr const char* kVersionFile = "iamglass";

// An flock on <index>/.compact.lock, held while a compaction writes its copy or swaps it in.
class CompactionLock {
 public:
  CompactionLock(const fs::path& folder, bool wait) {
    fd_ = ::open((folder / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return;
    if (::flock(fd_, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~CompactionLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
  }
  CompactionLock(const CompactionLock&) = delete;
  CompactionLock& operator=(const CompactionLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

void fsync_path(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Test hook: KLAUSUL_TEST_DIE_AFTER_RENAMES=N makes the process die (as kill -9 would) after
// N renames of the swap, so the end-to-end test can check that the next open finishes it.
int renames_before_dying() {
  const char* text = std::getenv("KLAUSUL_TEST_DIE_AFTER_RENAMES");
  return text == nullptr || *text == '\0' ? -1 : std::atoi(text);
}

// Step 3 of the swap (see the header). Idempotent: a file already moved is not in the copy
// folder any more.
void finish_swap(const fs::path& folder) {
  const fs::path copy = folder / kCopyFolder;
  std::error_code ec;
  std::vector<fs::path> tables;
  bool has_version_file = false;
  for (const auto& entry : fs::directory_iterator(copy, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kVersionFile) {
      has_version_file = true;
    } else if (name != "flintlock") {
      tables.push_back(entry.path());
    }
  }
  if (has_version_file) tables.push_back(copy / kVersionFile);
  const int die_after = renames_before_dying();
  int renamed = 0;
  for (const fs::path& table : tables) {
    if (die_after >= 0 && renamed == die_after) ::_exit(137);
    fs::rename(table, folder / table.filename(), ec);
    if (ec) {
      throw IndexError("cannot finish compacting the index at " + folder.string() + ": " +
                       table.filename().string() + ": " + ec.message());
    }
    ++renamed;
  }
  fsync_path(folder);
  fs::remove(folder / kSwapMarker, ec);
  fs::remove_all(copy, ec);
  fsync_path(folder);
}

std::int64_t file_size_or_zero(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : static_cast<std::int64_t>(size);
}

}  // namespace

TableSizes table_sizes(const std::string& path) {
  TableSizes sizes;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return sizes;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".glass")) continue;
    const std::int64_t size = file_size_or_zero(entry.path());
    if (name == "postlist.glass") {
      sizes.postlist = size;
    } else if (name == "termlist.glass") {
      sizes.termlist = size;
    } else if (name == "position.glass") {
      sizes.position = size;
    } else if (name == "docdata.glass") {
      sizes.docdata = size;
    } else {
      sizes.other += size;  // spelling, synonym
    }
  }
  return sizes;
}

std::uint64_t table_generation(const std::string& path) {
  struct stat info {};
  if (::stat((fs::path(path) / "postlist.glass").c_str(), &info) != 0) return 0;
  return static_cast<std::uint64_t>(info.st_ino);
}

bool worth_compacting(long changed_clauses, long index_clauses) {
  return changed_clauses >= kMinClausesToCompact && changed_clauses * 4 >= index_clauses;
}

void compact_in_place(Xapian::WritableDatabase& db, const std::string& path) {
  merge_in_place(db, path, {});
}

void merge_in_place(Xapian::WritableDatabase& db, const std::string& path,
                    const std::vector<std::string>& sources) {
  const fs::path folder(path);
  const std::string what = sources.empty() ? "compact" : "merge writer shards into";
  CompactionLock lock(folder, true);
  if (!lock.held()) throw IndexError("cannot " + what + " the index at " + path + ": cannot lock it");
  const fs::path copy = folder / kCopyFolder;
  std::error_code ec;
  fs::remove_all(copy, ec);
  try {
    db.commit();
    // A reader of the committed revision: the writer's lock keeps it from changing.
    Xapian::Database committed(path);
    for (const std::string& source : sources) committed.add_database(Xapian::Database(source));
    // One folder keeps its document ids; several are numbered one after another. Blocks of
    // 32 KB instead of Xapian's 8 KB: fewer, fuller blocks, 1.4% smaller at a million
    // clauses with latency unchanged (tools/bench/RESULTS.md).
    constexpr int kBlockSize = 32768;
    committed.compact(copy.string(),
                      (sources.empty() ? Xapian::DBCOMPACT_NO_RENUMBER : 0) |
                          Xapian::Compactor::FULL,
                      kBlockSize);
  } catch (const Xapian::Error& e) {
    fs::remove_all(copy, ec);
    throw IndexError("cannot " + what + " the index at " + path + ": " + e.get_msg());
  }
  for (const auto& entry : fs::directory_iterator(copy, ec)) fsync_path(entry.path());
  fsync_path(copy);
  // The marker commits the swap: from here a killed process's successor completes it.
  const int marker = ::open((folder / kSwapMarker).c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (marker < 0) {
    fs::remove_all(copy, ec);
    throw IndexError("cannot " + what + " the index at " + path + ": cannot write " + kSwapMarker);
  }
  ::fsync(marker);
  ::close(marker);
  fsync_path(folder);
  finish_swap(folder);
}

void finish_interrupted_compaction(const std::string& path) {
  const fs::path folder(path);
  std::error_code ec;
  const bool marked = fs::exists(folder / kSwapMarker, ec);
  if (!marked && !fs::exists(folder / kCopyFolder, ec)) return;
  // With the marker the swap is short: wait for a live compactor to end it. Without it, a
  // live compactor may still be writing its copy: leave that alone unless it is dead.
  CompactionLock lock(folder, marked);
  if (!lock.held()) return;
  if (fs::exists(folder / kSwapMarker, ec)) {
    finish_swap(folder);
  } else {
    fs::remove_all(folder / kCopyFolder, ec);
  }
}

}  // namespace klausul
