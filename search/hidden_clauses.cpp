#include "search/hidden_clauses.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "index/schema.h"
#include "search/database_state.h"
#include "search/open_database.h"
#include "search/shared_by_state.h"

namespace klausul {
namespace {

// A run of consecutive docids of one shard, first and last included.
struct DocidRange {
  Xapian::docid first = 0;
  Xapian::docid last = 0;
};
using DocidRanges = std::vector<DocidRange>;

// Ranges of one document in one shard, by (shard uuid and revision, document id), for the
// state of the database searched.
SharedByState<DocidRanges>& shared_ranges() {
  static SharedByState<DocidRanges> ranges(100000);
  return ranges;
}

DocidRanges read_ranges(const Xapian::Database& shard, const std::string& term) {
  DocidRanges ranges;
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it) {
    if (!ranges.empty() && ranges.back().last + 1 == *it) {
      ranges.back().last = *it;
    } else {
      ranges.push_back(DocidRange{*it, *it});
    }
  }
  return ranges;
}

// The hidden clauses of one shard, in docid order. Xapian clones the source for each shard of
// the database searched and calls init() with that shard: docids are the shard's own.
class HiddenClauseSource : public Xapian::PostingSource {
 public:
  HiddenClauseSource(std::shared_ptr<const std::vector<std::string>> document_ids,
                     std::string state)
      : document_ids_(std::move(document_ids)), state_(std::move(state)) {}

  HiddenClauseSource* clone() const override {
    return new HiddenClauseSource(document_ids_, state_);
  }

  void init(const Xapian::Database& shard) override {
    // A shard without revisions (in memory) is read afresh each time.
    std::string shard_key;
    try {
      shard_key = shard.get_uuid() + "@" + std::to_string(shard.get_revision()) + "/";
    } catch (const Xapian::InvalidOperationError&) {
    }
    ranges_.clear();
    for (const std::string& id : *document_ids_) {
      std::optional<DocidRanges> known;
      if (!shard_key.empty()) known = shared_ranges().find(state_, shard_key + id);
      if (!known) {
        known = read_ranges(shard, schema::document_term(id));
        if (!shard_key.empty()) shared_ranges().keep(state_, shard_key + id, *known);
      }
      ranges_.insert(ranges_.end(), known->begin(), known->end());
    }
    std::sort(ranges_.begin(), ranges_.end(),
              [](const DocidRange& a, const DocidRange& b) { return a.first < b.first; });
    count_ = 0;
    for (const DocidRange& range : ranges_) count_ += range.last - range.first + 1;
    current_ = 0;
    range_ = 0;
    started_ = false;
  }

  Xapian::doccount get_termfreq_min() const override { return count_; }
  Xapian::doccount get_termfreq_est() const override { return count_; }
  Xapian::doccount get_termfreq_max() const override { return count_; }

  void next(double) override {
    if (!started_) {
      started_ = true;
      current_ = ranges_.empty() ? 0 : ranges_.front().first;
      return;
    }
    move_to(current_ + 1);
  }

  void skip_to(Xapian::docid did, double) override {
    if (!started_) {
      started_ = true;
      current_ = ranges_.empty() ? 0 : ranges_.front().first;
    }
    if (did > current_) move_to(did);
  }

  bool at_end() const override { return started_ && range_ >= ranges_.size(); }
  Xapian::docid get_docid() const override { return current_; }
  std::string get_description() const override { return "HiddenClauseSource"; }

 private:
  // The first hidden docid at or after `did` (ranges do not overlap: a clause belongs to one
  // document).
  void move_to(Xapian::docid did) {
    if (range_ < ranges_.size() && did <= ranges_[range_].last) {
      current_ = std::max(did, ranges_[range_].first);
      return;
    }
    auto next = std::lower_bound(ranges_.begin() + static_cast<std::ptrdiff_t>(range_),
                                 ranges_.end(), did,
                                 [](const DocidRange& r, Xapian::docid d) { return r.last < d; });
    range_ = static_cast<size_t>(next - ranges_.begin());
    if (range_ < ranges_.size()) current_ = std::max(did, ranges_[range_].first);
  }

  std::shared_ptr<const std::vector<std::string>> document_ids_;
  std::string state_;
  DocidRanges ranges_;
  Xapian::doccount count_ = 0;
  size_t range_ = 0;
  Xapian::docid current_ = 0;
  bool started_ = false;
};

}  // namespace

Xapian::Query without_hidden_documents(const Xapian::Database& db, const Xapian::Query& query,
                                       const std::vector<std::string>& hidden_document_ids) {
  if (hidden_document_ids.empty()) return query;
  if (has_remote_shard(db)) {
    std::vector<Xapian::Query> hidden;
    for (const std::string& id : hidden_document_ids) {
      hidden.emplace_back(schema::document_term(id));
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                         Xapian::Query(Xapian::Query::OP_OR, hidden.begin(), hidden.end()));
  }
  auto ids = std::make_shared<const std::vector<std::string>>(hidden_document_ids);
  auto* source = new HiddenClauseSource(std::move(ids), database_state(db));
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(source->release()));
}

}  // namespace klausul
