#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "index/clause_lookup.h"
#include "index/region_codes.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/body_phrases.h"
#include "search/document_cache.h"
#include "search/fold_versions.h"
#include "search/hidden_clauses.h"
#include "search/open_database.h"
#include "search/snippet.h"
#include "search/versions.h"

namespace klausul {
namespace {

// Facet counts are exact up to this many matches; past it the counts of the examined
// matches are scaled to the estimated total (counting every match of a broad query on a
// million clauses would cost far more than the search itself).
constexpr Xapian::doccount kFacetCheckAtLeast = 500;

// The other clauses with the same text fingerprint (at most kMaxPlaces of them).
std::vector<Place> duplicate_places(const Xapian::Database& db, const Xapian::Document& doc,
                                    const std::string& clause_id, DocumentCache& documents) {
  constexpr size_t kMaxPlaces = 20;
  const std::string term = schema::kFingerprintPrefix + doc.get_value(schema::kFingerprintSlot);
  std::vector<Place> places;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    Clause clause = clause_of_document(db.get_document(*it));
    if (clause.id == clause_id) continue;
    const DocumentInfo& info = documents.get(clause.document_id);
    places.push_back(Place{clause.id, clause.document_id, info.region, info.path, clause.page,
                           clause.slide});
    if (places.size() >= kMaxPlaces) break;
  }
  return places;
}

SearchResult run_once(const Xapian::Database& db, const SearchRequest& request,
                      const RegionTable& regions) {
  SearchResult result;
  ParsedQuery parsed = parse_query(db, request, regions);
  if (parsed.text.empty()) {
    result.no_searchable_words = true;
    return result;
  }
  // Body text has no positions: phrases are found as their words and checked against the
  // clauses' text (search/body_phrases.h).
  std::optional<BodyPhraseDecider> phrases;
  if (has_body_phrase(parsed.text)) {
    phrases.emplace(parsed.text);
    parsed.text = body_phrase_candidates(parsed.text);
  }
  Xapian::Enquire enquire(db);
  Xapian::Query query = parsed.combined();
  if (request.versions && !request.all_versions) {
    // Texts no longer in force are left out here, so that counts, facets and pages are
    // those of the texts in force.
    query = without_hidden_documents(db, query, request.versions->hidden_documents());
  }
  enquire.set_query(query);
  const bool has_copy_keys = db.get_value_freq(schema::kRegionCopySlot) > 0;
  const bool count_texts = request.collapse_copies && has_copy_keys;
  // The same clause text in several documents (a guideline, its PDF, the web page quoting it)
  // is one hit; the other places are listed with it.
  if (request.collapse_copies) enquire.set_collapse_key(schema::kFingerprintSlot);
  const auto offset = static_cast<Xapian::doccount>(request.offset);
  const auto limit = static_cast<Xapian::doccount>(request.limit);
  // Xapian runs no match decider on a remote shard: there the phrase is checked here, on
  // more candidates than the page needs, and totals and facets are scaled by the share of
  // examined candidates that have it.
  const bool check_here = phrases && has_remote_shard(db);
  Xapian::doccount ask = check_here ? std::max(kFacetCheckAtLeast, 2 * (offset + limit) + 20)
                                    : limit;
  Xapian::MSet mset;
  std::vector<Xapian::MSetIterator> shown;
  double share = 1.0;  // of the candidates, the part that are hits
  std::unique_ptr<Xapian::ValueCountMatchSpy> region_spy;
  for (;;) {
    // Region facets count what the hit list shows: with copies collapsed, a clause text once
    // per region (the spy sees every copy, so it counts distinct region+text values). A
    // built-in spy, so that it also runs on remote shards. Clauses carry their region only as
    // the first part of the copy key; an index written before the copy key existed has the
    // region slot instead.
    region_spy = std::make_unique<Xapian::ValueCountMatchSpy>(
        has_copy_keys ? schema::kRegionCopySlot : schema::kRegionSlot);
    enquire.clear_matchspies();
    enquire.add_matchspy(region_spy.get());
    shown.clear();
    if (!check_here) {
      // A phrase is checked by reading each candidate's text: facets are not worth reading
      // 500 of them, so a phrase query's totals and facets are Xapian's estimates from the
      // matches it examined for the page (search p99 at a million clauses 45-54 -> 28-35 ms).
      mset = enquire.get_mset(offset, limit, phrases ? 0 : kFacetCheckAtLeast, nullptr,
                              phrases ? &*phrases : nullptr);
      for (auto it = mset.begin(); it != mset.end(); ++it) shown.push_back(it);
      break;
    }
    mset = enquire.get_mset(0, ask, kFacetCheckAtLeast);
    mset.fetch();
    std::vector<Xapian::MSetIterator> hits;
    Xapian::doccount examined = 0;
    for (auto it = mset.begin(); it != mset.end() && hits.size() < offset + limit; ++it) {
      ++examined;
      if ((*phrases)(it.get_document())) hits.push_back(it);
    }
    constexpr Xapian::doccount kMostRemoteCandidates = 20000;
    const bool enough = hits.size() >= offset + limit || mset.size() < ask;
    if (enough || ask >= kMostRemoteCandidates) {
      share = examined > 0 ? static_cast<double>(hits.size()) / examined : 0.0;
      for (size_t i = offset; i < hits.size(); ++i) shown.push_back(hits[i]);
      break;
    }
    ask = std::min(kMostRemoteCandidates, 4 * ask);
  }
  result.estimated_total =
      static_cast<Xapian::doccount>(std::lround(mset.get_matches_estimated() * share));
  std::map<std::string, double> counts;  // region -> clauses (or distinct texts) examined
  double examined = 0;
  for (auto it = region_spy->values_begin(); it != region_spy->values_end(); ++it) {
    const std::string value = *it;
    const double count = count_texts ? 1.0 : it.get_termfreq();
    counts[has_copy_keys ? region_of_stored(value.substr(0, value.find(schema::kCopyKeySeparator)))
                         : value] +=
        count;
    examined += count;
  }
  const double scale = std::max(1.0, result.estimated_total / std::max(1.0, examined * share));
  for (const auto& [region, count] : counts) {
    const auto scaled = static_cast<Xapian::doccount>(std::lround(count * share * scale));
    if (scaled > 0) result.region_counts[region] = scaled;
  }
  DocumentCache documents(db, request.versions);
  for (size_t i = 0; i < shown.size(); ++i) {
    const Xapian::MSetIterator& it = shown[i];
    Hit hit;
    hit.rank = static_cast<int>(offset + i) + 1;
    hit.score = it.get_weight();
    hit.clause = clause_of_document(it.get_document());
    hit.document = documents.get(hit.clause.document_id);
    hit.snippet = make_snippet(mset, hit.clause.text);
    if (it.get_collapse_count() > 0) {
      hit.duplicates = duplicate_places(db, it.get_document(), hit.clause.id, documents);
    }
    result.hits.push_back(std::move(hit));
  }
  if (request.versions) fold_versions(result.hits, *request.versions, request.all_versions, &db);
  return result;
}

}  // namespace

SearchResult run_search(const Xapian::Database& db, const SearchRequest& request,
                        const RegionTable& regions) {
  try {
    SearchResult result = run_once(db, request, regions);
    if (result.estimated_total == 0 && !result.no_searchable_words && !request.match_any) {
      // No clause has every word: show the clauses with the most of them instead.
      SearchRequest relaxed = request;
      relaxed.match_any = true;
      result = run_once(db, relaxed, regions);
      result.relaxed = result.estimated_total > 0;
    }
    return result;
  } catch (const Xapian::DatabaseModifiedError&) {
    // An ingest committed while we read: reopen once and retry.
    Xapian::Database reopened = db;
    reopened.reopen();
    return run_once(reopened, request, regions);
  } catch (const Xapian::Error& e) {
    throw IndexError("search failed: " + e.get_msg());
  }
}

SearchResult run_search_in_pages(const Xapian::Database& db, SearchRequest request,
                                 const RegionTable& regions, int page_size,
                                 const std::function<void(const SearchResult&)>& page) {
  SearchResult first;
  int remaining = request.limit;
  for (bool is_first = true; remaining > 0; is_first = false) {
    SearchRequest paged = request;
    paged.limit = std::min(remaining, page_size);
    SearchResult result = run_search(db, paged, regions);
    if (is_first) {
      request.match_any = result.relaxed;
      first = result;
      first.hits.clear();
    }
    page(result);
    const int got = static_cast<int>(result.hits.size());
    if (got < paged.limit) break;
    remaining -= got;
    request.offset += got;
  }
  return first;
}

Hit load_clause(const Xapian::Database& db, const std::string& clause_id) {
  Hit hit;
  hit.clause = clause_of_document(document_of_clause(db, clause_id));
  hit.document = find_document_by_id(db, hit.clause.document_id).value_or(DocumentInfo{});
  return hit;
}

}  // namespace klausul
