#include "search/similar.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/clause_vector.h"
#include "search/searcher.h"

namespace klausul {
namespace {

constexpr size_t kQueryStems = 24;             // strongest stems used to fetch candidates
constexpr Xapian::doccount kPerRegion = 20;    // candidates per region before reranking
constexpr double kDuplicateCosine = 0.9;       // "almost the same text"

struct Candidate {
  Hit hit;
  ClauseVector vector;
  std::string fingerprint;
};

Xapian::Query candidate_query(const ClauseVector& query, const StemCanon& canon) {
  std::vector<std::pair<double, std::string>> strongest;
  for (const auto& [stem, weight] : query.weights) strongest.emplace_back(-weight, stem);
  std::sort(strongest.begin(), strongest.end());
  if (strongest.size() > kQueryStems) strongest.resize(kQueryStems);
  std::vector<Xapian::Query> terms;
  for (const auto& [weight, stem] : strongest) {
    for (const std::string& member : canon.members(stem)) terms.emplace_back("Z" + member);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query region_filter(const std::vector<std::string>& keys, const std::string& exclude) {
  Xapian::Query clauses(schema::kKindPrefix + schema::kClauseKind);
  if (!keys.empty()) {
    std::vector<Xapian::Query> terms;
    for (const std::string& key : keys) terms.emplace_back(schema::kRegionPrefix + key);
    return Xapian::Query(Xapian::Query::OP_FILTER, clauses,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  }
  if (exclude.empty()) return clauses;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, clauses,
                       Xapian::Query(schema::kRegionPrefix + exclude));
}

Hit query_hit(const Xapian::Database& db, const SimilarRequest& request,
              Xapian::Document& document) {
  if (request.clause_id.empty()) {
    Hit hit;
    hit.clause.text = request.text;
    return hit;
  }
  const std::string term = schema::clause_term(request.clause_id);
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) {
    throw UsageError("no clause with id '" + request.clause_id + "'");
  }
  document = db.get_document(*it);
  return load_clause(db, request.clause_id);
}

bool is_duplicate(const Candidate& a, const Candidate& b) {
  return (!a.fingerprint.empty() && a.fingerprint == b.fingerprint) ||
         cosine(a.vector, b.vector) >= kDuplicateCosine;
}

Place place_of(const Hit& hit) {
  return Place{hit.clause.id, hit.clause.document_id, hit.document.region, hit.document.path,
               hit.clause.page, hit.clause.slide};
}

// Best per_region clauses of one region, near-duplicates folded into the first of them.
std::vector<Hit> pick(std::vector<Candidate>& candidates, int per_region) {
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.hit.score > b.hit.score; });
  std::vector<Candidate*> chosen;
  for (Candidate& candidate : candidates) {
    auto original = std::find_if(chosen.begin(), chosen.end(),
                                 [&](Candidate* c) { return is_duplicate(*c, candidate); });
    if (original != chosen.end()) {
      (*original)->hit.duplicates.push_back(place_of(candidate.hit));
    } else if (static_cast<int>(chosen.size()) < per_region) {
      chosen.push_back(&candidate);
    }
  }
  std::vector<Hit> hits;
  for (Candidate* c : chosen) hits.push_back(c->hit);
  return hits;
}

}  // namespace

SimilarResult find_similar(const Xapian::Database& db, const SimilarRequest& request,
                           const RegionTable& regions, const SynonymTable& synonyms) {
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
  const ClauseVector query = request.clause_id.empty()
                                 ? vector_of_text(idf, request.text, canon)
                                 : vector_of_document(idf, query_document, canon, true);
  if (query.empty()) throw UsageError("nothing to compare: the text has no searchable words");
  const std::string own_region = result.query.document.region;

  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, candidate_query(query, canon),
                                  region_filter(target_keys, own_region)));
  enquire.set_collapse_key(schema::kRegionSlot, kPerRegion);
  Xapian::MSet mset = enquire.get_mset(0, kPerRegion * 24);

  std::map<std::string, std::vector<Candidate>> by_region;
  std::map<std::string, DocumentInfo> documents;
  const std::string query_fingerprint = query_document.get_value(schema::kFingerprintSlot);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    Candidate candidate;
    candidate.hit.clause = clause_from_data(doc.get_data());
    if (candidate.hit.clause.id == request.clause_id) continue;
    if (candidate.hit.clause.kind == BlockKind::heading) continue;
    candidate.fingerprint = doc.get_value(schema::kFingerprintSlot);
    if (!query_fingerprint.empty() && candidate.fingerprint == query_fingerprint) continue;
    candidate.vector = vector_of_document(idf, doc, canon);
    candidate.hit.score = cosine(query, candidate.vector);
    candidate.hit.matched_terms = shared_words(query, candidate.vector);
    const std::string& id = candidate.hit.clause.document_id;
    if (!documents.count(id)) documents[id] = find_document_by_id(db, id).value_or(DocumentInfo{});
    candidate.hit.document = documents[id];
    candidate.hit.query_region = own_region;
    by_region[candidate.hit.document.region].push_back(std::move(candidate));
  }

  std::vector<std::vector<Hit>> groups;
  for (auto& [region, candidates] : by_region) groups.push_back(pick(candidates, request.per_region));
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return !a.empty() && (b.empty() || a[0].score > b[0].score);
  });
  for (auto& group : groups) {
    for (size_t i = 0; i < group.size(); ++i) {
      group[i].rank = static_cast<int>(i) + 1;
      result.hits.push_back(std::move(group[i]));
    }
  }
  return result;
}

}  // namespace klausul
