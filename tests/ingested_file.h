// Test helper: a document of plain clauses as the index writer takes it, without running
// extraction ("<id>:1", "<id>:2", ... in order, from /corpus/<id>.txt in `region`).
#pragma once

#include <string>
#include <vector>

#include "index/writer.h"

namespace klausul::testing {

// A clause of `document_id` with just its id, ordinal and text.
inline Clause clause_with(const std::string& id, const std::string& document_id, int ordinal,
                   const std::string& text) {
  Clause clause;
  clause.id = id;
  clause.document_id = document_id;
  clause.ordinal = ordinal;
  clause.text = text;
  return clause;
}

inline IngestedFile ingested_file(const std::string& id, const std::string& region,
                                  const std::vector<std::string>& texts) {
  IngestedFile file;
  file.info.id = id;
  file.info.path = "/corpus/" + id + ".txt";
  file.info.region = region;
  file.info.region_name = "Region " + region;
  file.info.title = "Riktlinjer " + id;
  for (size_t i = 0; i < texts.size(); ++i) {
    Clause clause;
    clause.ordinal = static_cast<int>(i) + 1;
    clause.document_id = id;
    clause.id = id + ":" + std::to_string(clause.ordinal);
    clause.text = texts[i];
    file.clauses.push_back(clause);
  }
  return file;
}

}  // namespace klausul::testing
