#include "search/fold_versions.h"

#include <algorithm>
#include <set>

#include "index/fingerprint.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "search/word_diff.h"

namespace klausul {
namespace {

// Two clauses of one chain with at least this share of words in common are one clause in
// two versions (a reworded sentence keeps most of its words).
constexpr double kSameClauseOverlap = 0.6;

OlderVersion older_version(const Clause& clause, const VersionIndex& versions) {
  OlderVersion older;
  older.clause_id = clause.id;
  older.document_id = clause.document_id;
  if (const DocumentInfo* d = versions.document(clause.document_id)) older.title = d->title;
  older.date = versions.state(clause.document_id).order_date;
  older.status = version_status_name(versions.state(clause.document_id).status);
  older.text = clause.text;
  return older;
}

bool same_chain(const VersionIndex& versions, const std::string& a, const std::string& b) {
  const std::string& group = versions.state(a).group;
  return !group.empty() && group == versions.state(b).group;
}

bool listed(const Hit& hit, const std::string& clause_id) {
  return std::any_of(hit.older_versions.begin(), hit.older_versions.end(),
                     [&](const OlderVersion& o) { return o.clause_id == clause_id; });
}

// Step 3: copies of a kept hit's clause in its chain's hidden documents.
void add_hidden_copies(Hit& hit, const VersionIndex& versions, const Xapian::Database* db) {
  std::vector<Place> kept;
  for (const Place& place : hit.duplicates) {
    if (versions.hidden(place.document_id) && same_chain(versions, place.document_id, hit.clause.document_id)) {
      if (listed(hit, place.clause_id)) continue;
      Clause copy;
      copy.id = place.clause_id;
      copy.document_id = place.document_id;
      copy.text = hit.clause.text;
      hit.older_versions.push_back(older_version(copy, versions));
    } else {
      kept.push_back(place);
    }
  }
  hit.duplicates = std::move(kept);
  if (!db || versions.state(hit.clause.document_id).group.empty()) return;
  const std::string fingerprint = text_fingerprint(hit.clause.text);
  if (fingerprint.empty()) return;
  const std::string term = schema::kFingerprintPrefix + fingerprint;
  constexpr int kMaxCopies = 20;
  int seen = 0;
  for (auto it = db->postlist_begin(term); it != db->postlist_end(term) && seen < kMaxCopies; ++it, ++seen) {
    const Clause clause = clause_from_data(db->get_document(*it).get_data());
    if (clause.id == hit.clause.id || listed(hit, clause.id)) continue;
    if (!versions.hidden(clause.document_id)) continue;
    if (!same_chain(versions, clause.document_id, hit.clause.document_id)) continue;
    hit.older_versions.push_back(older_version(clause, versions));
  }
}

}  // namespace

FoldSummary fold_versions(std::vector<Hit>& hits, const VersionIndex& versions, bool all_versions,
                          const Xapian::Database* db) {
  FoldSummary summary;
  for (Hit& hit : hits) {
    const VersionState& state = versions.state(hit.clause.document_id);
    hit.status = version_status_name(state.status);
    hit.status_reason = state.reason;
  }
  if (all_versions) return summary;
  std::vector<Hit> kept;
  std::vector<Hit> older;
  int removed_in_run = 0;
  int previous_rank = 0;
  for (Hit& hit : hits) {
    if (hit.rank <= previous_rank) removed_in_run = 0;  // a new run of ranks (a region)
    previous_rank = hit.rank;
    if (versions.hidden(hit.clause.document_id)) {
      ++removed_in_run;
      older.push_back(std::move(hit));
    } else {
      hit.rank -= removed_in_run;
      kept.push_back(std::move(hit));
    }
  }
  for (const Hit& old : older) {
    Hit* home = nullptr;
    double best = kSameClauseOverlap;
    for (Hit& hit : kept) {
      if (!same_chain(versions, old.clause.document_id, hit.clause.document_id)) continue;
      const double overlap = same_words(old.clause.text, hit.clause.text)
                                 ? 1.0
                                 : word_overlap(old.clause.text, hit.clause.text);
      if (overlap >= best) {
        best = overlap;
        home = &hit;
      }
    }
    if (home) {
      if (!listed(*home, old.clause.id)) home->older_versions.push_back(older_version(old.clause, versions));
      ++summary.folded;
    } else {
      ++summary.hidden;
    }
  }
  for (Hit& hit : kept) add_hidden_copies(hit, versions, db);
  hits = std::move(kept);
  return summary;
}

}  // namespace klausul
