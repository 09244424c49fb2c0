// The clauses that hold the same text (copies: a guideline, its PDF, the web page quoting it),
// found by the text's fingerprint (index/fingerprint.h). A clause carries its fingerprint's
// bucket term and its fingerprint as a value; indexes written before 2026-12-04 carry a term
// of the whole fingerprint instead. Both are read, so old and new clauses are found alike.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace klausul {

/// The clauses of `identity`: a fingerprint term (schema::kFingerprintPrefix + the 16 hex
/// digits of a text's fingerprint) or the clause-id term of a text without a fingerprint.
/// A query every backend runs, remote shards included: the fingerprint's bucket term (or
/// whole-fingerprint term) filtered by the fingerprint value.
Xapian::Query copies_query(const std::string& identity);

/// The first `most` clauses of `identity` in document id order.
std::vector<Xapian::docid> copies_of(const Xapian::Database& db, const std::string& identity,
                                     Xapian::doccount most);

}  // namespace klausul
