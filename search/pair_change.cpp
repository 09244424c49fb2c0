#include "search/pair_change.h"

#include <map>
#include <set>

namespace klausul {

PairChange pair_change(const AlignedPair& pair) {
  switch (pair.status) {
    case AlignmentStatus::only_a: return PairChange::removed;
    case AlignmentStatus::only_b: return PairChange::added;
    case AlignmentStatus::matched: break;
  }
  return same_words(pair.a.text, pair.b.text) ? PairChange::unchanged : PairChange::changed;
}

std::string pair_change_name(PairChange change) {
  switch (change) {
    case PairChange::unchanged: return "oförändrad";
    case PairChange::changed: return "ändrad";
    case PairChange::added: return "ny";
    case PairChange::removed: return "borttagen";
  }
  return "ändrad";
}

std::vector<DiffPiece> pair_diff(const AlignedPair& pair) {
  if (pair_change(pair) != PairChange::changed) return {};
  return word_diff(pair.a.text, pair.b.text);
}

void pair_one_to_one(Alignment& alignment, const std::vector<Clause>& b_clauses) {
  // The best A pair of each B clause keeps it.
  std::map<std::string, std::size_t> best;
  for (std::size_t i = 0; i < alignment.pairs.size(); ++i) {
    const AlignedPair& pair = alignment.pairs[i];
    if (pair.status != AlignmentStatus::matched) continue;
    auto it = best.find(pair.b.id);
    if (it == best.end() || pair.score > alignment.pairs[it->second].score) best[pair.b.id] = i;
  }
  std::vector<AlignedPair> pairs;
  std::set<std::string> used;
  for (std::size_t i = 0; i < alignment.pairs.size(); ++i) {
    AlignedPair pair = alignment.pairs[i];
    if (pair.status == AlignmentStatus::only_b) continue;  // listed again below, in B's order
    if (pair.status == AlignmentStatus::matched && best[pair.b.id] != i) {
      pair.status = AlignmentStatus::only_a;
      pair.b = Clause{};
    }
    if (pair.status == AlignmentStatus::matched) used.insert(pair.b.id);
    pairs.push_back(std::move(pair));
  }
  for (const Clause& clause : b_clauses) {
    if (clause.kind == BlockKind::heading || used.count(clause.id)) continue;
    AlignedPair pair;
    pair.status = AlignmentStatus::only_b;
    pair.b = clause;
    pairs.push_back(std::move(pair));
  }
  alignment.pairs = std::move(pairs);
  alignment.matched = alignment.only_a = alignment.only_b = 0;
  for (const AlignedPair& pair : alignment.pairs) {
    if (pair.status == AlignmentStatus::matched) ++alignment.matched;
    if (pair.status == AlignmentStatus::only_a) ++alignment.only_a;
    if (pair.status == AlignmentStatus::only_b) ++alignment.only_b;
  }
}

void align_as_versions(const Xapian::Database& db, const VersionIndex& versions,
                       Alignment& alignment) {
  if (!versions.same_chain(alignment.a.id, alignment.b.id)) return;
  std::vector<Clause> b_clauses;
  for (auto& [clause, doc] : document_clauses(db, alignment.b.id)) b_clauses.push_back(std::move(clause));
  pair_one_to_one(alignment, b_clauses);
}

}  // namespace klausul
