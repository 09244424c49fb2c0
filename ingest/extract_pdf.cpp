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

struct Word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;
  bool bold = false;
  bool space_after = true;
};

struct Line {
  std::vector<Word> words;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;   // dominant font size (by characters)
  bool bold = false; // most characters in a bold face
  int page = 0;
};

bool is_bold_font(std::string name) {
  name = ascii_lower(std::move(name));
  return name.find("bold") != std::string::npos || name.find("black") != std::string::npos ||
         name.find("heavy") != std::string::npos || name.find("semibold") != std::string::npos ||
         name.find("demi") != std::string::npos || name.find(",bd") != std::string::npos;
}

bool is_bullet_glyph(std::string_view s) {
  static const std::array<std::string_view, 16> bullets = {
      "•", "▪", "◦", "·", "●", "○", "■", "□", "➢", "►", "▶", "✓", "\uf0b7", "\uf0a7", "*", "o"};
  for (std::string_view b : bullets) {
    if (s == b) return true;
  }
  return false;
}

bool is_dash_glyph(std::string_view s) { return s == "-" || s == "–" || s == "—"; }

// "1.", "12)", "a)": a list number.
bool is_number_marker(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  char last = s.back();
  if (last != '.' && last != ')') return false;
  std::string_view body = s.substr(0, s.size() - 1);
  if (body.size() == 1 && body[0] >= 'a' && body[0] <= 'z') return last == ')';
  return std::all_of(body.begin(), body.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::string line_text(const Line& line, size_t from = 0) {
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

std::vector<Line> page_lines(poppler::page& page, int page_number) {
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

  std::vector<Line> lines;
  for (Word& w : words) {
    bool same_line = false;
    if (!lines.empty()) {
      const Line& cur = lines.back();
      const Word& prev = cur.words.back();
      double centre = (w.y0 + w.y1) / 2;
      double prev_centre = (prev.y0 + prev.y1) / 2;
      double tolerance = 0.5 * std::min(w.y1 - w.y0, prev.y1 - prev.y0);
      same_line = std::fabs(centre - prev_centre) <= std::max(tolerance, 1.0) &&
                  w.x0 >= prev.x1 - 0.5 * prev.size;
    }
    if (!same_line) {
      lines.emplace_back();
      lines.back().page = page_number;
      lines.back().x0 = w.x0;
      lines.back().y0 = w.y0;
      lines.back().x1 = w.x1;
      lines.back().y1 = w.y1;
    }
    Line& line = lines.back();
    line.x0 = std::min(line.x0, w.x0);
    line.y0 = std::min(line.y0, w.y0);
    line.x1 = std::max(line.x1, w.x1);
    line.y1 = std::max(line.y1, w.y1);
    line.words.push_back(std::move(w));
  }

  // Poppler may put a column of bullets in a text block of its own, apart from the items:
  // give each lone bullet back to the line beside it on its right.
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& bullet = lines[i];
    if (bullet.words.size() != 1 || !is_bullet_glyph(bullet.words[0].text)) continue;
    const Word& b = bullet.words[0];
    const double centre = (b.y0 + b.y1) / 2;
    for (size_t j = 0; j < lines.size(); ++j) {
      Line& item = lines[j];
      if (j == i || item.words.empty()) continue;
      if (item.words.size() == 1 && is_bullet_glyph(item.words[0].text)) continue;
      const Word& first = item.words.front();
      const double item_centre = (first.y0 + first.y1) / 2;
      if (std::fabs(item_centre - centre) <= 0.5 * (b.y1 - b.y0) && first.x0 >= b.x1 - 0.5 &&
          first.x0 - b.x1 < 4 * std::max(b.size, first.size)) {
        item.words.insert(item.words.begin(), b);
        item.x0 = std::min(item.x0, b.x0);
        bullet.words.clear();
        break;
      }
    }
  }
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const Line& l) { return l.words.empty(); }),
              lines.end());

  for (Line& line : lines) {
    std::map<double, size_t> by_size;
    size_t bold_chars = 0, chars = 0;
    for (const Word& w : line.words) {
      if (is_bullet_glyph(w.text)) continue;
      by_size[std::round(w.size * 2) / 2] += w.text.size();
      chars += w.text.size();
      if (w.bold) bold_chars += w.text.size();
    }
    if (by_size.empty()) by_size[std::round(line.words.front().size * 2) / 2] = 1;
    line.size = std::max_element(by_size.begin(), by_size.end(), [](auto& a, auto& b) {
                  return a.second < b.second;
                })->first;
    line.bold = chars > 0 && bold_chars * 2 > chars;
  }
  return lines;
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
    const bool big = line.size >= body_ * 1.15;
    const bool heading_like = big || (line.bold && line.size >= body_ * 0.95);
    Marker marker = list_marker(line);
    const std::string text = line_text(line);

    bool start_new = !pending_;
    bool continues_page = false;
    if (pending_) {
      const Line& prev = prev_line_;
      const double gap = line.y0 - prev.y1;
      if (line.page != prev.page) {
        // A paragraph or list item running over a page break continues on the next page when
        // it did not end a sentence and the next line goes on in lowercase at the same indent.
        continues_page = !heading_like && marker.words == 0 && marker.bytes == 0 &&
                         pending_->block.kind != BlockKind::heading &&
                         std::fabs(line.size - pending_->size) < 0.1 * body_ &&
                         !ends_sentence(pending_->lines.back()) && starts_lowercase(text) &&
                         std::fabs(line.x0 - pending_->text_x0) < 2 * body_;
        start_new = !continues_page;
      } else if (gap > 0.3 * line.size || line.y0 < prev.y0 - 0.5 * line.size) {
        start_new = true;  // vertical gap, or a jump up (next column)
      } else if (std::fabs(line.size - prev.size) > 0.1 * body_ ||
                 heading_like != (pending_->block.kind == BlockKind::heading)) {
        start_new = true;
      } else if (marker.strong) {
        start_new = true;
      } else if (marker.words > 0 &&
                 ((pending_->block.kind == BlockKind::list_item &&
                   std::fabs(line.x0 - pending_->marker_x0) < 0.5 * body_) ||
                  ends_with_colon(pending_->lines.back()))) {
        start_new = true;
      } else if (pending_->block.kind == BlockKind::list_item &&
                 line.x0 < pending_->text_x0 - 0.5 * body_) {
        start_new = true;  // back at the left margin: the list is over
      } else if (pending_->block.kind == BlockKind::heading && pending_->lines.size() >= 3) {
        start_new = true;
      }
    }

    if (start_new) {
      flush();
      pending_ = PendingBlock{};
      pending_->block.page = line.page;
      pending_->size = line.size;
      pending_->bold = line.bold;
      pending_->marker_x0 = line.x0;
      pending_->text_x0 = line.x0;
      // A new block that opens with a marker is a list item (weak markers only get here
      // after a gap, a colon or another item: see above).
      const bool is_item = marker.strong || marker.words > 0;
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
      } else if (heading_like) {
        pending_->block.kind = BlockKind::heading;
        pending_->block.level = (line.size >= body_ * 1.45) ? 1 : 2;
      } else {
        pending_->block.kind = BlockKind::paragraph;
      }
      if (!is_item) list_x0_ = -1;
      pending_->lines.push_back(first);
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

  std::vector<Line> lines;
  std::vector<int> textless;  // scanned pages: no word boxes at all
  int readable = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    ++readable;
    std::vector<Line> page_text = page_lines(*page, i + 1);
    if (page_text.empty()) textless.push_back(i);
    lines.insert(lines.end(), std::make_move_iterator(page_text.begin()),
                 std::make_move_iterator(page_text.end()));
  }
  if (pages > 0 && readable == 0) throw IngestError("damaged PDF (Poppler could not read it)");

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
