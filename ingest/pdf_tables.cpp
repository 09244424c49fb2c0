// Table detection on a page's visual rows (see pdf_tables.h).
#include "ingest/pdf_tables.h"

#include <algorithm>
#include <utility>

namespace klausul::pdf {
namespace {

// Two rows of the same number of segments whose segments stand in the same columns.
bool aligned_rows(const std::vector<Line>& a, const std::vector<Line>& b) {
  if (a.size() != b.size() || a.size() < 2) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (overlap(a[k].x0, a[k].x1, b[k].x0, b[k].x1) <= 0) return false;
    if (k + 1 < a.size() && overlap(a[k].x0, a[k].x1, b[k + 1].x0, b[k + 1].x1) > 0) return false;
    if (k > 0 && overlap(a[k].x0, a[k].x1, b[k - 1].x0, b[k - 1].x1) > 0) return false;
  }
  const double gap = b.front().y0 - a.front().y1;
  return gap < 3 * std::max(a.front().size, 1.0);
}

// Side-by-side lines of running prose (every column averaging 4+ words a line) are text
// columns, not a table: a table's cells hold a few words each.
bool prose_columns(const std::vector<std::vector<Line>>& rows, size_t from, size_t to) {
  for (size_t k = 0; k < rows[from].size(); ++k) {
    size_t words = 0;
    for (size_t r = from; r < to; ++r) words += rows[r][k].words.size();
    if (words < 4 * (to - from)) return false;
  }
  return true;
}

Line table_row(std::vector<Line> cells) {
  std::vector<Word> words;
  std::vector<std::string> texts;
  for (Line& cell : cells) {
    texts.push_back(line_text(cell));
    words.insert(words.end(), cell.words.begin(), cell.words.end());
  }
  Line row = make_line(std::move(words), cells.front().page, cells.front().row);
  row.cells = std::move(texts);
  return row;
}

using Columns = std::vector<std::pair<double, double>>;

// The column a segment stands in: the one column it overlaps, or -1.
int column_of(const Line& segment, const Columns& columns) {
  int found = -1;
  for (size_t k = 0; k < columns.size(); ++k) {
    if (overlap(segment.x0, segment.x1, columns[k].first, columns[k].second) <= 0) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(k);
  }
  return found;
}

// A row of fewer segments right below a table row, closer than rows are to each other, each
// segment in its own column: the next line of wrapped cells. Appended to `row` ('\n' marks
// the line break so the extractor can undo hyphenation).
bool continue_cells(Line& row, std::vector<Line>& next, const Columns& columns, double row_gap) {
  if (next.size() >= columns.size()) return false;
  if (next.front().y0 - row.y1 >= row_gap - 0.15 * row.size) return false;
  int prev = -1;
  for (const Line& segment : next) {
    const int k = column_of(segment, columns);
    if (k <= prev) return false;
    prev = k;
  }
  std::vector<Word> words = row.words;
  for (Line& segment : next) {
    std::string& cell = row.cells[static_cast<size_t>(column_of(segment, columns))];
    cell += (cell.empty() ? "" : "\n") + line_text(segment);
    words.insert(words.end(), segment.words.begin(), segment.words.end());
  }
  std::vector<std::string> cells = std::move(row.cells);
  row = make_line(std::move(words), row.page, row.row);
  row.cells = std::move(cells);
  next.clear();
  return true;
}

// A further table row below `last`: one segment in each column, no further off than rows are.
bool extends_table(const std::vector<Line>& row, const Line& last, const Columns& columns,
                   double row_gap) {
  if (row.size() != columns.size()) return false;
  if (row.front().y0 - last.y1 > row_gap + row.front().size) return false;
  for (size_t k = 0; k < columns.size(); ++k) {
    if (column_of(row[k], columns) != static_cast<int>(k)) return false;
  }
  return true;
}

// Turns the aligned rows [from, to) into table rows; returns the column ranges and the
// smallest gap between rows.
std::pair<Columns, double> make_table(std::vector<std::vector<Line>>& rows, size_t from,
                                      size_t to) {
  Columns columns(rows[from].size(), {1e9, -1e9});
  double row_gap = 1e9;
  for (size_t r = from; r < to; ++r) {
    for (size_t k = 0; k < columns.size(); ++k) {
      columns[k].first = std::min(columns[k].first, rows[r][k].x0);
      columns[k].second = std::max(columns[k].second, rows[r][k].x1);
    }
    if (r > from) row_gap = std::min(row_gap, rows[r].front().y0 - rows[r - 1].front().y1);
    Line row = table_row(std::move(rows[r]));
    rows[r] = {std::move(row)};
  }
  return {std::move(columns), row_gap};
}

}  // namespace

// Replaces each run of >= 2 aligned multi-segment rows (not prose columns) by table rows,
// then grows it by wrapped cell lines and further rows in the same columns.
void find_tables(std::vector<std::vector<Line>>& rows) {
  for (size_t i = 0; i < rows.size();) {
    size_t end = i + 1;
    while (end < rows.size() && aligned_rows(rows[end - 1], rows[end])) ++end;
    if (end - i < 2 || prose_columns(rows, i, end)) {
      i = end;
      continue;
    }
    const auto [columns, row_gap] = make_table(rows, i, end);
    for (size_t last = end - 1; end < rows.size(); ++end) {
      if (continue_cells(rows[last].front(), rows[end], columns, row_gap)) continue;
      if (!extends_table(rows[end], rows[last].front(), columns, row_gap)) break;
      rows[end] = {table_row(std::move(rows[end]))};
      last = end;
    }
    i = end;
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.empty(); }),
             rows.end());
}

}  // namespace klausul::pdf
