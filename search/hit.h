// A search result row: one clause with its document's metadata. The value type every
// exporter takes.
#pragma once

#include <string>
#include <vector>

#include "ingest/document.h"

namespace klausul {

/// Where else a (near-)identical clause occurs.
struct Place {
  std::string clause_id;
  std::string document_id;
  std::string region;
  std::string path;
  int page = 0;
  int slide = 0;
};

/// An older version of a hit's clause, folded under it (search/fold_versions.h).
struct OlderVersion {
  std::string clause_id;
  std::string document_id;
  std::string title;
  std::string date;    // the older document's date (the chain's order date)
  std::string status;  // "ersatt" or "utgången"
  std::string text;    // the older clause's words (the same or nearly the same)
};

struct Hit {
  int rank = 0;              // 1-based
  double score = 0;          // relevance (search: Xapian weight; similar: [0, 1])
  Clause clause;
  DocumentInfo document;
  std::string snippet;       // HTML: text escaped, matched terms in <b>...</b>
  std::string query_region;  // similar only
  std::vector<std::string> matched_terms;  // similar: the query's words that matched
  std::vector<Place> duplicates;           // other places with (almost) the same text
  std::string status;         // the document's version status (search/versions.h), when known
  std::string status_reason;  // why: the clause or manifest line it rests on
  std::vector<OlderVersion> older_versions;  // the same clause in older versions of the document
  // Review list only (search/review_list.h): the reader's note, where the clause was added
  // from ("Täckning: bevaka EU") and when ("2026-12-02").
  std::string note;
  std::string origin;
  std::string added;
};

}  // namespace klausul
