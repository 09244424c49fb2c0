// The term model of an index (index/term_model.h), loaded once per process and again when
// its file changes (a long-running `klausul serve` picks up what a later ingest learned).
#pragma once

#include <memory>
#include <string>

#include "index/term_model.h"

namespace klausul {

struct LoadedTermModel {
  std::shared_ptr<const TermModel> model;  // null when there is none or it is unreadable
  std::string problem;  // why there is none, for one line on stderr; empty when loaded
};

/// The model beside the index at `db_path` (term_model_path). Thread-safe.
LoadedTermModel term_model_for(const std::string& db_path);

}  // namespace klausul
