#include "search/review_list.h"

#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"

namespace klausul {

std::vector<Hit> review_hits(const Xapian::Database& db, const std::vector<ReviewItem>& items) {
  std::vector<Hit> hits;
  for (const ReviewItem& item : items) {
    Hit hit;
    hit.rank = static_cast<int>(hits.size()) + 1;
    const std::string term = schema::clause_term(item.clause_id);
    auto posting = db.postlist_begin(term);
    if (!item.clause_id.empty() && posting != db.postlist_end(term)) {
      hit.clause = clause_of_document(db.get_document(*posting));
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
