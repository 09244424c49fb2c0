#include "index/clause_set.h"

#include <array>
#include <string>

#include "index/schema.h"

namespace klausul {
namespace {

const std::array<std::string, 2>& record_kind_terms() {
  static const std::array<std::string, 2> terms = {schema::kKindPrefix + schema::kDocumentKind,
                                                   schema::kKindPrefix + schema::kSectionKind};
  return terms;
}

}  // namespace

Xapian::Query record_kinds_query() {
  const auto& terms = record_kind_terms();
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query only_clauses(const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query, record_kinds_query());
}

Xapian::doccount clause_count(const Xapian::Database& db) {
  Xapian::doccount records = 0;
  for (const std::string& term : record_kind_terms()) records += db.get_termfreq(term);
  const Xapian::doccount all = db.get_doccount();
  return all > records ? all - records : 0;
}

void for_each_clause_docid(const Xapian::Database& db,
                           const std::function<bool(Xapian::docid)>& visit) {
  const auto& terms = record_kind_terms();
  Xapian::PostingIterator documents = db.postlist_begin(terms[0]);
  Xapian::PostingIterator sections = db.postlist_begin(terms[1]);
  const Xapian::PostingIterator documents_end = db.postlist_end(terms[0]);
  const Xapian::PostingIterator sections_end = db.postlist_end(terms[1]);
  // Is `docid` on this record posting list? Both walk forward with the docids asked.
  auto on = [](Xapian::PostingIterator& it, const Xapian::PostingIterator& end,
               Xapian::docid docid) {
    if (it != end && *it < docid) it.skip_to(docid);
    return it != end && *it == docid;
  };
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::docid docid = *it;
    if (on(documents, documents_end, docid) || on(sections, sections_end, docid)) continue;
    if (!visit(docid)) return;
  }
}

}  // namespace klausul
