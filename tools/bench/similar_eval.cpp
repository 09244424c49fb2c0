// Evaluation of `klausul similar` against hand-labelled counterparts (similar_eval.tsv):
// recall@3 and MRR (over the first 10) for klausul's method and for a plain BM25 baseline
// over the query clause's words, in the same run on the same index.
//   similar_eval DB similar_eval.tsv
// With SIMILAR_EVAL_POOL=1 set, the unlabelled top-3 answers of both methods are also printed
// to stderr ("POOL<TAB>query region<TAB>query key<TAB>target<TAB>query<TAB>answer", without
// saying which method found them): the pool an assessor judges to extend the labels.
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "ingest/normalize.h"
#include "search/similar.h"

namespace {

struct Case {
  std::string query_region, query_text, target_region;
  std::vector<std::string> expected;
};

std::vector<Case> load(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case c;
    std::string expected;
    std::getline(fields, c.query_region, '\t');
    std::getline(fields, c.query_text, '\t');
    std::getline(fields, c.target_region, '\t');
    std::getline(fields, expected, '\t');
    std::istringstream parts(expected);
    for (std::string part; std::getline(parts, part, '|');) c.expected.push_back(part);
    if (!c.expected.empty()) cases.push_back(std::move(c));
  }
  return cases;
}

// The first clause of the region whose text contains `needle` (the labelled query clause).
std::string find_clause(const Xapian::Database& db, const std::string& region,
                        const std::string& needle) {
  const std::string term = klausul::schema::kRegionPrefix + region;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    klausul::Clause clause = klausul::clause_from_data(db.get_document(*it).get_data());
    if (clause.kind != klausul::BlockKind::heading && clause.text.find(needle) != std::string::npos) {
      return clause.id;
    }
  }
  return "";
}

bool matches(const std::string& text, const Case& c) {
  for (const auto& e : c.expected) {
    if (text.find(e) != std::string::npos) return true;
  }
  return false;
}

// 1-based rank of the first correct text, 0 when none.
int first_correct(const std::vector<std::string>& texts, const Case& c) {
  for (size_t i = 0; i < texts.size(); ++i) {
    if (matches(texts[i], c)) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::vector<std::string> ours(const Xapian::Database& db, const std::string& clause_id,
                              const Case& c) {
  klausul::SimilarRequest request;
  request.clause_id = clause_id;
  request.regions = {c.target_region};
  request.per_region = 10;
  std::vector<std::string> texts;
  for (const auto& hit : klausul::find_similar(db, request, klausul::RegionTable::builtin()).hits) {
    texts.push_back(hit.clause.text);
  }
  return texts;
}

std::vector<std::string> bm25(const Xapian::Database& db, const std::string& text, const Case& c) {
  Xapian::QueryParser parser;
  parser.set_stemmer(klausul::swedish_stemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_stopper(&klausul::swedish_stopper());
  parser.set_default_op(Xapian::Query::OP_OR);
  Xapian::Query words = parser.parse_query(klausul::fold_for_index(text), 0);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER, words,
      Xapian::Query(Xapian::Query::OP_AND,
                    Xapian::Query(klausul::schema::kRegionPrefix + c.target_region),
                    Xapian::Query(klausul::schema::kKindPrefix + klausul::schema::kClauseKind))));
  std::vector<std::string> texts;
  Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    texts.push_back(klausul::clause_from_data(it.get_document().get_data()).text);
  }
  return texts;
}

struct Score {
  int hits_at_3 = 0;
  double reciprocal = 0;
  void add(int rank) {
    hits_at_3 += rank >= 1 && rank <= 3;
    reciprocal += rank > 0 ? 1.0 / rank : 0.0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: similar_eval DB similar_eval.tsv\n";
    return 2;
  }
  Xapian::Database db(argv[1]);
  Score method, baseline;
  int evaluated = 0, missing = 0;
  for (const Case& c : load(argv[2])) {
    const std::string id = find_clause(db, c.query_region, c.query_text);
    if (id.empty()) {
      std::fprintf(stderr, "query clause not found: %s: %s\n", c.query_region.c_str(),
                   c.query_text.c_str());
      ++missing;
      continue;
    }
    const std::string text = klausul::clause_from_data(
        db.get_document(*db.postlist_begin(klausul::schema::clause_term(id))).get_data()).text;
    const int our_rank = first_correct(ours(db, id, c), c);
    const int base_rank = first_correct(bm25(db, text, c), c);
    method.add(our_rank);
    baseline.add(base_rank);
    ++evaluated;
    std::printf("%-10s -> %-10s ours %2d  bm25 %2d  %s\n", c.query_region.c_str(),
                c.target_region.c_str(), our_rank, base_rank, c.query_text.substr(0, 60).c_str());
    if (std::getenv("SIMILAR_EVAL_POOL")) {
      for (const auto& list : {ours(db, id, c), bm25(db, text, c)}) {
        for (size_t i = 0; i < list.size() && i < 3; ++i) {
          if (!matches(list[i], c)) {
            std::fprintf(stderr, "POOL\t%s\t%s\t%s\t%s\t%s\n", c.query_region.c_str(),
                         c.query_text.c_str(), c.target_region.c_str(), text.c_str(),
                         list[i].c_str());
          }
        }
      }
    }
  }
  if (evaluated == 0) return 1;
  std::printf("\n%d query/region pairs (%d query clauses not found)\n", evaluated, missing);
  std::printf("%-22s recall@3 %.3f  MRR %.3f\n", "klausul similar:",
              method.hits_at_3 / double(evaluated), method.reciprocal / evaluated);
  std::printf("%-22s recall@3 %.3f  MRR %.3f\n", "BM25 over the words:",
              baseline.hits_at_3 / double(evaluated), baseline.reciprocal / evaluated);
  return 0;
}
