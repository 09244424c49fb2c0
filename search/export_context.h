// The header of an export (what was asked, filters, database, time), built the same way for
// the command line and the web page.
#pragma once

#include <string>

#include "search/clause_context.h"
#include "search/compare.h"
#include "search/coverage.h"
#include "search/export.h"
#include "search/searcher.h"
#include "search/similar.h"

namespace klausul {

/// A search export: query, region / type / year filters, row limit and first row.
/// `year` is the range as the user gave it ("2010..2015"), empty when none.
ExportContext search_export_context(const SearchRequest& request, const std::string& year,
                                    const std::string& database);

/// A similar export; keeps a pointer to `result.query`, which must outlive the context.
ExportContext similar_export_context(const SimilarRequest& request, const SimilarResult& result,
                                     const std::string& database);

/// A compare export; keeps pointers to the alignment's documents.
ExportContext compare_export_context(const Alignment& alignment, const std::string& database);

/// A coverage export; keeps a pointer to `result.query` when the question is a clause.
ExportContext coverage_export_context(const CoverageRequest& request,
                                      const CoverageResult& result, const std::string& database);

/// A `show ID --context N` export.
ExportContext clause_context_export_context(const ClauseContext& context, int neighbours,
                                            const std::string& database);

}  // namespace klausul
