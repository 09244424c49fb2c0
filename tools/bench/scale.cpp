// Scale benchmark: builds a large synthetic index from real sentence material and measures
// search and similar latency on it.
//   bench_scale build CLAUSES DB CORPUS_DIR [K/N]   synthetic index of CLAUSES clauses; with
//                                   K/N only shard K of N (documents d with d % N == K) is
//                                   written, so N such shards hold exactly the one index
//   bench_scale query DB [N]        N searches and N similar queries: p50 / p99 (DB: an index
//                                   folder or a stub file of shards)
//
// How the synthetic corpus is built: every sentence of the corpus texts (corpus/*.txt) is a
// template; a synthetic clause is a template sentence in which about a third of the content
// words are replaced by words drawn from the whole corpus vocabulary (so clauses are
// realistic Swedish policy prose with real compounds and word frequencies, but not copies).
// Clauses are grouped 200 per synthetic document; documents get one of the 21 regions, a
// document type and a year 2005..2024 at random (fixed seed: the same index every run).
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "index/writer.h"
#include "ingest/regions.h"
#include "ingest/sentences.h"
#include "index/clause_set.h"
#include "index/schema.h"
#include "search/open_database.h"
#include "search/searcher.h"
#include "search/similar.h"
#include "search/term_model_store.h"
#include "search/version_store.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> corpus_sentences(const std::string& dir) {
  std::vector<std::string> sentences;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string flat = text.str();
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    for (auto& s : klausul::split_sentences(flat)) {
      if (s.size() > 40 && s.size() < 400) sentences.push_back(s);
    }
  }
  return sentences;
}

std::vector<std::string> words_of(const std::string& sentence) {
  std::vector<std::string> words;
  std::istringstream in(sentence);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

int build(long clauses, const std::string& db_path, const std::string& corpus, long shard,
          long shards) {
  const auto sentences = corpus_sentences(corpus);
  std::vector<std::string> vocabulary;
  for (const auto& s : sentences) {
    for (auto& w : words_of(s)) {
      if (w.size() > 4) vocabulary.push_back(w);
    }
  }
  if (sentences.empty()) return 1;
  std::mt19937_64 rng(20261125);
  const auto& regions = klausul::RegionTable::builtin().regions();
  const char* types[] = {"riktlinjer", "policy", "strategi", "handlingsplan", "tjänsteutlåtande"};
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_NO_SYNC);
  klausul::IndexWriter writer(db);
  const auto started = Clock::now();
  for (long done = 0, doc = 0; done < clauses; ++doc) {
    klausul::IngestedFile file;
    char id[32];
    std::snprintf(id, sizeof id, "synth%010ld", doc);
    file.info.id = id;
    file.info.path = "/synthetic/" + file.info.id + ".txt";
    const auto& region = regions[rng() % regions.size()];
    file.info.region = region.key;
    file.info.region_name = region.name;
    file.info.doc_type = types[rng() % 5];
    file.info.year = 2005 + static_cast<int>(rng() % 20);
    file.info.title = "Syntetiskt dokument " + std::to_string(doc);
    for (int i = 0; i < 200 && done < clauses; ++i, ++done) {
      auto words = words_of(sentences[rng() % sentences.size()]);
      for (auto& w : words) {
        if (w.size() > 4 && rng() % 3 == 0) w = vocabulary[rng() % vocabulary.size()];
      }
      klausul::Clause clause;
      clause.ordinal = i + 1;
      clause.document_id = file.info.id;
      clause.id = file.info.id + ":" + std::to_string(clause.ordinal);
      for (const auto& w : words) clause.text += (clause.text.empty() ? "" : " ") + w;
      clause.page = 1 + i / 20;
      file.clauses.push_back(std::move(clause));
    }
    if (doc % shards == shard) writer.replace_file(file);
    if (doc % 500 == 499) {
      std::fprintf(stderr, "%ld clauses, %.0f s\n", done,
                   std::chrono::duration<double>(Clock::now() - started).count());
    }
  }
  db.commit();
  std::printf("built %ld clauses in %.1f s\n", clauses,
              std::chrono::duration<double>(Clock::now() - started).count());
  return 0;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

int query(const std::string& db_path, int n) {
  Xapian::Database db = klausul::open_for_reading(db_path);
  std::mt19937_64 rng(7);
  const auto& regions = klausul::RegionTable::builtin();
  const char* queries[] = {"bevaka och påverka EU", "internationellt samarbete", "fullmäktige",
                           "hälso- och sjukvård", "kompetensutveckling", "vänort",
                           "\"internationella arbetet\"", "EU-medel", "handlingsplan",
                           "regional utveckling", "förtroendevalda", "benchmarking"};
  // similar runs as the CLI does: with the index's term model when it has one.
  const klausul::LoadedTermModel model = klausul::term_model_for(db_path);
  std::printf("term model: %s\n", model.model ? (std::to_string(model.model->size()) +
                                                 " stems").c_str()
                                              : model.problem.c_str());
  std::vector<double> search_ms, similar_ms;
  // The first call reads every document record; the CLI does it once per command, the web
  // page once per index state (each request below shares the cached versions, as they do).
  klausul::load_versions(db, db_path);
  for (int i = 0; i < n; ++i) {
    klausul::SearchRequest request;
    request.query = queries[i % std::size(queries)];
    const auto t0 = Clock::now();
    // As the CLI and the web page: the versions of the index (read once per index state).
    const auto versions = klausul::load_versions(db, db_path);
    request.versions = versions.get();
    auto result = klausul::run_search(db, request, regions);
    search_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  // Counted by record terms, not by the last docid: shard docids interleave.
  const long documents =
      db.get_termfreq(klausul::schema::kKindPrefix + klausul::schema::kDocumentKind);
  for (int i = 0; i < n; ++i) {
    // A random clause id: documents hold 200 clauses each.
    const long doc = static_cast<long>(rng() % (documents + 1));
    char id[48];
    std::snprintf(id, sizeof id, "synth%010ld:%d", doc, 1 + static_cast<int>(rng() % 200));
    klausul::SimilarRequest request;
    request.clause_id = id;
    request.term_model = model.model.get();
    const auto t0 = Clock::now();
    const auto versions = klausul::load_versions(db, db_path);
    request.versions = versions.get();
    try {
      klausul::find_similar(db, request, regions);
    } catch (const std::exception&) {
      continue;  // the last document may be shorter
    }
    similar_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  namespace schema = klausul::schema;
  std::printf("index: %u clauses, %ld document records, %u section records\n",
              klausul::clause_count(db), documents,
              db.get_termfreq(schema::kKindPrefix + schema::kSectionKind));
  std::printf("search  (%zu queries): p50 %.1f ms  p99 %.1f ms\n", search_ms.size(),
              percentile(search_ms, 0.5), percentile(search_ms, 0.99));
  std::printf("similar (%zu queries): p50 %.1f ms  p99 %.1f ms\n", similar_ms.size(),
              percentile(similar_ms, 0.5), percentile(similar_ms, 0.99));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "build" && (argc == 5 || argc == 6)) {
    long shard = 0, shards = 1;
    if (argc == 6 && std::sscanf(argv[5], "%ld/%ld", &shard, &shards) != 2) shards = 0;
    if (shards > 0 && shard >= 0 && shard < shards) {
      return build(std::stol(argv[2]), argv[3], argv[4], shard, shards);
    }
  }
  if (mode == "query" && (argc == 3 || argc == 4)) {
    return query(argv[2], argc == 4 ? std::stoi(argv[3]) : 200);
  }
  std::cerr << "usage: bench_scale build CLAUSES DB CORPUS_DIR [K/N] | bench_scale query DB [N]\n";
  return 2;
}
