// Page layout analysis for the PDF extractor: word boxes -> lines in reading order, with
// columns, table rows and slide titles recognised from geometry alone (never from Poppler's
// own reading order, which interleaves the lines of side-by-side columns).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klausul::pdf {

struct Word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;
  bool bold = false;
  bool space_after = true;
};

/// One line of one column (a segment of a visual row), or a whole table row.
struct Line {
  std::vector<Word> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;    // dominant font size (by characters)
  bool bold = false;  // most characters in a bold face
  int page = 0;
  int row = 0;        // index of the visual row on its page (top to bottom)
  int slide = 0;      // page number when the document is a slide deck
  bool slide_title = false;        // part of the large first line(s) of a slide
  std::vector<std::string> cells;  // non-empty: a table row, cell texts left to right
};

bool is_bullet_glyph(std::string_view s);
bool is_dash_glyph(std::string_view s);
/// "1.", "12)", "a)": a list number.
bool is_number_marker(std::string_view s);

/// A Line of `words` (in order) with its box, dominant size and boldness.
Line make_line(std::vector<Word> words, int page, int row);

/// The length of the overlap of [a0, a1] and [b0, b1]; negative when apart.
double overlap(double a0, double a1, double b0, double b1);

/// The words of a line from word index `from`, spaced as on the page.
std::string line_text(const Line& line, size_t from = 0);

/// Lines of one page in reading order: words grouped into visual rows, rows cut into
/// segments at wide gaps, table rows (>= 2 aligned rows of >= 2 short cells) turned into one
/// Line with cells, and columns separated by a gutter read one after the other (full-width
/// lines and tables stay where they are).
std::vector<Line> layout_page(std::vector<Word> words, int page);

/// Whether a page looks like a slide: landscape and its first line clearly larger than the
/// rest (or than `body` when it holds nothing else). Marks the title lines (slide_title).
bool mark_slide_title(std::vector<Line>& lines, bool landscape, double body);

}  // namespace klausul::pdf
