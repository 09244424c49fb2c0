// Keeping the term model (index/term_model.h) in step with the index: after an ingest or a
// removal that changed the index, and on `klausul learn`, the model is learned again from
// the whole index and replaces the old one atomically. The title series of document versions
// (search/versions.h, update_series_file) are checked again at the same moment.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul::cli {

/// Learns the model of the index at `db_path` unless the model there already belongs to this
/// index state (or `always`). Prints one line on stderr when it learned. Throws IndexError
/// when the model cannot be written.
void update_term_model(const Xapian::Database& db, const std::string& db_path, bool always);

int run_learn(int argc, char** argv);

}  // namespace klausul::cli
