#include "index/clause_lookup.h"

#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

#include "index/schema.h"
#include "index/stored_data.h"
#include "ingest/error.h"

namespace klausul {
namespace {

// The clause a document holds; nothing for a document or section record (their data is not a
// clause). Reading the document decides it: a clause-kind posting list would be read whole for
// every document through a remote shard.
std::optional<Clause> clause_in(const Xapian::Document& doc) {
  try {
    return clause_of_document(doc);
  } catch (const IndexError&) {
    return std::nullopt;
  }
}

// The clauses among a document's postings (its records carry its XD term too), in docid
// order.
std::vector<std::pair<Clause, Xapian::docid>> clauses_of(const Xapian::Database& db,
                                                         const std::string& document_term) {
  std::vector<std::pair<Clause, Xapian::docid>> clauses;
  for (auto it = db.postlist_begin(document_term); it != db.postlist_end(document_term); ++it) {
    if (std::optional<Clause> clause = clause_in(db.get_document(*it))) {
      clauses.emplace_back(std::move(*clause), *it);
    }
  }
  return clauses;
}

bool is_clause(const Xapian::Database& db, Xapian::docid docid, const std::string& clause_id) {
  const std::optional<Clause> clause = clause_in(db.get_document(docid));
  return clause && clause->id == clause_id;
}

// The ordinal-th posting of the clause's document, when it is the clause: a document's
// clauses are written in order, before its records. Two reads, each a round trip on a remote
// shard (as the Q term's posting list and the document were).
std::optional<Xapian::docid> clause_at_its_ordinal(const Xapian::Database& db,
                                                   const std::string& clause_id,
                                                   const std::string& document_term,
                                                   unsigned ordinal) {
  auto it = db.postlist_begin(document_term);
  for (unsigned i = 1; i < ordinal && it != db.postlist_end(document_term); ++i) ++it;
  if (it != db.postlist_end(document_term) && is_clause(db, *it, clause_id)) return *it;
  return std::nullopt;
}

}  // namespace

std::optional<Xapian::docid> find_clause(const Xapian::Database& db, const std::string& clause_id) {
  const size_t colon = clause_id.rfind(':');
  unsigned ordinal = 0;
  if (colon != std::string::npos && colon > 0) {
    const char* digits = clause_id.data() + colon + 1;
    const char* end = clause_id.data() + clause_id.size();
    if (std::from_chars(digits, end, ordinal).ptr != end) ordinal = 0;
  }
  if (ordinal == 0) return std::nullopt;
  const std::string document_term = schema::document_term(clause_id.substr(0, colon));
  if (auto docid = clause_at_its_ordinal(db, clause_id, document_term, ordinal)) return docid;
  // An index written before 2026-12-03 evening: the clause's own term.
  const std::string term = schema::clause_term(clause_id);
  if (auto it = db.postlist_begin(term); it != db.postlist_end(term)) return *it;
  // A copy of the file in another shard interleaves the document's postings.
  for (const auto& [clause, docid] : clauses_of(db, document_term)) {
    if (clause.id == clause_id) return docid;
  }
  return std::nullopt;
}

Xapian::Document document_of_clause(const Xapian::Database& db, const std::string& clause_id) {
  const auto docid = find_clause(db, clause_id);
  if (!docid) throw UsageError("no clause with id '" + clause_id + "'");
  return db.get_document(*docid);
}

void for_each_clause_in_id_order(const Xapian::Database& db,
                                 const std::function<bool(const Clause&, Xapian::docid)>& visit) {
  if (db.get_termfreq(schema::kKindPrefix + schema::kDocumentKind) == 0) {
    // An index from before records and kind terms: every clause has its Q term, in id order.
    const std::string& prefix = schema::kClauseIdPrefix;
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      auto posting = db.postlist_begin(*term);
      if (posting == db.postlist_end(*term)) continue;
      if (!visit(clause_of_document(db.get_document(*posting)), *posting)) return;
    }
    return;
  }
  const std::string& prefix = schema::kDocumentPrefix;
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    // A section key shares the prefix (index/schema.h); its clauses are its document's.
    if ((*term).find(schema::kSectionKeySeparator) != std::string::npos) continue;
    std::vector<std::pair<Clause, Xapian::docid>> clauses = clauses_of(db, *term);
    std::sort(clauses.begin(), clauses.end(),
              [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
    for (const auto& [clause, docid] : clauses) {
      if (!visit(clause, docid)) return;
    }
  }
}

}  // namespace klausul
