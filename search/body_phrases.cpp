#include "search/body_phrases.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "index/analyzer.h"
#include "index/stored_data.h"
#include "index/swedish_stemmer.h"

namespace klausul {
namespace {

using Op = Xapian::Query::op;

// A phrase's words as words_hold_phrase takes them ("bevak*" for a wildcard), or nothing when
// it is no body phrase (a field phrase, or parts that are not words).
std::optional<std::vector<std::string>> body_phrase_words(const Xapian::Query& query) {
  const Op type = query.get_type();
  if (type != Xapian::Query::OP_PHRASE && type != Xapian::Query::OP_NEAR) return std::nullopt;
  std::vector<std::string> words;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query part = query.get_subquery(i);
    if (part.get_type() == Xapian::Query::LEAF_TERM) {
      const std::string term = *part.get_terms_begin();
      if (!is_body_term(term)) return std::nullopt;
      words.push_back(term);
    } else if (part.get_type() == Xapian::Query::OP_WILDCARD) {
      const std::string pattern = wildcard_pattern(part);
      if (!is_body_term(pattern)) return std::nullopt;
      words.push_back(pattern + "*");
    } else {
      return std::nullopt;
    }
  }
  return words;
}

// The window of a PHRASE or NEAR: Xapian does not hand it out either; its description has it
// after the operator ("(bevaka@1 PHRASE 3 och@2 PHRASE 3 påverka@3)").
Xapian::termcount window_of(const Xapian::Query& query, size_t words) {
  const std::string description = query.get_description();
  const char* op = query.get_type() == Xapian::Query::OP_PHRASE ? " PHRASE " : " NEAR ";
  const size_t at = description.find(op);
  if (at == std::string::npos) return static_cast<Xapian::termcount>(words);
  const long window = std::strtol(description.c_str() + at + std::char_traits<char>::length(op),
                                  nullptr, 10);
  return static_cast<Xapian::termcount>(std::max<long>(window, static_cast<long>(words)));
}

bool word_matches(const std::string& word, const std::string& wanted) {
  if (!wanted.empty() && wanted.back() == '*') {
    return word.compare(0, wanted.size() - 1, wanted, 0, wanted.size() - 1) == 0;
  }
  return word == wanted;
}

bool is_body_stopword(const std::string& word) {
  return word.back() != '*' && swedish_stopper()(word);
}

// `must_match`: the documents of the result must include every document `query` matches
// (a superset); otherwise (under NOT) they must be among them (a subset).
Xapian::Query candidates(const Xapian::Query& query, bool must_match) {
  if (!has_body_phrase(query)) return query;
  if (auto words = body_phrase_words(query)) {
    if (!must_match) return Xapian::Query::MatchNothing;
    std::vector<Xapian::Query> kept;
    for (const std::string& word : *words) {
      if (!is_body_stopword(word)) kept.push_back(body_word_query(word));
    }
    if (kept.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, kept.begin(), kept.end());
  }
  const Op type = query.get_type();
  const bool only_as_or =  // matches part of what OR of its parts matches
      type == Xapian::Query::OP_XOR || type == Xapian::Query::OP_ELITE_SET;
  const bool combines = rebuilds_around_parts(type) || type == Xapian::Query::OP_ELITE_SET;
  if (!combines || (only_as_or && !must_match)) {
    // Nothing klausul's parser makes: keep it as it is where it must match (a body phrase
    // in it then finds nothing in a new index), leave it out under NOT (an OR of its parts
    // could exclude more than it does).
    return must_match ? query : Xapian::Query::MatchNothing;
  }
  std::vector<Xapian::Query> parts;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const bool negated = type == Xapian::Query::OP_AND_NOT && i > 0;
    parts.push_back(candidates(query.get_subquery(i), negated ? !must_match : must_match));
  }
  // XOR's and ELITE_SET's documents are among OR's.
  const Op rebuilt = only_as_or ? Xapian::Query::OP_OR : type;
  return Xapian::Query(rebuilt, parts.begin(), parts.end());
}

// One clause, read lazily: its words for phrases, its terms for everything else.
class ClauseView {
 public:
  explicit ClauseView(const Xapian::Document& doc) : doc_(doc) {}

  const std::vector<std::string>& words() {
    if (!words_) words_ = index_words(clause_of_document(doc_).text);
    return *words_;
  }

  bool has_term(const std::string& term) {
    load_terms();
    return std::binary_search(terms_->begin(), terms_->end(), term);
  }

  bool has_term_starting(const std::string& prefix) {
    load_terms();
    auto it = std::lower_bound(terms_->begin(), terms_->end(), prefix);
    return it != terms_->end() && it->compare(0, prefix.size(), prefix) == 0;
  }

 private:
  void load_terms() {
    if (terms_) return;
    terms_.emplace();
    for (auto it = doc_.termlist_begin(); it != doc_.termlist_end(); ++it) terms_->push_back(*it);
  }

  const Xapian::Document& doc_;
  std::optional<std::vector<std::string>> words_;
  std::optional<std::vector<std::string>> terms_;  // sorted, as a term list is
};

}  // namespace

std::string wildcard_pattern(const Xapian::Query& wildcard) {
  std::string description = wildcard.get_description();
  while (!description.empty() && (description.back() == ')' || description.back() == ' ')) {
    description.pop_back();
  }
  const size_t space = description.find_last_of(" (");
  return description.substr(space == std::string::npos ? 0 : space + 1);
}

Xapian::Query body_word_query(const std::string& word_or_pattern) {
  if (word_or_pattern.empty() || word_or_pattern.back() != '*') {
    return Xapian::Query("Z" + stem_swedish(word_or_pattern));
  }
  const std::string pattern = word_or_pattern.substr(0, word_or_pattern.size() - 1);
  return Xapian::Query(Xapian::Query::OP_OR,
                       Xapian::Query(Xapian::Query::OP_WILDCARD, "Z" + pattern),
                       Xapian::Query("Z" + stem_swedish(pattern)));
}

bool is_body_term(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

bool rebuilds_around_parts(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

bool has_body_phrase(const Xapian::Query& query) {
  if (body_phrase_words(query)) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_body_phrase(query.get_subquery(i))) return true;
  }
  return false;
}

Xapian::Query body_phrase_candidates(const Xapian::Query& query) {
  return candidates(query, true);
}

bool words_hold_phrase(const std::vector<std::string>& words,
                       const std::vector<std::string>& phrase, Xapian::termcount window,
                       bool ordered) {
  if (phrase.empty()) return true;
  const size_t span = std::max<size_t>(window, phrase.size());
  for (size_t start = 0; start < words.size(); ++start) {
    const size_t end = std::min(words.size(), start + span);
    if (ordered) {
      if (!word_matches(words[start], phrase.front())) continue;
      size_t next = 1;
      for (size_t at = start + 1; at < end && next < phrase.size(); ++at) {
        if (word_matches(words[at], phrase[next])) ++next;
      }
      if (next == phrase.size()) return true;
    } else {
      // NEAR: every word of the phrase somewhere in the window that starts at one of them.
      bool starts = false;
      for (const std::string& wanted : phrase) starts = starts || word_matches(words[start], wanted);
      if (!starts) continue;
      std::vector<bool> used(end - start, false);
      bool all = true;
      for (const std::string& wanted : phrase) {
        bool found = false;
        for (size_t at = start; at < end && !found; ++at) {
          if (!used[at - start] && word_matches(words[at], wanted)) found = used[at - start] = true;
        }
        all = all && found;
      }
      if (all) return true;
    }
  }
  return false;
}

struct BodyPhraseDecider::Node {
  Op type = Xapian::Query::LEAF_MATCH_ALL;
  std::string term;                 // LEAF_TERM: the term; OP_WILDCARD: the pattern
  std::vector<std::string> phrase;  // a body phrase's words (then children is empty)
  Xapian::termcount window = 0;
  bool has_phrase = false;          // a body phrase here or below
  std::vector<Node> children;
};

namespace {

BodyPhraseDecider::Node prepare(const Xapian::Query& query) {
  BodyPhraseDecider::Node node;
  node.type = query.get_type();
  if (auto words = body_phrase_words(query)) {
    node.window = window_of(query, words->size());
    node.phrase = std::move(*words);
    node.has_phrase = true;
    return node;
  }
  if (node.type == Xapian::Query::LEAF_TERM) node.term = *query.get_terms_begin();
  if (node.type == Xapian::Query::OP_WILDCARD) node.term = wildcard_pattern(query);
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    node.children.push_back(prepare(query.get_subquery(i)));
    node.has_phrase = node.has_phrase || node.children.back().has_phrase;
  }
  return node;
}

// Whether `node` (the query as written) is true of the clause. `required`: the candidate
// query requires this part as it is, so when it holds no body phrase Xapian has already
// checked it.
bool holds(const BodyPhraseDecider::Node& node, ClauseView& clause, bool required) {
  if (required && !node.has_phrase) return true;
  if (!node.phrase.empty()) {
    return words_hold_phrase(clause.words(), node.phrase, node.window,
                             node.type == Xapian::Query::OP_PHRASE);
  }
  const std::vector<BodyPhraseDecider::Node>& parts = node.children;
  switch (node.type) {
    case Xapian::Query::LEAF_TERM:
      return clause.has_term(node.term);
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return false;
    case Xapian::Query::OP_WILDCARD:
      return clause.has_term_starting(node.term);
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      for (const auto& part : parts) {
        if (!holds(part, clause, required)) return false;
      }
      return true;
    case Xapian::Query::OP_AND_NOT:
      if (parts.empty() || !holds(parts.front(), clause, required)) return false;
      for (size_t i = 1; i < parts.size(); ++i) {
        if (holds(parts[i], clause, false)) return false;
      }
      return true;
    case Xapian::Query::OP_AND_MAYBE:
      return !parts.empty() && holds(parts.front(), clause, required);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_ELITE_SET:
      for (const auto& part : parts) {
        if (holds(part, clause, false)) return true;
      }
      return false;
    case Xapian::Query::OP_XOR: {
      bool odd = false;
      for (const auto& part : parts) odd ^= holds(part, clause, false);
      return odd;
    }
    default:
      // Ranges, match-all and operators the parser does not make: Xapian judged them.
      return true;
  }
}

}  // namespace

// The query is read once here: the decider runs for every candidate.
BodyPhraseDecider::BodyPhraseDecider(const Xapian::Query& query)
    : root_(std::make_unique<const Node>(prepare(query))) {}

BodyPhraseDecider::~BodyPhraseDecider() = default;

bool BodyPhraseDecider::operator()(const Xapian::Document& doc) const {
  ClauseView clause(doc);
  return holds(*root_, clause, true);
}

}  // namespace klausul
