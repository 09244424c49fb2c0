#include "index/database.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

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

Xapian::Database open_for_reading(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw IndexError("no index at " + path + " (run 'klausul ingest' first, or give --db)");
  }
  try {
    return Xapian::Database(path);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index at " + path + ": " + e.get_msg());
  }
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) throw IndexError("cannot create index folder " + path + ": " + ec.message());
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError("index at " + path + " is locked by another ingest");
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index at " + path + " for writing: " + e.get_msg());
  }
}

}  // namespace klausul
