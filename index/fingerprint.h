// Text fingerprints for duplicate clauses: the same words in the same order, whatever the
// case, punctuation, hyphenation or Unicode form ("Bevaka och påverka EU." in the guideline,
// its PDF and the web page that repeats it).
//
// A fingerprint is 8 bytes (a 64-bit hash, big-endian), a term and values that are never
// shown: every clause carries it three times (its XF term, the fingerprint value and the
// region-copy value), and as 16 hex digits, as written before 2026-12-04, it was 5% of a
// million-clause index. Its last bit tells an open clause (index/open_clause.h). Clauses
// written before have the 16 hex digits, and a copy written since is not recognised as a copy
// of them until they are ingested again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace klausul {

inline constexpr size_t kFingerprintBytes = 8;

/// kFingerprintBytes bytes identifying the text's words (folded, letters and digits only),
/// last bit clear. Empty for text without any word.
std::string text_fingerprint(const std::string& text);

/// The fingerprint a clause is indexed with: text_fingerprint, except that an open clause (a
/// question or a list's lead-in, index/open_clause.h) has its last bit set, so that it
/// differs from the same words stated ("Ingår tandvård?" is not a copy of "Ingår tandvård.")
/// and copies share their openness.
std::string clause_fingerprint(const std::string& text);

/// Whether `fingerprint` (of clause_fingerprint) is an open clause's. False for anything that
/// is not kFingerprintBytes long (the hex digits of clauses written before 2026-12-04).
bool is_open_fingerprint(std::string_view fingerprint);

}  // namespace klausul
