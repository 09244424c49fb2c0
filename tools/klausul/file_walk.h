// Finding the documents under the paths given to `klausul ingest`.
#pragma once

#include <string>
#include <vector>

#include "ingest/manifest.h"

namespace klausul::cli {

/// What a walk found: document files (absolute, lexically normal, sorted), the manifests
/// (klausul.csv) met on the way, and the paths that do not exist.
struct WalkResult {
  std::vector<std::string> files;
  std::vector<std::string> manifests;
  std::vector<std::string> missing;
};

/// Walks files and folders recursively. Skips hidden entries (".x"), Office lock and temporary
/// files ("~$x.docx", "x~", ".~lock"), manifests and klausul's data files (regions.tsv, synonyms.tsv, related.tsv), and symlinked folders (no leaving the tree).
WalkResult walk_paths(const std::vector<std::string>& paths);

/// `path` made absolute (against the working directory) and lexically normal: the form in
/// which source paths are stored in the index.
std::string absolute_normal(const std::string& path);

/// The manifest file name looked for in every ingested folder.
inline const char* const kFolderManifestName = "klausul.csv";

}  // namespace klausul::cli
