// The review list (Granskningslista) of the web page: the clauses a reader gathers to take to
// a meeting, each with a short note. The list itself lives in the reader's browser; the
// server only reads the clauses it names to export them, so exporting stays a read.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/export.h"
#include "search/hit.h"

namespace klausul {

struct ReviewItem {
  std::string clause_id;
  std::string note;    // the reader's note, may be empty
  std::string origin;  // where it was added from ("Täckning: bevaka EU"), may be empty
  std::string added;   // when ("2026-12-02"), may be empty
};

/// The items as hits in list order (rank = position from 1), with their clause and document
/// read from the index and note / origin / added set. A clause no longer in the index is kept
/// as a row of its id with the text "(klausulen finns inte längre i indexet)".
std::vector<Hit> review_hits(const Xapian::Database& db, const std::vector<ReviewItem>& items);

/// The header of a review list export.
ExportContext review_export_context(const std::vector<ReviewItem>& items,
                                    const std::string& database);

}  // namespace klausul
