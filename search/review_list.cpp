#include "search/review_list.h"

#include "index/clause_lookup.h"
#include "index/stored_data.h"
#include "index/writer.h"

namespace klausul {

std::vector<Hit> review_hits(const Xapian::Database& db, const std::vector<ReviewItem>& items) {
  std::vector<Hit> hits;
  for (const ReviewItem& item : items) {
    Hit hit;
    hit.rank = static_cast<int>(hits.size()) + 1;
    if (const auto docid = find_clause(db, item.clause_id)) {
      hit.clause = clause_of_document(db.get_document(*docid));
      hit.document = find_document_by_id(db, hit.clause.document_id).value_or(DocumentInfo{});
    } else {
      hit.clause.id = item.clause_id;
      hit.clause.text = "(klausulen finns inte längre i indexet)";
    }
    hit.note = item.note;
    hit.origin = item.origin;
    hit.added = item.added;
    hits.push_back(std::move(hit));
  }
  return hits;
}

ExportContext review_export_context(const std::vector<ReviewItem>& items,
                                    const std::string& database) {
  ExportContext context;
  context.kind = ExportKind::review;
  context.database = database;
  context.exported_at = export_timestamp();
  context.filters.emplace_back("Klausuler", std::to_string(items.size()));
  return context;
}

}  // namespace klausul
