#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "index/compaction.h"
#include "index/database.h"
#include "index/importer.h"
#include "ingest/error.h"
#include "search/open_database.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/term_model_update.h"
#include "tools/klausul/file_walk.h"
#include "tools/klausul/helper_program.h"
#include "tools/klausul/progress.h"

namespace klausul::cli {
namespace {

std::atomic<bool> interrupted{false};
volatile std::sig_atomic_t interrupting_signal = 0;

// Ctrl-C or SIGTERM: stop taking new files, kill the workers busy with one; the files already
// extracted are written and committed. The exit code is the shell's 128 + signal.
extern "C" void on_interrupt(int signal) {
  interrupting_signal = signal;
  interrupted = true;
}

// After the import everything is committed; learning the term model can take minutes and does
// not look at a flag. A signal then ends the process at once: the model is learned again by the
// next ingest (its signature no longer matches the index) or by `klausul learn`.
extern "C" void on_interrupt_while_learning(int signal) {
  static const char kLine[] =
      "ingest: interrupted while learning the term model; the index is committed, the next "
      "ingest (or 'klausul learn') learns it\n";
  [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, kLine, sizeof kLine - 1);
  ::_exit(128 + signal);
}

// The command that starts an extraction worker: klausul-extract beside this binary, opened
// once and started from the open file (/proc/self/fd/N), not from its path: a worker started
// late in a long ingest is still the program found when the ingest began, even when the file
// was replaced (a rebuild, an upgrade) meanwhile, and it must speak this binary's message
// version. The descriptor stays open until the process ends.
std::vector<std::string> worker_command() {
  const std::string path = helper_program_path(kExtractProgram);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw UsageError("cannot open " + path + ": " + std::strerror(errno) +
                     " (the extraction worker is built and installed beside klausul)");
  }
  return {"/proc/self/fd/" + std::to_string(fd)};
}

Manifest load_manifests(const Args& args, const WalkResult& walk) {
  Manifest manifest;
  for (const std::string& file : walk.manifests) manifest.merge(Manifest::load(file));
  // An explicit --manifest wins over the klausul.csv files found in folders.
  if (!args.get("manifest").empty()) manifest.merge(Manifest::load(args.get("manifest")));
  return manifest;
}

std::vector<std::string> walked_folders(const std::vector<std::string>& paths) {
  std::vector<std::string> folders;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      folders.push_back(absolute_normal(path));
    }
  }
  return folders;
}

void print_summary(const ImportSummary& s, const std::string& db_path) {
  char line[400];
  std::snprintf(line, sizeof line,
                "ingest%s: %d added, %d updated, %d unchanged, %d renamed, %d duplicates, "
                "%d removed, %d failed; %ld clauses written in %.2f s -> %s\n",
                s.interrupted ? " (interrupted)" : "", s.added, s.updated, s.unchanged,
                s.renamed, s.duplicate, s.removed, s.failed, s.clauses, s.seconds,
                db_path.c_str());
  std::cerr << line;
  if (s.skipped > 0) {
    std::cerr << "ingest: " << s.skipped << " files that hung or crashed extraction before were "
              << "not retried (unchanged since; --retry-failed tries them again)\n";
  }
  if (s.ocr_pages > 0 || s.skipped_pages > 0) {
    std::cerr << "ingest: " << s.ocr_pages << " scanned pages read by OCR, " << s.skipped_pages
              << " pages without text skipped\n";
  }
}

enum class CompactMode { automatic, yes, no };

CompactMode compact_mode_from(const std::string& value) {
  if (value.empty() || value == "auto") return CompactMode::automatic;
  if (value == "yes") return CompactMode::yes;
  if (value == "no") return CompactMode::no;
  throw UsageError("--compact takes auto, yes or no, not '" + value + "'");
}

void compact_and_report(Xapian::WritableDatabase& db, const std::string& db_path) {
  const auto start = std::chrono::steady_clock::now();
  const std::int64_t before = table_sizes(db_path).total();
  compact_in_place(db, db_path);
  const std::int64_t after = table_sizes(db_path).total();
  char line[200];
  std::snprintf(line, sizeof line, "compacted: %.1f MB -> %.1f MB in %.2f s\n",
                static_cast<double>(before) / 1e6, static_cast<double>(after) / 1e6,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  std::cerr << line;
}

}  // namespace

int run_compact(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db"}, {});
  if (!args.positional.empty()) throw UsageError("compact takes no arguments (only --db DIR)");
  const std::string db_path = resolve_database_path(args.get("db"));
  if (!std::filesystem::is_directory(db_path)) {
    throw UsageError(db_path + " is not an index folder (compact each shard's folder)");
  }
  Xapian::WritableDatabase db = open_for_writing(db_path);
  compact_and_report(db, db_path);
  return kExitOk;
}

int run_ingest(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2,
                         {"db", "region", "manifest", "jobs", "report", "learn", "file-timeout",
                          "compact"},
                         {"force", "no-ocr", "keep-missing", "retry-failed"});
  if (args.positional.empty()) throw UsageError("ingest needs at least one PATH");
  const RegionTable& regions = RegionTable::builtin();
  if (!args.get("region").empty()) regions.require_known({args.get("region")});
  WalkResult walk = walk_paths(args.positional);
  Manifest manifest = load_manifests(args, walk);

  ImportOptions options;
  options.jobs = args.get_int("jobs", static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  options.force = args.has("force");
  options.keep_missing = args.has("keep-missing");
  options.folders = walked_folders(args.positional);
  options.ingest.regions = &regions;
  options.ingest.manifest = &manifest;
  options.ingest.region_override = args.get("region");
  options.ingest.ocr = !args.has("no-ocr");
  options.worker_command = worker_command();
  options.file_timeout = std::chrono::seconds(args.get_int("file-timeout", 60));
  options.retry_failed = args.has("retry-failed");

  const LearnMode learn = learn_mode_from(args.get("learn"));
  const CompactMode compact = compact_mode_from(args.get("compact"));
  const std::string db_path = resolve_database_path(args.get("db"));
  Xapian::WritableDatabase db = open_for_writing(db_path);
  // A large import writes in parallel shards merged (compactly) at the end; --compact no
  // keeps the single writer, whose index needs no merge.
  if (compact != CompactMode::no) options.index_path = db_path;

  for (const std::string& missing : walk.missing) {
    std::cerr << missing << ": no such file or folder\n";
  }
  if (walk.files.empty() && walk.missing.empty()) std::cerr << "no documents found\n";
  IngestProgress progress(walk.files.size(), args.get("report"));
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  ImportSummary summary = run_import(db, walk.files, options, progress, interrupted);
  progress.finish();
  summary.failed += static_cast<int>(walk.missing.size());
  print_summary(summary, db_path);
  if (!summary.interrupted) {
    std::signal(SIGINT, on_interrupt_while_learning);
    std::signal(SIGTERM, on_interrupt_while_learning);
    if (interrupted) on_interrupt_while_learning(interrupting_signal);  // came just now
    if (summary.merged_shards > 0) {
      char line[200];
      std::snprintf(line, sizeof line, "merged %d writer shards into the index: %.1f MB in %.2f s\n",
                    summary.merged_shards, static_cast<double>(table_sizes(db_path).total()) / 1e6,
                    summary.merge_seconds);
      std::cerr << line;
    }
    // A large import leaves the index compact without a separate step (a merge of writer
    // shards already did).
    const bool compact_now =
        summary.merged_shards == 0 &&
        (compact == CompactMode::yes ||
         (compact == CompactMode::automatic &&
          worth_compacting(summary.clauses, static_cast<long>(db.get_doccount()))));
    if (compact_now) {
      try {
        compact_and_report(db, db_path);
      } catch (const IndexError& e) {
        // The import is committed and whole; only its compaction failed (e.g. a full disk).
        std::cerr << "ingest: the index was not compacted: " << e.what() << '\n';
      }
    }
    db.close();  // after a compaction it would read the replaced tables
    // What the archive teaches about words is learned again when the archive changed.
    refresh_term_model(open_for_reading(db_path), db_path, learn);
  }
  if (summary.interrupted) return 128 + (interrupting_signal != 0 ? interrupting_signal : SIGINT);
  return summary.failed > 0 ? kExitSomeFilesFailed : kExitOk;
}

}  // namespace klausul::cli
