#include "search/term_model_store.h"

#include <sys/stat.h>

#include <map>
#include <mutex>

#include "index/term_model_learning.h"
#include "ingest/error.h"

namespace klausul {
namespace {

struct CachedModel {
  long long mtime_ns = -1;
  long long size = -1;
  LoadedTermModel loaded;
};

}  // namespace

LoadedTermModel term_model_for(const std::string& db_path) {
  static std::mutex mutex;
  static std::map<std::string, CachedModel> cache;
  const std::string path = term_model_path(db_path);
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return {nullptr, "no term model yet (ingest learns one in the background; `klausul learn` makes one now): "
            "comparing by stems and thesaurus only"};
  }
  const long long mtime_ns =
      static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL + info.st_mtim.tv_nsec;
  std::lock_guard<std::mutex> lock(mutex);
  CachedModel& cached = cache[path];
  if (cached.mtime_ns == mtime_ns && cached.size == static_cast<long long>(info.st_size)) {
    return cached.loaded;
  }
  cached.mtime_ns = mtime_ns;
  cached.size = static_cast<long long>(info.st_size);
  try {
    cached.loaded = {std::make_shared<const TermModel>(TermModel::load(path)), ""};
  } catch (const IndexError& error) {
    cached.loaded = {nullptr, std::string(error.what()) + "; comparing by stems only"};
  }
  return cached.loaded;
}

}  // namespace klausul
