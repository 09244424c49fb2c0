#include "search/fold_versions.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "search/compare.h"
#include "search/database_state.h"
#include "search/shared_by_state.h"
#include "search/word_diff.h"

namespace klausul {
namespace {

// Two clauses of one chain with at least this share of words in common are one clause in
// two versions (a reworded sentence keeps most of its words).
constexpr double kSameClauseOverlap = 0.6;
// Older versions looked up per hit: a long chain shows its latest predecessors only.
constexpr std::size_t kMaxOlderDocuments = 5;

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

// A clause of a hidden document and its words, read once.
struct HiddenClause {
  Clause clause;
  WordBag words;
};

using HiddenClauseList = std::shared_ptr<const std::vector<HiddenClause>>;

// The hidden documents' clauses of the database state last used, shared by the requests of a
// long-running process (`klausul serve`): reading a document's clauses and splitting them into
// words cost about 2 ms a similar call at a million clauses, for the same few documents each
// time. A document id names its content, so its clauses are those of any state; the state
// bounds the cache's life. At most this many documents (a policy of a few hundred clauses
// takes a few hundred KB); one more starts afresh.
constexpr size_t kSharedHiddenDocuments = 256;

SharedByState<HiddenClauseList>& shared_hidden_clauses() {
  static SharedByState<HiddenClauseList> shared(kSharedHiddenDocuments);
  return shared;
}

// The clauses of a chain's hidden documents, read once per fold (or found in the shared cache).
class HiddenClauses {
 public:
  HiddenClauses(const Xapian::Database& db, const VersionIndex& versions)
      : db_(db), versions_(versions), state_(database_state(db)) {}
  const std::vector<HiddenClause>& of(const std::string& document_id) {
    auto it = clauses_.find(document_id);
    if (it != clauses_.end()) return *it->second;
    HiddenClauseList list;
    if (std::optional<HiddenClauseList> kept = shared_hidden_clauses().find(state_, document_id)) {
      list = std::move(*kept);
    } else {
      auto clauses = std::make_shared<std::vector<HiddenClause>>();
      for (auto& [clause, doc] : document_clauses(db_, document_id)) {
        if (clause.kind == BlockKind::heading) continue;
        WordBag words(clause.text);
        clauses->push_back(HiddenClause{std::move(clause), std::move(words)});
      }
      list = std::move(clauses);
      shared_hidden_clauses().keep(state_, document_id, list);
    }
    return *clauses_.emplace(document_id, std::move(list)).first->second;
  }
  // The hidden documents of the hit's chain, the newest kMaxOlderDocuments of them.
  std::vector<std::string> chain_of(const std::string& document_id) const {
    std::vector<std::string> ids;
    for (const DocumentInfo* d : versions_.chain(document_id)) {
      if (d->id != document_id && versions_.hidden(d->id)) ids.push_back(d->id);
    }
    if (ids.size() > kMaxOlderDocuments) ids.erase(ids.begin(), ids.end() - kMaxOlderDocuments);
    return ids;
  }

 private:
  const Xapian::Database& db_;
  const VersionIndex& versions_;
  const std::string state_;
  std::map<std::string, HiddenClauseList> clauses_;
};

// Step 3: the kept hit's clause as the chain's hidden versions have it (the same words or
// most of them), found among their clauses; copies listed as duplicates move here too.
void add_hidden_versions(Hit& hit, const VersionIndex& versions, HiddenClauses* hidden) {
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
  if (!hidden) return;
  const std::vector<std::string> chain = hidden->chain_of(hit.clause.document_id);
  const WordBag hit_words(chain.empty() ? std::string() : hit.clause.text);
  for (const std::string& id : chain) {
    const Clause* best = nullptr;
    double best_overlap = kSameClauseOverlap;
    for (const HiddenClause& candidate : hidden->of(id)) {
      // Most clauses differ too much in length to come close: no merge for them.
      if (candidate.words.best_possible_overlap(hit_words) < best_overlap) continue;
      const double overlap = candidate.words.overlap(hit_words);
      if (overlap >= best_overlap) {
        best_overlap = overlap;
        best = &candidate.clause;
      }
    }
    if (best && !listed(hit, best->id)) hit.older_versions.push_back(older_version(*best, versions));
  }
  std::stable_sort(hit.older_versions.begin(), hit.older_versions.end(),
                   [](const OlderVersion& a, const OlderVersion& b) { return a.date < b.date; });
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
  std::optional<HiddenClauses> hidden;
  if (db) hidden.emplace(*db, versions);
  for (Hit& hit : kept) add_hidden_versions(hit, versions, hidden ? &*hidden : nullptr);
  hits = std::move(kept);
  return summary;
}

}  // namespace klausul
