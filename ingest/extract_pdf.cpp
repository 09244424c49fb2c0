#include "ingest/extract_pdf.h"

// Poppler's own API (libpoppler-private-dev) for the text layer: poppler-cpp's text_list()
// converts every word to UTF-16 through a new iconv converter and scans the page's fonts
// again for each page, which together were a fifth of the CPU of reading a PDF. poppler-cpp
// is kept for rendering scanned pages (ocr_pages.h).
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/GooString.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
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
#include "ingest/pdf_writer.h"

namespace klausul {

namespace {

constexpr int kMaxPages = 5000;

void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

// A PDF text string (the document information's Title) as UTF-8: UTF-16 after a byte order
// mark, else one byte per character, as poppler-cpp's info_key() read it. An unpaired
// surrogate becomes U+FFFD.
std::string pdf_text_string(const GooString& text) {
  const std::string& bytes = text.toStr();
  const bool big_endian = text.hasUnicodeMarker();
  const bool little_endian = text.hasUnicodeMarkerLE();
  std::string out;
  auto append = [&out](UChar32 c) {
    char utf8[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(utf8, length, c);
    out.append(utf8, static_cast<size_t>(length));
  };
  if (!big_endian && !little_endian) {
    for (unsigned char c : bytes) append(c);
    return out;
  }
  std::vector<char16_t> units;
  for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
    const unsigned hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
    const unsigned lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
    units.push_back(static_cast<char16_t>((hi << 8) | lo));
  }
  for (size_t i = 0; i < units.size(); ++i) {
    UChar32 c = units[i];
    if (U16_IS_LEAD(c) && i + 1 < units.size() && U16_IS_TRAIL(units[i + 1])) {
      c = U16_GET_SUPPLEMENTARY(c, units[i + 1]);
      ++i;
    } else if (U16_IS_SURROGATE(c)) {
      c = 0xFFFD;
    }
    append(c);
  }
  return out;
}

// Poppler writes a word's text as UTF-8 from the font's Unicode map, which a hostile font
// can fill with surrogates or values past U+10FFFF: those become U+FFFD.
std::string valid_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text, static_cast<size_t>(start), static_cast<size_t>(i - start));
    }
  }
  return out;
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

// The page's word boxes, skipping rotated text (margin notes, stamps). Read as poppler-cpp's
// text_list(text_list_include_font) read them (same device settings, same boxes), without
// its per-word conversions.
std::vector<Word> page_words(PDFDoc& doc, int page_number) {
  TextOutputDev device(nullptr, false, 0, false, false);
  doc.displayPageSlice(&device, page_number, 72, 72, 0, false, false, false, -1, -1, -1, -1,
                       nullptr, nullptr, nullptr, nullptr, true);
  std::vector<Word> words;
  std::unique_ptr<TextWordList> list = device.makeWordList();
  if (!list) return words;
  words.reserve(static_cast<size_t>(list->getLength()));
  for (int i = 0; i < list->getLength(); ++i) {
    const TextWord* box = list->get(i);
    if (box->getRotation() != 0) continue;
    std::unique_ptr<GooString> raw(box->getText());
    std::string text = raw ? valid_utf8(raw->toStr()) : std::string();
    if (trim(text).empty()) continue;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    box->getBBox(&x_min, &y_min, &x_max, &y_max);
    // As a poppler::rectf (origin and size) gave them.
    const double width = x_max - x_min;
    const double height = y_max - y_min;
    Word w;
    w.text = std::move(text);
    w.x0 = x_min;
    w.y0 = y_min;
    w.x1 = x_min + width;
    w.y1 = y_min + height;
    w.size = box->getFontSize();
    if (!(w.size > 0)) w.size = std::max(height, 1.0);
    const GooString* font = box->getLength() > 0 ? box->getFontName(0) : nullptr;
    w.bold = font != nullptr && is_bold_font(font->toStr());
    w.space_after = box->hasSpaceAfter();
    words.push_back(std::move(w));
  }
  return words;
}

bool is_landscape(Page& page) {
  const PDFRectangle* box = page.getCropBox();
  const double width = box->x2 - box->x1;
  const double height = box->y2 - box->y1;
  const int rotate = page.getRotate();
  const bool turned = rotate == 90 || rotate == 270;
  return turned ? height > width : width > height;
}

void ignore_poppler_error(ErrorCategory, Goffset, const char*) {}

// Poppler's global parameters (font configuration, encodings), made once for the process:
// poppler-cpp made them for each document and tore them down after it (7% of the CPU of
// reading a PDF).
void keep_pdf_backend_loaded() {
  static GlobalParamsIniter globals(ignore_poppler_error);
}

// The document, or null when Poppler cannot read it. Throws for an encrypted one. An empty
// user password opens documents that only restrict permissions.
std::unique_ptr<PDFDoc> open_pdf(std::string_view bytes) {
  char* data = const_cast<char*>(bytes.data());  // MemStream only reads
  const Goffset length = static_cast<Goffset>(bytes.size());
  auto doc = std::make_unique<PDFDoc>(new MemStream(data, 0, length, Object(objNull)));
  if (!doc->isOk() && doc->getErrorCode() == errEncrypted) {
    doc = std::make_unique<PDFDoc>(new MemStream(data, 0, length, Object(objNull)),
                                   GooString(""), GooString(""));
    if (!doc->isOk()) throw IngestError("encrypted PDF (password required)");
  }
  if (!doc->isOk()) return nullptr;
  return doc;
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
  keep_pdf_backend_loaded();
  if (bytes.empty()) throw IngestError("not a PDF (empty file)");
  const size_t magic = bytes.substr(0, 1024).find("%PDF-");
  if (magic == std::string_view::npos) {
    throw IngestError("not a PDF (starts with " + describe_start(bytes) + ")");
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) throw IngestError("PDF too large");
  if (!has_eof_marker(bytes)) throw IngestError("damaged PDF (truncated: no %%EOF)");

  std::unique_ptr<PDFDoc> doc = open_pdf(bytes);
  if (!doc) throw IngestError("damaged PDF (Poppler could not read it)");

  Document out;
  out.info.format = "pdf";
  const int pages = doc->getNumPages();
  if (pages > kMaxPages) {
    throw IngestError("too many pages (" + std::to_string(pages) + ", limit " +
                      std::to_string(kMaxPages) + ")");
  }
  out.info.pages = pages;
  if (std::unique_ptr<GooString> title = doc->getDocInfoStringEntry("Title")) {
    out.info.title = collapse_whitespace(to_nfc(pdf_text_string(*title)));
  }

  std::vector<std::vector<Line>> page_text(static_cast<size_t>(std::max(pages, 0)));
  std::vector<bool> landscape(page_text.size(), false);
  std::vector<int> textless;  // scanned pages: no word boxes at all
  int readable = 0;
  for (int i = 0; i < pages; ++i) {
    Page* page = doc->getPage(i + 1);
    if (!page) continue;
    ++readable;
    page_text[static_cast<size_t>(i)] = pdf::layout_page(page_words(*doc, i + 1), i + 1);
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
  if (!textless.empty()) {
    // Rendering for OCR goes through poppler-cpp, which opens the bytes again (scanned
    // documents only).
    doc.reset();
    std::unique_ptr<poppler::document> rendered(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!rendered) throw IngestError("damaged PDF (Poppler could not read it)");
    if (rendered->is_locked() && rendered->unlock("", "")) {
      throw IngestError("encrypted PDF (password required)");
    }
    read_textless_pages(*rendered, textless, options, out);
  }
  return out;
}

void warm_up_pdf_backend() {
  silence_poppler();
  keep_pdf_backend_loaded();
  static std::once_flag once;
  std::call_once(once, [] {
    // A one-page PDF with a line of text.
    const std::string pdf = write_pdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         "/Resources << /Font << /F1 5 0 R >> >> >>",
         pdf_stream("", "BT /F1 12 Tf 72 720 Td (klausul) Tj ET"),
         "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
    try {
      PdfExtractor().extract(pdf, "warm-up.pdf", ExtractOptions{});
    } catch (const IngestError&) {
      // Warming up is best effort.
    }
  });
}

}  // namespace klausul
