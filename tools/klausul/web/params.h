// The query-string parameters of the JSON API, read with bounds, and the search / similar
// requests they describe. Every malformed or out-of-range value is an HttpError 400 naming
// the parameter, so a handler never sees an unbounded `limit` or a 100 KB query.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "search/coverage.h"
#include "search/query.h"
#include "search/review_list.h"
#include "search/similar.h"

namespace klausul::web {

/// The decoded query string (httplib::Params is this multimap).
using Params = std::multimap<std::string, std::string>;

// Bounds of the API: a page of search hits, an export, the clauses per region of similar.
inline constexpr int kMaxSearchLimit = 100;
inline constexpr int kMaxExportRows = 10000;
inline constexpr int kMaxPerRegion = 20;
inline constexpr int kMaxOffset = 100000;
inline constexpr size_t kMaxValueBytes = 2000;  // one parameter value
inline constexpr size_t kMaxRepeats = 32;       // values of one repeated parameter
inline constexpr size_t kMaxReviewItems = 100;  // clauses of one review list export
inline constexpr int kMaxContext = 20;          // neighbours each side of a clause in context

class ParamReader {
 public:
  explicit ParamReader(const Params& params) : params_(params) {}

  /// The last value of `name` (surrounding spaces trimmed), or `fallback`.
  std::string text(const std::string& name, const std::string& fallback = "") const;
  /// Every non-empty value of a repeatable parameter, in order.
  std::vector<std::string> all(const std::string& name) const;
  /// Every value of a repeated parameter in order, as given (not trimmed, empty ones kept;
  /// at most `most`).
  std::vector<std::string> all_raw(const std::string& name, size_t most) const;
  /// An integer in [min, max], or `fallback` when absent.
  int number(const std::string& name, int fallback, int min, int max) const;
  /// "1", "true", "ja" are true; absent or "0", "false", "nej" false.
  bool flag(const std::string& name) const;

 private:
  const Params& params_;
};

/// /api/search and /api/export?kind=search: q (required), region*, type*, year (A..B),
/// offset, limit (at most `max_limit`), all_copies.
SearchRequest search_request(const ParamReader& params, int default_limit, int max_limit);

/// /api/similar and /api/export?kind=similar: clause or text (exactly one), region*,
/// per_region.
SimilarRequest similar_request(const ParamReader& params);

/// /api/coverage and /api/export?kind=coverage: clause, text or q (exactly one: q and text
/// are both taken as a text), per_region (extra clauses, 0..kMaxPerRegion).
CoverageRequest coverage_request(const ParamReader& params);

/// /api/export?kind=review: item* in list order, each a JSON object {"clause_id", "note",
/// "origin", "added"} (one parameter per item: httplib drops repeated identical key=value
/// pairs, so parallel note=/added= lists would lose equal values). Texts are cut at 500 bytes.
std::vector<ReviewItem> review_items(const ParamReader& params);

}  // namespace klausul::web
