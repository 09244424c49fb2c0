#include "ingest/pdf_layout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <map>
#include <cstdio>
#include <utility>

namespace klausul::pdf {

namespace {

// Words further apart than this many font sizes belong to different segments (columns, table
// cells): wider than any justified word space, narrower than a column gutter or cell gap.
constexpr double kSegmentGap = 1.5;
// A gutter may be crossed by at most this share of the text height (full-width titles).
constexpr double kGutterCrossing = 0.1;
constexpr int kMaxColumnDepth = 3;

double centre(const Word& w) { return (w.y0 + w.y1) / 2; }

double round_size(double size) { return std::round(size * 2) / 2; }

Line make_line(std::vector<Word> words, int page, int row) {
  Line line;
  line.page = page;
  line.row = row;
  line.x0 = words.front().x0;
  line.y0 = words.front().y0;
  line.x1 = words.front().x1;
  line.y1 = words.front().y1;
  std::map<double, size_t> by_size;
  size_t bold_chars = 0, chars = 0;
  for (const Word& w : words) {
    line.x0 = std::min(line.x0, w.x0);
    line.y0 = std::min(line.y0, w.y0);
    line.x1 = std::max(line.x1, w.x1);
    line.y1 = std::max(line.y1, w.y1);
    if (is_bullet_glyph(w.text)) continue;  // bullets are often set in another font size
    by_size[round_size(w.size)] += w.text.size();
    chars += w.text.size();
    if (w.bold) bold_chars += w.text.size();
  }
  if (by_size.empty()) by_size[round_size(words.front().size)] = 1;
  line.size = std::max_element(by_size.begin(), by_size.end(), [](auto& a, auto& b) {
                return a.second < b.second;
              })->first;
  line.bold = chars > 0 && bold_chars * 2 > chars;
  line.words = std::move(words);
  return line;
}

// Words whose vertical centres agree, top to bottom, each row sorted left to right.
std::vector<std::vector<Word>> visual_rows(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return centre(a) < centre(b); });
  std::vector<std::vector<Word>> rows;
  for (Word& w : words) {
    if (!rows.empty()) {
      const Word& first = rows.back().front();
      const double tolerance = 0.5 * std::min(w.y1 - w.y0, first.y1 - first.y0);
      if (std::fabs(centre(w) - centre(first)) <= std::max(tolerance, 1.0)) {
        rows.back().push_back(std::move(w));
        continue;
      }
    }
    rows.emplace_back();
    rows.back().push_back(std::move(w));
  }
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(),
                     [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  }
  return rows;
}

bool is_marker_word(std::string_view s) {
  return is_bullet_glyph(s) || is_dash_glyph(s) || is_number_marker(s);
}

// Cuts a row at wide gaps. A lone list marker set apart by a tab ("•      text", "1.   text")
// stays with the text on its right, so lists are never mistaken for two-column tables.
std::vector<Line> row_segments(std::vector<Word> row, int page, int index) {
  std::vector<std::vector<Word>> parts(1);
  for (Word& w : row) {
    if (!parts.back().empty()) {
      const Word& prev = parts.back().back();
      const double gap = w.x0 - prev.x1;
      const double em = std::max({prev.size, w.size, 1.0});
      const bool marker = parts.back().size() == 1 && is_marker_word(prev.text);
      if (gap > (marker ? 4 : kSegmentGap) * em) parts.emplace_back();
    }
    parts.back().push_back(std::move(w));
  }
  std::vector<Line> out;
  for (auto& part : parts) out.push_back(make_line(std::move(part), page, index));
  return out;
}

// A bullet set in another size than its item's text is not on the item's visual row
// (Poppler may even put a column of bullets in a block of its own): give each lone bullet
// back to the segment beside it on its right.
void attach_lone_bullets(std::vector<std::vector<Line>>& rows) {
  std::vector<Line*> segments;
  for (auto& row : rows) {
    for (Line& l : row) segments.push_back(&l);
  }
  for (Line* bullet : segments) {
    if (bullet->words.size() != 1 || !is_bullet_glyph(bullet->words[0].text)) continue;
    const Word b = bullet->words[0];
    for (Line* item : segments) {
      if (item == bullet || item->words.empty()) continue;
      if (item->words.size() == 1 && is_bullet_glyph(item->words[0].text)) continue;
      const Word& first = item->words.front();
      if (std::fabs(centre(first) - centre(b)) <= 0.5 * (b.y1 - b.y0) && first.x0 >= b.x1 - 0.5 &&
          first.x0 - b.x1 < 4 * std::max(b.size, first.size)) {
        std::vector<Word> words = std::move(item->words);
        words.insert(words.begin(), b);
        *item = make_line(std::move(words), item->page, item->row);
        bullet->words.clear();
        break;
      }
    }
  }
  for (auto& row : rows) {
    row.erase(std::remove_if(row.begin(), row.end(), [](const Line& l) { return l.words.empty(); }),
              row.end());
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.empty(); }),
             rows.end());
}

double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

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

// Replaces each run of >= 2 aligned multi-segment rows (not prose columns) by table rows.
void find_tables(std::vector<std::vector<Line>>& rows) {
  for (size_t i = 0; i < rows.size();) {
    size_t end = i + 1;
    while (end < rows.size() && aligned_rows(rows[end - 1], rows[end])) ++end;
    if (end - i >= 2 && !prose_columns(rows, i, end)) {
      for (size_t r = i; r < end; ++r) {
        Line row = table_row(std::move(rows[r]));
        rows[r] = {std::move(row)};
      }
    }
    i = end;
  }
}

struct Gutter {
  double x = 0;
  bool found = false;
};

// A vertical strip crossed by almost no text (<= kGutterCrossing of the text height) with
// at least three lines wholly on each side, some of them side by side.
Gutter find_gutter(const std::vector<Line>& lines) {
  Gutter g;
  if (lines.size() < 6) return g;
  double left = lines.front().x0, right = lines.front().x1, total = 0;
  for (const Line& l : lines) {
    left = std::min(left, l.x0);
    right = std::max(right, l.x1);
    total += l.y1 - l.y0;
  }
  const int bins = static_cast<int>(right - left) + 1;
  std::vector<double> covered(static_cast<size_t>(bins), 0);
  for (const Line& l : lines) {
    for (int b = static_cast<int>(l.x0 - left); b < static_cast<int>(l.x1 - left) && b < bins; ++b) {
      covered[static_cast<size_t>(b)] += l.y1 - l.y0;
    }
  }
  int best_from = -1, best_width = 0;
  for (int b = 0; b < bins;) {
    if (covered[static_cast<size_t>(b)] > kGutterCrossing * total) { ++b; continue; }
    int e = b;
    while (e < bins && covered[static_cast<size_t>(e)] <= kGutterCrossing * total) ++e;
    if (b > 0 && e < bins && e - b > best_width) best_from = b, best_width = e - b;
    b = e;
  }
  fprintf(stderr, "gutter n=%zu total=%f from=%d w=%d left=%f\n", lines.size(), total, best_from, best_width, left);
  if (best_from < 0 || best_width < 6) return g;
  g.x = left + best_from + best_width / 2.0;
  size_t n_left = 0, n_right = 0, side_by_side = 0;
  for (const Line& l : lines) {
    if (l.x1 <= g.x) ++n_left;
    if (l.x0 >= g.x) ++n_right;
    if (l.x1 > g.x) continue;
    for (const Line& r : lines) {
      if (r.x0 >= g.x && overlap(l.y0, l.y1, r.y0, r.y1) > 0) { ++side_by_side; break; }
    }
  }
  g.found = n_left >= 3 && n_right >= 3 && side_by_side >= 2;
  return g;
}

// Top to bottom; within a band between full-width lines, the left column before the right.
std::vector<Line> order_columns(std::vector<Line> lines, int depth) {
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.row != b.row ? a.row < b.row : a.x0 < b.x0;
  });
  const Gutter g = depth < kMaxColumnDepth ? find_gutter(lines) : Gutter{};
  if (!g.found) return lines;
  std::vector<Line> out, left, right;
  auto flush = [&] {
    for (auto* side : {&left, &right}) {
      for (Line& l : order_columns(std::move(*side), depth + 1)) out.push_back(std::move(l));
      side->clear();
    }
  };
  for (Line& l : lines) {
    if (l.x1 <= g.x) {
      left.push_back(std::move(l));
    } else if (l.x0 >= g.x) {
      right.push_back(std::move(l));
    } else {
      flush();
      out.push_back(std::move(l));
    }
  }
  flush();
  return out;
}

}  // namespace

bool is_bullet_glyph(std::string_view s) {
  static const std::array<std::string_view, 16> bullets = {
      "•", "▪", "◦", "·", "●", "○", "■", "□", "➢", "►", "▶", "✓", "\uf0b7", "\uf0a7", "*", "o"};
  return std::find(bullets.begin(), bullets.end(), s) != bullets.end();
}

bool is_dash_glyph(std::string_view s) { return s == "-" || s == "–" || s == "—"; }

bool is_number_marker(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  char last = s.back();
  if (last != '.' && last != ')') return false;
  std::string_view body = s.substr(0, s.size() - 1);
  if (body.size() == 1 && body[0] >= 'a' && body[0] <= 'z') return last == ')';
  return std::all_of(body.begin(), body.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::string line_text(const Line& line, size_t from) {
  std::string out;
  for (size_t i = from; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    if (i > from) {
      const Word& prev = line.words[i - 1];
      if (prev.space_after || w.x0 - prev.x1 > 0.2 * std::max(prev.size, 1.0)) out += ' ';
    }
    out += w.text;
  }
  return out;
}

std::vector<Line> layout_page(std::vector<Word> words, int page) {
  std::vector<std::vector<Line>> rows;
  int index = 0;
  for (auto& row : visual_rows(std::move(words))) {
    rows.push_back(row_segments(std::move(row), page, index++));
  }
  attach_lone_bullets(rows);
  find_tables(rows);
  std::vector<Line> lines;
  for (auto& row : rows) {
    for (Line& l : row) lines.push_back(std::move(l));
  }
  return order_columns(std::move(lines), 0);
}

bool mark_slide_title(std::vector<Line>& lines, bool landscape, double body) {
  if (!landscape || lines.empty()) return false;
  const double title_size = lines.front().size;
  // A title wraps over at most three lines of its own size.
  size_t n = 1;
  while (n < lines.size() && n < 3 && std::fabs(lines[n].size - title_size) < 0.5 &&
         lines[n].cells.empty()) {
    ++n;
  }
  std::map<double, size_t> chars;
  for (size_t i = n; i < lines.size(); ++i) {
    for (const Word& w : lines[i].words) chars[round_size(w.size)] += w.text.size();
  }
  double rest = body;
  if (!chars.empty()) {
    rest = std::max_element(chars.begin(), chars.end(),
                            [](auto& a, auto& b) { return a.second < b.second; })->first;
  }
  if (title_size < 1.3 * rest) return false;
  for (size_t i = 0; i < n; ++i) lines[i].slide_title = true;
  return true;
}

}  // namespace klausul::pdf
