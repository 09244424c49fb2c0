#include "index/navigation_clause.h"

#include <array>
#include <string>

#include "index/folded_lowercase.h"

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

}  // namespace

bool is_navigation_clause(std::string_view text) {
  const std::string folded = lowercase_without_asides(text);
  for (std::string_view phrase : kPhrases) {
    if (has_phrase_at_word_start(folded, phrase)) return true;
  }
  return false;
}

}  // namespace klausul
