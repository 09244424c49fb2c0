// Unicode normalisation with ICU. Two forms: NFC for what people see, and a folded form
// (NFKC_Casefold: ligatures and compatibility characters folded, soft hyphens removed,
// lowercase) for everything that becomes or matches an index term.
#pragma once

#include <string>
#include <string_view>

namespace klausul {

/// NFC form of UTF-8 text, for display. Invalid UTF-8 sequences become U+FFFD.
std::string to_nfc(std::string_view utf8);

/// NFKC_Casefold form of UTF-8 text, for indexing and querying ("ﬁ" -> "fi", "Å" -> "å",
/// U+00AD removed).
std::string fold_for_index(std::string_view utf8);

/// Lowercase ASCII key without diacritics, for filter values and region arguments:
/// "Jönköping" -> "jonkoping", "Västra Götaland" -> "vastra gotaland".
std::string ascii_key(std::string_view utf8);

/// Collapses runs of whitespace (including NBSP and other Unicode spaces) to one space and
/// trims both ends.
std::string collapse_whitespace(std::string_view utf8);

}  // namespace klausul
