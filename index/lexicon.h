// The Swedish word list the stemmer and the compound splitter consult: ordinary words,
// compound-only first parts and a few word-class tags (see tools/make-lexicon for the file
// format).
//
// Contract:
//  - built from the text of index/data/swedish_lexicon.txt (or any text in its format); a
//    word listed twice has the union of its tags;
//  - read-only after construction and thread-safe to read;
//  - cheap to build and to drop: every command that analyses Swedish text builds it once (a
//    search from the command line as much as an import), so it is one copy of the text and
//    one flat table of offsets into it, not a node per word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace klausul {

class Lexicon {
 public:
  /// Parses the text of index/data/swedish_lexicon.txt.
  explicit Lexicon(std::string_view text);

  /// An ordinary word (not a compound-only form).
  bool is_word(std::string_view w) const;
  /// A form used only as a compound's first part ("hälso", "lärar").
  bool is_compound_form(std::string_view w) const;
  /// An adjective with a regular neuter in -t/-tt (aktiv/aktivt, ny/nytt).
  bool is_adjective(std::string_view w) const;
  /// A noun whose definite singular adds -et, -t or -n (landsting/landstinget, möte/mötet,
  /// hälsa/hälsan).
  bool has_definite_suffix(std::string_view w) const;
  /// The number of distinct words.
  std::size_t size() const { return size_; }

  enum Tag : std::uint8_t { kWord = 1, kCompoundForm = 2, kAdjective = 4, kDefinite = 8 };

 private:
  // One slot of the open-addressing table: the word as offset and length into text_. An
  // empty slot has length 0 (no word is empty).
  struct Slot {
    std::uint32_t offset = 0;
    std::uint16_t length = 0;
    std::uint8_t tags = 0;
  };
  std::uint8_t tags(std::string_view w) const;
  std::string_view word_at(const Slot& slot) const { return {text_.data() + slot.offset, slot.length}; }
  // The slot holding `w`, or the empty slot where it would go.
  std::size_t find_slot(std::string_view w) const;

  std::string text_;
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::size_t size_ = 0;
};

/// The lexicon of klausul::embedded::swedish_lexicon(), parsed once (thread-safe).
const Lexicon& swedish_lexicon();

}  // namespace klausul
