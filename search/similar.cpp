#include "search/similar.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "index/analyzer.h"
#include "index/clause_set.h"
#include "index/clause_lookup.h"
#include "index/document_id_bytes.h"
#include "index/fingerprint.h"
#include "index/open_clause.h"
#include "index/region_codes.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/clause_vector.h"
#include "search/document_cache.h"
#include "search/document_topics.h"
#include "search/fold_versions.h"
#include "search/hidden_clauses.h"
#include "search/open_database.h"
#include "search/searcher.h"
#include "search/slot_values.h"

namespace klausul {
namespace {

constexpr size_t kQueryStems = 16;             // strongest stems used to fetch candidates
constexpr size_t kExpandedStems = 8;           // of which these bring their neighbours
// Candidates: the best kCandidatePool clauses of all target regions by BM25, then at most
// per_region_limit() of each region, which the rerank reads and scores (about 25 µs each on
// a large index: that read is what costs). Collapsing on the region inside Xapian gives the
// same per-region lists but costs 3x the matching time on a million clauses.
constexpr Xapian::doccount kCandidatePool = 1000;
constexpr Xapian::doccount kRerankBudget = 360;  // candidates read in all, spread over regions
constexpr Xapian::doccount kMostPerRegion = 30;
constexpr Xapian::doccount kLeastPerRegion = 15;
// Candidate retrieval on millions of clauses stops matching after this time and returns the
// best so far; the rerank below is what orders the answer.
constexpr double kCandidateSeconds = 0.02;
constexpr double kDuplicateCosine = 0.9;       // "almost the same text"
// Candidates' region-copy values are read for this many ranks of the pool at a time
// (find_similar: consider).
constexpr size_t kCopyKeysReadAtOnce = 200;

// A candidate is scored from its stored stems (index/stem_list.h; the term list in older
// indexes) alone; its clause and document are read only if it is shown (or listed as a
// duplicate), which keeps reranking cheap.
struct Candidate {
  Xapian::docid docid = 0;
  std::string region;
  std::string fingerprint;
  std::string identity_term;  // XF<fingerprint>, or the Q term of a text without one
  std::string copy_key;       // its kRegionCopySlot value (empty in an older index)
  bool open = false;          // a question or a list's lead-in (index/open_clause.h)
  double topic = -1;          // its document topic's cosine, when weighed
  // That topic (owned by DocumentTopics), or null when the clause itself stood for it.
  const ClauseVector* topic_vector = nullptr;
  std::string stem_list;      // index/stem_list.h; empty in an index written before it
  double relevance = 0;   // the match's weight over the best weight of its match
  ClauseVector vector;
  double score = 0;
  std::vector<const Candidate*> duplicates;
  // Its clause (kClauseSlot) when already read: sent by a remote shard with the stem list, or
  // read to know whether a short candidate is a list item (mark_list_items_with_lead_ins);
  // empty otherwise.
  std::string stored_clause;
};

// A candidate's document, as the match found it: no check that it exists (which costs a
// term list look-up per document in a glass index).
Xapian::Document open_candidate(const Xapian::Database& db, Xapian::docid docid) {
  return db.get_document(docid, Xapian::DOC_ASSUME_VALID);
}

// What a candidate's sort key (its kRegionCopySlot value, index/schema.h) tells: its region,
// its fingerprint, a term that only it and its exact copies carry, and whether it is an open
// clause. False for an index written before that value.
bool read_copy_key(const std::string& value, Candidate& candidate) {
  const size_t separator = value.find(schema::kCopyKeySeparator);
  if (separator == std::string::npos) return false;
  candidate.copy_key = value;
  candidate.region = region_of_stored(std::string_view(value).substr(0, separator));
  std::string rest = value.substr(separator + 1);
  if (rest.size() == kFingerprintBytes) {  // since 2026-12-04 (index/fingerprint.h)
    candidate.open = is_open_fingerprint(rest);
    candidate.identity_term = schema::kFingerprintPrefix + rest;
    candidate.fingerprint = std::move(rest);
    return true;
  }
  if (const size_t mark = rest.find(schema::kCopyKeySeparator); mark != std::string::npos) {
    candidate.open = rest.compare(mark + 1, std::string::npos, schema::kOpenClauseMark) == 0;
    rest.resize(mark);
  }
  if (rest.rfind(schema::kClauseIdPrefix, 0) == 0) {
    candidate.identity_term = std::move(rest);
  } else {
    candidate.identity_term = schema::kFingerprintPrefix + rest;
    candidate.fingerprint = std::move(rest);
  }
  return true;
}

// The stem-list match below: how many matches (the candidates and their copies) it reads per
// identity term.
constexpr Xapian::doccount kCopiesReadPerCandidate = 4;

// The stem lists of `wanted` (by document id), read in one match on their identity terms,
// and their clauses too: those shown then need no round trip each (an index written before
// kClauseSlot sends none, and they are opened as before).
void match_stem_lists(const Xapian::Database& db, const std::set<std::string>& identities,
                      const std::map<Xapian::docid, Candidate*>& wanted,
                      std::set<Xapian::docid>& read) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, identities.begin(), identities.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kClauseSlot, false);
  enquire.set_collapse_key(schema::kStemsSlot, kNeverCollapse);
  const auto most = kCopiesReadPerCandidate * static_cast<Xapian::doccount>(identities.size());
  const Xapian::MSet lists = enquire.get_mset(0, most);
  for (auto it = lists.begin(); it != lists.end(); ++it) {
    auto found = wanted.find(*it);
    if (found == wanted.end()) continue;
    found->second->stem_list = it.get_collapse_key();
    found->second->stored_clause = it.get_sort_key();
    if (!found->second->stem_list.empty()) read.insert(*it);
  }
}

// Reads the stem lists of the candidates kept for the rerank. Those in local shards come from
// the slot's value stream (search/slot_values.h). Those in remote shards (`remote`:
// search/open_database.h) come from one boolean match on their identity terms, which returns
// every stem list as its collapse key, so a remote shard answers once rather than once per
// candidate. A candidate the match does not return (an older index, a text with very many
// copies) is read like a local one.
void read_stem_lists(const Xapian::Database& db, const std::vector<bool>& remote,
                     std::vector<Candidate*>& candidates) {
  std::set<std::string> identities;
  std::map<Xapian::docid, Candidate*> wanted;
  for (Candidate* candidate : candidates) {
    if (remote.empty() || candidate->identity_term.empty()) continue;
    if (!remote[(candidate->docid - 1) % remote.size()]) continue;  // in a local shard
    identities.insert(candidate->identity_term);
    wanted[candidate->docid] = candidate;
  }
  std::set<Xapian::docid> read;
  if (!identities.empty()) match_stem_lists(db, identities, wanted, read);
  std::vector<Xapian::docid> local;
  for (Candidate* candidate : candidates) {
    if (!read.count(candidate->docid)) local.push_back(candidate->docid);
  }
  const auto stem_lists = slot_values(db, schema::kStemsSlot, local);
  for (Candidate* candidate : candidates) {
    if (read.count(candidate->docid)) continue;
    auto found = stem_lists.find(candidate->docid);
    if (found != stem_lists.end()) candidate->stem_list = found->second;
  }
}

// The query's strongest stems, each with its synonyms as one OP_SYNONYM "term" (a synonym
// counts like the word itself, not as an extra match).
// A stem in more than this many clauses barely tells candidates apart but costs a long
// posting list to merge; on a small index nothing is this common, on a million clauses the
// commonest policy words are.
constexpr double kCommonStemShare = 0.005;
constexpr Xapian::doccount kCommonStemMinimum = 5000;

Xapian::Query candidate_query(IdfCache& idf, const QueryScorer& scorer, const StemCanon& canon,
                              const ScoreTuning& tuning) {
  const ClauseVector& query = scorer.query();
  const auto common = std::max<Xapian::doccount>(
      kCommonStemMinimum, static_cast<Xapian::doccount>(kCommonStemShare * idf.documents()));
  std::vector<std::pair<double, std::string>> strongest;
  for (const auto& [stem, weight] : query.weights) strongest.emplace_back(-weight, stem);
  std::sort(strongest.begin(), strongest.end());
  if (strongest.size() > kQueryStems) strongest.resize(kQueryStems);
  // The soft links of the kExpandedStems strongest stems, each linked stem once (its best
  // similarity).
  std::set<std::string> expanded;
  for (size_t i = 0; i < strongest.size() && i < kExpandedStems; ++i) {
    expanded.insert(strongest[i].second);
  }
  std::map<std::string, double> best_link;
  for (const SoftLink& link : scorer.links()) {
    if (!expanded.count(link.query_stem)) continue;
    double& kept = best_link[link.other_stem];
    kept = std::max(kept, link.similarity);
  }
  const std::vector<std::pair<std::string, double>> neighbours(best_link.begin(),
                                                               best_link.end());
  std::vector<std::string> looked_up;
  for (const auto& [weight, stem] : strongest) looked_up.push_back("Z" + stem);
  for (const auto& [stem, similarity] : neighbours) looked_up.push_back("Z" + stem);
  idf.prefetch_terms(looked_up);
  std::vector<Xapian::Query> stems;
  for (const auto& [weight, stem] : strongest) {
    // Keep at least a few stems so that a clause of common words still finds candidates.
    if (stems.size() >= 3 && idf.frequency("Z" + stem) > common) continue;
    std::vector<Xapian::Query> members;
    for (const std::string& member : canon.members(stem)) members.emplace_back("Z" + member);
    stems.emplace_back(Xapian::Query::OP_SYNONYM, members.begin(), members.end());
  }
  if (!neighbours.empty()) {
    for (const auto& [stem, similarity] : neighbours) {
      const std::string term = "Z" + stem;
      if (idf.frequency(term) > common) continue;
      stems.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term),
                         similarity * tuning.expansion_weight);
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end());
}

// Restricts candidates to the target regions. No clause-kind filter is needed: document and
// section records carry no body stems, so they never match the candidate query (and a filter
// on a term every clause has would cost a million-entry posting list).
Xapian::Query restrict_regions(const Xapian::Query& candidates,
                               const std::vector<std::string>& keys, const std::string& exclude) {
  if (!keys.empty()) {
    std::vector<Xapian::Query> terms;
    for (const std::string& key : keys) terms.emplace_back(schema::kRegionPrefix + key);
    return Xapian::Query(Xapian::Query::OP_FILTER, candidates,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  }
  if (exclude.empty()) return candidates;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, candidates,
                       Xapian::Query(schema::kRegionPrefix + exclude));
}

// The regions answering: those asked for, else every region in the index but `exclude`.
std::vector<std::string> target_regions(const Xapian::Database& db,
                                        const std::vector<std::string>& keys,
                                        const std::string& exclude) {
  if (!keys.empty()) return keys;
  std::vector<std::string> regions;
  for (auto it = db.allterms_begin(schema::kRegionPrefix);
       it != db.allterms_end(schema::kRegionPrefix); ++it) {
    std::string key = (*it).substr(schema::kRegionPrefix.size());
    if (key != exclude) regions.push_back(std::move(key));
  }
  return regions;
}

// Whether every clause has a region term (a document of unknown region has none). Its clauses
// answer as a "region" of their own that no region list names, so a match can only stop
// reading candidates once every region is full when there are none.
bool every_clause_has_a_region(const Xapian::Database& db) {
  Xapian::doccount with_region = 0;
  for (auto it = db.allterms_begin(schema::kRegionPrefix);
       it != db.allterms_end(schema::kRegionPrefix); ++it) {
    with_region += it.get_termfreq();
  }
  return with_region >= clause_count(db);
}

// How many candidates each target region may bring to the rerank.
Xapian::doccount per_region_limit(size_t regions) {
  const auto share = kRerankBudget / static_cast<Xapian::doccount>(std::max<size_t>(1, regions));
  return std::clamp(share, kLeastPerRegion, kMostPerRegion);
}

Hit query_hit(const Xapian::Database& db, const SimilarRequest& request,
              Xapian::Document& document) {
  if (request.clause_id.empty()) {
    Hit hit;
    hit.clause.text = request.text;
    return hit;
  }
  document = document_of_clause(db, request.clause_id);
  Hit hit;
  hit.clause = clause_of_document(document);
  hit.document = DocumentCache(db, request.versions).get(hit.clause.document_id);
  return hit;
}

bool is_duplicate(const Candidate& a, const Candidate& b) {
  return (!a.fingerprint.empty() && a.fingerprint == b.fingerprint) ||
         cosine(a.vector, b.vector) >= kDuplicateCosine;
}

// What the document topic adds to matched_terms: "samma ämne: utsläpp, klimat 0.42", the
// stems the two topics share most (a word of the query clause where it has one) and the
// topics' cosine. Empty when they share nothing.
constexpr size_t kTopicNoteStems = 3;
constexpr double kTopicNoteMinimum = 0.05;

std::string topic_note(const ClauseVector& query_topic, const ClauseVector& other, double topic,
                       const ClauseVector& query) {
  if (topic < kTopicNoteMinimum) return {};
  std::vector<std::pair<double, std::string>> shared;
  for (const auto& [stem, weight] : query_topic.weights) {
    const double product = weight * weight_of(other, stem);
    if (product > 0) shared.emplace_back(-product, stem);
  }
  std::sort(shared.begin(), shared.end());
  if (shared.size() > kTopicNoteStems) shared.resize(kTopicNoteStems);
  std::string note = "samma ämne:";
  for (size_t i = 0; i < shared.size(); ++i) {
    auto word = query.surface.find(shared[i].second);
    note += (i ? ", " : " ") + (word != query.surface.end() ? word->second : shared[i].second);
  }
  char figure[16];
  std::snprintf(figure, sizeof figure, " %.2f", topic);
  return note + figure;
}

// Reads what a shown candidate needs: its clause and its document (cached per call).
class HitLoader {
 public:
  HitLoader(const Xapian::Database& db, const QueryScorer& scorer, const std::string& region,
            const VersionIndex* versions)
      : db_(db), scorer_(scorer), query_region_(region), documents_(db, versions) {}

  /// With document topics weighed: the query document's topic, for the explanation.
  void explain_topics(const ClauseVector* query_topic) { query_topic_ = query_topic; }

  /// Reads the clauses of the hits to be shown and of their duplicates in one pass over the
  /// clause values (search/slot_values.h: cheaper than opening each document), unless a
  /// remote shard already sent them.
  void read_clauses(const std::vector<const Candidate*>& shown) {
    std::vector<Xapian::docid> docids;
    auto wanted = [&](const Candidate* candidate) {
      if (candidate->stored_clause.empty()) docids.push_back(candidate->docid);
    };
    for (const Candidate* candidate : shown) {
      wanted(candidate);
      for (const Candidate* duplicate : candidate->duplicates) wanted(duplicate);
    }
    clauses_ = slot_values(db_, schema::kClauseSlot, std::move(docids));
  }

  Hit load(const Candidate& candidate) {
    Hit hit;
    hit.clause = clause_of(candidate);
    hit.document = documents_.get(hit.clause.document_id);
    hit.score = candidate.score;
    hit.query_region = query_region_;
    hit.matched_terms = scorer_.explain(candidate.vector, content_words(hit.clause.text));
    if (query_topic_ && candidate.topic >= 0) {
      std::string note = topic_note(*query_topic_, candidate.topic_vector ? *candidate.topic_vector
                                                                          : candidate.vector,
                                    candidate.topic, scorer_.query());
      if (!note.empty()) hit.matched_terms.insert(hit.matched_terms.begin(), std::move(note));
    }
    for (const Candidate* duplicate : candidate.duplicates) {
      Clause clause = clause_of(*duplicate);
      const DocumentInfo& info = documents_.get(clause.document_id);
      hit.duplicates.push_back(Place{clause.id, clause.document_id, info.region, info.path,
                                     clause.page, clause.slide});
    }
    return hit;
  }

 private:
  Clause clause_of(const Candidate& candidate) const {
    if (!candidate.stored_clause.empty()) return clause_from_data(candidate.stored_clause);
    auto read = clauses_.find(candidate.docid);
    if (read != clauses_.end()) return clause_from_data(read->second);
    return clause_of_document(open_candidate(db_, candidate.docid));  // an older index
  }

  const Xapian::Database& db_;
  const QueryScorer& scorer_;
  std::string query_region_;
  DocumentCache documents_;
  const ClauseVector* query_topic_ = nullptr;
  std::unordered_map<Xapian::docid, std::string> clauses_;  // read_clauses
};

// Best per_region candidates of one region, near-duplicates folded into the first of them.
std::vector<Candidate*> pick(std::vector<Candidate>& candidates, int per_region) {
  // Stable: of copies (equal scores) the match's first represents the text.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  std::vector<Candidate*> chosen;
  for (Candidate& candidate : candidates) {
    if (candidate.score <= 0) break;
    auto original = std::find_if(chosen.begin(), chosen.end(),
                                 [&](Candidate* c) { return is_duplicate(*c, candidate); });
    if (original != chosen.end()) {
      (*original)->duplicates.push_back(&candidate);
    } else if (static_cast<int>(chosen.size()) < per_region) {
      chosen.push_back(&candidate);
    }
  }
  return chosen;
}

// The documents that hold a copy of each candidate's text in its region, its own included.
// Copies tie in every ranking and ties fall by document id, which differs between one index
// and shards: a text's topic is therefore that of the best of its copies' documents,
// whichever copy represents it. Locally a text with copies has its posting list read (its
// first kCopyDocumentsPerCandidate copies); a text alone is its candidate's document. With a
// remote shard, one match on the candidates' identity terms brings each copy's region and
// text as its collapse key and its document as its sort key (no document is opened: the shard
// answers once), at most kCopyDocumentsPerCandidate per text on average. So only a text with
// more copies than that can get another topic through a remote shard than locally.
constexpr Xapian::doccount kCopyDocumentsPerCandidate = 8;

std::map<std::string, std::set<std::string>> copy_documents(
    const Xapian::Database& db, bool remote, const std::vector<Candidate*>& candidates) {
  std::set<std::string> identities;
  std::map<std::string, const Candidate*> holder;  // a candidate holding each identity term
  for (const Candidate* candidate : candidates) {
    if (candidate->copy_key.empty()) continue;
    identities.insert(candidate->identity_term);
    holder.emplace(candidate->identity_term, candidate);
  }
  std::map<std::string, std::set<std::string>> documents;
  if (identities.empty()) return documents;
  if (!remote) {  // locally posting lists and value streams cost less than a match
    // Most texts have no copy: their one posting is the candidate, whose copy key is known.
    // The identity terms' frequencies come from one walk along the sorted term list, which
    // reads each part of the table once, where opening a posting list descends the table
    // from its top (in every shard).
    std::vector<const Candidate*> alone;  // candidates whose text is in no other clause
    std::vector<Xapian::docid> copies;  // the clauses of texts with copies
    auto term = db.allterms_begin();
    const auto end = db.allterms_end();
    for (const std::string& identity : identities) {
      term.skip_to(identity);
      if (term == end) break;
      if (*term != identity) continue;
      if (term.get_termfreq() <= 1) {
        alone.push_back(holder[identity]);
        continue;
      }
      Xapian::doccount read = 0;
      for (auto it = db.postlist_begin(identity);
           it != db.postlist_end(identity) && read < kCopyDocumentsPerCandidate; ++it, ++read) {
        copies.push_back(*it);
      }
    }
    std::vector<Xapian::docid> all = copies;
    for (const Candidate* candidate : alone) all.push_back(candidate->docid);
    const auto document_ids = slot_values(db, schema::kDocumentSlot, std::move(all));
    const auto copy_keys = slot_values(db, schema::kRegionCopySlot, copies);
    auto add = [&](Xapian::docid docid, const std::string& copy_key) {
      auto document = document_ids.find(docid);
      if (document != document_ids.end() && !document->second.empty()) {
        documents[copy_key].insert(document_id_of_value(document->second));
      }
    };
    for (Xapian::docid copy : copies) {
      auto key = copy_keys.find(copy);
      add(copy, key == copy_keys.end() ? std::string() : key->second);
    }
    for (const Candidate* candidate : alone) add(candidate->docid, candidate->copy_key);
    return documents;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, identities.begin(), identities.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kDocumentSlot, false);
  enquire.set_collapse_key(schema::kRegionCopySlot, kNeverCollapse);
  const Xapian::MSet copies = enquire.get_mset(
      0, kCopyDocumentsPerCandidate * static_cast<Xapian::doccount>(identities.size()));
  for (auto it = copies.begin(); it != copies.end(); ++it) {
    if (!it.get_sort_key().empty()) {
      documents[it.get_collapse_key()].insert(document_id_of_value(it.get_sort_key()));
    }
  }
  return documents;
}

// Mixes the document topic into the score of each region's best candidates (see
// ScoreTuning::document_topic_weight); the others count a topic of 0. A candidate whose
// documents have no topic (written before topics, or before clauses carried their document
// id) takes its own vector for its document's topic. Nothing changes when the query's
// document has no topic (an index written before topics).
// Returns whether it did.
bool weigh_document_topics(const Xapian::Database& db, bool remote, DocumentTopics& topics,
                           const std::string& query_document, double weight,
                           size_t candidates_per_region,
                           std::map<std::string, std::vector<Candidate>>& by_region) {
  if (weight <= 0 || query_document.empty()) return false;
  const ClauseVector& query_topic = topics.topic(query_document);
  if (query_topic.empty()) return false;
  std::vector<Candidate*> weighed;
  for (auto& [region, candidates] : by_region) {
    // Stable: equal scores (copies) keep the match's order, as pick() does.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (i < candidates_per_region) {
        weighed.push_back(&candidates[i]);
      } else {
        candidates[i].score *= 1 - weight;
      }
    }
  }
  std::map<std::string, std::set<std::string>> copies = copy_documents(db, remote, weighed);
  std::vector<std::set<std::string>> documents_of;  // per weighed candidate
  std::set<std::string> all_documents;
  for (Candidate* candidate : weighed) {
    std::set<std::string> documents;
    if (!candidate->copy_key.empty()) documents = copies[candidate->copy_key];
    if (documents.empty()) {  // an older index, or a copy the match left out
      const std::string own = document_id_of_value(
          open_candidate(db, candidate->docid).get_value(schema::kDocumentSlot));
      if (!own.empty()) documents.insert(own);
    }
    all_documents.insert(documents.begin(), documents.end());
    documents_of.push_back(std::move(documents));
  }
  topics.load(all_documents);
  for (size_t i = 0; i < weighed.size(); ++i) {
    Candidate& candidate = *weighed[i];
    // A document without a topic: the clause stands for it (null below).
    double topic = cosine(query_topic, candidate.vector);
    const ClauseVector* best = nullptr;
    bool first = true;
    for (const std::string& document : documents_of[i]) {
      const ClauseVector& vector = topics.topic(document);
      const double similarity = cosine(query_topic, vector.empty() ? candidate.vector : vector);
      if (first || similarity > topic) {
        topic = similarity;
        best = vector.empty() ? nullptr : &vector;
        first = false;
      }
    }
    candidate.score = (1 - weight) * candidate.score + weight * topic;
    candidate.topic = topic;
    candidate.topic_vector = best;
  }
  return true;
}

// A short candidate may be a list item completed by its lead-in, which is no fragment
// (ClauseVector::completed_by_lead_in). Only the clause says so: the clauses of the candidates
// short enough for the fragment factor (a few of the pool) are read in one pass over the
// clause values, or come with the stem lists from a remote shard.
void mark_list_items_with_lead_ins(const Xapian::Database& db, const ScoreTuning& tuning,
                                   const std::vector<Candidate*>& candidates) {
  std::vector<Candidate*> short_ones;
  std::vector<Xapian::docid> docids;
  for (Candidate* candidate : candidates) {
    if (candidate->vector.empty() || candidate->vector.body_stems >= tuning.full_statement_stems) {
      continue;
    }
    short_ones.push_back(candidate);
    if (candidate->stored_clause.empty()) docids.push_back(candidate->docid);
  }
  if (short_ones.empty()) return;
  const auto clauses = slot_values(db, schema::kClauseSlot, std::move(docids));
  for (Candidate* candidate : short_ones) {
    if (candidate->stored_clause.empty()) {
      auto read = clauses.find(candidate->docid);
      if (read == clauses.end()) continue;  // an index written before clause values
      candidate->stored_clause = read->second;  // kept: a shown hit is not read again
    }
    candidate->vector.completed_by_lead_in =
        !clause_from_data(candidate->stored_clause).context.empty();
  }
}

}  // namespace

SimilarResult find_similar(const Xapian::Database& db, const SimilarRequest& request,
                           const RegionTable& regions, const SynonymTable& synonyms,
                           const Thesaurus& thesaurus) {
  std::vector<std::string> target_keys;
  for (const std::string& name : request.regions) {
    auto region = regions.find(name);
    if (!region) throw UsageError("unknown region '" + name + "'");
    target_keys.push_back(region->key);
  }
  // The standard tables' canon is built once per process; other tables (tests) build their own.
  std::optional<StemCanon> own_canon;
  if (&synonyms != &SynonymTable::standard()) own_canon.emplace(synonyms);
  const StemCanon& canon = own_canon ? *own_canon : standard_stem_canon();
  IdfCache idf(db);
  SimilarResult result;
  Xapian::Document query_document;
  result.query = query_hit(db, request, query_document);
  if (!request.clause_id.empty()) idf.prefetch({query_document.get_value(schema::kStemsSlot)});
  const ClauseVector query = request.clause_id.empty()
                                 ? vector_of_text(idf, request.text, canon)
                                 : vector_of_document(idf, query_document, canon, true);
  if (query.empty()) throw UsageError("nothing to compare: the text has no searchable words");
  const std::string own_region = result.query.document.region;
  // A question is answered by statements, but may be compared with other questions.
  const bool query_is_open =
      is_open_clause(request.clause_id.empty() ? request.text : result.query.clause.text);

  const QueryScorer scorer(query, RelatedStems(query, thesaurus, canon), request.term_model,
                           request.tuning);
  const std::vector<std::string> targets = target_regions(db, target_keys, own_region);
  const Xapian::doccount per_region = per_region_limit(targets.size());
  Xapian::Query candidates = candidate_query(idf, scorer, canon, request.tuning);
  if (request.versions && !request.all_versions) {
    candidates =
        without_hidden_documents(db, candidates, request.versions->hidden_documents());
  }

  // Through a remote shard every document read is a round trip: candidates are then read
  // from the match's keys and in batches, which on a local index costs more than it saves
  // (about 1 ms of 17 at a million clauses). Locally their values come from value streams.
  const std::vector<bool> remote = remote_shards(db);
  std::map<std::string, std::vector<Candidate>> by_region;
  const std::string query_fingerprint = query_document.get_value(schema::kFingerprintSlot);
  // Every target region has all the candidates it may bring: the rest of a match adds nothing.
  // (Regions asked for by name leave clauses without a region out of the match.)
  const bool regions_known =
      !targets.empty() && (!target_keys.empty() || every_clause_has_a_region(db));
  size_t full_regions = 0;
  auto all_full = [&] { return regions_known && full_regions >= targets.size(); };
  auto consider_one = [&](const Xapian::MSetIterator& it, const std::string* copy_key,
                          double best_weight) {
    Candidate candidate;
    candidate.docid = *it;
    // Read from the match itself (see best_of); a document is opened only for what an
    // older index lacks.
    std::optional<Xapian::Document> doc;
    auto document = [&]() -> const Xapian::Document& {
      if (!doc) doc = it.get_document();
      return *doc;
    };
    const bool keyed = copy_key ? read_copy_key(*copy_key, candidate)
                                : read_copy_key(it.get_sort_key(), candidate);
    if (!keyed) {
      candidate.region = document().get_value(schema::kRegionSlot);
      candidate.fingerprint = document().get_value(schema::kFingerprintSlot);
      if (!candidate.fingerprint.empty()) {  // as the sort key would have it
        candidate.copy_key = candidate.region + schema::kCopyKeySeparator + candidate.fingerprint;
        candidate.identity_term = schema::kFingerprintPrefix + candidate.fingerprint;
      }
    }
    std::vector<Candidate>& region_candidates = by_region[candidate.region];
    if (region_candidates.size() >= per_region) return;
    // The query itself and its exact copies elsewhere are not answers.
    if (!query_fingerprint.empty() && candidate.fingerprint == query_fingerprint) return;
    candidate.relevance = best_weight > 0 ? it.get_weight() / best_weight : 0.0;
    region_candidates.push_back(std::move(candidate));
    if (region_candidates.size() == per_region &&
        std::find(targets.begin(), targets.end(), region_candidates.back().region) !=
            targets.end()) {
      ++full_regions;
    }
  };
  auto consider = [&](const Xapian::MSet& mset) {
    const double best_weight = mset.get_max_attained();
    if (!remote.empty()) {  // the copy keys came with the match, as sort keys
      for (auto it = mset.begin(); it != mset.end() && !all_full(); ++it) {
        consider_one(it, nullptr, best_weight);
      }
      return;
    }
    // On a local index the match carries no sort key: the region-copy values come from their
    // value stream, a batch of ranks at a time. Each value is a read in another part of the
    // stream (about 4 µs at a million clauses), and once every region is full the rest of
    // the pool (often half of it) need not be read.
    auto it = mset.begin();
    while (it != mset.end() && !all_full()) {
      std::vector<Xapian::docid> docids;
      for (auto next = it; next != mset.end() && docids.size() < kCopyKeysReadAtOnce; ++next) {
        docids.push_back(*next);
      }
      const auto copy_keys = slot_values(db, schema::kRegionCopySlot, docids);
      for (size_t i = 0; i < docids.size() && !all_full(); ++i, ++it) {
        auto key = copy_keys.find(*it);
        consider_one(it, key != copy_keys.end() ? &key->second : nullptr, best_weight);
      }
    }
  };
  auto best_of = [&](const Xapian::Query& restricted, Xapian::doccount count) {
    Xapian::Enquire enquire(db);
    enquire.set_query(restricted);
    enquire.set_time_limit(kCandidateSeconds);
    // The rerank needs each candidate's region and fingerprint first, to keep at most
    // per_region of a region. With a remote shard they come with the match, as the sort key
    // (it orders ties in relevance only): the shard sends them in its answer, where opening
    // each of the pool's documents would cost a round trip (Xapian 1.4's MSet::fetch does
    // not batch remote documents). The kept candidates' stem lists follow in one more match
    // (read_stem_lists): carrying them here as the collapse key made this match 70% slower.
    if (!remote.empty()) {
      enquire.set_sort_by_relevance_then_value(schema::kRegionCopySlot, false);
    }
    return enquire.get_mset(0, count);
  };
  const Xapian::MSet pool =
      best_of(restrict_regions(candidates, target_keys, own_region), kCandidatePool);
  consider(pool);
  // A full pool may have left a region out (its clauses all ranked below the pool's): such a
  // region still gets its own best candidates, with a query of its own.
  if (pool.size() >= kCandidatePool) {
    for (const std::string& key : targets) {
      if (by_region.count(key)) continue;
      consider(best_of(Xapian::Query(Xapian::Query::OP_FILTER, candidates,
                                     Xapian::Query(schema::kRegionPrefix + key)),
                       per_region));
    }
  }

  // Scored once all are known: their stem lists, and the idf of all their stems, are each
  // read in one go.
  std::vector<Candidate*> kept;
  for (auto& [region, region_candidates] : by_region) {
    for (Candidate& candidate : region_candidates) kept.push_back(&candidate);
  }
  read_stem_lists(db, remote, kept);
  std::vector<std::string> stem_lists;
  for (const Candidate* candidate : kept) stem_lists.push_back(candidate->stem_list);
  idf.prefetch(stem_lists);
  for (auto& [region, region_candidates] : by_region) {
    for (Candidate& candidate : region_candidates) {
      // Headings index their words as section terms only: an empty vector, never chosen.
      candidate.vector =
          candidate.stem_list.empty()
              ? vector_of_document(idf, open_candidate(db, candidate.docid), canon)
              : vector_of_stem_list(idf, candidate.stem_list, canon);
    }
  }
  mark_list_items_with_lead_ins(db, request.tuning, kept);
  for (auto& [region, region_candidates] : by_region) {
    for (Candidate& candidate : region_candidates) {
      candidate.score = scorer.score(candidate.vector, candidate.relevance);
      if (candidate.open && !query_is_open) candidate.score *= request.tuning.open_clause_factor;
    }
  }
  DocumentTopics topics(db, idf, canon);
  HitLoader loader(db, scorer, own_region, request.versions);
  const std::string& query_document_id = result.query.clause.document_id;  // none for a text
  if (weigh_document_topics(db, !remote.empty(), topics, query_document_id,
                            request.tuning.document_topic_weight,
                            request.tuning.topic_candidates, by_region)) {
    loader.explain_topics(&topics.topic(query_document_id));
  }

  std::vector<std::vector<const Candidate*>> chosen_by_region;
  std::vector<const Candidate*> shown;
  for (auto& [region, region_candidates] : by_region) {
    const std::vector<Candidate*> chosen = pick(region_candidates, request.per_region);
    chosen_by_region.emplace_back(chosen.begin(), chosen.end());
    shown.insert(shown.end(), chosen.begin(), chosen.end());
  }
  loader.read_clauses(shown);
  std::vector<std::vector<Hit>> groups;
  for (const std::vector<const Candidate*>& chosen : chosen_by_region) {
    std::vector<Hit> group;
    for (const Candidate* candidate : chosen) {
      Hit hit = loader.load(*candidate);
      if (hit.clause.id != request.clause_id) group.push_back(std::move(hit));
    }
    if (!group.empty()) groups.push_back(std::move(group));
  }
  std::sort(groups.begin(), groups.end(),
            [](const auto& a, const auto& b) { return a[0].score > b[0].score; });
  for (auto& group : groups) {
    for (size_t i = 0; i < group.size(); ++i) {
      group[i].rank = static_cast<int>(i) + 1;
      result.hits.push_back(std::move(group[i]));
    }
  }
  if (request.versions) {
    fold_versions(result.hits, *request.versions, request.all_versions, &db);
    const VersionState& state = request.versions->state(result.query.clause.document_id);
    if (!result.query.clause.document_id.empty()) {
      result.query.status = version_status_name(state.status);
      result.query.status_reason = state.reason;
    }
  }
  return result;
}

}  // namespace klausul
