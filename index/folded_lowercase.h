// Cheap lowercase for phrase rules that run on every clause at ingest (navigation_clause.h,
// document_description.h): ASCII and the Latin-1 capitals (Å, Ä, Ö, É, ...) folded byte-wise,
// which is all those rules' Swedish phrases need, without ICU's cost per clause.
#pragma once

#include <string>
#include <string_view>

namespace klausul {

/// `text` lowercased, with parenthesised asides ("(se högerspalten)") left out.
std::string lowercase_without_asides(std::string_view text);

/// Whether a word starts at byte `at` of `text`: the byte before is not a letter or digit
/// (ASCII letters and the bytes of multi-byte UTF-8 letters count as letters).
bool starts_word(std::string_view text, size_t at);

/// Whether a word ends just before byte `at` of `text` (`at` may be text.size()).
bool ends_word(std::string_view text, size_t at);

/// Whether `phrase` occurs in `text` where a word starts (it may end inside a longer word).
bool has_phrase_at_word_start(std::string_view text, std::string_view phrase);

}  // namespace klausul
