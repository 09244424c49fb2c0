// Query parsing: the user's words with Xapian's QueryParser (phrases, AND/OR/NOT, Swedish
// stemming, titel:/avsnitt: fields) and the filters (region, type, year range).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "ingest/regions.h"
#include "search/synonyms.h"

namespace klausul {

class VersionIndex;

/// What the user asked for.
struct SearchRequest {
  std::string query;
  std::vector<std::string> regions;  // user spellings; resolved through the region table
  std::vector<std::string> types;
  int year_from = 0;                 // 0 = open
  int year_to = 0;
  int limit = 10;
  int offset = 0;
  bool match_any = false;  // words are ANDed unless this is set (then any word may match)
  bool collapse_copies = true;  // one hit per clause text; the other copies listed with it
  // Document versions (search/versions.h), or null: then hits carry no status. With them,
  // ersatt and utgången documents are left out and their copies of a hit's clause listed
  // under it, unless all_versions. Must outlive the search.
  const VersionIndex* versions = nullptr;
  bool all_versions = false;
};

/// A parsed query ready for Enquire.
struct ParsedQuery {
  Xapian::Query text;     // empty when the query had no searchable words
  Xapian::Query filters;  // boolean filter (MatchAll when none)
  Xapian::Query combined() const;
};

/// Parses request.query and the filters. Operators AND, OR, NOT, XOR, NEAR, NEAR/n, ADJ and
/// ADJ/n must be uppercase; everything else is folded (ICU NFKC_Casefold) before parsing, so
/// capitalised words are stemmed too; bare words with synonyms are expanded ("landsting" also finds "region").
/// titel:/title: and avsnitt:/section: are looked up in `db`'s records while parsing
/// (search/field_query.h) and become filters on the clauses they cover.
/// Throws UsageError for an unknown region or a malformed year range.
ParsedQuery parse_query(const Xapian::Database& db, const SearchRequest& request,
                        const RegionTable& regions,
                        const SynonymTable& synonyms = SynonymTable::standard());

/// A QueryParser with the analyser's rules (index/analyzer.h): Swedish stemmer with
/// STEM_SOME, Swedish stopwords.
Xapian::QueryParser swedish_query_parser();

/// Parses "2010..2015", "2012", "..2015", "2010..". Throws UsageError when malformed.
void parse_year_range(const std::string& text, int& from, int& to);

}  // namespace klausul
