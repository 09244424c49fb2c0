#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "index/database.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "ingest/extract_pdf.h"
#include "ingest/ingest_file.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/file_walk.h"

namespace klausul::cli {
namespace {

struct Summary {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int failed = 0;
  long clauses = 0;
};

// Size and mtime unchanged since the last ingest: the file is skipped without reading it.
bool looks_unchanged(const DocumentInfo& indexed, const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  return indexed.size == static_cast<std::int64_t>(st.st_size) &&
         indexed.mtime == static_cast<std::int64_t>(st.st_mtime);
}

Manifest load_manifests(const Args& args, const WalkResult& walk) {
  Manifest manifest;
  for (const std::string& file : walk.manifests) manifest.merge(Manifest::load(file));
  // An explicit --manifest wins over the klausul.csv files found in folders.
  if (!args.get("manifest").empty()) manifest.merge(Manifest::load(args.get("manifest")));
  return manifest;
}

void ingest_one(const std::string& path, const IngestOptions& options, bool force,
                Xapian::WritableDatabase& db, IndexWriter& writer, Summary& summary) {
  auto indexed = find_document_by_path(db, path);
  if (indexed && !force && looks_unchanged(*indexed, path)) {
    ++summary.unchanged;
    return;
  }
  IngestedFile file = ingest_file(path, options);
  if (indexed && !force && indexed->id == file.info.id) {
    // Touched but the same content: keep the clauses, refresh size and mtime only.
    ++summary.unchanged;
  } else {
    ++(indexed ? summary.updated : summary.added);
  }
  writer.replace_file(file);
  summary.clauses += static_cast<long>(file.clauses.size());
}

}  // namespace

int run_ingest(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "region", "manifest", "jobs"}, {"force"});
  if (args.positional.empty()) throw UsageError("ingest needs at least one PATH");
  const auto started = std::chrono::steady_clock::now();

  const RegionTable& regions = RegionTable::builtin();
  if (!args.get("region").empty() && !regions.find(args.get("region"))) {
    throw UsageError("unknown region '" + args.get("region") + "'");
  }
  WalkResult walk = walk_paths(args.positional);
  Manifest manifest = load_manifests(args, walk);
  IngestOptions options;
  options.regions = &regions;
  options.manifest = &manifest;
  options.region_override = args.get("region");

  const std::string db_path = resolve_database_path(args.get("db"));
  Xapian::WritableDatabase db = open_for_writing(db_path);
  IndexWriter writer(db);
  warm_up_pdf_backend();

  Summary summary;
  for (const std::string& missing : walk.missing) {
    std::cerr << missing << ": no such file or folder\n";
    ++summary.failed;
  }
  for (const std::string& path : walk.files) {
    try {
      ingest_one(path, options, args.has("force"), db, writer, summary);
    } catch (const IngestError& e) {
      std::cerr << path << ": " << e.what() << '\n';
      ++summary.failed;
    } catch (const UsageError& e) {
      std::cerr << path << ": " << e.what() << '\n';
      ++summary.failed;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (walk.files.empty() && walk.missing.empty()) std::cerr << "no documents found\n";
  char line[256];
  std::snprintf(line, sizeof line,
                "ingest: %d added, %d updated, %d unchanged, %d failed; %ld clauses written "
                "in %.2f s -> %s\n",
                summary.added, summary.updated, summary.unchanged, summary.failed,
                summary.clauses, seconds, db_path.c_str());
  std::cerr << line;
  return summary.failed > 0 ? kExitSomeFilesFailed : kExitOk;
}

}  // namespace klausul::cli
