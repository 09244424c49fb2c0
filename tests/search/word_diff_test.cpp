#include <gtest/gtest.h>

#include "search/word_diff.h"

namespace klausul {
namespace {

TEST(WordDiff, RemovedAndAddedWordsInReadingOrder) {
  const auto diff = word_diff("Landstinget ska bevaka EU varje år.",
                              "Regionen ska bevaka och påverka EU varje år.");
  EXPECT_EQ(diff_to_text(diff), "[-Landstinget-] {+Regionen+} ska bevaka {+och påverka+} EU varje år.");
  ASSERT_EQ(diff.size(), 5u);
  EXPECT_EQ(diff[0].kind, DiffPiece::Kind::removed);
  EXPECT_EQ(diff[1].kind, DiffPiece::Kind::added);
  EXPECT_EQ(diff[2].kind, DiffPiece::Kind::same);
}

TEST(WordDiff, IdenticalTextsAreOnePiece) {
  const auto diff = word_diff("a b  c", "a b c");
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0].text, "a b c");
}

TEST(WordDiff, EmptySides) {
  EXPECT_EQ(diff_to_text(word_diff("", "ny text")), "{+ny text+}");
  EXPECT_EQ(diff_to_text(word_diff("gammal text", "")), "[-gammal text-]");
}

TEST(SameWords, IgnoresCasePunctuationAndSpace) {
  EXPECT_TRUE(same_words("Bevaka och påverka EU.", "bevaka  och PÅVERKA EU"));
  EXPECT_FALSE(same_words("Bevaka EU", "Påverka EU"));
}

TEST(WordOverlap, ShareOfCommonWords) {
  EXPECT_DOUBLE_EQ(word_overlap("a b c d", "a b c d"), 1.0);
  EXPECT_DOUBLE_EQ(word_overlap("a b", "c d"), 0.0);
  EXPECT_DOUBLE_EQ(word_overlap("a b c d", "a b c e"), 0.75);
  EXPECT_DOUBLE_EQ(word_overlap("", "a"), 0.0);
}

}  // namespace
}  // namespace klausul
