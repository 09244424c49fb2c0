#include "search/open_database.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

#include "index/clause_set.h"
#include "index/compaction.h"
#include "index/schema.h"
#include "ingest/error.h"

namespace klausul {
namespace {

// A stub may list another stub (Xapian allows it); a stub that lists itself must not loop.
constexpr int kMaxStubNesting = 8;

// Xapian's message plus the system error behind it ("Couldn't connect: Connection refused").
std::string reason(const Xapian::Error& e) {
  std::string text = e.get_msg();
  if (e.get_error_string() != nullptr && *e.get_error_string() != '\0') {
    text += std::string(": ") + e.get_error_string();
  }
  return text;
}

int backend_flag(const std::string& backend) {
  if (backend == "glass") return Xapian::DB_BACKEND_GLASS;
  if (backend == "chert") return Xapian::DB_BACKEND_CHERT;
  return 0;  // auto: Xapian detects the format
}

Xapian::Database open_path(const std::string& path, const RemoteTimeouts& timeouts, int depth);

// An index folder. A compaction swaps new tables in within milliseconds (index/compaction.h);
// a reader that opens the folder in between sees a version file that does not match its
// tables, waits for the swap (finish_interrupted_compaction) and tries again.
Xapian::Database open_folder(const std::string& path, int backend) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    finish_interrupted_compaction(path);
    try {
      return Xapian::Database(path, backend);
    } catch (const Xapian::DatabaseError&) {
      if (attempt == kAttempts) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
}

// The uuids of the remote shards this process opened (has_remote_shard).
struct RemoteUuids {
  std::mutex mutex;
  std::set<std::string> uuids;
};

RemoteUuids& remote_uuids() {
  static RemoteUuids remote;
  return remote;
}

Xapian::Database remember_remote(Xapian::Database db) {
  const std::string uuid = db.get_uuid();  // sent in the server's greeting: no round trip
  if (!uuid.empty()) {
    std::lock_guard<std::mutex> lock(remote_uuids().mutex);
    remote_uuids().uuids.insert(uuid);
  }
  return db;
}

// `where` tells the user which stub listed the shard (" listed in all.stub"), if any.
Xapian::Database open_shard(const ShardLocation& shard, const std::string& where,
                            const RemoteTimeouts& timeouts, int depth) {
  const std::string name = "cannot open shard " + shard.line() + where + ": ";
  try {
    switch (shard.kind) {
      case ShardLocation::Kind::tcp:
        return remember_remote(
            Xapian::Remote::open(shard.host, shard.port, timeouts.reply_ms, timeouts.connect_ms));
      case ShardLocation::Kind::program:
        return remember_remote(
            Xapian::Remote::open(shard.program, shard.arguments, timeouts.reply_ms));
      case ShardLocation::Kind::local:
        break;
    }
    std::error_code ec;
    if (!std::filesystem::exists(shard.path, ec)) throw IndexError(name + "no such folder");
    if (is_stub_file(shard.path)) return open_path(shard.path, timeouts, depth + 1);
    return open_folder(shard.path, backend_flag(shard.backend));
  } catch (const Xapian::Error& e) {
    throw IndexError(name + reason(e));
  }
}

Xapian::Database open_path(const std::string& path, const RemoteTimeouts& timeouts, int depth) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw IndexError("no index at " + path + " (run 'klausul ingest' first, or give --db)");
  }
  if (!is_stub_file(path)) {
    try {
      return open_folder(path, 0);
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot open index at " + path + ": " + reason(e));
    }
  }
  if (depth > kMaxStubNesting) {
    throw IndexError("cannot open " + path + ": stubs nested too deep (a stub listing itself?)");
  }
  std::vector<ShardLocation> shards;
  try {
    shards = read_stub(path);
  } catch (const IndexError& e) {
    throw IndexError(path + " is neither an index folder nor a stub file (" + e.what() + ")");
  }
  // Opened one by one (not by Xapian's own stub reader) so that a failure names its shard
  // and remote shards get our timeouts.
  Xapian::Database combined;
  for (const ShardLocation& shard : shards) {
    combined.add_database(open_shard(shard, " listed in " + path, timeouts, depth));
  }
  return combined;
}

bool is_klausul_index(const Xapian::Database& db) {
  return db.term_exists(schema::kKindPrefix + schema::kDocumentKind);
}

}  // namespace

RemoteTimeouts remote_timeouts_from_environment() {
  RemoteTimeouts timeouts;
  const char* text = std::getenv("KLAUSUL_SHARD_TIMEOUT");
  if (text == nullptr || *text == '\0') return timeouts;
  char* end = nullptr;
  const double seconds = std::strtod(text, &end);
  if (*end != '\0' || !(seconds > 0) || seconds > 3600) {
    throw UsageError("$KLAUSUL_SHARD_TIMEOUT must be a number of seconds, not '" +
                     std::string(text) + "'");
  }
  timeouts.connect_ms = timeouts.reply_ms = static_cast<unsigned>(seconds * 1000);
  return timeouts;
}

Xapian::Database open_for_reading(const std::string& path) {
  return open_for_reading(path, remote_timeouts_from_environment());
}

Xapian::Database open_for_reading(const std::string& path, const RemoteTimeouts& timeouts) {
  return open_path(path, timeouts, 0);
}

ShardLocation parse_shard_argument(const std::string& argument) {
  const std::string scheme = "tcp://";
  ShardLocation shard;
  if (argument.rfind(scheme, 0) == 0) {
    const std::string address = argument.substr(scheme.size());
    const size_t colon = address.rfind(':');
    const std::string port = colon == std::string::npos ? "" : address.substr(colon + 1);
    if (colon == std::string::npos || colon == 0 || port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) == 0 ||
        std::stoul(port) > 65535) {
      throw UsageError("'" + argument + "': a remote shard is tcp://HOST:PORT");
    }
    shard.kind = ShardLocation::Kind::tcp;
    shard.host = address.substr(0, colon);
    shard.port = static_cast<unsigned>(std::stoul(port));
    return shard;
  }
  std::error_code ec;
  auto absolute = std::filesystem::absolute(argument, ec);
  shard.path = (ec ? std::filesystem::path(argument) : absolute).lexically_normal().string();
  // "shards/stockholm/" and "shards/stockholm" are the same shard.
  while (shard.path.size() > 1 && shard.path.back() == '/') shard.path.pop_back();
  return shard;
}

std::vector<ShardSummary> make_stub(const std::string& stub_path,
                                    const std::vector<ShardLocation>& shards,
                                    const RemoteTimeouts& timeouts) {
  std::error_code ec;
  if (std::filesystem::is_directory(stub_path, ec)) {
    throw UsageError(stub_path + " is a folder (an index?): name a new file for the stub");
  }
  if (shards.empty()) throw UsageError("a stub needs at least one shard");
  std::set<std::string> seen;
  std::vector<ShardSummary> summaries;
  for (const ShardLocation& shard : shards) {
    // The same shard twice would count every clause twice.
    if (!seen.insert(shard.line()).second) throw UsageError(shard.line() + " is listed twice");
    const Xapian::Database db = open_shard(shard, "", timeouts, 0);
    if (!is_klausul_index(db)) {
      throw IndexError("shard " + shard.line() +
                       " has no klausul documents (not a klausul index, or nothing ingested)");
    }
    summaries.push_back(ShardSummary{shard,
                                     db.get_termfreq(schema::kKindPrefix + schema::kDocumentKind),
                                     clause_count(db)});
  }
  write_stub(stub_path, shards);
  return summaries;
}

std::vector<bool> remote_shards(const Xapian::Database& db) {
  {
    std::lock_guard<std::mutex> lock(remote_uuids().mutex);
    if (remote_uuids().uuids.empty()) return {};
  }
  // The shards' uuids joined by ':', in shard order (empty when a shard has none).
  const std::string combined = db.get_uuid();
  if (combined.empty()) return {};
  std::vector<bool> remote;
  bool any = false;
  std::lock_guard<std::mutex> lock(remote_uuids().mutex);
  size_t start = 0;
  while (start <= combined.size()) {
    size_t end = combined.find(':', start);
    if (end == std::string::npos) end = combined.size();
    remote.push_back(remote_uuids().uuids.count(combined.substr(start, end - start)) > 0);
    any = any || remote.back();
    start = end + 1;
  }
  if (!any) return {};
  return remote;
}

bool has_remote_shard(const Xapian::Database& db) { return !remote_shards(db).empty(); }

}  // namespace klausul
