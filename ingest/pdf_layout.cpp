#include "ingest/pdf_layout.h"

#include "ingest/pdf_tables.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <map>
#include <utility>

namespace klausul::pdf {

namespace {

// Words further apart than this many font sizes belong to different segments (columns, table
// cells): wider than any justified word space, narrower than a column gutter or cell gap.
constexpr double kSegmentGap = 1.5;
// A gutter may be crossed by at most this share of the lines (full-width titles; a short
// page may be a quarter title).
constexpr double kGutterCrossing = 0.25;
constexpr int kMaxColumnDepth = 3;
// A gutter is at least this wide (points).
constexpr double kMinGutter = 6;
// Each column's widest line spans at least this share of the text width.
constexpr double kMinColumn = 0.25;

double centre(const Word& w) { return (w.y0 + w.y1) / 2; }

double round_size(double size) { return std::round(size * 2) / 2; }

}  // namespace

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

namespace {

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

}  // namespace

double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

namespace {


struct Gutter {
  double x = 0;
  bool found = false;
};

double left_of(const std::vector<Line>& lines) {
  double x = lines.front().x0;
  for (const Line& l : lines) x = std::min(x, l.x0);
  return x;
}

double right_of(const std::vector<Line>& lines) {
  double x = lines.front().x1;
  for (const Line& l : lines) x = std::max(x, l.x1);
  return x;
}

// Where a line stands relative to a gutter at x.
int side_of(const Line& l, double x) { return l.x1 <= x ? -1 : (l.x0 >= x ? 1 : 0); }

// Lines whose words leave the gutter at x free (two columns' lines that share a row with only
// a narrow space between them) cut into their left and right parts.
std::vector<Line> cut_at(std::vector<Line> lines, double x) {
  std::vector<Line> out;
  for (Line& l : lines) {
    const bool crossed = std::any_of(l.words.begin(), l.words.end(),
                                     [x](const Word& w) { return w.x0 < x && w.x1 > x; });
    if (side_of(l, x) != 0 || crossed || !l.cells.empty()) {
      out.push_back(std::move(l));
      continue;
    }
    std::vector<Word> left, right;
    for (Word& w : l.words) (w.x1 <= x ? left : right).push_back(std::move(w));
    out.push_back(make_line(std::move(left), l.page, l.row));
    out.push_back(make_line(std::move(right), l.page, l.row));
  }
  return out;
}

struct Strip {
  double x = 0;         // the middle of its least crossed stretch
  double width = 0;     // of that stretch
  double crossing = 0;  // lines crossing that stretch
};

// The least crossed stretch of bins [b, e) at least kMinGutter wide (the widest on a tie):
// for each crossing level from the lowest up, the longest run of bins crossed no more.
Strip cleanest(const std::vector<double>& covered, int b, int e, double left) {
  std::vector<double> levels(covered.begin() + b, covered.begin() + e);
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  for (double level : levels) {
    Strip best{0, -1, level};
    for (int i = b; i < e;) {
      if (covered[static_cast<size_t>(i)] > level) { ++i; continue; }
      int j = i;
      while (j < e && covered[static_cast<size_t>(j)] <= level) ++j;
      if (j - i > best.width) best = {left + (i + j) / 2.0, static_cast<double>(j - i), level};
      i = j;
    }
    if (best.width >= kMinGutter) return best;
  }
  return Strip{0, -1, 0};
}

// Strips inside the text that the words of at most kGutterCrossing of the lines cross (only
// full-width titles may cross a gutter), the least crossed first, then the widest.
std::vector<Strip> gap_strips(const std::vector<Line>& lines) {
  const double left = left_of(lines), right = right_of(lines);
  const double limit = kGutterCrossing * static_cast<double>(lines.size());
  const int bins = static_cast<int>(right - left) + 1;
  std::vector<double> covered(static_cast<size_t>(bins), 0);
  for (const Line& l : lines) {
    for (const Word& w : l.words) {
      const int to = std::min(static_cast<int>(w.x1 - left) + 1, bins);
      for (int b = std::max(static_cast<int>(w.x0 - left), 0); b < to; ++b) {
        covered[static_cast<size_t>(b)] += 1;
      }
    }
  }
  std::vector<Strip> strips;
  for (int b = 0; b < bins;) {
    if (covered[static_cast<size_t>(b)] > limit) { ++b; continue; }
    int e = b;
    while (e < bins && covered[static_cast<size_t>(e)] <= limit) ++e;
    const Strip strip = cleanest(covered, b, e, left);
    if (b > 0 && e < bins && strip.width >= kMinGutter) strips.push_back(strip);
    b = e;
  }
  std::stable_sort(strips.begin(), strips.end(), [](const Strip& a, const Strip& b) {
    return a.crossing != b.crossing ? a.crossing < b.crossing : a.width > b.width;
  });
  return strips;
}

// A gutter at x: at least three lines wholly on each side, at least two of them side by side.
bool is_gutter(const std::vector<Line>& lines, double x) {
  const std::vector<Line> cut = cut_at(lines, x);
  // A column holds real text: a strip of bullets or numbers beside a list is no column.
  const double extent = right_of(lines) - left_of(lines);
  double widest[2] = {0, 0};
  size_t count[2] = {0, 0}, side_by_side = 0;
  for (const Line& l : cut) {
    const int side = side_of(l, x);
    if (side == 0) continue;
    const size_t s = side < 0 ? 0 : 1;
    ++count[s];
    widest[s] = std::max(widest[s], l.x1 - l.x0);
    if (side > 0) continue;
    side_by_side += std::any_of(cut.begin(), cut.end(), [&](const Line& r) {
      return side_of(r, x) > 0 && overlap(l.y0, l.y1, r.y0, r.y1) > 0;
    });
  }
  return count[0] >= 3 && count[1] >= 3 && side_by_side >= 2 &&
         widest[0] >= kMinColumn * extent && widest[1] >= kMinColumn * extent;
}

Gutter find_gutter(const std::vector<Line>& lines) {
  if (lines.size() < 6) return {};
  for (const Strip& strip : gap_strips(lines)) {
    if (is_gutter(lines, strip.x)) return {strip.x, true};
  }
  return {};
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
  for (Line& l : cut_at(std::move(lines), g.x)) {
    const int side = side_of(l, g.x);
    if (side == 0) flush();
    (side < 0 ? left : side > 0 ? right : out).push_back(std::move(l));
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
