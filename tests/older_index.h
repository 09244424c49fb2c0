// Indexes as an older klausul wrote them, made from a current one: for the tests that pin
// what search and similar do with an index written before some value or term existed.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

#include "index/region_codes.h"
#include "index/schema.h"

namespace klausul::testing {

/// A new index at `path` holding every document of `db` (same document ids) after
/// `rewrite` has changed it, committed.
inline Xapian::WritableDatabase rewritten_index(const Xapian::Database& db,
                                                const std::string& path,
                                                const std::function<void(Xapian::Document&)>& rewrite) {
  Xapian::WritableDatabase old_db(path, Xapian::DB_CREATE_OR_OPEN);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    rewrite(doc);
    old_db.replace_document(*it, doc);
  }
  old_db.commit();
  return old_db;
}

/// A clause as written before 2026-12-04 had its region in a value of its own (and, before
/// copy keys, no copy key): sets that value from the clause's copy key and removes the key.
inline void region_in_its_own_value(Xapian::Document& doc) {
  const std::string copy_key = doc.get_value(schema::kRegionCopySlot);
  if (copy_key.empty()) return;
  doc.add_value(schema::kRegionSlot,
                region_of_stored(copy_key.substr(0, copy_key.find(schema::kCopyKeySeparator))));
  doc.remove_value(schema::kRegionCopySlot);
}

/// A clause as written before 2026-12-05 had its region key as text in its copy key, where it
/// now has the region's code byte (index/region_codes.h).
inline void region_as_text_in_copy_key(Xapian::Document& doc) {
  const std::string copy_key = doc.get_value(schema::kRegionCopySlot);
  const size_t separator = copy_key.find(schema::kCopyKeySeparator);
  if (separator == std::string::npos) return;
  doc.add_value(schema::kRegionCopySlot,
                region_of_stored(copy_key.substr(0, separator)) + copy_key.substr(separator));
}

}  // namespace klausul::testing
