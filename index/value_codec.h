// Deflating the short values stored on every clause (the clause itself, its stem list)
// against a fixed dictionary. Xapian compresses neither values nor, usefully, anything of a
// hundred bytes: deflate on its own has nothing to refer back to in a short text and saved
// about a sixth of a stem list and a quarter of a clause. Primed with a dictionary of what
// Swedish policy texts repeat most (the words, with their spaces, and the stems), most of a
// clause's words and stems become back-references: real county texts' stem lists shrink to
// about half of their front-coded form (tools/bench/RESULTS.md).
//
// The dictionaries are index/data/value_dictionary_*_v1.txt (made by
// tools/make-value-dictionaries from corpus/), compiled into the binary. A value deflated
// against a dictionary can only be read with exactly that dictionary: once indexes may hold
// such values, a dictionary never changes. A better one is a new version with a format byte
// of its own; readers keep every version.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace klausul {

enum class ValueDictionary {
  clause_words,  // frequent words of clause texts, each with its space
  stems,         // frequent stems (no "Z"), each with the byte ending a stem list entry
};

/// The dictionary's bytes (for tests and tools).
std::string_view value_dictionary(ValueDictionary dictionary);

/// `plain` as raw deflate primed with `dictionary`, or "" when that would not save a tenth
/// of it (or `plain` is empty).
std::string deflate_value(std::string_view plain, ValueDictionary dictionary);

/// The plain form of what deflate_value made, which must be exactly `length` bytes; nullopt
/// when the data is damaged, does not inflate to `length` bytes, or `length` is over
/// `max_length` or more than deflate can expand `packed` to (refused before anything is
/// allocated).
std::optional<std::string> inflate_value(std::string_view packed, std::uint64_t length,
                                         ValueDictionary dictionary, std::uint64_t max_length);

/// `plain` deflated against `dictionary` and framed as one value: the byte `format`, the
/// plain length (varint), the deflated bytes. "" when deflating would not save a tenth.
std::string deflate_framed(char format, std::string_view plain, ValueDictionary dictionary);

/// The plain form of a value deflate_framed made (its first byte, the format, is the
/// caller's to check); nullopt when it is damaged, as inflate_value.
std::optional<std::string> inflate_framed(std::string_view framed, ValueDictionary dictionary,
                                          std::uint64_t max_length);

}  // namespace klausul
