// Text fingerprints for duplicate clauses: the same words in the same order, whatever the
// case, punctuation, hyphenation or Unicode form ("Bevaka och påverka EU." in the guideline,
// its PDF and the web page that repeats it).
#pragma once

#include <string>

namespace klausul {

/// 16 hex digits identifying the clause's words (folded, letters and digits only).
/// Empty for text without any word.
std::string text_fingerprint(const std::string& text);

/// The fingerprint a clause is indexed with: text_fingerprint, except that an open clause (a
/// question or a list's lead-in, index/open_clause.h) differs from the same words stated
/// ("Ingår tandvård?" is not a copy of "Ingår tandvård."), so that copies share their
/// openness.
std::string clause_fingerprint(const std::string& text);

/// The term a clause is indexed under for its fingerprint: "XF" and the fingerprint's first
/// 4 hex digits, one of 65,536 buckets that the texts of the bucket share; the clauses of one
/// text are those of its bucket with its fingerprint value (search/copies.h). A term per text
/// (what indexes written before 2026-12-04 have: "XF" and all 16 digits) was a tenth of the
/// index: a posting list and a term-list entry for almost every clause.
std::string fingerprint_bucket_term(const std::string& fingerprint);

}  // namespace klausul
