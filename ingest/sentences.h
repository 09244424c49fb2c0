// Swedish sentence splitting with ICU. ICU 72 has no Swedish break exceptions, so the
// abbreviations ("t.ex.", "bl.a.", "s.k.", ...) are added with FilteredBreakIteratorBuilder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// Splits UTF-8 text into sentences (each trimmed, none empty). Thread-safe.
std::vector<std::string> split_sentences(std::string_view text);

/// Cuts a long paragraph into pieces of whole sentences, each at most about `max_chars`
/// (a single longer sentence stays whole). Text shorter than `max_chars` is returned as is.
std::vector<std::string> cut_at_sentences(std::string_view text, size_t max_chars);

}  // namespace klausul
