// Query-time synonyms from corpus/synonyms.tsv (compiled in) and the user's own file.
// Expanded in our own query code, not with Xapian's synonym table, because Xapian's remote
// backend does not carry synonyms (DESIGN.md, scale-out).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// Groups of equivalent words. Matching is on folded, stemmed forms.
class SynonymTable {
 public:
  /// Parses "word<TAB>word<TAB>..." lines, '#' comments, blank lines ignored.
  static SynonymTable parse(std::string_view tsv);
  /// The compiled-in table merged with the user's file: $KLAUSUL_SYNONYMS, else
  /// ${XDG_CONFIG_HOME:-~/.config}/klausul/synonyms.tsv, when it exists.
  static const SynonymTable& standard();
  /// The related-word groups of corpus/related.tsv (compiled in), for clause comparison only.
  static const SynonymTable& related();

  /// The other words of every group `word` belongs to (folded), without `word` itself.
  std::vector<std::string> synonyms_of(const std::string& word) const;

  /// Rewrites a folded query so that each bare word with synonyms becomes
  /// "(word OR synonym ...)". Quoted phrases, field:words and operators are left alone.
  std::string expand_query(const std::string& folded_query) const;

  void add_group(const std::vector<std::string>& words);
  const std::vector<std::vector<std::string>>& groups() const { return groups_; }
  size_t size() const { return groups_.size(); }

 private:
  std::vector<std::vector<std::string>> groups_;        // folded words
  std::vector<std::vector<std::string>> group_stems_;   // their stems
};

}  // namespace klausul
