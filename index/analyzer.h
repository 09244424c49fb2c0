// The Swedish analyser: the same normalisation, stemming and stopwords at index and query
// time. Xapian's TermGenerator does no Unicode normalisation, so every text is folded with
// ICU (fold_for_index) before it reaches Xapian.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

namespace klausul {

/// Swedish stopwords (kept in the project: Debian's Xapian ships none).
const Xapian::Stopper& swedish_stopper();

/// The Swedish Snowball stemmer.
Xapian::Stem swedish_stemmer();

/// Indexes clause text into a Xapian document with positions (Swedish stemming, stopwords
/// kept unstemmed for phrases, Z-prefixed stems).
class Analyzer {
 public:
  Analyzer();
  /// Adds the terms of `text` (NFC or any form) to `doc`, starting a new position run.
  /// `prefix` is empty for body text or a field prefix (title, section).
  void index_text(Xapian::Document& doc, const std::string& text,
                  const std::string& prefix = "");

 private:
  Xapian::TermGenerator generator_;
};

}  // namespace klausul
