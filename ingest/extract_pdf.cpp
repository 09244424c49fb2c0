#include "ingest/extract_pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/error.h"
#include "ingest/normalize.h"
#include "ingest/ocr_pages.h"
#include "ingest/pdf_layout.h"

namespace klausul {

namespace {

constexpr int kMaxPages = 5000;

void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// First code point of s (U+FFFD on invalid UTF-8, -1 when empty).
UChar32 first_code_point(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}

// Last code point of s and the byte offset where it starts.
UChar32 last_code_point(std::string_view s, size_t* start = nullptr) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_PREV(s.data(), 0, i, c);
  if (start != nullptr) *start = static_cast<size_t>(i);
  return c < 0 ? 0xFFFD : c;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string ascii_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Words that follow a suspended compound's hyphen: "hälso- och sjukvård", "för- eller
// eftervård", "kvalitets- samt vårdmodeller", "gång- resp. cykelväg", "1- till 3-rumslägenhet".
bool is_suspension_word(std::string word) {
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) word.pop_back();
  word = ascii_lower(word);
  return word == "och" || word == "eller" || word == "samt" || word == "resp" ||
         word == "respektive" || word == "till" || word == "el" || word == "o";
}

// True when the word part before a line-end hyphen has no lowercase letter ("EU", "LK11"):
// such a hyphen is part of the word and stays.
bool is_upper_or_digits(std::string_view part) {
  bool any = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(part.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(part.data(), i, n, c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    if (u_isalnum(c)) any = true;
  }
  return any;
}

// ---------------------------------------------------------------------------------------------
// Page layout: words -> lines -> blocks.

using pdf::is_bullet_glyph;
using pdf::is_dash_glyph;
using pdf::is_number_marker;
using pdf::Line;
using pdf::line_text;
using pdf::Word;

bool is_bold_font(std::string name) {
  name = ascii_lower(std::move(name));
  return name.find("bold") != std::string::npos || name.find("black") != std::string::npos ||
         name.find("heavy") != std::string::npos || name.find("semibold") != std::string::npos ||
         name.find("demi") != std::string::npos || name.find(",bd") != std::string::npos;
}

// The page's word boxes, skipping rotated text (margin notes, stamps).
std::vector<Word> page_words(poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    if (box.rotation() != 0) continue;
    std::string text = utf8(box.text());
    if (trim(text).empty()) continue;
    poppler::rectf r = box.bbox();
    Word w;
    w.text = std::move(text);
    w.x0 = r.left();
    w.y0 = r.top();
    w.x1 = r.right();
    w.y1 = r.bottom();
    w.size = box.has_font_info() ? box.get_font_size() : r.height();
    if (!(w.size > 0)) w.size = std::max(r.height(), 1.0);
    w.bold = box.has_font_info() && is_bold_font(box.get_font_name());
    w.space_after = box.has_space_after();
    words.push_back(std::move(w));
  }
  return words;
}

bool is_landscape(poppler::page& page) {
  const poppler::rectf box = page.page_rect();
  const bool turned = page.orientation() == poppler::page::landscape ||
                      page.orientation() == poppler::page::seascape;
  return turned ? box.height() > box.width() : box.width() > box.height();
}

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

std::string describe_start(std::string_view bytes) {
  std::string printable;
  for (size_t i = 0; i < bytes.size() && i < 8; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 || c >= 0x7f || c == '\'') break;
    printable += static_cast<char>(c);
  }
  if (!printable.empty()) return "'" + printable + "'";
  std::string hex;
  for (size_t i = 0; i < bytes.size() && i < 4; ++i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%s0x%02x", i ? " " : "",
                  static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
    hex += buf;
  }
  return hex;
}

// A truncated PDF has no "%%EOF" near its end; Poppler would otherwise rebuild what it can.
bool has_eof_marker(std::string_view bytes) {
  size_t tail = std::min<size_t>(bytes.size(), 4096);
  return bytes.substr(bytes.size() - tail).find("%%EOF") != std::string_view::npos;
}

}  // namespace

std::string join_pdf_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& raw : lines) {
    std::string line = trim(raw);
    if (line.empty()) continue;
    if (out.empty()) {
      out = std::move(line);
      continue;
    }
    size_t hyphen_at = 0;
    const UChar32 last = last_code_point(out, &hyphen_at);
    if (last == 0x00AD) {  // soft hyphen: always a line-end hyphenation
      out.erase(hyphen_at);
      out += line;
      continue;
    }
    if ((last == '-' || last == 0x2010) && hyphen_at > 0) {
      const UChar32 before = last_code_point(std::string_view(out).substr(0, hyphen_at));
      const std::string next_word = line.substr(0, line.find(' '));
      if (u_isalnum(before) && starts_lowercase(line) && !is_suspension_word(next_word)) {
        size_t word_start = out.find_last_of(' ', hyphen_at);
        word_start = (word_start == std::string::npos) ? 0 : word_start + 1;
        std::string_view part = std::string_view(out).substr(word_start, hyphen_at - word_start);
        // "EU-" + "frågor" keeps its hyphen; "utveck-" + "lingen" loses it. A word that already
        // holds a hyphen ("EU-finansie-") is treated by its last part.
        size_t inner = part.find_last_of('-');
        if (inner != std::string_view::npos) part = part.substr(inner + 1);
        if (!is_upper_or_digits(part)) out.erase(hyphen_at);
        out += line;
        continue;
      }
    }
    out += ' ';
    out += line;
  }
  return out;
}

Document PdfExtractor::extract(std::string_view bytes, const std::string& /*name*/,
                               const ExtractOptions& options) const {
  silence_poppler();
  if (bytes.empty()) throw IngestError("not a PDF (empty file)");
  const size_t magic = bytes.substr(0, 1024).find("%PDF-");
  if (magic == std::string_view::npos) {
    throw IngestError("not a PDF (starts with " + describe_start(bytes) + ")");
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) throw IngestError("PDF too large");
  if (!has_eof_marker(bytes)) throw IngestError("damaged PDF (truncated: no %%EOF)");

  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw IngestError("damaged PDF (Poppler could not read it)");
  // An empty user password opens documents that only restrict permissions. unlock() returns
  // true when the document is STILL locked. Never call pages() on a locked document.
  if (doc->is_locked() && doc->unlock("", "")) {
    throw IngestError("encrypted PDF (password required)");
  }

  Document out;
  out.info.format = "pdf";
  const int pages = doc->pages();
  if (pages > kMaxPages) {
    throw IngestError("too many pages (" + std::to_string(pages) + ", limit " +
                      std::to_string(kMaxPages) + ")");
  }
  out.info.pages = pages;
  out.info.title = collapse_whitespace(to_nfc(utf8(doc->info_key("Title"))));

  std::vector<std::vector<Line>> page_text(static_cast<size_t>(std::max(pages, 0)));
  std::vector<bool> landscape(page_text.size(), false);
  std::vector<int> textless;  // scanned pages: no word boxes at all
  int readable = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    ++readable;
    page_text[static_cast<size_t>(i)] = pdf::layout_page(page_words(*page), i + 1);
    landscape[static_cast<size_t>(i)] = is_landscape(*page);
    if (page_text[static_cast<size_t>(i)].empty()) textless.push_back(i);
  }
  if (pages > 0 && readable == 0) throw IngestError("damaged PDF (Poppler could not read it)");

  std::vector<Line> lines;
  for (const auto& page : page_text) lines.insert(lines.end(), page.begin(), page.end());
  if (mark_slides(page_text, landscape, body_size(lines))) {
    out.info.slides = pages;
    lines.clear();
    for (const auto& page : page_text) lines.insert(lines.end(), page.begin(), page.end());
  }
  BlockBuilder builder(body_size(lines));
  for (const Line& line : lines) builder.add(line);
  out.blocks = builder.finish();
  if (!textless.empty()) read_textless_pages(*doc, textless, options, out);
  return out;
}

void warm_up_pdf_backend() {
  silence_poppler();
  static std::once_flag once;
  std::call_once(once, [] {
    // A one-page PDF with a line of text, built with correct xref offsets.
    const std::string content = "BT /F1 12 Tf 72 720 Td (klausul) Tj ET";
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
            "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
      offsets.push_back(pdf.size());
      pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
      pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    try {
      PdfExtractor().extract(pdf, "warm-up.pdf", ExtractOptions{});
    } catch (const IngestError&) {
      // Warming up is best effort.
    }
  });
}

}  // namespace klausul
