// What changed between two versions of a document, pair by pair: compare's alignment read
// as OLD -> NEW. A matched pair with the same words is oförändrad, other matched pairs are
// ändrad (with a word diff); a clause only in OLD is borttagen, one only in NEW is ny.
#pragma once

#include <string>
#include <vector>

#include "search/compare.h"
#include "search/word_diff.h"

namespace klausul {

enum class PairChange { unchanged, changed, added, removed };

/// The change a pair of an alignment of OLD (A) with NEW (B) stands for.
PairChange pair_change(const AlignedPair& pair);

/// "oförändrad", "ändrad", "ny", "borttagen".
std::string pair_change_name(PairChange change);

/// The word diff of a changed pair (A's text -> B's text); empty for the other changes.
std::vector<DiffPiece> pair_diff(const AlignedPair& pair);

}  // namespace klausul
