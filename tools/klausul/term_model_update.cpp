#include "tools/klausul/term_model_update.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "index/database.h"
#include "index/term_model_learning.h"
#include "ingest/error.h"
#include "search/open_database.h"
#include "search/version_store.h"
#include "search/versions.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"

namespace klausul::cli {

void update_term_model(const Xapian::Database& db, const std::string& db_path, bool always) {
  const std::string path = term_model_path(db_path);
  if (!always && TermModel::read_signature(path) == index_signature(db)) return;
  // Which same-titled documents are versions of one another changes with the index too.
  update_series_file(db, db_path);
  const auto start = std::chrono::steady_clock::now();
  const TermModel model = learn_term_model(db);
  model.save(path);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[160];
  std::snprintf(line, sizeof line, "term model: %zu words learned from the index in %.1f s\n",
                model.size(), seconds);
  std::cerr << line;
}

int run_learn(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db"}, {});
  if (!args.positional.empty()) throw UsageError("learn takes no arguments (only --db DIR)");
  const std::string db_path = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(db_path);
  update_term_model(db, db_path, true);
  return kExitOk;
}

}  // namespace klausul::cli
