// Which Xapian documents of an index are clauses. An index holds clauses and records (one
// document record per source document, one section record per distinct section trail: see
// index/schema.h); records carry a kind term (XKdocument, XKsection), clauses written since
// 2026-12-04 none. A kind term on every clause (XKclause) was about 2% of a million-clause
// index and told nothing the records' kind terms do not: a clause is a document that is not a
// record. Clauses written before still carry XKclause, which changes nothing here.
#pragma once

#include <xapian.h>

#include <functional>

namespace klausul {

/// The records of an index: the OR of the two record kind terms.
Xapian::Query record_kinds_query();

/// `query` restricted to clauses (records left out).
Xapian::Query only_clauses(const Xapian::Query& query);

/// How many clauses `db` holds: its documents less its records.
Xapian::doccount clause_count(const Xapian::Database& db);

/// Calls `visit` with the document id of every clause of `db`, in docid order, until it
/// returns false. One walk of all document ids beside the two record posting lists.
void for_each_clause_docid(const Xapian::Database& db,
                           const std::function<bool(Xapian::docid)>& visit);

}  // namespace klausul
