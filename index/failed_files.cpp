#include "index/failed_files.h"

#include <nlohmann/json.hpp>

#include "index/schema.h"

namespace klausul {

std::map<std::string, FailedFile> read_failed_files(const Xapian::Database& db) {
  std::map<std::string, FailedFile> files;
  try {
    for (auto key = db.metadata_keys_begin(schema::kFailedFilePrefix);
         key != db.metadata_keys_end(schema::kFailedFilePrefix); ++key) {
      const nlohmann::json j = nlohmann::json::parse(db.get_metadata(*key), nullptr, false);
      if (!j.is_object() || !j.contains("path")) continue;  // not ours: ignored
      FailedFile file;
      file.path = j.value("path", "");
      file.size = j.value("size", std::int64_t{0});
      file.mtime = j.value("mtime", std::int64_t{0});
      file.reason = j.value("reason", "");
      files.emplace(file.path, std::move(file));
    }
  } catch (const Xapian::UnimplementedError&) {  // remote shards keep no user metadata
  } catch (const Xapian::InvalidOperationError&) {
  }
  return files;
}

void remember_failed_file(Xapian::WritableDatabase& db, const FailedFile& file) {
  const nlohmann::json j = {
      {"path", file.path}, {"size", file.size}, {"mtime", file.mtime}, {"reason", file.reason}};
  db.set_metadata(schema::failed_file_key(file.path),
                  j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void forget_failed_file(Xapian::WritableDatabase& db, const std::string& path) {
  db.set_metadata(schema::failed_file_key(path), "");  // an empty value deletes the key
}

std::string failure_kind(const std::string& reason) {
  if (reason.find("stopped after") != std::string::npos) return "timed out";
  if (reason.find("out of memory") != std::string::npos) return "out of memory";
  if (reason.find("crashed") != std::string::npos ||
      reason.find("without a result") != std::string::npos) {
    return "crashed";
  }
  return "failed";
}

}  // namespace klausul
