#include "tools/klausul/term_model_update.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "index/analyzer.h"
#include "index/database.h"
#include "index/term_model_learning.h"
#include "ingest/error.h"
#include "search/open_database.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"

namespace klausul::cli {

void update_term_model(const Xapian::Database& db, const std::string& db_path, bool always) {
  const std::string path = term_model_path(db_path);
  if (!always && TermModel::read_signature(path) == index_signature(db)) return;
  const auto start = std::chrono::steady_clock::now();
  const TermModel model = learn_term_model(db);
  model.save(path);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[200];
  if (model.empty()) {
    std::snprintf(line, sizeof line,
                  "term model: the index holds too little text to learn from (under %zu words); "
                  "similar compares by stems and thesaurus\n",
                  TermModelOptions{}.min_tokens);
  } else {
    std::snprintf(line, sizeof line, "term model: %zu words learned from the index in %.1f s\n",
                  model.size(), seconds);
  }
  std::cerr << line;
}

int run_learn(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "neighbours"}, {});
  if (!args.positional.empty()) throw UsageError("learn takes no arguments (only --db DIR)");
  const std::string db_path = resolve_database_path(args.get("db"));
  if (!args.get("neighbours").empty()) {
    // What the archive associates with a word: the stems the model holds closest to it.
    const TermModel model = TermModel::load(term_model_path(db_path));
    for (const std::string& word : content_stems(args.get("neighbours"))) {
      std::cout << word << ':';
      for (const auto& [stem, similarity] : model.neighbours(word, 10, 0.0)) {
        char weight[16];
        std::snprintf(weight, sizeof weight, "%.2f", similarity);
        std::cout << ' ' << stem << ' ' << weight;
      }
      std::cout << '\n';
    }
    return kExitOk;
  }
  Xapian::Database db = open_for_reading(db_path);
  update_term_model(db, db_path, true);
  return kExitOk;
}

}  // namespace klausul::cli
