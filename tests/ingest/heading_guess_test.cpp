#include "ingest/heading_guess.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(HeadingGuess, ShortTitleLinesAreHeadings) {
  EXPECT_TRUE(looks_like_heading("Ärendebeskrivning"));
  EXPECT_TRUE(looks_like_heading("Förslag till beslut"));
  EXPECT_TRUE(looks_like_heading("Strategiska mål 2012–2015"));
}

TEST(HeadingGuess, SentencesListsAndLongLinesAreNot) {
  EXPECT_FALSE(looks_like_heading(""));
  EXPECT_FALSE(looks_like_heading("Landstinget ska vara aktivt."));      // closing period
  EXPECT_FALSE(looks_like_heading("Detta arbete präglas av:"));         // lead-in of a list
  EXPECT_FALSE(looks_like_heading("samverkan med andra aktörer"));      // lowercase start
  EXPECT_FALSE(looks_like_heading("Ett två tre fyra fem sex sju åtta nio"));  // 9 words
  EXPECT_FALSE(looks_like_heading(std::string(81, 'A')));
}

}  // namespace
}  // namespace klausul
