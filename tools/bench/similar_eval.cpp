// Evaluation of `klausul similar` against hand-labelled counterparts (similar_eval.tsv):
// recall@3 and MRR (over the first 10) for klausul's method with the index's term model, for
// the same without it (stems and thesaurus only, the engine before the term model) and for a
// plain BM25 baseline over the query clause's words, in the same run on the same index. klausul
// is asked for every region, as the CLI and the web page ask, and ranked by the target region's
// hits; "asked for that region alone" is the same with `--region` (until 2026-12-03 the only
// figure, 0.01-0.03 below). Per
// split (tune / heldout) when the pairs file has a fifth column, and per split and set (the
// earlier pairs A+B, the newer C, the newest D) when it has a sixth, the pair id.
//   similar_eval DB PAIRS.tsv [NAME]
// KLAUSUL_TUNING="semantic_weight=0.6,meaning_floor=0.3,..." overrides ScoreTuning fields
// (for sweeps on the tuning half only).
// SIMILAR_EVAL_SPLIT=tune evaluates that split only. SIMILAR_EVAL_COMPARE=1 calibrates
// compare's match threshold instead (see calibrate_compare). SIMILAR_EVAL_VERBOSE=1 prints
// each pair's ranks, SIMILAR_EVAL_SHOW=1 each pair's first five hits. SIMILAR_EVAL_SEEDS=7,11,13 also learns term models with those seeds
// from the same index and prints the mean of klausul similar over them and the index's own
// (a small archive's skip-gram model moves with its random start). With SIMILAR_EVAL_POOL=1
// set, the unlabelled top-3 answers of both methods are also printed to stderr ("POOL<TAB>query region<TAB>query key<TAB>target<TAB>query<TAB>answer", without
// saying which method found them): the pool an assessor judges to extend the labels.
#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "index/analyzer.h"
#include "index/clause_lookup.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/term_model_learning.h"
#include "ingest/normalize.h"
#include "search/compare.h"
#include "search/similar.h"
#include "search/term_model_store.h"

namespace {

struct Case {
  std::string query_region, query_text, target_region;
  std::vector<std::string> expected;
  std::string split = "all";  // fifth column when present: tune | heldout
  // From the sixth column, the pair id, when present: "C" for the pairs of
  // similar_eval_real_C.tsv (labelled 2026-12-03), "A+B" for the earlier ones.
  std::string set;
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
    std::string split;
    if (std::getline(fields, split, '\t') && !split.empty()) c.split = split;
    std::string id;
    // Sets A and B were labelled together; C and D each later, on their own.
    if (std::getline(fields, id, '\t') && !id.empty()) {
      c.set = id[0] == 'A' || id[0] == 'B' ? "A+B" : std::string(1, id[0]);
    }
    if (!c.expected.empty()) cases.push_back(std::move(c));
  }
  return cases;
}

// The groups a case is reported in: its split, and its split within its set when known.
std::vector<std::string> report_keys(const Case& c) {
  if (c.set.empty()) return {c.split};
  return {c.split, c.split + ", set " + c.set};
}

// The first clause of the region whose text contains `needle` (the labelled query clause).
std::string find_clause(const Xapian::Database& db, const std::string& region,
                        const std::string& needle) {
  const std::string term = klausul::schema::kRegionPrefix + region;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    klausul::Clause clause = klausul::clause_of_document(db.get_document(*it));
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

// The target region's hits, from `similar` over every region as the CLI and the web page run
// it, or (`one_region`) asked for the target region alone (`--region`). The two differ a
// little: a candidate's BM25 weight counts relative to the best candidate of the regions
// asked.
std::vector<std::string> ours(const Xapian::Database& db, const std::string& clause_id,
                              const Case& c, const klausul::TermModel* model,
                              const klausul::ScoreTuning& tuning, bool one_region = false) {
  klausul::SimilarRequest request;
  request.term_model = model;
  request.tuning = tuning;
  request.clause_id = clause_id;
  if (one_region) request.regions = {c.target_region};
  request.per_region = 10;
  std::vector<std::string> texts;
  const bool show = std::getenv("SIMILAR_EVAL_SHOW") != nullptr;
  for (const auto& hit : klausul::find_similar(db, request, klausul::RegionTable::builtin()).hits) {
    if (hit.document.region != c.target_region) continue;
    texts.push_back(hit.clause.text);
    if (show && texts.size() <= 5) {
      std::printf("    %zu %.3f %s%s\n", texts.size(), hit.score, matches(hit.clause.text, c) ? "* " : "",
                  hit.clause.text.substr(0, 160).c_str());
    }
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
  // Region terms are on clauses only.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words,
                                  Xapian::Query(klausul::schema::kRegionPrefix + c.target_region)));
  std::vector<std::string> texts;
  Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    texts.push_back(klausul::clause_of_document(it.get_document()).text);
  }
  return texts;
}

struct Score {
  int count = 0;
  int hits_at_3 = 0;
  double reciprocal = 0;
  void add(int rank) {
    ++count;
    hits_at_3 += rank >= 1 && rank <= 3;
    reciprocal += rank > 0 ? 1.0 / rank : 0.0;
  }
  std::string text() const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "recall@3 %.3f  MRR %.3f", hits_at_3 / double(count),
                  reciprocal / count);
    return buffer;
  }
};

klausul::ScoreTuning tuning_from_environment() {
  klausul::ScoreTuning tuning = klausul::default_score_tuning();
  const char* text = std::getenv("KLAUSUL_TUNING");
  if (!text) return tuning;
  std::istringstream fields(text);
  for (std::string field; std::getline(fields, field, ',');) {
    const auto equals = field.find('=');
    if (equals == std::string::npos) continue;
    const std::string name = field.substr(0, equals);
    const double value = std::stod(field.substr(equals + 1));
    if (name == "semantic_weight") tuning.semantic_weight = value;
    else if (name == "meaning_floor") tuning.meaning_floor = value;
    else if (name == "bm25_weight") tuning.bm25_weight = value;
    else if (name == "full_statement_stems") tuning.full_statement_stems = value;
    else if (name == "fragment_power") tuning.fragment_power = value;
    else if (name == "expansion_weight") tuning.expansion_weight = value;
    else if (name == "document_topic_weight") tuning.document_topic_weight = value;
    else if (name == "topic_candidates") tuning.topic_candidates = static_cast<size_t>(value);
    else if (name == "open_clause_factor") tuning.open_clause_factor = value;
    else if (name == "soft_link_rank") tuning.soft_link_rank = static_cast<size_t>(value);
    else if (name == "soft_link_minimum") tuning.soft_link_minimum = value;
    else std::cerr << "KLAUSUL_TUNING: unknown field " << name << "\n";
  }
  return tuning;
}

// SIMILAR_EVAL_COMPARE=1: calibration of compare's match threshold. For every pair, the
// query clause is scored (as compare scores, no BM25) against each clause of the document
// that holds its labelled counterpart: the counterpart is a positive, the document's other
// clauses count as negatives. Prints, per threshold, the share of each that reaches it,
// with the term model and without.
void calibrate_compare(const Xapian::Database& db, const std::vector<Case>& cases,
                       const klausul::TermModel* model) {
  klausul::IdfCache idf(db);
  const klausul::StemCanon& canon = klausul::standard_stem_canon();
  std::vector<double> positive[2], negative[2];  // [0] stems only, [1] with the model
  for (const Case& c : cases) {
    const std::string query_id = find_clause(db, c.query_region, c.query_text);
    const std::string target_id = find_clause(db, c.target_region, c.expected.front());
    if (query_id.empty() || target_id.empty()) continue;
    const Xapian::Document query_doc = db.get_document(*klausul::find_clause(db, query_id));
    const klausul::ClauseVector query = klausul::vector_of_document(idf, query_doc, canon, true);
    const klausul::RelatedStems related(query, klausul::Thesaurus::system(), canon);
    const klausul::QueryScorer scorers[2] = {klausul::QueryScorer(query, related, nullptr),
                                             klausul::QueryScorer(query, related, model)};
    const std::string document = target_id.substr(0, target_id.find(':'));
    for (const auto& [clause, doc] : klausul::document_clauses(db, document)) {
      if (clause.kind == klausul::BlockKind::heading) continue;
      const klausul::ClauseVector vector = klausul::vector_of_document(idf, doc, canon);
      for (int m = 0; m < 2; ++m) {
        (matches(clause.text, c) ? positive[m] : negative[m]).push_back(scorers[m].score(vector));
      }
    }
  }
  auto share = [](const std::vector<double>& scores, double threshold) {
    size_t n = 0;
    for (double s : scores) n += s >= threshold;
    return scores.empty() ? 0.0 : static_cast<double>(n) / scores.size();
  };
  std::printf("compare calibration: %zu positives, %zu negatives\n", positive[0].size(),
              negative[0].size());
  std::printf("threshold  stems: positives negatives   model: positives negatives\n");
  for (double t = 0.10; t < 0.71; t += 0.025) {
    std::printf("  %.3f          %.3f     %.3f            %.3f     %.3f\n", t,
                share(positive[0], t), share(negative[0], t), share(positive[1], t),
                share(negative[1], t));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: similar_eval DB PAIRS.tsv [NAME]\n";
    return 2;
  }
  const std::string name = argc == 4 ? argv[3] : "pairs";
  Xapian::Database db(argv[1]);
  const klausul::LoadedTermModel model = klausul::term_model_for(argv[1]);
  if (!model.model) std::cerr << "similar_eval: " << model.problem << "\n";
  const klausul::ScoreTuning tuning = tuning_from_environment();
  const klausul::ScoreTuning stems_only_tuning;
  // ours, stems only, bm25, ours asked for the target region alone
  std::map<std::string, std::array<Score, 4>> by_split;
  int missing = 0;
  // SIMILAR_EVAL_SPLIT=tune evaluates only that split: sweeps never see the held-out half.
  const char* only_split = std::getenv("SIMILAR_EVAL_SPLIT");
  if (std::getenv("SIMILAR_EVAL_COMPARE")) {
    std::vector<Case> cases;
    for (const Case& c : load(argv[2])) {
      if (!only_split || c.split == only_split) cases.push_back(c);
    }
    calibrate_compare(db, cases, model.model.get());
    return 0;
  }
  std::vector<std::pair<Case, std::string>> found;  // each case with its query clause id
  for (const Case& c : load(argv[2])) {
    if (only_split && c.split != only_split) continue;
    const std::string id = find_clause(db, c.query_region, c.query_text);
    if (id.empty()) {
      std::fprintf(stderr, "query clause not found: %s: %s\n", c.query_region.c_str(),
                   c.query_text.c_str());
      ++missing;
      continue;
    }
    found.emplace_back(c, id);
    const std::string text = klausul::clause_of_document(
        db.get_document(*klausul::find_clause(db, id))).text;
    const auto our_list = ours(db, id, c, model.model.get(), tuning);
    const int our_rank = first_correct(our_list, c);
    const int stems_rank = first_correct(ours(db, id, c, nullptr, stems_only_tuning), c);
    const int base_rank = first_correct(bm25(db, text, c), c);
    const int one_region_rank = first_correct(ours(db, id, c, model.model.get(), tuning, true), c);
    for (const std::string& key : report_keys(c)) {
      auto& scores = by_split[key];
      scores[0].add(our_rank);
      scores[1].add(stems_rank);
      scores[2].add(base_rank);
      scores[3].add(one_region_rank);
    }
    if (std::getenv("SIMILAR_EVAL_VERBOSE")) {
      std::printf("%-7s %-12s -> %-12s ours %2d  stems %2d  bm25 %2d  %s\n", c.split.c_str(),
                  c.query_region.c_str(), c.target_region.c_str(), our_rank, stems_rank,
                  base_rank, c.query_text.substr(0, 50).c_str());
    }
    if (std::getenv("SIMILAR_EVAL_POOL")) {
      for (const auto& list : {our_list, bm25(db, text, c)}) {
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
  if (by_split.empty()) return 1;
  if (missing > 0) std::printf("%s: %d query clauses not found\n", name.c_str(), missing);
  // SIMILAR_EVAL_SEEDS=1,2,3: klausul similar again with term models learned from the same
  // index with those seeds, and the mean over them and the index's own model.
  std::map<std::string, std::vector<Score>> by_seed;
  std::vector<int> seeds;
  if (const char* list = std::getenv("SIMILAR_EVAL_SEEDS"); list && model.model) {
    std::istringstream fields(list);
    for (std::string field; std::getline(fields, field, ',');) seeds.push_back(std::stoi(field));
  }
  for (int seed : seeds) {
    klausul::TermModelOptions options;
    options.seed = seed;
    const klausul::TermModel seeded = klausul::learn_term_model(db, options);
    std::map<std::string, Score> scores;
    for (const auto& [c, id] : found) {
      const int rank = first_correct(ours(db, id, c, &seeded, tuning), c);
      for (const std::string& key : report_keys(c)) scores[key].add(rank);
    }
    for (const auto& [key, score] : scores) by_seed[key].push_back(score);
  }
  for (const auto& [split, scores] : by_split) {
    std::printf("%s, %s, %d pairs:\n", name.c_str(), split.c_str(), scores[0].count);
    std::printf("  %-32s %s\n", "klausul similar:", scores[0].text().c_str());
    std::printf("  %-32s %s\n", "  asked for that region alone:", scores[3].text().c_str());
    std::printf("  %-32s %s\n", "without term model (stems only):", scores[1].text().c_str());
    std::printf("  %-32s %s\n", "BM25 over the words:", scores[2].text().c_str());
    const auto seeded = by_seed.find(split);
    if (seeded == by_seed.end()) continue;
    double recall = scores[0].hits_at_3 / double(scores[0].count);
    double mrr = scores[0].reciprocal / scores[0].count;
    double low = recall, high = recall;
    for (const Score& score : seeded->second) {
      const double r = score.hits_at_3 / double(score.count);
      recall += r;
      mrr += score.reciprocal / score.count;
      low = std::min(low, r);
      high = std::max(high, r);
    }
    const double n = 1.0 + static_cast<double>(seeded->second.size());
    std::printf("  %-32s recall@3 %.3f  MRR %.3f  (recall@3 %.3f-%.3f)\n",
                ("mean of " + std::to_string(static_cast<int>(n)) + " model seeds:").c_str(),
                recall / n, mrr / n, low, high);
  }
  return 0;
}
