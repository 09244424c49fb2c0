#include "search/compare.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "index/clause_set.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/clause_score.h"
#include "search/clause_vector.h"
#include "search/open_database.h"

namespace klausul {

std::string alignment_status_name(AlignmentStatus status) {
  switch (status) {
    case AlignmentStatus::matched: return "matched";
    case AlignmentStatus::only_a: return "only_a";
    case AlignmentStatus::only_b: return "only_b";
  }
  return "matched";
}

std::string alignment_summary(const Alignment& alignment) {
  return std::to_string(alignment.matched) + " matchade, " + std::to_string(alignment.only_a) +
         " bara i A, " + std::to_string(alignment.only_b) + " bara i B";
}

DocumentInfo resolve_document(const Xapian::Database& db, const std::string& name) {
  if (auto info = find_document_by_id(db, name)) return *info;
  std::error_code ec;
  auto absolute = std::filesystem::absolute(name, ec);
  const std::string path = (ec ? std::filesystem::path(name) : absolute).lexically_normal();
  if (auto info = find_document_by_path(db, path)) return *info;
  throw UsageError("no indexed document '" + name + "' (give a document id or source path)");
}

std::vector<std::pair<Clause, Xapian::Document>> document_clauses(const Xapian::Database& db,
                                                                 const std::string& document_id) {
  Xapian::Enquire enquire(db);
  enquire.set_query(only_clauses(Xapian::Query(schema::document_term(document_id))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Through a remote shard each document read is a round trip (Xapian 1.4 does not batch
  // them): each clause and its stem list come with the match instead, as its sort and
  // collapse keys (a collapse that is never reached), and stand in an in-memory document.
  const bool remote = has_remote_shard(db);
  if (remote) {
    enquire.set_sort_by_value(schema::kClauseSlot, false);
    enquire.set_collapse_key(schema::kStemsSlot, kNeverCollapse);
  }
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::vector<std::pair<Clause, Xapian::Document>> clauses;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    // An index written before kClauseSlot, or a heading (no stem list): the document itself.
    if (remote && !it.get_sort_key().empty() && !it.get_collapse_key().empty()) {
      Xapian::Document sent;
      sent.add_value(schema::kClauseSlot, it.get_sort_key());
      sent.add_value(schema::kStemsSlot, it.get_collapse_key());
      clauses.emplace_back(clause_from_data(it.get_sort_key()), std::move(sent));
      continue;
    }
    Xapian::Document doc = it.get_document();
    clauses.emplace_back(clause_of_document(doc), doc);
  }
  std::sort(clauses.begin(), clauses.end(),
            [](const auto& x, const auto& y) { return x.first.ordinal < y.first.ordinal; });
  return clauses;
}

namespace {

struct Side {
  std::vector<Clause> clauses;
  std::vector<ClauseVector> vectors;
  std::vector<QueryScorer> scorers;  // A's side only: A's clauses are the queries
};

Side load_side(const Xapian::Database& db, const std::string& document_id, const StemCanon& canon,
               const Thesaurus* thesaurus, const TermModel* model) {
  Side side;
  IdfCache idf(db);
  for (auto& [clause, doc] : document_clauses(db, document_id)) {
    if (clause.kind == BlockKind::heading) continue;  // headings are structure, not content
    side.vectors.push_back(vector_of_document(idf, doc, canon));
    side.vectors.back().completed_by_lead_in = !clause.context.empty();
    if (thesaurus) {
      side.scorers.emplace_back(side.vectors.back(),
                                RelatedStems(side.vectors.back(), *thesaurus, canon), model);
    }
    side.clauses.push_back(std::move(clause));
  }
  return side;
}

}  // namespace

double match_threshold(const TermModel* model) {
  return model && !model->empty() ? kMatchThresholdWithModel : kMatchThreshold;
}

Alignment compare_documents(const Xapian::Database& db, const std::string& a,
                            const std::string& b, const SynonymTable& synonyms,
                            const Thesaurus& thesaurus, const TermModel* term_model) {
  Alignment alignment;
  alignment.a = resolve_document(db, a);
  alignment.b = resolve_document(db, b);
  // The standard tables' canon is built once per process (the version-series check compares
  // many document pairs); other tables (tests) build their own.
  std::optional<StemCanon> own_canon;
  if (&synonyms != &SynonymTable::standard()) own_canon.emplace(synonyms);
  const StemCanon& canon = own_canon ? *own_canon : standard_stem_canon();
  const Side side_a = load_side(db, alignment.a.id, canon, &thesaurus, term_model);
  const Side side_b = load_side(db, alignment.b.id, canon, nullptr, term_model);

  const double threshold = match_threshold(term_model);
  std::vector<bool> b_used(side_b.clauses.size(), false);
  for (size_t i = 0; i < side_a.clauses.size(); ++i) {
    double best = 0;
    size_t best_j = 0;
    for (size_t j = 0; j < side_b.clauses.size(); ++j) {
      const double score = side_a.scorers[i].score(side_b.vectors[j]);
      if (score > best) {
        best = score;
        best_j = j;
      }
    }
    AlignedPair pair;
    pair.a = side_a.clauses[i];
    pair.score = best;
    if (best >= threshold) {
      pair.b = side_b.clauses[best_j];
      b_used[best_j] = true;
      ++alignment.matched;
    } else {
      pair.status = AlignmentStatus::only_a;
      ++alignment.only_a;
    }
    alignment.pairs.push_back(std::move(pair));
  }
  for (size_t j = 0; j < side_b.clauses.size(); ++j) {
    if (b_used[j]) continue;
    double best = 0;
    for (size_t i = 0; i < side_a.vectors.size(); ++i) {
      best = std::max(best, side_a.scorers[i].score(side_b.vectors[j]));
    }
    // A clause of B close to some clause of A is covered by A even if it was not that
    // clause's single best counterpart.
    if (best >= threshold) continue;
    AlignedPair pair;
    pair.status = AlignmentStatus::only_b;
    pair.b = side_b.clauses[j];
    pair.score = best;
    alignment.pairs.push_back(std::move(pair));
    ++alignment.only_b;
  }
  return alignment;
}

}  // namespace klausul
