// Regional coverage: how has every region written about this?
//
// How it works:
//  1. The question (a clause of the index, or a free text) goes to find_similar
//     (search/similar.h) with every region of corpus/regions.tsv that has documents as a
//     target, the query's own region included (its own clause and exact copies of it are
//     never answers), asking for 1 + extra clauses per region.
//  2. Each region's best score becomes a verdict through two calibrated thresholds
//     (search/coverage_thresholds.h): motsvarighet (the same point), närliggande (related,
//     not the same point) or ingen träff. A region with no document in the index is "inga
//     dokument", whatever the scores: silence there means nothing.
//  3. One row per region, in the order of regions.tsv (a fixed order a reader learns), with
//     the best clause and up to `extra` more; a row "ingen träff" shows no clause.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "index/term_model.h"
#include "ingest/regions.h"
#include "search/hit.h"
#include "search/versions.h"

namespace klausul {

enum class Verdict { correspondence, related, none, no_documents };

/// The verdict as people read it: "motsvarighet", "närliggande", "ingen träff", "inga dokument".
const char* verdict_label(Verdict verdict);
/// The verdict as a stable ASCII key (JSON, CSS classes, labelled data): "motsvarighet",
/// "narliggande", "ingen_traff", "inga_dokument".
const char* verdict_key(Verdict verdict);

struct CoverageThresholds {
  double correspondence;  // best score at or above: motsvarighet
  double related;         // at or above (and below correspondence): närliggande
};

/// The calibrated thresholds of search/coverage_thresholds.h.
CoverageThresholds default_coverage_thresholds();

/// The verdict of a region whose best clause scored `best_score` (0 when it had none).
Verdict verdict_of(double best_score, bool has_documents, const CoverageThresholds& thresholds);

struct CoverageRequest {
  std::string clause_id;                  // either a clause of the index ...
  std::string text;                       // ... or a free text (search words are taken as a text)
  int extra = 0;                          // clauses shown per region beyond the best one
  const TermModel* term_model = nullptr;  // as SimilarRequest::term_model; must outlive the call
  // As SimilarRequest: with versions, only texts in force answer (older wordings folded under
  // the current clause) unless all_versions. Must outlive the call.
  const VersionIndex* versions = nullptr;
  bool all_versions = false;
  CoverageThresholds thresholds = default_coverage_thresholds();
};

struct CoverageRow {
  Region region;
  Verdict verdict = Verdict::none;
  bool has_documents = false;
  bool query_region = false;  // the region of the query clause
  double best_score = 0;      // also when the verdict shows no clause (for calibration)
  std::vector<Hit> clauses;   // best first; empty for "ingen träff" and "inga dokument"
};

struct CoverageResult {
  Hit query;                      // the query clause, or the text as a clause without id
  std::vector<CoverageRow> rows;  // one per region of the table, in its order
};

/// How many rows have each verdict, as "motsvarighet 3 · närliggande 2 · ingen träff 1 ·
/// inga dokument 15".
std::string coverage_summary(const CoverageResult& result);

/// Coverage of the request over every region of `regions`. Throws UsageError for an unknown
/// clause id, for a text without searchable words, or when neither or both are given.
CoverageResult find_coverage(const Xapian::Database& db, const CoverageRequest& request,
                             const RegionTable& regions);

}  // namespace klausul
