#include "search/word_diff.h"

#include <algorithm>
#include <map>

#include "index/fingerprint.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

constexpr std::size_t kMaxWords = 3000;  // the LCS table is words x words

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

void append(std::vector<DiffPiece>& pieces, DiffPiece::Kind kind, const std::string& word) {
  if (!pieces.empty() && pieces.back().kind == kind) {
    pieces.back().text += " " + word;
  } else {
    pieces.push_back({kind, word});
  }
}

// Letters and digits only, folded: the words that count for overlap.
std::vector<std::string> folded_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : fold_for_index(text)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

}  // namespace

std::vector<DiffPiece> word_diff(const std::string& old_text, const std::string& new_text) {
  const std::vector<std::string> a = split_words(old_text);
  const std::vector<std::string> b = split_words(new_text);
  std::vector<DiffPiece> pieces;
  if (a.size() > kMaxWords || b.size() > kMaxWords) {
    for (const std::string& w : a) append(pieces, DiffPiece::Kind::removed, w);
    for (const std::string& w : b) append(pieces, DiffPiece::Kind::added, w);
    return pieces;
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      append(pieces, DiffPiece::Kind::same, a[i]);
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      append(pieces, DiffPiece::Kind::removed, a[i++]);
    } else {
      append(pieces, DiffPiece::Kind::added, b[j++]);
    }
  }
  return pieces;
}

bool same_words(const std::string& a, const std::string& b) {
  return text_fingerprint(a) == text_fingerprint(b);
}

double word_overlap(const std::string& a, const std::string& b) {
  return WordBag(a).overlap(WordBag(b));
}

WordBag::WordBag(const std::string& text) : words_(folded_words(text)) {
  std::sort(words_.begin(), words_.end());
}

double WordBag::overlap(const WordBag& other) const {
  if (words_.empty() || other.words_.empty()) return 0;
  // Words in common, counted with their repeats: a merge of the two sorted lists.
  size_t common = 0;
  auto a = words_.begin();
  auto b = other.words_.begin();
  while (a != words_.end() && b != other.words_.end()) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      ++common;
      ++a;
      ++b;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(words_.size() + other.words_.size());
}

double WordBag::best_possible_overlap(const WordBag& other) const {
  if (words_.empty() || other.words_.empty()) return 0;
  return 2.0 * static_cast<double>(std::min(words_.size(), other.words_.size())) /
         static_cast<double>(words_.size() + other.words_.size());
}

std::string diff_to_text(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const DiffPiece& piece : pieces) {
    if (!out.empty()) out += ' ';
    switch (piece.kind) {
      case DiffPiece::Kind::same: out += piece.text; break;
      case DiffPiece::Kind::removed: out += "[-" + piece.text + "-]"; break;
      case DiffPiece::Kind::added: out += "{+" + piece.text + "+}"; break;
    }
  }
  return out;
}

}  // namespace klausul
