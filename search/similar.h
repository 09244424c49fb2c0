// Comparable clauses across regions.
//
// How it works (and why plain BM25 over the query's words is not enough):
//  1. The query clause (or text) becomes a ClauseVector: the stems the analyser indexes,
//     including the parts of compounds ("vänortssamarbeten" -> vänort, samarbete) and the
//     implied words of suspended compounds, with synonym groups folded onto one stem
//     (landsting = region, förtroendevalda = politiker), tf-idf weighted.
//  2. Candidates: one Xapian query ORing the vector's strongest stems and their synonyms,
//     restricted to the target regions; of its best 1,000 clauses each region keeps its first
//     15-30 (a budget of 360 reads spread over the regions), so that every region gets its own
//     candidate list and a big region cannot crowd out a small one; a region left out of a
//     full pool gets a query of its own. (Xapian's collapse on the region slot does the same
//     but costs 3x the matching time on a million clauses.)
//     With a term model learned from the archive (index/term_model.h), the query also brings
//     the stems the archive uses like its own, so a paraphrase that shares no stem still
//     becomes a candidate.
//  3. Rerank: each candidate's own vector is read from the index and scored by
//     search/clause_score.h: the stem cosine (length-normalised on both sides, plus
//     thesaurus soft matches, "mandat" ~ "uppdrag") mixed with the cosine of the two
//     clauses' meaning vectors from the term model, and fragments (titles, headings, lead-ins
//     of one or two words) kept below statements. For a query clause, each region's best
//     candidates then also weigh how close their document's topic is to the query document's
//     (index/document_topic.h; ScoreTuning::document_topic_weight): a region's archive holds
//     many documents on other subjects that share the domain's words. The score is in
//     [0, 1]; matched_terms lists the shared words and the soft links that counted
//     ("prägla ≈ genomsyra 0.62").
//  4. Near-duplicates (the same fingerprint, or cosine >= 0.9 to a clause already chosen,
//     e.g. the guideline repeated on a web page) are shown once with the list of places.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "index/term_model.h"
#include "ingest/regions.h"
#include "search/clause_score.h"
#include "search/hit.h"
#include "search/synonyms.h"
#include "search/thesaurus.h"
#include "search/versions.h"

namespace klausul {

struct SimilarRequest {
  std::string clause_id;             // either a clause of the index ...
  std::string text;                  // ... or a free text
  std::vector<std::string> regions;  // target regions (user spellings); empty = all others
  int per_region = 3;
  // The archive's term model (search/term_model_store.h), or null: then stems and the
  // thesaurus alone decide. Must outlive the call.
  const TermModel* term_model = nullptr;
  ScoreTuning tuning = default_score_tuning();
  // Document versions (search/versions.h), or null. With them, candidates from ersatt and
  // utgången documents are left out unless all_versions, and hits are folded
  // (search/fold_versions.h). Must outlive the call.
  const VersionIndex* versions = nullptr;
  bool all_versions = false;
};

struct SimilarResult {
  Hit query;                 // the query clause (or the text as a clause without id)
  std::vector<Hit> hits;     // grouped by region, best region first; rank within the region
};

/// Finds the clauses of other regions that best match the query. Throws UsageError for an
/// unknown clause id or region, or when the text has no searchable words.
SimilarResult find_similar(const Xapian::Database& db, const SimilarRequest& request,
                           const RegionTable& regions,
                           const SynonymTable& synonyms = SynonymTable::standard(),
                           const Thesaurus& thesaurus = Thesaurus::system());

}  // namespace klausul
