// Tables on a PDF page, from geometry alone: runs of >= 2 visual rows whose segments stand in
// the same columns (and are not side-by-side prose) become table rows, each one Line with
// its cell texts; wrapped cell lines and further rows in the same columns join the table.
#pragma once

#include <vector>

#include "ingest/pdf_layout.h"

namespace klausul::pdf {

/// Rewrites `rows` (a page's visual rows, each cut into segments) in place: each detected
/// table's rows become single Lines with `cells`; empty rows are removed.
void find_tables(std::vector<std::vector<Line>>& rows);

}  // namespace klausul::pdf
