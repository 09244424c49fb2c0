// The two score thresholds that turn a region's best `similar` score into a coverage verdict
// (search/coverage.h). Calibrated, not hand-set: tools/bench/coverage-eval --write chooses
// them on the tuning half of tools/bench/coverage_eval.tsv and rewrites the two numbers
// below; the figures on the held-out half are in tools/bench/RESULTS.md. Rerun it whenever
// the similar scoring (search/clause_score.h) changes, since the scores shift with it.
#pragma once

namespace klausul::coverage_thresholds {

// best score >= kCorrespondence: "motsvarighet" (the region states the same point).
inline constexpr double kCorrespondence = 0.62;
// kRelated <= best score < kCorrespondence: "närliggande"; below: "ingen träff".
inline constexpr double kRelated = 0.59;

}  // namespace klausul::coverage_thresholds
