// Related words from a Swedish thesaurus, for the soft matching of `similar`.
//
// The source is the MyThes thesaurus LibreOffice uses (Debian package mythes-sv, Viggo Kann's
// synonym lexicon; /usr/share/mythes/th_sv_SE_v2.dat): a headword line "ord|N" followed by N
// lines "|synonym|synonym|...". Only one-word entries are kept, folded and stemmed exactly as
// the index stems body text, so the relation is between index stems: "mandat" -> uppdrag,
// befogenhet; "kunskap" -> kompetens, erfarenhet, kännedom. The relation is symmetric and NOT
// transitive (unlike synonyms.tsv, whose groups are merged into one stem): a thesaurus chain
// quickly links unrelated words.
#pragma once

#include <istream>
#include <unordered_map>
#include <string>
#include <vector>

namespace klausul {

class Thesaurus {
 public:
  Thesaurus() = default;
  /// Reads a MyThes .dat stream. Its first line names the encoding (ISO-8859-1 or UTF-8).
  /// Malformed lines are skipped; the reader never throws on content.
  explicit Thesaurus(std::istream& dat);

  /// The system thesaurus: $KLAUSUL_THESAURUS, else /usr/share/mythes/th_sv_SE_v2.dat; empty
  /// (with `available() == false`) when neither can be read. Loaded once per process.
  static const Thesaurus& system();

  /// Stems related to `stem` (never `stem` itself), sorted; empty when unknown.
  const std::vector<std::string>& related(const std::string& stem) const;

  bool available() const { return !related_.empty(); }
  size_t size() const { return related_.size(); }

 private:
  void link(const std::string& a, const std::string& b);

  std::unordered_map<std::string, std::vector<std::string>> related_;
};

}  // namespace klausul
