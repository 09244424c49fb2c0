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

// Repeated words count as often as both texts have them; case and punctuation do not count.
TEST(WordOverlap, RepeatsCountAsOftenAsBothHaveThem) {
  EXPECT_DOUBLE_EQ(word_overlap("EU, EU och EU", "eu eu"), 2.0 * 2 / 6);
  EXPECT_DOUBLE_EQ(word_overlap("Mål: ett mål.", "mål"), 2.0 * 1 / 4);
}

TEST(WordOverlap, ABagGivesTheSameOverlapAndBoundsIt) {
  const WordBag hit("Regionen ska bevaka och påverka EU:s beslut.");
  for (const std::string text :
       {"Regionen ska bevaka och påverka beslut i EU.", "Bevaka.", "",
        "Regionen ska bevaka, påverka och följa EU:s beslut och deras följder för regionen."}) {
    const WordBag other(text);
    EXPECT_DOUBLE_EQ(other.overlap(hit), word_overlap(text, "Regionen ska bevaka och påverka EU:s beslut."))
        << text;
    EXPECT_DOUBLE_EQ(other.overlap(hit), hit.overlap(other)) << text;
    EXPECT_LE(other.overlap(hit), other.best_possible_overlap(hit)) << text;
  }
  // One word against eight: at most 2 * 1 / 9, whatever the words.
  EXPECT_DOUBLE_EQ(WordBag("Bevaka.").best_possible_overlap(hit), 2.0 / 9);
}

}  // namespace
}  // namespace klausul
