// klausul: search Swedish county policy documents clause by clause.
// Dispatches the commands; errors become messages and exit codes in run_guarded
// (tools/klausul/error_boundary.h).
#include <iostream>
#include <string>

#include "ingest/error.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/error_boundary.h"
#include "tools/klausul/helper_program.h"
#include "tools/klausul/term_model_update.h"

namespace {

const char* const kUsage = R"(klausul — search Swedish county policy documents clause by clause

usage:
  klausul ingest PATH... [--db DIR] [--jobs N] [--region R] [--manifest FILE] [--force]
                 [--keep-missing] [--report FILE.jsonl] [--no-ocr] [--learn background|wait|no]
                 [--file-timeout SECONDS] [--retry-failed] [--compact auto|yes|no]
                 (auto: a large import, a quarter of the index or more, compacts it after)
  klausul search QUERY [--db DIR] [--region R]... [--type T]... [--year A..B] [--limit N]
                 [--offset N] [--all-copies] [--all-versions]
  klausul similar (--clause ID | --text TEXT) [--per-region N] [--region R]... [--db DIR]
                 [--all-versions]
     (search and similar show texts in force: hits of replaced or expired documents are
      folded under the current version; --all-versions shows every version)
  klausul compare DOC_A DOC_B [--db DIR]     (documents by id or source path; for two
                 versions give OLD NEW: pairs are oförändrad, ändrad (with a word diff), ny, borttagen)
  klausul coverage (--text TEXT | --clause ID | QUERY) [--per-region N] [--all-versions] [--db DIR]
                 (all 21 regions: motsvarighet, närliggande, ingen träff or inga dokument)
  klausul versions DOC [--db DIR]   (the document's versions with dates and statuses)
  klausul list [--db DIR]
  klausul show ID|PATH [--db DIR]     (a document; a clause id: the clause in its context)
  klausul show CLAUSE_ID --context N  (the clause among N clauses before and after it)
  klausul remove PATH [--db DIR] [--learn background|wait|no]
  klausul learn [--db DIR] [--if-stale] [--neighbours WORDS]
                 (learns the term model again; ingest and remove keep it current)
  klausul stats [--db DIR]     (documents, clauses, index size per table against its text)
  klausul compact [--db DIR]   (rewrites the index folder compactly; ingest does it by itself
                 after large imports)
  klausul shards STUB SHARD... [--learn background|wait|no]
                 (SHARD: index folder or tcp://HOST:PORT; then --db STUB)
  klausul serve [--db DIR] [--bind 127.0.0.1] [--port 8080]   (read-only web page, see serve --help)
common options: --format text|json|jsonl|csv|xlsx|md|html   --output FILE
                --csv-delimiter ';'   (xlsx needs --output)
The database is --db, else $KLAUSUL_DB, else ${XDG_DATA_HOME:-~/.local/share}/klausul/index.
Reading commands also take a stub file of shards made by 'klausul shards'.
)";

int dispatch(const std::string& command, int argc, char** argv) {
  using namespace klausul::cli;
  if (command == "ingest") return run_ingest(argc, argv);
  if (command == "search") return run_search(argc, argv);
  if (command == "similar") return run_similar(argc, argv);
  if (command == "compare") return run_compare(argc, argv);
  if (command == "coverage") return run_coverage(argc, argv);
  if (command == "list") return run_list(argc, argv);
  if (command == "show") return run_show(argc, argv);
  if (command == "versions") return run_versions(argc, argv);
  if (command == "remove") return run_remove(argc, argv);
  if (command == "stats") return run_stats(argc, argv);
  if (command == "shards") return run_shards(argc, argv);
  if (command == "serve") become_helper_program(kServeProgram, argv);
  if (command == "learn") return run_learn(argc, argv);
  if (command == "compact") return run_compact(argc, argv);
  throw klausul::UsageError("unknown command '" + command + "' (see klausul --help)");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace klausul::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "klausul 0.1.0\n";
    return kExitOk;
  }
  return run_guarded(command, [&] { return dispatch(command, argc, argv); });
}
