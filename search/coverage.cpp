#include "search/coverage.h"

#include <map>

#include "index/schema.h"
#include "ingest/error.h"
#include "search/coverage_thresholds.h"
#include "search/similar.h"

namespace klausul {

const char* verdict_label(Verdict verdict) {
  switch (verdict) {
    case Verdict::correspondence:
      return "motsvarighet";
    case Verdict::related:
      return "närliggande";
    case Verdict::none:
      return "ingen träff";
    case Verdict::no_documents:
      break;
  }
  return "inga dokument";
}

const char* verdict_key(Verdict verdict) {
  switch (verdict) {
    case Verdict::correspondence:
      return "motsvarighet";
    case Verdict::related:
      return "narliggande";
    case Verdict::none:
      return "ingen_traff";
    case Verdict::no_documents:
      break;
  }
  return "inga_dokument";
}

CoverageThresholds default_coverage_thresholds() {
  return {coverage_thresholds::kCorrespondence, coverage_thresholds::kRelated};
}

Verdict verdict_of(double best_score, bool has_documents, const CoverageThresholds& thresholds) {
  if (!has_documents) return Verdict::no_documents;
  if (best_score >= thresholds.correspondence) return Verdict::correspondence;
  if (best_score >= thresholds.related && best_score > 0) return Verdict::related;
  return Verdict::none;
}

std::string coverage_summary(const CoverageResult& result) {
  const Verdict order[] = {Verdict::correspondence, Verdict::related, Verdict::none,
                           Verdict::no_documents};
  std::string out;
  for (Verdict verdict : order) {
    int count = 0;
    for (const CoverageRow& row : result.rows) count += row.verdict == verdict ? 1 : 0;
    out += (out.empty() ? "" : " · ") + std::string(verdict_label(verdict)) + " " +
           std::to_string(count);
  }
  return out;
}

CoverageResult find_coverage(const Xapian::Database& db, const CoverageRequest& request,
                             const RegionTable& regions) {
  if (request.clause_id.empty() == request.text.empty()) {
    throw UsageError("coverage needs exactly one of a clause id or a text");
  }
  SimilarRequest similar;
  similar.clause_id = request.clause_id;
  similar.text = request.text;
  similar.per_region = 1 + std::max(0, request.extra);
  similar.term_model = request.term_model;
  similar.versions = request.versions;
  similar.all_versions = request.all_versions;
  // Only the regions with documents are asked: a region's candidate budget in find_similar
  // is shared among the targets, and empty regions would only dilute it.
  std::map<std::string, bool> has_documents;
  for (const Region& region : regions.regions()) {
    has_documents[region.key] = db.term_exists(schema::kRegionPrefix + region.key);
    if (has_documents[region.key]) similar.regions.push_back(region.key);
  }
  if (similar.regions.empty()) {  // nothing to find, but the question is still checked
    for (const Region& region : regions.regions()) similar.regions.push_back(region.key);
  }
  SimilarResult found = find_similar(db, similar, regions);

  std::map<std::string, std::vector<Hit>> by_region;
  for (Hit& hit : found.hits) by_region[hit.document.region].push_back(std::move(hit));

  CoverageResult result;
  result.query = std::move(found.query);
  for (const Region& region : regions.regions()) {
    CoverageRow row;
    row.region = region;
    row.query_region = region.key == result.query.document.region;
    row.has_documents = has_documents[region.key];
    std::vector<Hit>& hits = by_region[region.key];
    row.best_score = hits.empty() ? 0 : hits.front().score;
    row.verdict = verdict_of(row.best_score, row.has_documents, request.thresholds);
    if (row.verdict == Verdict::correspondence || row.verdict == Verdict::related) {
      // The extra clauses are shown only while they are still at least related.
      for (Hit& hit : hits) {
        if (row.clauses.empty() || hit.score >= request.thresholds.related) {
          row.clauses.push_back(std::move(hit));
        }
      }
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace klausul
