#include "search/pair_change.h"

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

}  // namespace klausul
