// A search result row: one clause with its document's metadata. The value type every
// exporter takes.
#pragma once

#include <string>
#include <vector>

#include "ingest/document.h"

namespace klausul {

struct Hit {
  int rank = 0;              // 1-based
  double score = 0;          // relevance (search: Xapian weight; similar: [0, 1])
  Clause clause;
  DocumentInfo document;
  std::string snippet;       // HTML: text escaped, matched terms in <b>...</b>
  std::string query_region;  // similar only
};

}  // namespace klausul
