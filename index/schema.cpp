#include "index/schema.h"

#include <xxhash.h>

#include <cstdio>

namespace klausul::schema {

std::string clause_term(const std::string& clause_id) { return kClauseIdPrefix + clause_id; }

std::string document_term(const std::string& document_id) {
  return kDocumentPrefix + document_id;
}

std::string record_term(const std::string& document_id) {
  return kRecordPrefix + document_id;
}

std::string section_key_term(const std::string& document_id, size_t n) {
  return kDocumentPrefix + document_id + kSectionKeySeparator + std::to_string(n);
}

std::string path_term(const std::string& path) {
  // Xapian terms are limited to 245 bytes; long paths are identified by their hash.
  if (path.size() <= 200) return kPathPrefix + path;
  XXH128_hash_t hash = XXH3_128bits(path.data(), path.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return kPathPrefix + "#" + hex;
}

std::string failed_file_key(const std::string& path) {
  return kFailedFilePrefix + path_term(path).substr(kPathPrefix.size());
}

}  // namespace klausul::schema
