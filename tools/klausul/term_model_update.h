// Keeping the term model (index/term_model.h) in step with the index: after an ingest or a
// removal that changed the index, and on `klausul learn`, the model is learned again from
// the whole index and replaces the old one atomically. The title series of document versions
// (search/versions.h, update_series_file) are checked again at the same moment, always before
// the command returns (statuses depend on them).
//
// Learning takes longer than importing (fastText over every clause), so by default ingest
// and remove hand it to a background `klausul learn --if-stale` and return: until it is
// done, similar and compare use the previous model (or stems only). Learners take a lock
// beside the model, so two never run at once; the second finds the model current and stops.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul::cli {

enum class LearnMode {
  background,  // a detached `klausul learn --if-stale`, logged to <model>.log (the default)
  wait,        // learn now, before the command returns
  skip,        // leave the model as it is (`klausul learn` later)
};

/// "background", "wait" or "no" (--learn). Throws UsageError otherwise.
LearnMode learn_mode_from(const std::string& value);

/// After `db` changed: brings the model of the index at `db_path` up to date as `mode` says.
/// An index too small to learn from is handled at once whatever the mode (it is quick).
/// Prints one line on stderr saying what happened.
void refresh_term_model(const Xapian::Database& db, const std::string& db_path, LearnMode mode);

int run_learn(int argc, char** argv);

}  // namespace klausul::cli
