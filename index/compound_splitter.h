// Swedish compound splitting for indexing: "landstingsfullmäktige" is also found by
// "fullmäktige", "vänortssamarbeten" by "vänort".
//
// Contract of split_compound(word):
//  - input: one lowercase (NFKC-casefolded) word, UTF-8; words with anything but letters
//    (digits, hyphens: "eu-frågor") are never split here (the term generator splits at '-').
//  - output: the parts, in order, or an empty vector when the word is not a compound.
//    Every part has at least 3 letters. First parts (modifiers) are given in their base form:
//    linking -s- is dropped (landstings- -> "landsting"), and so are -e-, -a-, -u- when what
//    remains is a word; a linking form replacing a final vowel is mapped back to the word
//    (arbets- -> "arbete", hälso- -> "hälsa", gatu- -> "gata"). The last part (head) keeps
//    its inflection ("politiken"): the analyser stems it.
//  - choice: the split with the fewest parts wins, then the one with the longest head. A part
//    that is itself a compound in the lexicon is split again (3+ parts:
//    "kompetensutvecklingsinsatser" -> kompetens + utveckling + insatser).
//  - a word that is in the lexicon (or an inflected form of a lexicon word) is split only
//    when every part has at least 4 letters, and never when it is a known lexicalised word
//    ("landsting", "fullmäktige", "översikt"); particles (över, genom, samman, ...) are never
//    first parts ("övergripande", "sammanhållning") and derivational endings (-het, -skap,
//    -dom, -ande) are never heads ("verksamhet", "partnerskap", "sjukdom").
//  - unknown first part: a word not in the lexicon whose tail is a lexicon word of at least
//    6 letters, after a first part of at least 4 letters with a vowel, is split there
//    ("mazovieregionen" -> mazovie + regionen, "benchmarkingaktiviteter"). Not done when a
//    known split exists, nor for prefixes such as inter-, trans-, multi- ("interregionala").
//  - thread-safe; a few microseconds per word. The lexicon is built once on first use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace klausul {

/// A Swedish word list: ordinary words, compound-only first parts and a few word-class tags
/// (see tools/make-lexicon for the file format). Read-only after construction.
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
  std::size_t size() const { return entries_.size(); }

  enum Tag : std::uint8_t { kWord = 1, kCompoundForm = 2, kAdjective = 4, kDefinite = 8 };

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::uint8_t tags(std::string_view w) const;
  std::unordered_map<std::string, std::uint8_t, Hash, std::equal_to<>> entries_;
};

/// The lexicon of klausul::embedded::swedish_lexicon(), parsed once (thread-safe).
const Lexicon& swedish_lexicon();

/// The parts of a Swedish compound, or empty when `folded_word` is not one (see above).
std::vector<std::string> split_compound(std::string_view folded_word);

/// Like split_compound, but with a lexicon word also split when its parts have 3+ letters
/// and it is not a known lexicalised word: used to find the head of the last word of a
/// suspended compound ("sjukvård" -> sjuk + vård in "hälso- och sjukvård").
std::vector<std::string> split_compound_permissive(std::string_view folded_word);

/// Number of letters (code points) in UTF-8 text.
std::size_t utf8_length(std::string_view s);

}  // namespace klausul
