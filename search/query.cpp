#include "search/query.h"

#include <optional>
#include <sstream>
#include <vector>

#include "index/analyzer.h"
#include "index/schema.h"
#include "ingest/error.h"
#include "ingest/normalize.h"
#include "search/body_phrases.h"
#include "search/field_query.h"

namespace klausul {
namespace {

bool is_operator(const std::string& token) {
  if (token.rfind("NEAR/", 0) == 0 || token.rfind("ADJ/", 0) == 0) {  // NEAR/3: within 3 words
    const size_t slash = token.find('/');
    return slash + 1 < token.size() &&
           token.find_first_not_of("0123456789", slash + 1) == std::string::npos;
  }
  return token == "AND" || token == "OR" || token == "NOT" || token == "NEAR" ||
         token == "ADJ" || token == "XOR";
}

// Folds every word but the uppercase operators, so "Vårdcentralerna" is stemmed like
// "vårdcentralerna" (QueryParser's STEM_SOME leaves capitalised words alone).
std::string fold_query(const std::string& query) {
  std::string folded;
  std::istringstream words(query);
  std::string token;
  while (words >> token) {
    if (!folded.empty()) folded += ' ';
    folded += is_operator(token) ? token : fold_for_index(token);
  }
  return folded;
}

Xapian::Query or_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query filter_query(const SearchRequest& request, const RegionTable& regions) {
  // No clause-kind term here: records hold no unprefixed text terms, so a text query never
  // matches them (titel: and avsnitt: leave them out themselves), and a filter on a term
  // every clause has would merge a posting list as long as the index.
  std::vector<Xapian::Query> parts;
  if (!request.regions.empty()) {
    std::vector<std::string> terms;
    for (const std::string& name : request.regions) {
      auto region = regions.find(name);
      if (!region) throw UsageError("unknown region '" + name + "'");
      terms.push_back(schema::kRegionPrefix + region->key);
    }
    parts.push_back(or_of(terms));
  }
  if (!request.types.empty()) {
    std::vector<std::string> terms;
    for (const std::string& type : request.types) {
      terms.push_back(schema::kTypePrefix + ascii_key(type));
    }
    parts.push_back(or_of(terms));
  }
  if (request.year_from > 0 || request.year_to > 0) {
    const int from = request.year_from > 0 ? request.year_from : 0;
    const int to = request.year_to > 0 ? request.year_to : 9999;
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kYearSlot,
                       Xapian::sortable_serialise(from), Xapian::sortable_serialise(to));
  }
  if (parts.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

int parse_year(const std::string& text, const std::string& whole) {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("bad year range '" + whole + "' (expected e.g. 2010..2015)");
  }
  return std::stoi(text);
}

bool is_body_stopword(const Xapian::Query& leaf) {
  if (leaf.get_type() != Xapian::Query::LEAF_TERM) return false;
  const auto term = leaf.get_terms_begin();
  if (term == leaf.get_terms_end()) return false;
  return is_body_term(*term) && swedish_stopper()(*term);
}

// A phrase of body stopwords only ("och att") is left out, as bare stopwords are: body text
// indexes no stopwords (index/analyzer.h). Any other phrase is kept as written, stopwords
// included, and checked against the clause's text (search/body_phrases.h). Operators that
// combine subqueries are rebuilt around the phrases they lose; others (NEAR, weights,
// ranges, field filters) are kept as they are. Nothing when `query` holds no such phrase.
std::optional<Xapian::Query> without_stopword_phrases(const Xapian::Query& query) {
  const Xapian::Query::op type = query.get_type();
  const size_t count = query.get_num_subqueries();
  if (type == Xapian::Query::OP_PHRASE) {
    for (size_t i = 0; i < count; ++i) {
      if (!is_body_stopword(query.get_subquery(i))) return std::nullopt;
    }
    return Xapian::Query::MatchNothing;
  }
  if (!rebuilds_around_parts(type)) return std::nullopt;
  // A phrase of stopwords only is left out, as bare stopwords are (`EU "och att"` is EU),
  // except where the operator needs it (the left side of NOT, MAYBE and a filter).
  const bool first_is_required = type == Xapian::Query::OP_AND_NOT ||
                                 type == Xapian::Query::OP_AND_MAYBE ||
                                 type == Xapian::Query::OP_FILTER;
  std::vector<Xapian::Query> parts;
  bool changed = false;
  for (size_t i = 0; i < count; ++i) {
    Xapian::Query part = query.get_subquery(i);
    if (std::optional<Xapian::Query> rewritten = without_stopword_phrases(part)) {
      changed = true;
      const bool nothing = rewritten->get_type() == Xapian::Query::LEAF_MATCH_NOTHING;
      if (nothing && !(first_is_required && i == 0)) continue;
      part = std::move(*rewritten);
    }
    parts.push_back(std::move(part));
  }
  if (!changed) return std::nullopt;
  if (parts.empty()) return Xapian::Query::MatchNothing;
  if (parts.size() == 1 && !first_is_required) return parts.front();
  return Xapian::Query(type, parts.begin(), parts.end());
}

// Body text is indexed as stems only (index/analyzer.h): a word QueryParser leaves unstemmed
// outside a phrase (one followed by '(' or '@', a wildcard) is searched as its stem.
// Phrases and NEAR keep their words: they are checked against the text
// (search/body_phrases.h). Nothing when `query` holds no such word.
std::optional<Xapian::Query> body_words_as_stems(const Xapian::Query& query) {
  const Xapian::Query::op type = query.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    const std::string term = *query.get_terms_begin();
    if (!is_body_term(term) || swedish_stopper()(term)) return std::nullopt;
    return body_word_query(term);
  }
  if (type == Xapian::Query::OP_WILDCARD) {
    const std::string pattern = wildcard_pattern(query);
    if (!is_body_term(pattern)) return std::nullopt;
    return body_word_query(pattern + "*");
  }
  if (!rebuilds_around_parts(type)) return std::nullopt;
  std::vector<Xapian::Query> parts;
  bool changed = false;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Xapian::Query part = query.get_subquery(i);
    if (auto rewritten = body_words_as_stems(part)) {
      part = std::move(*rewritten);
      changed = true;
    }
    parts.push_back(std::move(part));
  }
  if (!changed) return std::nullopt;
  return Xapian::Query(type, parts.begin(), parts.end());
}

bool has_wildcard(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_wildcard(query.get_subquery(i))) return true;
  }
  return false;
}

// QueryParser keeps stopwords when nothing else is left ("och att"): such a query has no
// searchable words. A wildcard has no terms until it is expanded, but is searchable.
bool only_stopwords(const Xapian::Query& query) {
  if (has_wildcard(query)) return false;
  const Xapian::Stopper& stopper = swedish_stopper();
  for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
    std::string term = *it;
    if (!term.empty() && term[0] == 'Z') term.erase(0, 1);
    if (!stopper(term)) return false;
  }
  return true;
}

}  // namespace

Xapian::Query ParsedQuery::combined() const {
  if (text.empty()) return Xapian::Query();
  if (filters.empty() || filters.get_type() == Xapian::Query::LEAF_MATCH_ALL) return text;
  return Xapian::Query(Xapian::Query::OP_FILTER, text, filters);
}

void parse_year_range(const std::string& text, int& from, int& to) {
  const size_t dots = text.find("..");
  if (dots == std::string::npos) {
    from = to = parse_year(text, text);
    return;
  }
  const std::string left = text.substr(0, dots);
  const std::string right = text.substr(dots + 2);
  from = left.empty() ? 0 : parse_year(left, text);
  to = right.empty() ? 0 : parse_year(right, text);
  if (from > 0 && to > 0 && from > to) throw UsageError("bad year range '" + text + "'");
}

Xapian::QueryParser swedish_query_parser() {
  Xapian::QueryParser parser;
  parser.set_stemmer(swedish_stemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_stopper(&swedish_stopper());
  return parser;
}

ParsedQuery parse_query(const Xapian::Database& db, const SearchRequest& request,
                        const RegionTable& regions, const SynonymTable& synonyms) {
  // Declared before the parser, which holds them by pointer.
  RecordFieldQuery titles(db, RecordField::title);
  RecordFieldQuery sections(db, RecordField::section);
  Xapian::QueryParser parser = swedish_query_parser();
  parser.set_default_op(request.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  // Boolean (filter) prefixes, see search/field_query.h; not exclusive: titel:a titel:b
  // needs both words, as free text would.
  parser.add_boolean_prefix("titel", &titles, false);
  parser.add_boolean_prefix("title", &titles, false);
  parser.add_boolean_prefix("avsnitt", &sections, false);
  parser.add_boolean_prefix("section", &sections, false);

  ParsedQuery parsed;
  parsed.filters = filter_query(request, regions);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
  const std::string folded = synonyms.expand_query(fold_query(request.query));
  try {
    parsed.text = parser.parse_query(folded, flags);
  } catch (const Xapian::QueryParserError&) {
    // Unbalanced quotes or brackets: search the words as plain text instead of failing.
    parsed.text = parser.parse_query(folded, 0);
  }
  if (auto rewritten = without_stopword_phrases(parsed.text)) parsed.text = std::move(*rewritten);
  if (only_stopwords(parsed.text)) {
    parsed.text = Xapian::Query();
    return parsed;
  }
  if (auto rewritten = body_words_as_stems(parsed.text)) parsed.text = std::move(*rewritten);
  return parsed;
}

}  // namespace klausul
