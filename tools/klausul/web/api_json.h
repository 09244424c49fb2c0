// JSON of the web API. Hits, compare rows and documents use the CLI's JSON Lines objects
// (search/export.h), so a field has one name everywhere; the web adds what a page needs
// around them (totals, facet counts, the summary line) and `snippet_parts`.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "ingest/regions.h"
#include "search/clause_context.h"
#include "search/compare.h"
#include "search/coverage.h"
#include "search/searcher.h"
#include "search/similar.h"
#include "search/versions.h"

namespace klausul::web {

/// Serialises a response body. '<', '>' and '&' are written as \u003c, \u003e, \u0026 (still
/// the same JSON), so no JSON response ever contains markup, whatever a client does with it.
std::string dump_safe(const nlohmann::json& value);

/// The snippet (HTML from search: text escaped, matches in <b>) as plain-text parts:
/// [{"text": "...", "mark": bool}]. The page puts each part in a text node or a <mark> with
/// textContent, so it never parses HTML from the index.
nlohmann::json snippet_parts(const std::string& snippet_html);

/// One hit: the CLI's hit object plus snippet_parts when there is a snippet.
nlohmann::json hit_json(const Hit& hit);

/// {query, offset, limit, total, relaxed, no_searchable_words, region_counts: [{region,
/// region_name, count}], hits: [...]}
nlohmann::json search_json(const SearchRequest& request, const SearchResult& result,
                           const RegionTable& regions);

/// {query: hit, hits: [...]} (hits grouped by region, best region first, as find_similar).
nlohmann::json similar_json(const SimilarResult& result);

/// {a: document, b: document, matched, only_a, only_b, summary, rows: [compare rows]}
nlohmann::json compare_json(const Alignment& alignment, const VersionIndex& versions);

/// {query: hit, summary, thresholds: {motsvarighet, narliggande}, rows: [{region,
/// region_name, verdict, verdict_label, has_documents, query_region, clauses: [hits]}]}
/// (rows in the order of the region table).
nlohmann::json coverage_json(const CoverageResult& result, const CoverageThresholds& thresholds);

/// {document: list object, focus: index, clauses: [hits], source_url: "/source/ID#page=N"}
nlohmann::json clause_context_json(const ClauseContext& context);

/// {documents: [list objects]}
nlohmann::json documents_json(const std::vector<DocumentInfo>& documents,
                              const VersionIndex& versions);

}  // namespace klausul::web
