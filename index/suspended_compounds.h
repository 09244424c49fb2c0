// Swedish suspended compounds ("hälso- och sjukvård"): a first part written with a hyphen
// shares the rest of the next compound. For indexing, the implied words are added; the text
// shown to people never changes.
//
// Contract of expand_suspended_compounds(text):
//  - input: folded (lowercase, NFKC-casefolded) text, UTF-8, any length.
//  - output: the implied words, in text order, without duplicates:
//      "hälso- och sjukvård"                   -> "hälsovård"
//      "kvalitets- och vårdmodeller"           -> "kvalitetsmodeller"
//      "natur-, kultur- och miljövård"         -> "naturvård", "kulturvård"
//      "eu-finansiering och -program"          -> "eu-program" (a suspended last part)
//  - forward pattern: one or more words ending in '-' (comma-separated), then a connective
//    (och, eller, samt, respektive, resp., till), then a compound whose first part is
//    replaced: its rest is found with split_compound_permissive ("sjukvård" -> sjuk + vård,
//    so hälso- + vård). Nothing is added when the last word is not a compound.
//  - backward pattern: a word, a connective, then a word starting with '-': the first word's
//    first part (up to its hyphen, or its compound head) is joined to it.
//  - never fires on numbers ("13-15"), plain hyphenated words ("eu-frågor"), a spaced dash
//    ("tandvård - inom ramen") or a hyphen with no connective after it (sentence end).
//  - thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// The extra words implied by suspended compounds in folded `text` (see above).
std::vector<std::string> expand_suspended_compounds(std::string_view text);

}  // namespace klausul
