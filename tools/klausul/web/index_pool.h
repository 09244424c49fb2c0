// Read handles on the index for the web server's worker threads.
//
// A Xapian::Database must not be used by two threads at once, and opening one per request
// costs file opens on every search. So the pool keeps idle handles and lends one per request;
// each lease first calls Database::reopen(), which moves the handle to the latest committed
// revision when an ingest has committed meanwhile (and is nearly free otherwise). That is how
// searching keeps working, and sees new clauses, while `klausul ingest` writes. After an
// ingest compacted the folder (new table files, index/compaction.h) idle handles are dropped
// and opened afresh: reopen() would go on reading the replaced files.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace klausul::web {

class IndexPool {
 public:
  /// `path` is the database folder; nothing is opened until the first lease.
  explicit IndexPool(std::string path) : path_(std::move(path)) {}
  IndexPool(const IndexPool&) = delete;
  IndexPool& operator=(const IndexPool&) = delete;

  const std::string& path() const { return path_; }

  /// Runs `work` with a handle at the latest revision. When a writer commits twice while
  /// `work` reads (Xapian::DatabaseModifiedError), the handle is reopened and `work` runs once
  /// more. Throws IndexError when the index cannot be opened.
  template <class Work>
  auto with_database(Work&& work) {
    Lease lease(*this);
    try {
      return work(static_cast<const Xapian::Database&>(*lease.db));
    } catch (const Xapian::DatabaseModifiedError&) {
      lease.db->reopen();
      return work(static_cast<const Xapian::Database&>(*lease.db));
    }
  }

 private:
  // Borrows a handle for one request and gives it back when the request is done.
  struct Lease {
    explicit Lease(IndexPool& pool) : pool(pool), generation(0), db(pool.take(generation)) {}
    ~Lease() { pool.give_back(std::move(db), generation); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    IndexPool& pool;
    std::uint64_t generation;  // of the tables the handle was opened on
    std::unique_ptr<Xapian::Database> db;
  };

  // `generation` is set to the table generation (index/compaction.h) the handle reads.
  std::unique_ptr<Xapian::Database> take(std::uint64_t& generation);
  void give_back(std::unique_ptr<Xapian::Database> db, std::uint64_t generation);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> idle_;  // guarded by mutex_
  std::uint64_t idle_generation_ = 0;  // the generation of every idle handle; guarded by mutex_
};

}  // namespace klausul::web
