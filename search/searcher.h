// Runs a search: ranked clause hits with snippets and facet counts per region.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "search/hit.h"
#include "search/query.h"

namespace klausul {

/// The answer to a search.
struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount estimated_total = 0;
  std::map<std::string, Xapian::doccount> region_counts;  // region key -> matching clauses
  bool no_searchable_words = false;  // the query was only stopwords or punctuation
  bool relaxed = false;  // no clause had all the words: these hits match some of them
};

/// Searches clauses. The database must stay open during the call.
SearchResult run_search(const Xapian::Database& db, const SearchRequest& request,
                        const RegionTable& regions);

/// Loads one clause by id (with its document). Throws UsageError when the id is unknown.
/// Runs the search page by page (at most `page_size` hits each, from request.offset up to
/// request.limit hits in all) and hands each page on, so that a long export never holds more
/// than one page. The first page decides for all of them whether the words are ANDed or
/// relaxed to any word. Returns the first page without its hits (its totals and facets).
SearchResult run_search_in_pages(const Xapian::Database& db, SearchRequest request,
                                 const RegionTable& regions, int page_size,
                                 const std::function<void(const SearchResult&)>& page);

Hit load_clause(const Xapian::Database& db, const std::string& clause_id);

}  // namespace klausul
