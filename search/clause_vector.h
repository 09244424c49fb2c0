// A clause as a weighted bag of Swedish stems, for clause-to-clause similarity.
// Built from the terms the analyser indexed (stems of words and of compound parts, implied
// words of suspended compounds), with synonyms mapped onto one stem per group, weighted
// by log-scaled frequency times inverse document frequency, and L2-normalised.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "search/synonyms.h"

namespace klausul {

struct ClauseVector {
  std::vector<std::pair<std::string, double>> weights;  // stem -> weight, sorted by stem
  std::map<std::string, std::string> surface;           // stem -> a word it came from
  bool empty() const { return weights.empty(); }
};

/// Maps stems of synonym and related words onto one representative stem per group; groups
/// that share a stem are merged.
class StemCanon {
 public:
  explicit StemCanon(const SynonymTable& synonyms,
                     const SynonymTable& related = SynonymTable::related());
  const std::string& canonical(const std::string& stem) const;
  /// Every stem mapped onto `canonical` (itself included).
  std::vector<std::string> members(const std::string& canonical) const;

 private:
  std::map<std::string, std::string> canon_;
};

/// The vector of an indexed clause document (body text terms only).
ClauseVector vector_of_document(const Xapian::Database& db, const Xapian::Document& doc,
                                const StemCanon& canon);

/// The vector of a free text, analysed exactly as clauses are at index time.
ClauseVector vector_of_text(const Xapian::Database& db, const std::string& text,
                            const StemCanon& canon);

/// Cosine similarity in [0, 1].
double cosine(const ClauseVector& a, const ClauseVector& b);

/// The words of `query` whose stems also occur in `other`, in the query's order of weight.
std::vector<std::string> shared_words(const ClauseVector& query, const ClauseVector& other);

}  // namespace klausul
