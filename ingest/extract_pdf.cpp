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
#include "ingest/utf8.h"
#include "ingest/ocr_pages.h"
#include "ingest/pdf_blocks.h"
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

// Last code point of s and the byte offset where it starts.
UChar32 last_code_point(std::string_view s, size_t* start = nullptr) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_PREV(s.data(), 0, i, c);
  if (start != nullptr) *start = static_cast<size_t>(i);
  return c < 0 ? 0xFFFD : c;
}

// A continuation line that starts in lowercase carries on the word or sentence before it.
bool starts_lowercase(std::string_view text) {
  UChar32 c = first_code_point(text);
  return c >= 0 && u_islower(c);
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
int32_t code_points(std::string_view part) {
  int32_t count = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(part.size()); i < n; ++count) {
    UChar32 c = 0;
    U8_NEXT(part.data(), i, n, c);
  }
  return count;
}

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
        // holds a hyphen ("EU-finansie-") is treated by its last part. Hyphenation never
        // leaves a single letter on the line, so "e-" + "hälsa" is the word "e-hälsa".
        size_t inner = part.find_last_of('-');
        if (inner != std::string_view::npos) part = part.substr(inner + 1);
        if (!is_upper_or_digits(part) && code_points(part) > 1) out.erase(hyphen_at);
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
  if (pdf::mark_slides(page_text, landscape, pdf::body_size(lines))) {
    out.info.slides = pages;
    lines.clear();
    for (const auto& page : page_text) lines.insert(lines.end(), page.begin(), page.end());
  }
  out.blocks = pdf::build_blocks(lines, pdf::body_size(lines));
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
