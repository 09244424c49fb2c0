// THE similarity of a candidate clause to a query, shared by `similar` and `compare`:
//   score = ((1 - semantic_weight) * lexical + semantic_weight * meaning) * statement_factor
// where lexical is the stem cosine with soft matches (clause_vector.h: thesaurus neighbours,
// and the term model's soft links below), meaning is
// the cosine of the clauses' meaning vectors from the archive's term model
// (semantic_match.h), above a floor (left out of the mix when there is no model), and
// statement_factor
// keeps fragments (a heading repeated as a paragraph, a title, a list lead-in, a navigation
// line: a clause of one or two content words) from outranking a clause that states
// something: a clause with fewer than `full_statement_stems` stems of its own scores
// (stems / full_statement_stems) ^ fragment_power of its similarity, unless it is a list item
// completed by its lead-in (ClauseVector::completed_by_lead_in).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index/term_model.h"
#include "search/clause_vector.h"
#include "search/semantic_match.h"

namespace klausul {

struct ScoreTuning {
  double semantic_weight = 0.3;
  // `similar` with a term model only: the candidate's BM25 weight for the (expanded)
  // candidate query, divided by the best weight of its candidate list, mixed in with this
  // weight. BM25 rewards a rare word shared more than a cosine does.
  double bm25_weight = 0.2;
  // Two clauses of the same archive are never far apart in meaning: a meaning cosine at or
  // below meaning_floor counts 0, the rest is stretched to [0, 1].
  double meaning_floor = 0.3;
  double full_statement_stems = 6;
  double fragment_power = 0.5;
  // Soft links, counted in the lexical score as thesaurus neighbours are and shown in
  // matched_terms: each stem must be among the other's soft_link_rank nearest stems in the
  // model (mutual nearest neighbours), and they must be at least soft_link_minimum alike. On
  // an archive of a few hundred texts every two stems are 0.7-0.9 alike, so the cosine alone
  // linked almost every word ("viktigaste ≈ därför 0.90"); a word near everything is near
  // many stems but few are near it. Read on the tuning
  // half's queries: about 1 link in 10 made sense before, about 4 in 10 with this. Counting
  // them raised the tuning half's recall@3 (mean of 4 model seeds) from 0.813 to 0.833;
  // counting every stem's nearest without the mutual test lowered it (tools/bench/RESULTS.md).
  double soft_link_minimum = 0.5;
  size_t soft_link_rank = 5;
  // Candidates: the soft links of the query's strongest stems also find candidates, weighted
  // by their similarity times expansion_weight. Until 2026-12-03 each such stem brought its 3
  // nearest stems of similarity 0.6 or more, mutual or not: the links that score and are
  // shown raised the tuning half's recall@3 (mean of 4 model seeds) from 0.833 to 0.848.
  double expansion_weight = 0.5;
  // `similar` from an indexed clause: a candidate's score becomes
  //   (1 - document_topic_weight) * score + document_topic_weight * topic
  // where topic is the cosine of its document's topic and the query document's
  // (index/document_topic.h): of two clauses alike, the one from a document on the query
  // document's subject ranks first. Not for a free text (no document) nor compare (one
  // document on each side).
  double document_topic_weight = 0.3;
  // ... weighed for each region's best topic_candidates only (by score before the topic):
  // a candidate's documents are one more read, and the others count a topic of 0. 10 until
  // 2026-12-05; 6 was as good on the tuning half (recall@3 0.863 / MRR 0.744 against 0.863 /
  // 0.746, mean of 4 model seeds; 4 and 3 lost) and saves a read of 80 candidates at a million
  // clauses.
  size_t topic_candidates = 6;
  // `similar`: an open clause (a question or a list's lead-in, index/open_clause.h) names a
  // subject without saying anything about it; its score (before the document topic is mixed
  // in) is multiplied by this unless the query is one too. 0.5-0.8 were alike on the tuning
  // half (tools/bench/RESULTS.md).
  double open_clause_factor = 0.7;
};

/// The tuning tools/bench/similar-eval chose on the tuning half of the evaluation pairs
/// (see tools/bench/RESULTS.md).
const ScoreTuning& default_score_tuning();

/// Everything about the query that scoring each candidate needs, prepared once.
class QueryScorer {
 public:
  /// `model` may be null (no term model: stems and thesaurus only). It must outlive this.
  QueryScorer(ClauseVector query, RelatedStems related, const TermModel* model,
              const ScoreTuning& tuning = default_score_tuning());

  const ClauseVector& query() const { return query_; }
  const TermModel* model() const { return model_; }
  /// The term model's soft links of the query's stems to stems it lacks (mutual nearest
  /// neighbours: ScoreTuning::soft_link_rank), strongest query stems first; none without a
  /// model. They count in score() and explain() shows those a candidate has.
  const std::vector<SoftLink>& links() const { return links_; }
  const ScoreTuning& tuning() const { return tuning_; }

  /// The score in [0, 1] of a candidate clause; `bm25` is its normalised BM25 weight in
  /// [0, 1] when it was found by a BM25 query (similar), negative when not (compare). BM25
  /// counts only when there is a term model.
  double score(const ClauseVector& candidate, double bm25 = -1) const;

  /// What matched, for people: the query's words the candidate shares, then the soft links
  /// that counted ("prägla ≈ genomsyra 0.62"). `candidate_words` maps the candidate's stems
  /// to its own words (content_words of its text).
  std::vector<std::string> explain(
      const ClauseVector& candidate,
      const std::vector<std::pair<std::string, std::string>>& candidate_words) const;

 private:
  ClauseVector query_;
  RelatedStems related_;
  const TermModel* model_;
  ScoreTuning tuning_;
  MeaningVector meaning_;
  std::vector<SoftLink> links_;
  // The soft_link_rank nearest stems of a stem (cached for the query: the constructor and
  // explain() ask about the same stems; so explain() is for one thread at a time).
  const std::unordered_set<std::string>& nearest(const std::string& stem) const;
  // Whether two stems are each among the other's nearest (mutual nearest neighbours).
  bool linkable(const std::string& query_stem, const std::string& other_stem) const;
  mutable std::unordered_map<std::string, std::unordered_set<std::string>> nearest_;
};

}  // namespace klausul
