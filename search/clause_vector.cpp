#include "search/clause_vector.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stem_list.h"
#include "index/stored_data.h"
#include "index/swedish_stemmer.h"
#include "search/database_state.h"
#include "search/open_database.h"
#include "search/shared_by_state.h"

namespace klausul {
namespace {

const std::string kSectionStem = "Z" + schema::kSectionPrefix;
constexpr double kSectionWeight = 0.35;

bool is_body_word(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// The term whose idf weighs a vector term: a section stem counts by its body stem's.
std::string idf_term(const std::string& term) {
  if (term.rfind(kSectionStem, 0) == 0) return "Z" + term.substr(kSectionStem.size());
  return term;
}

// `surface_text`: also remember a word of it per stem (only the query needs it, for
// matched_terms; stemming every word of every candidate would dominate the cost of
// `similar`). `doc` may be null when `stored` is the stem list (then no term list is read).
ClauseVector build(IdfCache& idf_cache, const Xapian::Document* doc, const std::string& stored,
                   const StemCanon& canon, const std::string* surface_text) {
  std::vector<std::pair<std::string, double>> weights;  // may repeat a stem until merged
  ClauseVector vector;
  std::string stem_term;
  auto add_stem = [&](const std::string& term, Xapian::termcount wdf) {
    if (!is_vector_term(term)) return;  // body and section stems (index/stem_list.h)
    // The section heading says what the clause is about: its stems count, but less.
    const bool section = term.rfind(kSectionStem, 0) == 0;
    const double factor = section ? kSectionWeight : 1.0;
    if (section) {
      stem_term.assign("Z").append(term, kSectionStem.size());
    } else {
      stem_term = term;
    }
    if (!section) ++vector.body_stems;
    const double idf = idf_cache.idf(stem_term);
    weights.emplace_back(canon.canonical(stem_term.substr(1)),
                         factor * (1.0 + std::log(static_cast<double>(wdf))) * idf);
  };
  // The stored stem list when there is one (one value instead of a term list: no round trip
  // per candidate on a remote shard; and only the stem list holds a clause's section stems,
  // which are on its section record). Older indexes and free texts have none: their terms
  // hold the stems. The query side also needs words, from the term list.
  for (const auto& [term, wdf] : parse_stem_list(stored)) add_stem(term, wdf);
  if (doc && stored.empty()) {
    for (auto it = doc->termlist_begin(); it != doc->termlist_end(); ++it) {
      const std::string term = *it;
      if (!is_body_word(term)) add_stem(term, it.get_wdf());
    }
  }
  // The words come from the text: body text is indexed as stems only (index/analyzer.h).
  if (surface_text) {
    for (const auto& [word, word_stem] : content_words(*surface_text)) {
      const std::string stem = canon.canonical(word_stem);
      if (!vector.surface.count(stem) || word.size() < vector.surface[stem].size()) {
        vector.surface[stem] = word;
      }
    }
  }
  // A stem's weights (its word, its synonyms, its section use) are summed.
  set_unit_weights(vector, std::move(weights));
  return vector;
}

}  // namespace

void set_unit_weights(ClauseVector& vector, std::vector<std::pair<std::string, double>> weights) {
  std::sort(weights.begin(), weights.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  vector.weights.clear();
  for (auto& [stem, w] : weights) {
    if (!vector.weights.empty() && vector.weights.back().first == stem) {
      vector.weights.back().second += w;
    } else {
      vector.weights.emplace_back(std::move(stem), w);
    }
  }
  double norm = 0;
  for (const auto& [stem, w] : vector.weights) norm += w * w;
  norm = std::sqrt(norm);
  if (norm == 0) {
    vector.weights.clear();
    return;
  }
  for (auto& [stem, w] : vector.weights) w /= norm;
}

double weight_of(const ClauseVector& vector, const std::string& stem) {
  auto it = std::lower_bound(vector.weights.begin(), vector.weights.end(), stem,
                             [](const auto& entry, const std::string& s) { return entry.first < s; });
  return it != vector.weights.end() && it->first == stem ? it->second : 0.0;
}

StemCanon::StemCanon(const SynonymTable& synonyms, const SynonymTable& related) {
  // Union-find over stems: every group links its single-word stems together.
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> root = [&](const std::string& stem) {
    auto it = parent.find(stem);
    if (it == parent.end() || it->second == stem) return stem;
    return it->second = root(it->second);
  };
  for (const SynonymTable* table : {&synonyms, &related}) {
    for (const auto& group : table->groups()) {
      std::string first;
      for (const std::string& word : group) {
        if (word.find_first_of(" -") != std::string::npos) continue;  // multi-word: no one stem
        const std::string stem = stem_swedish(word);
        if (!parent.count(stem)) parent[stem] = stem;
        if (first.empty()) {
          first = stem;
        } else {
          const std::string a = root(first), b = root(stem);
          if (a != b) parent[b] = a;
        }
      }
    }
  }
  for (const auto& [stem, unused] : parent) canon_[stem] = root(stem);
}

const std::string& StemCanon::canonical(const std::string& stem) const {
  auto it = canon_.find(stem);
  return it == canon_.end() ? stem : it->second;
}

std::vector<std::string> StemCanon::members(const std::string& canonical) const {
  std::vector<std::string> stems;
  for (const auto& [stem, representative] : canon_) {
    if (representative == canonical && stem != canonical) stems.push_back(stem);
  }
  std::sort(stems.begin(), stems.end());  // a hash map's order is no order
  stems.insert(stems.begin(), canonical);
  return stems;
}

const StemCanon& standard_stem_canon() {
  static const StemCanon canon(SynonymTable::standard(), SynonymTable::related());
  return canon;
}

namespace {

// The process-wide idf values of the database state last used.
SharedByState<double>& shared_idf() {
  static SharedByState<double> shared(1u << 20);
  return shared;
}

}  // namespace

Xapian::doccount counted_documents(const Xapian::Database& db) {
  const Xapian::doccount all = db.get_doccount();
  const Xapian::doccount sections = db.get_termfreq(schema::kKindPrefix + schema::kSectionKind);
  return all > sections ? all - sections : 0;
}

IdfCache::IdfCache(const Xapian::Database& db)
    : db_(db),
      batch_(has_remote_shard(db)),
      documents_(std::max<double>(1.0, counted_documents(db))),
      state_(database_state(db)) {}

void IdfCache::prefetch(const std::vector<std::string>& stem_lists) {
  if (!batch_) return;
  std::set<std::string> missing;
  for (const std::string& list : stem_lists) {
    for (const auto& [term, wdf] : parse_stem_list(list)) {
      if (!is_vector_term(term)) continue;
      std::string key = idf_term(term);
      if (idf_.count(key) || shared_idf().find(state_, key)) continue;
      missing.insert(std::move(key));
    }
  }
  fetch_frequencies(missing);
}

void IdfCache::prefetch_terms(const std::vector<std::string>& terms) {
  if (!batch_) return;
  std::set<std::string> missing;
  for (const std::string& term : terms) {
    if (!frequencies_.count(term)) missing.insert(term);
  }
  fetch_frequencies(missing);
}

void IdfCache::fetch_frequencies(const std::set<std::string>& terms) {
  if (terms.empty()) return;
  // The match gathers every query term's frequency over all shards in one exchange; no
  // document is matched (maxitems 0).
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  const Xapian::MSet frequencies = enquire.get_mset(0, 0);
  for (const std::string& term : terms) {
    const Xapian::doccount frequency = frequencies.get_termfreq(term);
    frequencies_[term] = frequency;
    remember(term, frequency);
  }
}

Xapian::doccount IdfCache::frequency(const std::string& term) {
  auto it = frequencies_.find(term);
  if (it != frequencies_.end()) return it->second;
  return frequencies_[term] = db_.get_termfreq(term);
}

double IdfCache::idf(const std::string& term) {
  auto it = idf_.find(term);
  if (it != idf_.end()) return it->second;
  if (const std::optional<double> shared = shared_idf().find(state_, term)) {
    return idf_[term] = *shared;
  }
  return remember(term, frequency(term));
}

double IdfCache::remember(const std::string& term, Xapian::doccount frequency) {
  const double df = std::max<double>(1.0, frequency);
  const double value = std::log(1.0 + documents_ / df);
  shared_idf().keep(state_, term, value);
  return idf_[term] = value;
}

ClauseVector vector_of_document(IdfCache& idf, const Xapian::Document& doc,
                                const StemCanon& canon, bool with_surface) {
  if (!with_surface) return build(idf, &doc, doc.get_value(schema::kStemsSlot), canon, nullptr);
  const std::string text = clause_of_document(doc).text;
  return build(idf, &doc, doc.get_value(schema::kStemsSlot), canon, &text);
}

ClauseVector vector_of_stem_list(IdfCache& idf, const std::string& stem_list,
                                 const StemCanon& canon) {
  return build(idf, nullptr, stem_list, canon, nullptr);
}

ClauseVector vector_of_text(IdfCache& idf, const std::string& text, const StemCanon& canon) {
  Xapian::Document doc;
  DocumentIndexer indexer(doc);
  indexer.add_text(text);
  return build(idf, &doc, doc.get_value(schema::kStemsSlot), canon, &text);
}

double cosine(const ClauseVector& a, const ClauseVector& b) {
  double dot = 0;
  auto i = a.weights.begin();
  auto j = b.weights.begin();
  while (i != a.weights.end() && j != b.weights.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += i->second * j->second;
      ++i;
      ++j;
    }
  }
  return std::clamp(dot, 0.0, 1.0);
}

RelatedStems::RelatedStems(const ClauseVector& query, const Thesaurus& thesaurus,
                           const StemCanon& canon) {
  for (size_t i = 0; i < query.weights.size(); ++i) {
    for (const std::string& neighbour : thesaurus.related(query.weights[i].first)) {
      const std::string& stem = canon.canonical(neighbour);
      if (weight_of(query, stem) == 0) links_.emplace_back(stem, i);
    }
  }
  std::sort(links_.begin(), links_.end());
  links_.erase(std::unique(links_.begin(), links_.end()), links_.end());
}

void RelatedStems::add(std::vector<std::pair<std::string, size_t>> links) {
  links_.insert(links_.end(), links.begin(), links.end());
  std::sort(links_.begin(), links_.end());
  links_.erase(std::unique(links_.begin(), links_.end()), links_.end());
}

double soft_cosine(const ClauseVector& query, const ClauseVector& other,
                   const RelatedStems& related, double related_weight) {
  const double exact = cosine(query, other);
  if (related.links_.empty()) return exact;
  // Per query stem, the weight of its best related stem in `other` (merge of two sorted
  // lists).
  std::vector<double> best(query.weights.size(), 0.0);
  auto link = related.links_.begin();
  auto term = other.weights.begin();
  while (link != related.links_.end() && term != other.weights.end()) {
    if (link->first < term->first) {
      ++link;
    } else if (term->first < link->first) {
      ++term;
    } else {
      for (; link != related.links_.end() && link->first == term->first; ++link) {
        best[link->second] = std::max(best[link->second], term->second);
      }
      ++term;
    }
  }
  double soft = 0;
  for (size_t q = 0; q < best.size(); ++q) {
    // A stem `other` has itself already counted in the exact cosine.
    if (best[q] > 0 && weight_of(other, query.weights[q].first) == 0) {
      soft += query.weights[q].second * best[q];
    }
  }
  return std::clamp(exact + related_weight * soft, 0.0, 1.0);
}

std::vector<std::string> shared_words(const ClauseVector& query, const ClauseVector& other) {
  std::vector<std::pair<double, std::string>> shared;
  for (const auto& [stem, weight] : query.weights) {
    auto it = std::lower_bound(other.weights.begin(), other.weights.end(),
                               std::make_pair(stem, 0.0),
                               [](const auto& x, const auto& y) { return x.first < y.first; });
    if (it == other.weights.end() || it->first != stem) continue;
    auto word = query.surface.find(stem);
    shared.emplace_back(-weight * it->second, word == query.surface.end() ? stem : word->second);
  }
  std::sort(shared.begin(), shared.end());
  std::vector<std::string> words;
  for (auto& [score, word] : shared) {
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
  }
  return words;
}

}  // namespace klausul
