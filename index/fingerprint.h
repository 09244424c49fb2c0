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

}  // namespace klausul
