#include "index/fingerprint.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <cstdint>

#include "index/open_clause.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

std::string words_fingerprint(const std::string& text, bool open) {
  const std::string folded = fold_for_index(text);
  std::string words;
  bool gap = false;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(folded.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, length, c);
    if (c >= 0 && u_isalnum(c)) {
      if (gap && !words.empty()) words += ' ';
      gap = false;
      words.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else {
      gap = true;
    }
  }
  if (words.empty()) return "";
  uint64_t hash = XXH3_64bits(words.data(), words.size());
  hash = (hash & ~uint64_t{1}) | (open ? 1 : 0);
  std::string bytes(kFingerprintBytes, '\0');
  for (size_t i = 0; i < kFingerprintBytes; ++i) {
    bytes[kFingerprintBytes - 1 - i] = static_cast<char>((hash >> (8 * i)) & 0xff);
  }
  return bytes;
}

}  // namespace

std::string text_fingerprint(const std::string& text) { return words_fingerprint(text, false); }

std::string clause_fingerprint(const std::string& text) {
  return words_fingerprint(text, is_open_clause(text));
}

bool is_open_fingerprint(std::string_view fingerprint) {
  return fingerprint.size() == kFingerprintBytes && (fingerprint.back() & 1) != 0;
}

}  // namespace klausul
