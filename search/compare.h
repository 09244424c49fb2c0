// Two-document alignment: which clauses of A have a counterpart in B, and which topics only
// one of them covers.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "index/term_model.h"
#include "ingest/document.h"
#include "search/synonyms.h"
#include "search/thesaurus.h"

namespace klausul {

enum class AlignmentStatus { matched, only_a, only_b };

/// "matched", "only_a", "only_b".
std::string alignment_status_name(AlignmentStatus status);

struct AlignedPair {
  AlignmentStatus status = AlignmentStatus::matched;
  Clause a;        // empty for only_b
  Clause b;        // empty for only_a
  double score = 0;  // similarity of the pair (matched), best score found otherwise
};

struct Alignment {
  DocumentInfo a;
  DocumentInfo b;
  std::vector<AlignedPair> pairs;  // A's clauses in order, then B's unmatched clauses
  int matched = 0;
  int only_a = 0;
  int only_b = 0;
};

/// A clause pair below this similarity (search/clause_score.h, as `similar` scores) is not a
/// counterpart. With a term model every pair of the same archive gets some meaning score, so
/// the bar is higher: tools/bench/similar-eval's compare calibration (tuning half of the
/// real-text pairs) puts it where the share of non-counterparts that pass is the same as at
/// 0.25 without a model (about 2%; RESULTS.md).
inline constexpr double kMatchThreshold = 0.25;
inline constexpr double kMatchThresholdWithModel = 0.45;

/// The threshold that applies with `model` (null or empty: none).
double match_threshold(const TermModel* model);

/// Aligns two indexed documents (named by id or source path). Every non-heading clause of A
/// gets its most similar clause of B when the similarity reaches match_threshold(); B's clauses
/// that are nobody's counterpart are listed as only_b. Throws UsageError when a document is
/// not in the index.
Alignment compare_documents(const Xapian::Database& db, const std::string& a,
                            const std::string& b,
                            const SynonymTable& synonyms = SynonymTable::standard(),
                            const Thesaurus& thesaurus = Thesaurus::system(),
                            const TermModel* term_model = nullptr);

/// "N matchade, N bara i A, N bara i B": the summary line of an alignment.
std::string alignment_summary(const Alignment& alignment);

/// A document named by id or source path (relative paths are made absolute).
/// Throws UsageError naming the argument when it is not indexed.
DocumentInfo resolve_document(const Xapian::Database& db, const std::string& name);

/// The clauses of an indexed document in order, with their Xapian documents. Through a remote
/// shard a document may be an in-memory one that holds only the clause's kClauseSlot and
/// kStemsSlot values (what clause_of_document and vector_of_document read).
std::vector<std::pair<Clause, Xapian::Document>> document_clauses(const Xapian::Database& db,
                                                                 const std::string& document_id);

}  // namespace klausul
