// The Swedish word list the stemmer and the compound splitter consult: ordinary words,
// compound-only first parts and a few word-class tags (see tools/make-lexicon for the file
// format).
//
// Contract:
//  - built from the text of index/data/swedish_lexicon.txt (or any text in its format); a
//    word listed twice has the union of its tags;
//  - the built lookup table can be written out (table()) and used again without building
//    (from_table()): the build hashes the embedded lexicon once (tools/make_lexicon_table.cpp),
//    so a command that analyses Swedish text, a search from the command line as much as an
//    import, starts without building anything and reads only the table entries it looks up;
//  - read-only after construction and thread-safe to read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klausul {

class Lexicon {
 public:
  /// Parses the text of index/data/swedish_lexicon.txt. Throws std::length_error for a
  /// text of 4 GB or more.
  explicit Lexicon(std::string_view text);

  /// The lexicon whose table() is `table`, reading it in place (it must outlive the
  /// lexicon); nullopt when `table` is not such a table.
  static std::optional<Lexicon> from_table(std::string_view table);

  /// The lookup table with the words' text, for from_table(). The same text gives the
  /// same bytes.
  std::string table() const;

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
  // One slot of the open-addressing table: the word as offset and length into the text. An
  // empty slot has length 0 (no word is empty). `check` is 8 more bits of the word's hash,
  // so that a probe rarely compares words (each compare reads the text elsewhere).
  struct Slot {
    std::uint32_t offset = 0;
    std::uint16_t length = 0;
    std::uint8_t tags = 0;
    std::uint8_t check = 0;
  };
  Lexicon() = default;
  Slot slot_at(std::size_t i) const;
  // The slot holding `w` (whose hash is `hash`), or the empty slot where it would go;
  // capacity_ when there is neither (only in a damaged table).
  std::size_t find_slot(std::string_view w, std::uint64_t hash) const;
  std::uint8_t tags(std::string_view w) const;

  // What a built lexicon owns (shared, so that copies and moves keep the views below
  // valid); a lexicon from a table views the table instead.
  struct Built {
    std::string text;
    std::vector<Slot> slots;
  };
  std::shared_ptr<const Built> built_;
  std::string_view text_;
  const char* slots_ = nullptr;  // capacity_ slots of sizeof(Slot) bytes
  std::size_t capacity_ = 0;     // a power of two, at least twice the words
  std::size_t size_ = 0;
};

/// The lexicon of index/data/swedish_lexicon.txt, from the table built with klausul
/// (index/embedded_lexicon.cpp); thread-safe.
const Lexicon& swedish_lexicon();

}  // namespace klausul
