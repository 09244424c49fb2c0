// What changed between two versions of a document, pair by pair: compare's alignment read
// as OLD -> NEW. A matched pair with the same words is oförändrad, other matched pairs are
// ändrad (with a word diff); a clause only in OLD is borttagen, one only in NEW is ny.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "search/compare.h"
#include "search/versions.h"
#include "search/word_diff.h"

namespace klausul {

enum class PairChange { unchanged, changed, added, removed };

/// The change a pair of an alignment of OLD (A) with NEW (B) stands for.
PairChange pair_change(const AlignedPair& pair);

/// "oförändrad", "ändrad", "ny", "borttagen".
std::string pair_change_name(PairChange change);

/// The word diff of a changed pair (A's text -> B's text); empty for the other changes.
std::vector<DiffPiece> pair_diff(const AlignedPair& pair);

/// Two versions of one document are compared clause for clause: compare's alignment lets
/// several clauses of A share one counterpart in B and leaves out B's clauses that resemble
/// some clause of A; between versions each clause of B is the counterpart of at most one
/// clause of A (the most similar), A's other clauses are borttagen and every clause of B
/// that is nobody's counterpart is listed as ny. Counts are updated. `b_clauses` are all of
/// B's clauses in order (headings are skipped, as compare skips them).
void pair_one_to_one(Alignment& alignment, const std::vector<Clause>& b_clauses);

/// When `versions` puts A and B in one chain, pair_one_to_one with B's clauses from `db`;
/// otherwise the alignment stays as compare made it.
void align_as_versions(const Xapian::Database& db, const VersionIndex& versions,
                       Alignment& alignment);

}  // namespace klausul
