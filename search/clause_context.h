// A clause among its neighbours: what `klausul show ID --context N` prints and the web page's
// "Klausul i sitt sammanhang" shows, with the document's title, region, year, section path and
// page, so a reader checks what a clause means where it stands before quoting it.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/hit.h"

namespace klausul {

struct ClauseContext {
  DocumentInfo document;
  std::vector<Hit> clauses;  // in document order; rank = the clause's ordinal
  size_t focus = 0;          // index in `clauses` of the clause asked for
};

/// True when `id` names a clause of the index (rather than a document id or path).
bool is_clause_id(const Xapian::Database& db, const std::string& id);

/// The clause `clause_id` with up to `neighbours` clauses before and after it in its document
/// (headings included: they are the section trail a reader sees). Throws UsageError for an
/// unknown clause id or a negative `neighbours`.
ClauseContext clause_in_context(const Xapian::Database& db, const std::string& clause_id,
                                int neighbours);

}  // namespace klausul
