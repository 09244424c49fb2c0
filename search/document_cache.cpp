#include "search/document_cache.h"

namespace klausul {

const DocumentInfo& DocumentCache::get(const std::string& id) {
  if (versions_) {
    if (const DocumentInfo* known = versions_->document(id)) return *known;
  }
  auto it = cache_.find(id);
  if (it != cache_.end()) return it->second;
  DocumentInfo info = find_document_by_id(db_, id).value_or(DocumentInfo{});
  if (info.id.empty()) info.id = id;
  return cache_.emplace(id, std::move(info)).first->second;
}

}  // namespace klausul
