#include "ingest/pdf_blocks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/extract_pdf.h"
#include "ingest/normalize.h"
#include "ingest/utf8.h"

namespace klausul::pdf {
namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

// The body text size: the font size carrying most characters in the document.
double body_size(const std::vector<Line>& lines) {
  std::map<double, size_t> chars;
  for (const Line& line : lines) {
    for (const Word& w : line.words) chars[std::round(w.size * 2) / 2] += w.text.size();
  }
  if (chars.empty()) return 10;
  return std::max_element(chars.begin(), chars.end(),
                          [](auto& a, auto& b) { return a.second < b.second; })
      ->first;
}

namespace {

// A list marker at the start of a line: the number of marker words (0 = none) and whether it
// is a strong marker (a bullet glyph) or a weak one (dash, number) that needs context.
struct Marker {
  size_t words = 0;      // whole marker words to drop
  size_t bytes = 0;      // or bytes to drop from the first word ("•Text")
  bool strong = false;
};

Marker list_marker(const Line& line) {
  Marker m;
  const std::string& first = line.words.front().text;
  if (line.words.size() > 1 && is_bullet_glyph(first) && first != "o" && first != "*") {
    m.words = 1;
    m.strong = true;
  } else if (line.words.size() > 1 && (first == "o" || first == "*") &&
             line.words[1].x0 - line.words[0].x1 > 0.5 * line.size) {
    m.words = 1;
    m.strong = true;
  } else if (line.words.size() > 1 && (is_dash_glyph(first) || is_number_marker(first))) {
    m.words = 1;
  } else {
    for (std::string_view b : {"•", "▪", "◦", "●", "■", "➢", "►", "\uf0b7", "\uf0a7"}) {
      if (first.size() > b.size() && first.compare(0, b.size(), b) == 0) {
        m.bytes = b.size();
        m.strong = true;
        break;
      }
    }
  }
  return m;
}

struct PendingBlock {
  Block block;
  std::vector<std::string> lines;
  double size = 0;
  bool bold = false;
  double text_x0 = 0;  // left edge of the text (after a list marker)
  double marker_x0 = 0;
};

bool ends_sentence(std::string_view text) {
  std::string t = trim(text);
  if (t.empty()) return true;
  char c = t.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool starts_lowercase(std::string_view text) {
  UChar32 c = first_code_point(text);
  return c >= 0 && u_islower(c);
}

class BlockBuilder {
 public:
  explicit BlockBuilder(double body) : body_(body) {}

  void add(const Line& line) {
    if (!line.cells.empty()) {
      add_table_row(line);
      return;
    }
    const bool big = line.size >= body_ * 1.15;
    const bool heading_like = big || (line.bold && line.size >= body_ * 0.95);
    const Marker marker = list_marker(line);
    const std::string text = line_text(line);
    if (!pending_ || starts_block(line, text, heading_like, marker)) {
      open_block(line, text, heading_like, marker);
    } else {
      pending_->lines.push_back(text);
    }
    prev_line_ = line;
  }

  std::vector<Block> finish() {
    flush();
    return std::move(blocks_);
  }

 private:
  // Whether `line` opens a new block rather than continuing the pending one.
  bool starts_block(const Line& line, const std::string& text, bool heading_like,
                    const Marker& marker) const {
    const Line& prev = prev_line_;
    const BlockKind kind = pending_->block.kind;
    if (line.slide_title || kind == BlockKind::slide_title) {
      return !(line.slide_title && kind == BlockKind::slide_title && line.page == prev.page);
    }
    const bool jump_up = line.y0 < prev.y0 - 0.5 * line.size;  // the next column
    if (line.page != prev.page || jump_up) {
      // A paragraph or list item running over a page or column break goes on when it did not
      // end a sentence and the next line goes on in lowercase (at the same indent on a new
      // page). A new slide always starts a new block.
      const bool same_indent = jump_up || std::fabs(line.x0 - pending_->text_x0) < 2 * body_;
      return line.slide != 0 || heading_like || marker.words > 0 || marker.bytes > 0 ||
             kind == BlockKind::heading || std::fabs(line.size - pending_->size) >= 0.1 * body_ ||
             ends_sentence(pending_->lines.back()) || !starts_lowercase(text) || !same_indent;
    }
    if (line.y0 - prev.y1 > 0.3 * line.size) return true;  // vertical gap
    if (std::fabs(line.size - prev.size) > 0.1 * body_ ||
        heading_like != (kind == BlockKind::heading)) {
      return true;
    }
    if (marker.strong) return true;
    if (marker.words > 0 && ((kind == BlockKind::list_item &&
                              std::fabs(line.x0 - pending_->marker_x0) < 0.5 * body_) ||
                             ends_with_colon(pending_->lines.back()))) {
      return true;
    }
    // Back at the left margin: the list is over.
    if (kind == BlockKind::list_item && line.x0 < pending_->text_x0 - 0.5 * body_) return true;
    return kind == BlockKind::heading && pending_->lines.size() >= 3;
  }

  void open_block(const Line& line, const std::string& text, bool heading_like,
                  const Marker& marker) {
    flush();
    pending_ = PendingBlock{};
    pending_->block.page = line.page;
    pending_->block.slide = line.slide;
    pending_->size = line.size;
    pending_->bold = line.bold;
    pending_->marker_x0 = line.x0;
    pending_->text_x0 = line.x0;
    // A new block that opens with a marker is a list item (weak markers only get here
    // after a gap, a colon or another item: see starts_block).
    const bool is_item = !line.slide_title && (marker.strong || marker.words > 0);
    std::string first = text;
    if (is_item) {
      pending_->block.kind = BlockKind::list_item;
      if (marker.words > 0) {
        first = line_text(line, marker.words);
        pending_->text_x0 = line.words[marker.words].x0;
      } else {
        first = trim(std::string_view(text).substr(marker.bytes));
      }
      // Nesting: indented further than the first item of the current list.
      pending_->block.level = 1;
      if (list_x0_ >= 0 && line.x0 > list_x0_ + body_) pending_->block.level = 2;
      if (list_x0_ < 0 || line.x0 < list_x0_ - 0.5 * body_) list_x0_ = line.x0;
    } else if (line.slide_title) {
      pending_->block.kind = BlockKind::slide_title;
      pending_->block.level = 1;
    } else if (heading_like) {
      pending_->block.kind = BlockKind::heading;
      pending_->block.level = (line.size >= body_ * 1.45) ? 1 : 2;
    } else {
      pending_->block.kind = BlockKind::paragraph;
    }
    if (!is_item) list_x0_ = -1;
    pending_->lines.push_back(first);
  }

  // A table row is one block, "cell | cell | cell", as the DOCX and PPTX extractors write it.
  void add_table_row(const Line& line) {
    flush();
    list_x0_ = -1;
    prev_line_ = line;
    std::string row;
    for (const std::string& cell : line.cells) {
      // Wrapped cell lines come '\n'-separated: join them as paragraph lines.
      std::vector<std::string> cell_lines;
      for (size_t from = 0; from <= cell.size();) {
        size_t to = std::min(cell.find('\n', from), cell.size());
        cell_lines.push_back(cell.substr(from, to - from));
        from = to + 1;
      }
      const std::string text = collapse_whitespace(to_nfc(join_pdf_lines(cell_lines)));
      if (text.empty()) continue;
      if (!row.empty()) row += " | ";
      row += text;
    }
    if (row.empty()) return;
    Block block;
    block.kind = BlockKind::table_cell;
    block.text = std::move(row);
    block.page = line.page;
    block.slide = line.slide;
    blocks_.push_back(std::move(block));
  }

  static bool ends_with_colon(std::string_view s) {
    std::string t = trim(s);
    return !t.empty() && t.back() == ':';
  }

  void flush() {
    if (!pending_) return;
    Block block = std::move(pending_->block);
    block.text = collapse_whitespace(to_nfc(join_pdf_lines(pending_->lines)));
    // A long bold run is emphasised body text, not a heading.
    if (block.kind == BlockKind::heading && !(pending_->size >= body_ * 1.15) &&
        block.text.size() > 150) {
      block.kind = BlockKind::paragraph;
      block.level = 0;
    }
    pending_.reset();
    if (block.text.empty()) return;
    blocks_.push_back(std::move(block));
  }

  double body_;
  double list_x0_ = -1;
  std::optional<PendingBlock> pending_;
  Line prev_line_;
  std::vector<Block> blocks_;
};

}  // namespace

// A slide deck (a PowerPoint or Impress export): every page with text is landscape and at
// least half of them open with a clearly larger title line. Then every line carries its page
// as slide number and the title lines are marked.
bool mark_slides(std::vector<std::vector<Line>>& pages, const std::vector<bool>& landscape,
                 double body) {
  size_t text_pages = 0, slide_pages = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].empty()) continue;
    if (!landscape[i]) return false;
    ++text_pages;
    std::vector<Line> probe = pages[i];
    slide_pages += pdf::mark_slide_title(probe, true, body);
  }
  if (text_pages == 0 || slide_pages * 2 < text_pages) return false;
  for (size_t i = 0; i < pages.size(); ++i) {
    pdf::mark_slide_title(pages[i], landscape[i], body);
    for (Line& line : pages[i]) line.slide = line.page;
  }
  return true;
}

std::vector<Block> build_blocks(const std::vector<Line>& lines, double body) {
  BlockBuilder builder(body);
  for (const Line& line : lines) builder.add(line);
  return builder.finish();
}

}  // namespace klausul::pdf
