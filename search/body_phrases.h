// Quoted phrases and NEAR over body text, checked against the clause's own text.
//
// Body words are indexed without positions (index/analyzer.h): the position table was over a
// quarter of the index, and every clause's text is stored anyway. A query with a body phrase
// runs in two steps:
//   - Xapian finds the candidates with a query in which each body phrase is the AND of its
//     words' stems (and a phrase under NOT is left out of the exclusion), a superset of the
//     answer;
//   - a match decider keeps the candidates for which the query as written is true, reading
//     phrases against the clause's words in order (stopwords included: "bevaka och
//     påverka" is those three words in a row) and other words against the clause's terms.
// Field phrases (titel:"...", avsnitt:"...") are looked up on records, which keep positions,
// and are not touched here. Counts and facets are those of the exact answer (Xapian applies
// the decider before counting); over a remote shard, Xapian runs the decider on the
// documents the shard returns.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace klausul {

/// A body term: an unprefixed word (prefixes are upper case: Z stems, XS sections, ...).
bool is_body_term(const std::string& term);

/// Operators that only combine their subqueries, so a rewrite may rebuild them around
/// rewritten parts as Xapian::Query(op, parts): AND, OR, AND_NOT, XOR, AND_MAYBE, FILTER,
/// SYNONYM, MAX (not ELITE_SET, whose set size a rebuild would lose).
bool rebuilds_around_parts(Xapian::Query::op op);

/// True when `query` holds a PHRASE or NEAR whose words are body words (unprefixed terms).
bool has_body_phrase(const Xapian::Query& query);

/// The candidate query for `query`: every body phrase (or NEAR) as the AND of its words
/// without stopwords where it must match, left out where it must not (under NOT). Matches
/// every clause that `query` as written matches, and more. `query` itself when it has no
/// body phrase.
Xapian::Query body_phrase_candidates(const Xapian::Query& query);

/// What a query word finds in body text, which is indexed as stems only (index/analyzer.h):
/// its stem's term; for a wildcard ("bevak*"), the stems that begin with it and the
/// pattern's own stem (so "verksamheterna*" still finds "verksamheterna").
Xapian::Query body_word_query(const std::string& word_or_pattern);

/// The pattern of a wildcard query ("bevak" for bevak*): Xapian keeps it to itself, its
/// description ends with it.
std::string wildcard_pattern(const Xapian::Query& wildcard);

/// Whether `words` (a text's index_words) hold `phrase` in order within `window` positions
/// (window = the phrase's length: the words in a row), or for NEAR in any order. A phrase
/// word ending in '*' matches any word it begins.
bool words_hold_phrase(const std::vector<std::string>& words,
                       const std::vector<std::string>& phrase, Xapian::termcount window,
                       bool ordered);

/// Keeps the clauses for which `query` (as written, with its phrases) is true.
class BodyPhraseDecider : public Xapian::MatchDecider {
 public:
  explicit BodyPhraseDecider(const Xapian::Query& query);
  ~BodyPhraseDecider() override;
  bool operator()(const Xapian::Document& doc) const override;

  struct Node;  // the query as the decider reads it, prepared once (body_phrases.cpp)

 private:
  std::unique_ptr<const Node> root_;
};

}  // namespace klausul
