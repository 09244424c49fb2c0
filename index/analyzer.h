// The Swedish analyser: the same normalisation, stemming and stopwords at index and query
// time. Xapian's TermGenerator does no Unicode normalisation and knows nothing of Swedish
// compounds, so klausul generates its own terms:
//   - text is folded with ICU (fold_for_index) and split into words at non-letters/digits
//     (the same places Xapian's QueryParser splits a query);
//   - body text (a clause's own words) is indexed as Z-prefixed stems only (Snowball Swedish
//     plus klausul's fixes, see index/swedish_stemmer.h), without word terms and without
//     positions: a query word is searched as its stem, and a quoted phrase is checked
//     against the clause's stored text (search/body_phrases.h); word terms and positions
//     were over a third of the index. Stopwords are not indexed in body text;
//   - titles and section trails (once per document and trail, on records) are indexed as
//     words at their positions, stopwords included, and as stems, for titel:"..." and
//     avsnitt:"..." phrases;
//   - the parts of a compound ("landstingsfullmäktige" -> landsting, fullmäktige) are indexed
//     as stems (and in titles and trails as words) without a position, so "fullmäktige"
//     finds it; a phrase matches the words as written ("landstingsfullmäktige beslutar",
//     not "fullmäktige beslutar");
//   - suspended compounds ("hälso- och sjukvård") add the implied word ("hälsovård").
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace klausul {

/// Swedish stopwords (kept in the project: Debian's Xapian ships none).
const Xapian::Stopper& swedish_stopper();

/// The Swedish stemmer used at index and query time (Snowball + klausul's fixes).
Xapian::Stem swedish_stemmer();

/// The words of `text` as the indexer sees them (folded, split, overlong ones left out), in
/// reading order with stopwords: what a body phrase is checked against.
std::vector<std::string> index_words(const std::string& text);

/// The stems of `text`'s words in reading order, stopwords left out: what the term model
/// (index/term_model.h) learns from and looks up. Compound parts are not added (the model
/// sees the compound's own stem; subword n-grams relate it to its parts).
std::vector<std::string> content_stems(const std::string& text);

/// The same words as content_stems, each as (folded word, stem): to show which word of a
/// text a stem stands for.
std::vector<std::pair<std::string, std::string>> content_words(const std::string& text);

/// Adds the terms of texts to one Xapian document. Create one per document.
class DocumentIndexer {
 public:
  /// `doc` must outlive the indexer.
  explicit DocumentIndexer(Xapian::Document& doc);
  DocumentIndexer(const DocumentIndexer&) = delete;
  DocumentIndexer& operator=(const DocumentIndexer&) = delete;

  /// Indexes `text` (any normalisation form) under `prefix` ("" for body text). Successive
  /// calls leave a gap of positions, so a phrase never spans two fields.
  void add_text(const std::string& text, const std::string& prefix = "");

  /// Indexes `text` under `prefix` as words and stems without positions, stopwords and
  /// compound parts left out: how titles and section trails were indexed on every clause
  /// before they moved to records. Kept for the section stems of a clause's stem list
  /// (index/section_records.h), which must not change.
  void add_words(const std::string& text, const std::string& prefix);

 private:
  void add_word(const std::string& word, const std::string& prefix);

  Xapian::Document& doc_;
  Xapian::termpos position_ = 0;  // position of the last word added
};

}  // namespace klausul
