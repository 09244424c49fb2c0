#include "index/navigation_clause.h"

#include <array>
#include <string>

namespace klausul {
namespace {

// The phrases, lowercase. Each must start a word, and may be the start of a longer one
// ("vänstermenyn", "högerspalten", "länkarna").
constexpr std::array<std::string_view, 17> kPhrases = {
    "hittar du",         "här finns information", "här finns mer information",
    "här kan du läsa",   "den här sidan",         "denna sida",
    "dessa sidor",       "läs mer",               "vänstermeny",
    "högerspalt",        "i menyn",               "länken",
    "länkar",            "länk till",             "som länk",
    "följ länk",         "klicka",
};

// Lowercase of ASCII and of the Swedish capitals Å, Ä, Ö, É; parenthesised asides removed.
std::string folded_without_asides(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') { ++depth; continue; }
    if (c == ')') { if (depth > 0) --depth; continue; }
    if (depth > 0) continue;
    if (c >= 'A' && c <= 'Z') {
      folded += static_cast<char>(c - 'A' + 'a');
    } else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      folded += c;
      // U+00C0-U+00DE (Latin-1 capitals, × aside) fold to U+00E0-U+00FE: +0x20 on the second byte.
      folded += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
      ++i;
    } else {
      folded += c;
    }
  }
  return folded;
}

bool starts_word(const std::string& text, size_t at) {
  if (at == 0) return true;
  const auto before = static_cast<unsigned char>(text[at - 1]);
  // Letters are ASCII letters and the bytes of multi-byte UTF-8 sequences.
  return !((before >= 'a' && before <= 'z') || before >= 0x80 || (before >= '0' && before <= '9'));
}

}  // namespace

bool is_navigation_clause(std::string_view text) {
  const std::string folded = folded_without_asides(text);
  for (std::string_view phrase : kPhrases) {
    for (size_t at = folded.find(phrase); at != std::string::npos;
         at = folded.find(phrase, at + 1)) {
      if (starts_word(folded, at)) return true;
    }
  }
  return false;
}

}  // namespace klausul
