#include "ingest/sentences.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(Sentences, SplitsAtSentenceEnds) {
  auto sentences = split_sentences(
      "Landstinget har en lång tradition av internationellt arbete. Det internationella "
      "arbetet behöver ständigt utvecklas. Vi har gjort en översyn.");
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[1], "Det internationella arbetet behöver ständigt utvecklas.");
}

TEST(Sentences, KeepsSwedishAbbreviationsInsideSentences) {
  auto sentences = split_sentences(
      "Utveckling av samarbete t.ex. genom interregionala projekt. Deltagande bl.a. i s.k. "
      "nätverk m.m. ska prioriteras. Nästa mening.");
  ASSERT_EQ(sentences.size(), 3u) << sentences[0];
  EXPECT_EQ(sentences[0], "Utveckling av samarbete t.ex. genom interregionala projekt.");
  EXPECT_EQ(sentences[1], "Deltagande bl.a. i s.k. nätverk m.m. ska prioriteras.");
}

TEST(Sentences, CutAtSentencesGroupsUpToTheLimit) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Detta är mening nummer " + std::to_string(i) + ". ";
  auto pieces = cut_at_sentences(text, 120);
  ASSERT_GT(pieces.size(), 3u);
  for (const auto& piece : pieces) {
    EXPECT_LE(piece.size(), 120u);
    EXPECT_EQ(piece.back(), '.');
  }
  EXPECT_EQ(cut_at_sentences("Kort.", 120).size(), 1u);
}

}  // namespace
}  // namespace klausul
