#include "ingest/detect_format.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace klausul {

namespace {

// Real-world PDFs sometimes carry junk (a mail header, a BOM, a print-job prefix) before
// "%PDF-"; Acrobat accepts it within the first kilobyte, so do we.
constexpr std::size_t kPdfJunkLimit = 1024;
// How far we look for HTML tags and how much we sniff for text-ness.
constexpr std::size_t kHtmlWindow = 1024;
constexpr std::size_t kTextWindow = 8192;

constexpr std::string_view kOle2Magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

std::string lowercase_ascii(std::string_view bytes) {
  std::string out(bytes);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Finds `tag` ("<html") as a whole tag name, so "<header" does not count as "<head".
bool contains_tag(std::string_view lower, std::string_view tag) {
  for (auto pos = lower.find(tag); pos != std::string_view::npos; pos = lower.find(tag, pos + 1)) {
    const auto next = pos + tag.size();
    if (next == lower.size()) return true;
    const auto c = static_cast<unsigned char>(lower[next]);
    if (c == '>' || c == '/' || std::isspace(c)) return true;
  }
  return false;
}

// `head` is ASCII-compatible text (UTF-8, 8-bit, or the low bytes of UTF-16).
bool looks_like_html(std::string_view head) {
  if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto lower = lowercase_ascii(head.substr(0, kHtmlWindow));
  const auto first = lower.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string::npos) return false;
  const std::string_view trimmed = std::string_view(lower).substr(first);
  // "<html" at the start is covered by the tag search below, which spans the whole window.
  if (starts_with(trimmed, "<!doctype html")) return true;
  return contains_tag(lower, "<html") || contains_tag(lower, "<head") ||
         contains_tag(lower, "<body");
}

// UTF-16 HTML exists (old Windows exports); drop the high bytes of the code units after the
// BOM so the ASCII tag check can run on it.
std::string utf16_low_bytes(std::string_view bytes, bool little_endian) {
  std::string out;
  const auto limit = std::min(bytes.size(), 2 * kHtmlWindow + 2);
  for (std::size_t i = 2; i + 1 < limit; i += 2) {
    const char low = little_endian ? bytes[i] : bytes[i + 1];
    const char high = little_endian ? bytes[i + 1] : bytes[i];
    out.push_back(high == '\0' ? low : '?');
  }
  return out;
}

// Text: no NUL in the window and control characters (other than the usual whitespace and
// ESC/form feed) make up at most 1 %. Bytes >= 0x80 count as printable: they are UTF-8 or
// an 8-bit charset, which decode_text sorts out.
bool looks_like_text(std::string_view bytes) {
  const auto window = bytes.substr(0, kTextWindow);
  std::size_t controls = 0;
  for (const char ch : window) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return false;
    const bool whitespace = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if ((c < 0x20 && !whitespace && c != 0x1B) || c == 0x7F) ++controls;
  }
  return controls * 100 <= window.size();
}

}  // namespace

Format detect_format(std::string_view bytes) {
  if (bytes.empty()) return Format::empty;
  if (bytes.substr(0, kPdfJunkLimit + 5).find("%PDF-") != std::string_view::npos) {
    return Format::pdf;
  }
  if (starts_with(bytes, "PK\x03\x04")) return Format::zip;
  if (starts_with(bytes, kOle2Magic)) return Format::ole2;
  const bool utf16le = starts_with(bytes, "\xFF\xFE");
  if (utf16le || starts_with(bytes, "\xFE\xFF")) {
    return looks_like_html(utf16_low_bytes(bytes, utf16le)) ? Format::html : Format::text;
  }
  if (!looks_like_text(bytes)) return Format::unknown;
  return looks_like_html(bytes) ? Format::html : Format::text;
}

std::string describe_start(std::string_view bytes) {
  if (bytes.empty()) return "is empty";
  std::size_t printable = 0;
  while (printable < std::min<std::size_t>(bytes.size(), 8) &&
         std::isprint(static_cast<unsigned char>(bytes[printable]))) {
    ++printable;
  }
  // A single printable byte before binary says little; show bytes instead.
  if (printable >= 2) return "starts with '" + std::string(bytes.substr(0, printable)) + "'";
  std::string out = "starts with bytes";
  char hex[4];
  for (std::size_t i = 0; i < std::min<std::size_t>(bytes.size(), 4); ++i) {
    std::snprintf(hex, sizeof hex, " %02x", static_cast<unsigned char>(bytes[i]));
    out += hex;
  }
  return out;
}

}  // namespace klausul
