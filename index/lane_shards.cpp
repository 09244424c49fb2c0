#include "index/lane_shards.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "index/writer.h"
#include "ingest/error.h"

namespace fs = std::filesystem;

namespace klausul {
namespace {

constexpr const char* kLanePrefix = ".lane-";

}  // namespace

std::string lane_shard_path(const std::string& index, int lane) {
  return (fs::path(index) / (kLanePrefix + std::to_string(lane))).string();
}

std::vector<std::string> leftover_lane_shards(const std::string& index) {
  std::vector<std::string> shards;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(index, ec)) {
    if (entry.is_directory(ec) && entry.path().filename().string().starts_with(kLanePrefix)) {
      shards.push_back(entry.path().string());
    }
  }
  std::sort(shards.begin(), shards.end());
  return shards;
}

void remove_lane_shards(const std::vector<std::string>& shards) {
  std::error_code ec;
  for (const std::string& shard : shards) fs::remove_all(shard, ec);
}

int recover_lane_shards(Xapian::WritableDatabase& db, const std::string& index) {
  const std::vector<std::string> shards = leftover_lane_shards(index);
  if (shards.empty()) return 0;
  IndexWriter writer(db);
  int copied = 0;
  for (const std::string& shard : shards) {
    std::error_code ec;
    if (!fs::exists(fs::path(shard) / "iamglass", ec)) {
      remove_lane_shards({shard});  // killed while creating it: it holds no file
      continue;
    }
    try {
      const Xapian::Database source(shard);
      for (const DocumentInfo& info : list_documents(source)) {
        writer.copy_file_from(source, info);
        ++copied;
      }
    } catch (const Xapian::Error& e) {
      throw IndexError("cannot read the writer shard " + shard +
                       " that an interrupted import left: " + e.get_msg());
    }
    writer.commit();  // the shard's files are in the index before the shard goes
    remove_lane_shards({shard});
  }
  return copied;
}

}  // namespace klausul
