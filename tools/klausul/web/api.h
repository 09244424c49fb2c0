// The read-only JSON endpoints: what each /api/ path answers. Each takes the request's
// parameters, borrows an index handle from the pool and returns the response body; errors
// are thrown (HttpError, UsageError -> 400, IndexError -> 503) and answered by the server.
#pragma once

#include <nlohmann/json.hpp>

#include "search/coverage.h"
#include "search/similar.h"
#include "tools/klausul/web/index_pool.h"
#include "tools/klausul/web/params.h"

namespace klausul::web {

/// GET /api/search?q=&region=&type=&year=&offset=&limit=&all_copies=
nlohmann::json api_search(IndexPool& pool, const ParamReader& params);

/// GET /api/similar?clause=ID (or text=)&region=&per_region=. 404 for an unknown clause.
nlohmann::json api_similar(IndexPool& pool, const ParamReader& params);

/// GET /api/compare?a=&b= (document ids or source paths). 404 for an unknown document.
nlohmann::json api_compare(IndexPool& pool, const ParamReader& params);

/// GET /api/coverage?clause=ID (or text=, or q=)&per_region=: every region with its verdict.
/// 404 for an unknown clause.
nlohmann::json api_coverage(IndexPool& pool, const ParamReader& params);

/// GET /api/clause?id=&context=N: the clause among N neighbours each side (default 3).
/// 404 for an unknown clause.
nlohmann::json api_clause(IndexPool& pool, const ParamReader& params);

/// GET /api/documents: every indexed document, as `klausul list --format jsonl`.
nlohmann::json api_documents(IndexPool& pool);

/// `similar` for a request of the JSON endpoint or a download, with the index's term model
/// and document versions (404 for an unknown clause). The request's term_model and versions
/// are set for the call and null again after it.
SimilarResult similar_for(IndexPool& pool, SimilarRequest& request);

/// The same for `coverage`.
CoverageResult coverage_for(IndexPool& pool, CoverageRequest& request);

/// Throws 404 unless `clause_id` is a clause of `db`.
void require_clause(const Xapian::Database& db, const std::string& clause_id);

/// The two documents of a compare request (a, b), checked to exist (404 otherwise).
std::pair<std::string, std::string> compare_documents_param(const Xapian::Database& db,
                                                            const ParamReader& params);

}  // namespace klausul::web
