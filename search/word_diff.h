// Word diff inside a pair of clauses: which words an older version had that the newer one
// lacks and which it adds. Words are whitespace-separated chunks compared exactly (so a changed
// comma shows); the longest common subsequence keeps the rest as unchanged.
#pragma once

#include <string>
#include <vector>

namespace klausul {

struct DiffPiece {
  enum class Kind { same, removed, added };
  Kind kind = Kind::same;
  std::string text;  // one or more words, joined by single spaces
};

/// The diff of `old_text` -> `new_text`, in reading order; removed pieces come before the
/// added pieces that replace them. Very long texts (over 3,000 words on a side) are shown as
/// all removed then all added.
std::vector<DiffPiece> word_diff(const std::string& old_text, const std::string& new_text);

/// True when the texts have the same words in the same order, whatever the case, punctuation
/// or whitespace (the test for "oförändrad").
bool same_words(const std::string& a, const std::string& b);

/// The share of words the two texts have in common (Dice coefficient over folded words), 0..1.
double word_overlap(const std::string& a, const std::string& b);

/// A text's folded words, sorted: word_overlap of many pairs reads each text once.
class WordBag {
 public:
  explicit WordBag(const std::string& text);
  /// word_overlap of the two texts.
  double overlap(const WordBag& other) const;
  /// The most overlap() could give against another bag: sizes alone bound it.
  double best_possible_overlap(const WordBag& other) const;

 private:
  std::vector<std::string> words_;
};

/// A diff as plain text: "[-removed words-] {+added words+}" around the unchanged words.
std::string diff_to_text(const std::vector<DiffPiece>& pieces);

}  // namespace klausul
