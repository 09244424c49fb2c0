#include "index/term_model_learning.h"

#include <fasttext/args.h>
#include <fasttext/dictionary.h>
#include <fasttext/fasttext.h>
#include <fasttext/vector.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <unordered_set>

#include "index/analyzer.h"
#include "index/clause_lookup.h"
#include "index/clause_set.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "ingest/error.h"

namespace klausul {
namespace {

// A temporary file that is removed whatever happens.
class TemporaryFile {
 public:
  TemporaryFile() {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/klausul-learn-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkstemp(name.data());
    if (fd < 0) throw IndexError("cannot create a temporary file to learn the term model");
    close(fd);
    path_ = name.data();
  }
  ~TemporaryFile() { std::remove(path_.c_str()); }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes the stems of the index's clauses, one clause a line, in clause-id order; returns
// how many stems were written and counts each stem.
size_t write_training_text(const Xapian::Database& db, const TermModelOptions& options,
                           const std::string& path, std::map<std::string, uint32_t>& counts) {
  std::ofstream out(path, std::ios::trunc);
  size_t tokens = 0;
  std::unordered_set<size_t> seen;
  for_each_clause_in_id_order(db, [&](const Clause& clause, Xapian::docid) {
    const std::vector<std::string> stems = content_stems(clause.text);
    if (stems.empty()) return true;
    std::string line;
    for (size_t i = 0; i < stems.size(); ++i) line += (i ? " " : "") + stems[i];
    // The same text twice (a PDF and its web copy, a clause repeated in every version)
    // teaches nothing new and would only weigh its words more.
    if (!seen.insert(std::hash<std::string>{}(line)).second) return true;
    for (const std::string& stem : stems) ++counts[stem];
    out << line << '\n';
    tokens += stems.size();
    return tokens < options.max_tokens;
  });
  out.flush();
  if (!out) throw IndexError("cannot write the term model's training text (disk full?)");
  return tokens;
}

}  // namespace

bool enough_text_to_learn(const Xapian::Database& db, const TermModelOptions& options) {
  // The answer (distinct clause texts hold min_tokens stems or more) does not depend on the
  // order clauses are read in, so they are read in document order: one walk of the clause
  // posting list beside the clause values' stream, not a term lookup per clause as the
  // learning sample needs, nor a document opened per clause (a clause stored before clauses
  // were values is read from its document).
  size_t tokens = 0;
  std::unordered_set<size_t> seen;
  Xapian::ValueIterator value = db.valuestream_begin(schema::kClauseSlot);
  const Xapian::ValueIterator values_end = db.valuestream_end(schema::kClauseSlot);
  bool enough = false;
  for_each_clause_docid(db, [&](Xapian::docid docid) {
    if (value != values_end && value.get_docid() < docid) value.skip_to(docid);
    const bool stored = value != values_end && value.get_docid() == docid;
    const Clause clause =
        stored ? clause_from_data(*value) : clause_of_document(db.get_document(docid));
    if (!seen.insert(std::hash<std::string>{}(clause.text)).second) return true;
    tokens += content_stems(clause.text).size();
    enough = tokens >= options.min_tokens;
    return !enough;
  });
  return enough;
}

std::string index_signature(const Xapian::Database& db) {
  return std::to_string(db.get_doccount()) + "/" + std::to_string(db.get_total_length());
}

std::string term_model_path(const std::string& db_path) {
  std::error_code error;
  if (std::filesystem::is_directory(db_path, error)) {
    return (std::filesystem::path(db_path) / "klausul-terms.model").string();
  }
  return db_path + ".terms.model";
}

TermModel learn_term_model(const Xapian::Database& db, const TermModelOptions& options) {
  TermModel model(options.dimensions, index_signature(db));
  TemporaryFile text;
  std::map<std::string, uint32_t> counts;
  const size_t tokens = write_training_text(db, options, text.path(), counts);
  if (tokens < options.min_tokens) return model;

  fasttext::Args args;
  args.input = text.path();
  args.model = fasttext::model_name::sg;
  args.loss = fasttext::loss_name::ns;
  args.dim = options.dimensions;
  args.ws = options.window;
  args.epoch = static_cast<int>(std::clamp<size_t>(options.token_passes / tokens,
                                                   static_cast<size_t>(options.min_epochs),
                                                   static_cast<size_t>(options.max_epochs)));
  args.minCount = 1;
  args.minn = options.min_ngram;
  args.maxn = options.max_ngram;
  args.bucket = options.buckets;
  args.thread = 1;  // one thread: the same text gives the same vectors
  args.seed = options.seed;
  args.verbose = 0;
  fasttext::FastText fast_text;
  try {
    fast_text.train(args);
  } catch (const std::exception& error) {
    throw IndexError(std::string("learning the term model failed: ") + error.what());
  }
  fasttext::Vector vector(options.dimensions);
  std::vector<float> values(static_cast<size_t>(options.dimensions));
  for (const auto& [stem, count] : counts) {
    fast_text.getWordVector(vector, stem);
    std::copy(vector.data(), vector.data() + options.dimensions, values.begin());
    model.add(stem, values, count);
  }
  return model;
}

}  // namespace klausul
