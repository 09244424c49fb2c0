#include "ingest/html_charset.h"

#include <algorithm>
#include <cctype>

#include "ingest/error.h"

namespace klausul {
namespace {

constexpr size_t kPrescanBytes = 4096;

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value after "charset=" in a meta tag's text, up to a quote, space, ';' or '>'.
std::string charset_value(std::string_view tag) {
  const size_t at = tag.find("charset");
  if (at == std::string_view::npos) return "";
  size_t i = at + 7;
  while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
  if (i >= tag.size() || tag[i] != '=') return "";
  ++i;
  while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '"' ||
                            tag[i] == '\'')) {
    ++i;
  }
  size_t end = i;
  while (end < tag.size() && std::string_view("\"'; >/").find(tag[end]) == std::string_view::npos &&
         !std::isspace(static_cast<unsigned char>(tag[end]))) {
    ++end;
  }
  return std::string(tag.substr(i, end - i));
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, kPrescanBytes));
  size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const size_t end = head.find('>', at);
    const std::string_view tag =
        std::string_view(head).substr(at, end == std::string::npos ? head.npos : end - at);
    std::string charset = charset_value(tag);
    if (!charset.empty()) return charset;
    at += 5;
  }
  return "";
}

DecodedText decode_html(std::string_view bytes, const std::string& hint) {
  const std::string declared = hint.empty() ? declared_html_charset(bytes) : hint;
  try {
    return decode_text(bytes, declared);
  } catch (const IngestError&) {
    if (declared.empty()) throw;
    return decode_text(bytes, "");  // "charset=bogus": detection is the better guess
  }
}

}  // namespace klausul
