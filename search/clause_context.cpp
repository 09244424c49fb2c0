#include "search/clause_context.h"

#include <algorithm>

#include "index/clause_lookup.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/compare.h"

namespace klausul {

bool is_clause_id(const Xapian::Database& db, const std::string& id) {
  return find_clause(db, id).has_value();
}

ClauseContext clause_in_context(const Xapian::Database& db, const std::string& clause_id,
                                int neighbours) {
  if (neighbours < 0) throw UsageError("--context needs a number of clauses, 0 or more");
  const Clause clause = clause_of_document(document_of_clause(db, clause_id));
  ClauseContext context;
  context.document = find_document_by_id(db, clause.document_id).value_or(DocumentInfo{});
  const auto all = document_clauses(db, clause.document_id);
  auto at = std::find_if(all.begin(), all.end(),
                         [&](const auto& entry) { return entry.first.id == clause_id; });
  const long index = at == all.end() ? 0 : at - all.begin();
  const long first = std::max(0L, index - neighbours);
  const long last = std::min<long>(static_cast<long>(all.size()) - 1, index + neighbours);
  for (long i = first; i <= last && at != all.end(); ++i) {
    Hit hit;
    hit.clause = all[i].first;
    hit.rank = hit.clause.ordinal;
    hit.document = context.document;
    context.clauses.push_back(std::move(hit));
  }
  if (context.clauses.empty()) {  // the clause's document lists no clauses: show it alone
    Hit hit;
    hit.clause = clause;
    hit.rank = clause.ordinal;
    hit.document = context.document;
    context.clauses.push_back(std::move(hit));
    return context;
  }
  context.focus = static_cast<size_t>(index - first);
  return context;
}

}  // namespace klausul
