#include "search/copies.h"

#include <algorithm>

#include "index/fingerprint.h"
#include "index/schema.h"
#include "search/open_database.h"

namespace klausul {

Xapian::Query copies_query(const std::string& identity) {
  if (identity.rfind(schema::kFingerprintPrefix, 0) != 0) return Xapian::Query(identity);
  const std::string fingerprint = identity.substr(schema::kFingerprintPrefix.size());
  // The bucket holds other texts too: the value picks this one. An older index has the
  // whole-fingerprint term, the same clauses.
  const Xapian::Query terms(Xapian::Query::OP_OR, Xapian::Query(identity),
                            Xapian::Query(fingerprint_bucket_term(fingerprint)));
  return Xapian::Query(
      Xapian::Query::OP_FILTER, terms,
      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kFingerprintSlot, fingerprint,
                    fingerprint));
}

namespace {

// Locally a posting list and the fingerprint values read in docid order cost far less than
// a match (similar looks up the copies of every candidate it keeps).
std::vector<Xapian::docid> local_copies(const Xapian::Database& db, const std::string& identity,
                                        Xapian::doccount most) {
  const std::string fingerprint = identity.substr(schema::kFingerprintPrefix.size());
  std::vector<Xapian::docid> copies;
  for (const std::string& term : {identity, fingerprint_bucket_term(fingerprint)}) {
    Xapian::ValueIterator value = db.valuestream_begin(schema::kFingerprintSlot);
    const Xapian::ValueIterator values_end = db.valuestream_end(schema::kFingerprintSlot);
    Xapian::doccount found = 0;
    for (auto posting = db.postlist_begin(term);
         posting != db.postlist_end(term) && found < most && value != values_end; ++posting) {
      value.skip_to(*posting);
      if (value == values_end) break;
      if (value.get_docid() == *posting && *value == fingerprint) {
        copies.push_back(*posting);
        ++found;
      }
    }
  }
  // An index written partly before buckets has copies under both terms.
  std::sort(copies.begin(), copies.end());
  if (copies.size() > most) copies.resize(most);
  return copies;
}

}  // namespace

std::vector<Xapian::docid> copies_of(const Xapian::Database& db, const std::string& identity,
                                     Xapian::doccount most) {
  std::vector<Xapian::docid> copies;
  if (most == 0) return copies;
  if (identity.rfind(schema::kFingerprintPrefix, 0) == 0 && !has_remote_shard(db)) {
    return local_copies(db, identity, most);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(copies_query(identity));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet found = enquire.get_mset(0, most);
  for (auto it = found.begin(); it != found.end(); ++it) copies.push_back(*it);
  return copies;
}

}  // namespace klausul
