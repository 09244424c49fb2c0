// Code points at the ends of UTF-8 strings, for the line-joining rules of text extraction.
#pragma once

#include <unicode/utf8.h>

#include <string_view>

namespace klausul {

/// First code point of s: U+FFFD on invalid UTF-8, -1 when s is empty.
inline UChar32 first_code_point(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}

}  // namespace klausul
