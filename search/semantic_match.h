// Clauses compared by meaning: a clause's ClauseVector (stems with tf-idf weights) averaged
// into one dense vector through the archive's TermModel (index/term_model.h), so two
// clauses that share no stem but use words the archive uses alike ("ska prägla hela
// organisationen" / "en naturlig del av det dagliga arbetet") still come out close.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "index/term_model.h"
#include "search/clause_vector.h"

namespace klausul {

/// A clause's meaning: the weighted mean of its stems' vectors, unit length; empty when the
/// model knows none of its stems.
struct MeaningVector {
  std::vector<float> values;
  bool empty() const { return values.empty(); }
};

MeaningVector meaning_of(const ClauseVector& clause, const TermModel& model);

/// Cosine of two meaning vectors, clamped to [0, 1]; 0 when either is empty.
double meaning_similarity(const MeaningVector& a, const MeaningVector& b);

/// A word of the query that the other clause lacks, linked to the other clause's closest
/// stem: the explanation shown as "prägla ≈ genomsyra 0.62".
struct SoftLink {
  std::string query_stem;
  std::string other_stem;
  double similarity = 0;
};

/// Whether the model holds `other_stem` close enough to `query_stem` to show them linked.
using LinkableStems =
    std::function<bool(const std::string& query_stem, const std::string& other_stem)>;

/// For each stem of `query` absent from `other`, its closest stem of `other` when their
/// similarity reaches `minimum` (and `linkable` accepts the pair, when given); strongest
/// query stems first.
std::vector<SoftLink> soft_links(const ClauseVector& query, const ClauseVector& other,
                                 const TermModel& model, double minimum,
                                 const LinkableStems& linkable = {});

}  // namespace klausul
