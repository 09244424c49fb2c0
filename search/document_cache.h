// Document records by id for one request, as search and similar show them with their hits.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

#include "index/writer.h"
#include "search/versions.h"

namespace klausul {

/// From the versions when the caller loaded them (they hold every record, read once per index
/// state), else looked up once per id (a look-up is a round trip to every remote shard). A
/// document without a record gets an info with only its id.
class DocumentCache {
 public:
  DocumentCache(const Xapian::Database& db, const VersionIndex* versions)
      : db_(db), versions_(versions) {}
  const DocumentInfo& get(const std::string& id);

 private:
  const Xapian::Database& db_;
  const VersionIndex* versions_;
  std::unordered_map<std::string, DocumentInfo> cache_;
};

}  // namespace klausul
