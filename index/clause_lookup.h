// Finding clauses by their ids. A clause's id is "<document id>:<ordinal>" (ingest/segment.h).
// Clauses written since 2026-12-03 evening carry no term of their own: a term per clause
// (Q<id>) was a B-tree entry per clause, 4.5% of the index. A document's clauses are written
// first and in order, then its records, so the ordinal-th posting of its XD term is the clause
// (checked, and the document's postings searched when a copy of the file in another shard
// interleaves them). Clauses written before are found by their Q term.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>

#include "ingest/document.h"

namespace klausul {

/// The Xapian document of the clause `clause_id`, or nothing when `db` has no such clause.
std::optional<Xapian::docid> find_clause(const Xapian::Database& db, const std::string& clause_id);

/// The Xapian document of the clause `clause_id`. Throws UsageError ("no clause with id ...")
/// when `db` has no such clause.
Xapian::Document document_of_clause(const Xapian::Database& db, const std::string& clause_id);

/// Calls `visit` with every clause of `db` in clause-id order (byte order of the ids: the
/// order the term model has always learned in), each with its Xapian document id. Clauses
/// are read document by document through the XD terms; an index from before records and
/// kind terms is read through its Q terms.
void for_each_clause_in_id_order(
    const Xapian::Database& db,
    const std::function<bool(const Clause&, Xapian::docid)>& visit);  // false: stop

}  // namespace klausul
