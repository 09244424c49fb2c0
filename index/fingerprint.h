// Text fingerprints for duplicate clauses: the same words in the same order, whatever the
// case, punctuation, hyphenation or Unicode form ("Bevaka och påverka EU." in the guideline,
// its PDF and the web page that repeats it).
#pragma once

#include <string>

namespace klausul {

/// 16 hex digits identifying the clause's words (folded, letters and digits only).
/// Empty for text without any word.
std::string text_fingerprint(const std::string& text);

}  // namespace klausul
