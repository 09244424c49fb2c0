#include "tools/klausul/web/index_pool.h"

#include "index/compaction.h"
#include "search/open_database.h"
#include "ingest/error.h"

namespace klausul::web {
namespace {

// More idle handles than worker threads are never needed; the bound keeps file descriptors
// in check if a burst of requests opened extra ones.
constexpr size_t kMaxIdle = 16;

}  // namespace

std::unique_ptr<Xapian::Database> IndexPool::take(std::uint64_t& generation) {
  std::unique_ptr<Xapian::Database> db;
  generation = table_generation(path_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (generation != idle_generation_) {
      idle_.clear();  // opened on tables a compaction replaced
      idle_generation_ = generation;
    }
    if (!idle_.empty()) {
      db = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (db) {
    try {
      db->reopen();
      return db;
    } catch (const Xapian::Error&) {
      // The folder was replaced or removed under us: fall through and open it afresh, so
      // the error (if any) is the clear one of open_for_reading.
    }
  }
  // Opening may finish a compaction a killed ingest left: the generation read above may be
  // the old one, and then the handle is simply not kept.
  return std::make_unique<Xapian::Database>(open_for_reading(path_));
}

void IndexPool::give_back(std::unique_ptr<Xapian::Database> db, std::uint64_t generation) {
  if (!db) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation == idle_generation_ && generation == table_generation(path_) &&
      idle_.size() < kMaxIdle) {
    idle_.push_back(std::move(db));
  }
}

}  // namespace klausul::web
