// A clause as a weighted bag of Swedish stems, for clause-to-clause similarity.
// Built from the terms the analyser indexed (stems of words and of compound parts, implied
// words of suspended compounds), with synonyms mapped onto one stem per group, weighted
// by log-scaled frequency times inverse document frequency, and L2-normalised.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/synonyms.h"
#include "search/thesaurus.h"

namespace klausul {

struct ClauseVector {
  std::vector<std::pair<std::string, double>> weights;  // stem -> weight, sorted by stem
  std::map<std::string, std::string> surface;           // stem -> a word it came from
  int body_stems = 0;  // distinct stems of the clause's own text (not of its section)
  // A list item under a lead-in ("Kommitténs uppgifter är att:" … "värdering av läkemedel"):
  // however short, it states something, completed by its lead-in, and is not a fragment
  // (search/clause_score.h). Set by whoever knows the clause (similar, compare).
  bool completed_by_lead_in = false;
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
  std::unordered_map<std::string, std::string> canon_;
};

/// The StemCanon of the standard synonym and related tables, built once.
const StemCanon& standard_stem_canon();

/// The N of idf: clauses and document records (as in every index so far), not section
/// records (index/section_records.h), so that adding them changed no similarity score.
Xapian::doccount counted_documents(const Xapian::Database& db);

/// Inverse document frequencies of one database, looked up once per term. Values are also
/// kept process-wide for the same state of the same database (its uuid, document count and
/// total length), so a long-running `klausul serve` asks a remote shard for each term once,
/// not once per request. Thread-safe across instances; one instance is for one thread.
class IdfCache {
 public:
  explicit IdfCache(const Xapian::Database& db);
  double idf(const std::string& term);
  /// The number of documents holding `term`, looked up once.
  Xapian::doccount frequency(const std::string& term);
  /// The N of idf (counted_documents), read once.
  double documents() const { return documents_; }
  /// Identifies the database state the values belong to (its uuid, document count and total
  /// length), for other caches shared by requests on the same state.
  const std::string& state() const { return state_; }
  /// With a remote shard (search/open_database.h), looks up in one match the frequency of
  /// every term of these stem lists (index/stem_list.h) whose idf is not known yet: one
  /// round trip instead of one per term. Locally it does nothing (one by one is cheaper).
  void prefetch(const std::vector<std::string>& stem_lists);
  /// The same for these terms' frequencies.
  void prefetch_terms(const std::vector<std::string>& terms);

 private:
  double remember(const std::string& term, Xapian::doccount frequency);
  void fetch_frequencies(const std::set<std::string>& terms);

  const Xapian::Database& db_;
  bool batch_;  // the database has a remote shard
  double documents_;
  std::string state_;  // identifies the database state the shared values belong to
  std::unordered_map<std::string, double> idf_;
  std::unordered_map<std::string, Xapian::doccount> frequencies_;
};

/// The vector of an indexed clause document (body text terms and, weaker, section terms).
/// `with_surface` also fills ClauseVector::surface (needed for the query side only).
ClauseVector vector_of_document(IdfCache& idf, const Xapian::Document& doc,
                                const StemCanon& canon, bool with_surface = false);

/// The vector of a clause from its stored stem list (the kStemsSlot value, non-empty), as
/// vector_of_document gives for the document that holds it; no document is read.
ClauseVector vector_of_stem_list(IdfCache& idf, const std::string& stem_list,
                                 const StemCanon& canon);

/// The vector of a free text, analysed exactly as clauses are at index time.
ClauseVector vector_of_text(IdfCache& idf, const std::string& text, const StemCanon& canon);

/// Sets vector.weights from (stem, weight) entries that may repeat a stem: sorted by stem, a
/// stem's weights summed, unit length (none when they are all 0).
void set_unit_weights(ClauseVector& vector, std::vector<std::pair<std::string, double>> weights);

/// The weight of `stem` in `vector`, 0 when absent.
double weight_of(const ClauseVector& vector, const std::string& stem);

/// Cosine similarity in [0, 1].
double cosine(const ClauseVector& a, const ClauseVector& b);

/// The thesaurus neighbours of a query's stems (canonical stems that are not in the query),
/// prepared once per query for soft_cosine.
class RelatedStems {
 public:
  RelatedStems() = default;
  RelatedStems(const ClauseVector& query, const Thesaurus& thesaurus, const StemCanon& canon);
  bool empty() const { return links_.empty(); }
  /// Adds soft matches from elsewhere (the term model): `stem` stands in for the query's
  /// stem at `query_index` (of query.weights) as a thesaurus neighbour does.
  void add(std::vector<std::pair<std::string, size_t>> links);

 private:
  friend double soft_cosine(const ClauseVector& query, const ClauseVector& other,
                            const RelatedStems& related, double related_weight);
  std::vector<std::pair<std::string, size_t>> links_;  // related stem -> query stem index
};

/// How much a thesaurus neighbour counts against the word itself. tools/bench/similar-eval:
/// 0.3 is the best of 0 / 0.3 / 0.5 / 1, by one labelled pair of 98 (see RESULTS.md).
inline constexpr double kRelatedWeight = 0.3;

/// Cosine plus soft matches: a query stem that `other` lacks counts `related_weight` times
/// the weight of its best related stem in `other` (a thesaurus neighbour: "mandat" meets
/// "uppdrag"; or one the term model links: "prägla" meets "genomsyra").
/// In [0, 1]; equal to cosine() when `related` is empty. Not symmetric: the soft side is
/// the query's.
double soft_cosine(const ClauseVector& query, const ClauseVector& other,
                   const RelatedStems& related, double related_weight = kRelatedWeight);

/// The words of `query` whose stems also occur in `other`, in the query's order of weight.
std::vector<std::string> shared_words(const ClauseVector& query, const ClauseVector& other);

}  // namespace klausul
