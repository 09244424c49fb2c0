#include "tools/klausul/file_walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace klausul::cli {
namespace fs = std::filesystem;
namespace {

bool is_skipped_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return true;              // hidden, .~lock.x#
  if (name.rfind("~$", 0) == 0 || name.back() == '~') return true;  // Office/editor temporaries
  // klausul's own data files live beside the documents in corpus/.
  return name == kFolderManifestName || name == "regions.tsv" ||
         name == "synonyms.tsv" || name == "related.tsv";
}

void walk_folder(const fs::path& folder, WalkResult& result) {
  std::error_code ec;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(folder, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (is_skipped_name(name) || it->is_symlink(ec)) it.disable_recursion_pending();
      continue;
    }
    if (name == kFolderManifestName) {
      result.manifests.push_back(absolute_normal(it->path().string()));
      continue;
    }
    if (is_skipped_name(name) || !it->is_regular_file(ec)) continue;
    result.files.push_back(absolute_normal(it->path().string()));
  }
}

}  // namespace

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal().string();
}

WalkResult walk_paths(const std::vector<std::string>& paths) {
  WalkResult result;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.missing.push_back(path);
    } else if (fs::is_directory(status)) {
      fs::path manifest = fs::path(path) / kFolderManifestName;
      if (fs::exists(manifest, ec)) result.manifests.push_back(absolute_normal(manifest.string()));
      walk_folder(path, result);
    } else {
      result.files.push_back(absolute_normal(path));
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
  std::sort(result.manifests.begin(), result.manifests.end());
  result.manifests.erase(std::unique(result.manifests.begin(), result.manifests.end()),
                         result.manifests.end());
  return result;
}

}  // namespace klausul::cli
