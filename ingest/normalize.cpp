#include "ingest/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace klausul {
namespace {

// Normalizer2 instances are owned by ICU, immutable and thread-safe.
const icu::Normalizer2& normalizer(const char* name, UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  if (U_FAILURE(status) || instance == nullptr) {
    throw std::runtime_error(std::string("ICU normaliser unavailable: ") + name);
  }
  return *instance;
}

std::string apply(const icu::Normalizer2& form, std::string_view utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString result = form.normalize(text, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  result.toUTF8String(out);
  return out;
}

void append_utf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, c, error);
  if (!error) out.append(buffer, static_cast<size_t>(length));
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
  return apply(normalizer("nfc", UNORM2_COMPOSE), utf8);
}

std::string fold_for_index(std::string_view utf8) {
  return apply(normalizer("nfkc_cf", UNORM2_COMPOSE), utf8);
}

std::string ascii_key(std::string_view utf8) {
  // Decompose, drop the combining marks (å -> a, é -> e), casefold, collapse spaces.
  std::string decomposed = apply(normalizer("nfkc_cf", UNORM2_DECOMPOSE), utf8);
  std::string out;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(decomposed.size());
  bool pending_space = false;
  while (i < length) {
    UChar32 c;
    U8_NEXT(decomposed.data(), i, length, c);
    if (c < 0) continue;
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    append_utf8(out, c);
  }
  return out;
}

std::string collapse_whitespace(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  bool pending_space = false;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    if (c < 0) {
      append_utf8(out, 0xFFFD);
      continue;
    }
    if (u_isUWhiteSpace(c) || c == 0x200B) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(utf8.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

}  // namespace klausul
