#include "index/folded_lowercase.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(FoldedLowercase, SwedishCapitalsFoldAndAsidesAreLeftOut) {
  EXPECT_EQ(lowercase_without_asides("ÅÄÖ Éva"), "åäö éva");
  EXPECT_EQ(lowercase_without_asides("Programmet (se högerspalten) gäller"), "programmet  gäller");
  EXPECT_EQ(lowercase_without_asides("a (b (c) d) e"), "a  e");
  EXPECT_EQ(lowercase_without_asides("a) b"), "a b");  // an unopened parenthesis is dropped
  EXPECT_EQ(lowercase_without_asides("5 × 3"), "5 × 3");
}

TEST(FoldedLowercase, WordEdges) {
  const std::string text = "en länk, länkar; sammanlänkar";
  EXPECT_TRUE(starts_word(text, 0));
  EXPECT_TRUE(starts_word(text, text.find("länk")));
  EXPECT_FALSE(starts_word(text, text.rfind("länkar")));  // inside "sammanlänkar"
  EXPECT_TRUE(ends_word(text, text.find(',')));
  EXPECT_FALSE(ends_word(text, 1));
  EXPECT_TRUE(ends_word(text, text.size()));
  EXPECT_TRUE(has_phrase_at_word_start(text, "länkar"));       // the second word
  EXPECT_FALSE(has_phrase_at_word_start("sammanlänkar", "länkar"));
  EXPECT_TRUE(has_phrase_at_word_start("vänstermenyn", "vänstermeny"));  // may end inside a word
}

}  // namespace
}  // namespace klausul
