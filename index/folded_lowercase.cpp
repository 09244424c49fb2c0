#include "index/folded_lowercase.h"

namespace klausul {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::string lowercase_without_asides(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')') {
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0) continue;
    if (c >= 'A' && c <= 'Z') {
      folded += static_cast<char>(c - 'A' + 'a');
    } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < text.size()) {
      // U+00C0-U+00DE, the Latin-1 capitals (U+00D7 × aside), lowercase at +0x20.
      const auto next = static_cast<unsigned char>(text[i + 1]);
      folded += c;
      const bool capital = next >= 0x80 && next <= 0x9E && next != 0x97;
      folded += static_cast<char>(capital ? next + 0x20 : next);
      ++i;
    } else {
      folded += c;
    }
  }
  return folded;
}

bool starts_word(std::string_view text, size_t at) {
  return at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1]));
}

bool ends_word(std::string_view text, size_t at) {
  return at >= text.size() || !is_word_byte(static_cast<unsigned char>(text[at]));
}

bool has_phrase_at_word_start(std::string_view text, std::string_view phrase) {
  for (size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    if (starts_word(text, at)) return true;
  }
  return false;
}

}  // namespace klausul
