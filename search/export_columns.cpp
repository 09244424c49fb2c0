#include "search/export_columns.h"

#include <cstdio>

#include "search/pair_change.h"

namespace klausul {
namespace {

Cell text_cell(std::string text) { return Cell{std::move(text), false, 0}; }

// Unknown numbers (0: no page, no year) stay empty cells rather than a misleading 0.
Cell count_cell(int value) {
  if (value <= 0) return Cell{};
  return Cell{std::to_string(value), true, static_cast<double>(value)};
}

Cell score_cell(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", score);
  return Cell{buffer, true, score};
}

void append_clause_side(std::vector<Cell>& cells, const Clause& c) {
  cells.push_back(text_cell(c.id));
  cells.push_back(text_cell(c.id.empty() ? "" : section_label(c.section)));
  cells.push_back(count_cell(c.page));
  cells.push_back(count_cell(c.slide));
  cells.push_back(text_cell(c.text));
}

const std::vector<Column> kSearchColumns = {
    {"rank", 6, false},     {"region_name", 18, false}, {"organisation", 22, true},
    {"title", 32, true},    {"doc_type", 14, false},    {"year", 7, false},
    {"status", 10, false},  {"section", 26, true},  {"page", 6, false},         {"slide", 6, false},
    {"text", 80, true},     {"score", 8, false},        {"clause_id", 22, false},
    {"path", 40, false}};

std::vector<Column> similar_columns() {
  std::vector<Column> columns = {{"role", 8, false}};
  columns.insert(columns.end(), kSearchColumns.begin(), kSearchColumns.end());
  return columns;
}

const std::vector<Column> kCompareColumns = {
    {"status", 10, false},     {"change", 11, false},     {"score", 8, false},
    {"a_clause_id", 22, false},
    {"a_section", 22, true},   {"a_page", 6, false},      {"a_slide", 6, false},
    {"a_text", 60, true},      {"b_clause_id", 22, false}, {"b_section", 22, true},
    {"b_page", 6, false},      {"b_slide", 6, false},     {"b_text", 60, true},
    {"diff", 60, true}};

const std::vector<Column> kCoverageColumns = {
    {"region_name", 24, false}, {"verdict", 14, false}, {"rank", 6, false},
    {"score", 8, false},        {"title", 32, true},    {"doc_type", 14, false},
    {"year", 7, false},         {"section", 26, true},  {"page", 6, false},
    {"slide", 6, false},        {"text", 80, true},     {"clause_id", 22, false},
    {"path", 40, false},        {"region", 18, false}};

const std::vector<Column> kReviewColumns = {
    {"position", 8, false},  {"note", 40, true},     {"region_name", 18, false},
    {"title", 32, true},     {"doc_type", 14, false}, {"year", 7, false},
    {"section", 26, true},   {"page", 6, false},      {"slide", 6, false},
    {"text", 80, true},      {"origin", 28, true},    {"added", 12, false},
    {"clause_id", 22, false}, {"path", 40, false}};

std::vector<Cell> review_cells(const Hit& hit) {
  const DocumentInfo& d = hit.document;
  const Clause& c = hit.clause;
  return {count_cell(hit.rank),         text_cell(hit.note),     text_cell(d.region_name),
          text_cell(d.title),           text_cell(d.doc_type),   count_cell(d.year),
          text_cell(section_label(c.section)), count_cell(c.page), count_cell(c.slide),
          text_cell(c.text),            text_cell(hit.origin),   text_cell(hit.added),
          text_cell(c.id),              text_cell(d.path)};
}

}  // namespace

const std::vector<Column>& export_columns(ExportKind kind) {
  static const std::vector<Column> similar = similar_columns();
  switch (kind) {
    case ExportKind::similar:
    case ExportKind::context: return similar;  // the role column, then the search columns
    case ExportKind::compare: return kCompareColumns;
    case ExportKind::coverage: return kCoverageColumns;
    case ExportKind::review: return kReviewColumns;
    case ExportKind::search: break;
  }
  return kSearchColumns;
}

std::string row_role(const ExportContext& context, const Hit& hit) {
  if (context.kind == ExportKind::similar) return "match";
  if (context.kind == ExportKind::context) {
    return hit.clause.id == context.focus_clause_id ? "klausul" : "sammanhang";
  }
  return "";
}

std::vector<Cell> coverage_cells(const CoverageLine& line) {
  const CoverageRow& row = *line.row;
  std::vector<Cell> cells;
  cells.reserve(kCoverageColumns.size());
  cells.push_back(text_cell(row.region.name));
  cells.push_back(text_cell(verdict_label(row.verdict)));
  cells.push_back(count_cell(line.rank));
  if (line.hit) {
    const Hit& hit = *line.hit;
    cells.push_back(score_cell(hit.score));
    cells.push_back(text_cell(hit.document.title));
    cells.push_back(text_cell(hit.document.doc_type));
    cells.push_back(count_cell(hit.document.year));
    cells.push_back(text_cell(section_label(hit.clause.section)));
    cells.push_back(count_cell(hit.clause.page));
    cells.push_back(count_cell(hit.clause.slide));
    cells.push_back(text_cell(hit.clause.text));
    cells.push_back(text_cell(hit.clause.id));
    cells.push_back(text_cell(hit.document.path));
  } else {
    cells.resize(cells.size() + 10);
  }
  cells.push_back(text_cell(row.region.key));
  return cells;
}

std::vector<Cell> hit_cells(const Hit& hit, ExportKind kind, const std::string& role) {
  if (kind == ExportKind::review) return review_cells(hit);
  const DocumentInfo& d = hit.document;
  const Clause& c = hit.clause;
  std::vector<Cell> cells;
  cells.reserve(14);
  if (kind == ExportKind::similar || kind == ExportKind::context) cells.push_back(text_cell(role));
  cells.push_back(count_cell(hit.rank));
  cells.push_back(text_cell(d.region_name));
  cells.push_back(text_cell(d.organisation));
  cells.push_back(text_cell(d.title));
  cells.push_back(text_cell(d.doc_type));
  cells.push_back(count_cell(d.year));
  cells.push_back(text_cell(hit.status));
  cells.push_back(text_cell(section_label(c.section)));
  cells.push_back(count_cell(c.page));
  cells.push_back(count_cell(c.slide));
  cells.push_back(text_cell(c.text));
  // The query row of similar and the rows of a context have no score of their own.
  const bool scored = role != "query" && kind != ExportKind::context;
  cells.push_back(scored ? score_cell(hit.score) : Cell{});
  cells.push_back(text_cell(c.id));
  cells.push_back(text_cell(d.path));
  return cells;
}

std::vector<Cell> pair_cells(const AlignedPair& pair) {
  std::vector<Cell> cells;
  cells.reserve(kCompareColumns.size());
  cells.push_back(text_cell(alignment_status_name(pair.status)));
  cells.push_back(text_cell(pair_change_name(pair_change(pair))));
  cells.push_back(score_cell(pair.score));
  append_clause_side(cells, pair.a);
  append_clause_side(cells, pair.b);
  cells.push_back(text_cell(diff_to_text(pair_diff(pair))));
  return cells;
}

bool looks_like_formula(const std::string& text) {
  // Leading apostrophes are skipped so that the CSV rule stays reversible: "'=x" is written
  // "''=x" and a reader strips exactly one apostrophe.
  const size_t first = text.find_first_not_of('\'');
  if (first == std::string::npos) return false;
  const char c = text[first];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace klausul
