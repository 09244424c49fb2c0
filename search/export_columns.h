// The one column list of the tabular exports: CSV and XLSX take their header and cells from
// here, so the two always have identical columns. Column names are the JSON key names.
#pragma once

#include <string>
#include <vector>

#include "search/compare.h"
#include "search/export.h"
#include "search/hit.h"

namespace klausul {

struct Column {
  const char* name;  // header, equal to the JSON key of the same value
  double width;      // XLSX column width in characters
  bool wrap;         // long text: wrapped in XLSX
};

/// A cell: text, or a number when `is_number` (CSV writes both as text).
struct Cell {
  std::string text;
  bool is_number = false;
  double number = 0;
};

/// Columns of a kind of export.
///  search:  rank, region_name, organisation, title, doc_type, year, status, section, page,
///           slide, text, score, clause_id, path
///  similar: role ("query" for the clause compared with, "match" for the others), then the
///           search columns
///  compare: status, change (oförändrad, ändrad, ny, borttagen: A read as the older version),
///           score, a_clause_id, a_section, a_page, a_slide, a_text, b_clause_id, b_section,
///           b_page, b_slide, b_text, diff ("[-removed-] {+added+}" for ändrad)
///  coverage: region_name, verdict, rank, score, title, doc_type, year, section, page, slide,
///           text, clause_id, path, region (verdict as people read it: "närliggande")
///  context: role ("klausul" for the clause asked for, "sammanhang" for its neighbours), then
///           the search columns
///  review:  position, note, region_name, title, doc_type, year, section, page, slide, text,
///           origin, added, clause_id, path
const std::vector<Column>& export_columns(ExportKind kind);

/// The cells of a hit row; `role` is used for similar ("query" or "match").
std::vector<Cell> hit_cells(const Hit& hit, ExportKind kind, const std::string& role = "match");
/// The cells of a coverage row (empty clause cells when the line has no hit).
std::vector<Cell> coverage_cells(const CoverageLine& line);
/// The role column of a hit row: "match" (similar), "klausul"/"sammanhang" (context), else "".
std::string row_role(const ExportContext& context, const Hit& hit);
/// The cells of a compare row.
std::vector<Cell> pair_cells(const AlignedPair& pair);

/// True when a spreadsheet would treat the text as a formula (starts with = + - @, or a tab or
/// carriage return). CSV prefixes such a text with ', XLSX stores it as a plain string.
bool looks_like_formula(const std::string& text);

}  // namespace klausul
