#include "index/database.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "index/compaction.h"
#include "index/lane_shards.h"
#include "index/stub_file.h"
#include "ingest/error.h"

namespace klausul {

std::string resolve_database_path(const std::string& db_option) {
  if (!db_option.empty()) return db_option;
  if (const char* env = std::getenv("KLAUSUL_DB"); env != nullptr && *env != '\0') return env;
  std::string data_home;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    data_home = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    data_home = std::string(home) + "/.local/share";
  } else {
    throw UsageError("no database given: set --db, $KLAUSUL_DB or $HOME");
  }
  return data_home + "/klausul/index";
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
  if (is_stub_file(path)) {
    std::string shards;
    try {
      shards = std::to_string(read_stub(path).size());
    } catch (const IndexError&) {
      throw IndexError(path + " is a file, not an index folder");
    }
    throw UsageError(path + " is a stub of " + shards +
                     " shards: ingest into (or remove from) one shard's directory");
  }
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) throw IndexError("cannot create index folder " + path + ": " + ec.message());
  // A compaction that a killed process left half swapped is finished first.
  finish_interrupted_compaction(path);
  Xapian::WritableDatabase db;
  try {
    db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("index at " + path + " is locked by another ingest");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index at " + path + " for writing: " + e.get_msg());
  }
  // Files a killed parallel import wrote into its writer shards are copied in (under the
  // writer's lock, so no second writer does it at the same time).
  recover_lane_shards(db, path);
  return db;
}

}  // namespace klausul
