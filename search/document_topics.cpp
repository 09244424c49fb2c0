#include "search/document_topics.h"

#include <cmath>
#include <optional>
#include <vector>

#include "index/schema.h"
#include "index/stem_list.h"
#include "search/open_database.h"
#include "search/shared_by_state.h"
#include "search/slot_values.h"

namespace klausul {
namespace {

// The topic vectors of the database state last used. A topic follows from its document's
// stems, which its id names (a content hash), and from the idf values of the state.
SharedByState<ClauseVector>& shared_topics() {
  static SharedByState<ClauseVector> shared(1u << 16);
  return shared;
}

}  // namespace

void DocumentTopics::load(const std::set<std::string>& document_ids) {
  std::map<std::string, std::string> lists;  // document id -> topic stem list
  std::vector<std::string> missing;
  for (const std::string& id : document_ids) {
    if (!id.empty() && !topics_.count(id)) missing.push_back(id);
  }
  // Other canons (tests) give other vectors: only the standard one's are shared.
  const bool shared = &canon_ == &standard_stem_canon();
  if (shared) {
    std::vector<std::string> unknown;
    for (const std::string& id : missing) {
      if (std::optional<ClauseVector> kept = shared_topics().find(idf_.state(), id)) {
        topics_.emplace(id, std::move(*kept));
      } else {
        unknown.push_back(id);
      }
    }
    missing = std::move(unknown);
  }
  if (missing.empty()) return;
  if (has_remote_shard(db_)) {
    // Each record's id comes back as its sort key and its topic as its collapse key: the
    // shards send both with the match, where opening each record would be a round trip.
    std::vector<Xapian::Query> records;
    for (const std::string& id : missing) records.emplace_back(schema::record_term(id));
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, records.begin(), records.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kDocumentSlot, false);
    enquire.set_collapse_key(schema::kTopicSlot, kNeverCollapse);
    const Xapian::MSet found = enquire.get_mset(0, static_cast<Xapian::doccount>(2 * missing.size()));
    for (auto it = found.begin(); it != found.end(); ++it) {
      lists.emplace(it.get_sort_key(), it.get_collapse_key());
    }
  } else {
    std::vector<std::pair<std::string, Xapian::docid>> records;
    for (const std::string& id : missing) {
      const std::string term = schema::record_term(id);
      auto it = db_.postlist_begin(term);
      if (it != db_.postlist_end(term)) records.emplace_back(id, *it);
    }
    std::vector<Xapian::docid> docids;
    for (const auto& [id, docid] : records) docids.push_back(docid);
    const auto topics = slot_values(db_, schema::kTopicSlot, docids);
    for (const auto& [id, docid] : records) {
      auto topic = topics.find(docid);
      lists.emplace(id, topic == topics.end() ? std::string() : topic->second);
    }
  }
  std::vector<std::string> values;
  for (const auto& [id, list] : lists) values.push_back(list);
  idf_.prefetch(values);
  for (const std::string& id : missing) {
    auto list = lists.find(id);
    topics_[id] = list == lists.end() || list->second.empty()
                      ? ClauseVector()
                      : vector_of(list->second);
  }
  if (!shared) return;
  for (const std::string& id : missing) shared_topics().keep(idf_.state(), id, topics_[id]);
}

ClauseVector DocumentTopics::vector_of(const std::string& topic) {
  std::vector<std::pair<std::string, double>> weights;
  ClauseVector vector;
  for (const auto& [term, count] : parse_stem_list(topic)) {
    if (term.size() < 2) continue;
    ++vector.body_stems;
    auto facts = stems_.find(term);
    if (facts == stems_.end()) {
      facts = stems_.emplace(term, StemFacts{canon_.canonical(term.substr(1)), idf_.idf(term)})
                  .first;
    }
    weights.emplace_back(facts->second.canonical,
                         (1.0 + std::log(static_cast<double>(count))) * facts->second.idf);
  }
  set_unit_weights(vector, std::move(weights));
  return vector;
}

const ClauseVector& DocumentTopics::topic(const std::string& document_id) {
  auto it = topics_.find(document_id);
  if (it != topics_.end()) return it->second;
  load({document_id});
  return topics_[document_id];
}

}  // namespace klausul
