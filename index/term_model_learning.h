// Learning a TermModel (index/term_model.h) from an index: fastText skip-gram with subword
// n-grams (3-6 letters, so "vårdskada", "vårdskador" and "patientsäkerhetsarbete" share
// evidence with their parts) over the stems of every clause, all regions together: the
// associations come from the archive being searched and grow with every document added.
//
// Deterministic: clauses are read in the order of their ids (content hashes), fastText runs
// one thread from a fixed seed, so the same index content gives the same model whatever
// order the files were ingested in. Bounded: at most `max_tokens` stems are learned from
// (a deterministic sample of whole documents on a very large index) and fastText's hashed
// n-gram table is small, so memory stays far under ingest's 500 MB.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

#include "index/term_model.h"

namespace klausul {

struct TermModelOptions {
  int dimensions = 100;
  // Stems learned from, at most (a deterministic sample of whole clauses beyond): learning
  // time grows with it, and a million stems already hold a region's vocabulary many times.
  size_t max_tokens = 1'000'000;
  // Below this many stems nothing is learned: skip-gram vectors from a few thousand words are
  // noise that only moves scores. On the seed corpus (4,300 stems) a model lowered similar's
  // recall@3 from 0.82 to 0.79; on the real-text set (15,500 stems) it raised it on the
  // tuning half (tools/bench/RESULTS.md).
  size_t min_tokens = 10'000;
  // Passes over the text: small archives need more (fastText's default 5 learns little from
  // 50,000 words); epochs * tokens is kept near token_passes, which bounds the time.
  int min_epochs = 3;
  int max_epochs = 40;
  size_t token_passes = 3'000'000;
  int window = 5;
  // Letters of the subword n-grams. 3-6 (fastText's default) ties words by their endings on
  // a small archive ("diskriminering" ~ "digitalisering"); 5-6 keeps compounds and
  // inflections together without that (tools/bench/RESULTS.md, tuning half).
  int min_ngram = 5;
  int max_ngram = 6;
  int buckets = 200'000;  // hashed n-gram vectors: 200,000 * 100 floats = 80 MB while learning
  // fastText's random start. On an archive of a few hundred texts the seed alone moves
  // similar's recall@3 by several points (tools/bench/RESULTS.md), so tools/bench/similar-eval
  // also reports the mean over other seeds; klausul itself always learns with this one.
  int seed = 20190101;
};

/// Which index state a model belongs to: changes whenever a clause is added, removed or
/// replaced.
std::string index_signature(const Xapian::Database& db);

/// Where the term model of the index at `db_path` lives: inside an index folder, beside a
/// stub file.
std::string term_model_path(const std::string& db_path);

/// Whether `db` holds at least `options.min_tokens` stems of distinct clauses, counted only
/// until that many are seen (cheap on any index).
bool enough_text_to_learn(const Xapian::Database& db, const TermModelOptions& options = {});

/// Learns a model from the clauses of `db`. An index too small to learn from (fewer than
/// `options.min_tokens` stems) gives an empty model.
TermModel learn_term_model(const Xapian::Database& db, const TermModelOptions& options = {});

}  // namespace klausul
