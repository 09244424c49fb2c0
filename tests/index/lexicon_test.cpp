#include "index/lexicon.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace klausul {
namespace {

TEST(Lexicon, TheEmbeddedListIsLoaded) {
  const Lexicon& lex = swedish_lexicon();
  EXPECT_GT(lex.size(), 200000u);
  EXPECT_TRUE(lex.is_word("fullmäktige"));
  EXPECT_TRUE(lex.is_compound_form("hälso"));
  EXPECT_FALSE(lex.is_word("hälso"));
  EXPECT_TRUE(lex.is_adjective("aktiv"));
  EXPECT_TRUE(lex.has_definite_suffix("möte"));
  EXPECT_EQ(&lex, &swedish_lexicon());  // built once
}

TEST(Lexicon, TagsOfTheFileFormat) {
  const Lexicon lex("# a comment line\n"
                    "vård\n"
                    "hälso/c\n"
                    "aktiv/a\r\n"
                    "möte/d\n"
                    "\n");
  EXPECT_EQ(lex.size(), 4u);
  EXPECT_TRUE(lex.is_word("vård"));
  EXPECT_FALSE(lex.is_compound_form("vård"));
  EXPECT_TRUE(lex.is_compound_form("hälso"));
  EXPECT_FALSE(lex.is_word("hälso"));
  EXPECT_TRUE(lex.is_word("aktiv"));  // the CR of a CRLF line is not part of the word
  EXPECT_TRUE(lex.is_adjective("aktiv"));
  EXPECT_TRUE(lex.has_definite_suffix("möte"));
  EXPECT_FALSE(lex.is_word("# a comment line"));
}

TEST(Lexicon, AWordListedTwiceHasBothTags) {
  const Lexicon lex("arbets/c\narbets/d\n");
  EXPECT_EQ(lex.size(), 1u);
  EXPECT_TRUE(lex.is_compound_form("arbets"));
  EXPECT_TRUE(lex.has_definite_suffix("arbets"));
}

TEST(Lexicon, OnlyWholeWordsAreFound) {
  const Lexicon lex("landsting\nlandstinget\n");
  EXPECT_FALSE(lex.is_word(""));
  EXPECT_FALSE(lex.is_word("landstin"));
  EXPECT_FALSE(lex.is_word("landstingets"));
  EXPECT_FALSE(lex.is_word("Landsting"));
  EXPECT_TRUE(lex.is_word("landstinget"));
}

TEST(Lexicon, EveryWordOfALargeListIsFoundAndNoOther) {
  // Enough words that many share a probe sequence in the table.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "ord" + std::to_string(i) + "\n";
  const Lexicon lex(text);
  EXPECT_EQ(lex.size(), 20000u);
  for (int i = 0; i < 20000; ++i) ASSERT_TRUE(lex.is_word("ord" + std::to_string(i))) << i;
  for (int i = 20000; i < 40000; ++i) ASSERT_FALSE(lex.is_word("ord" + std::to_string(i))) << i;
}

TEST(Lexicon, OutlivesTheTextItWasBuiltFrom) {
  auto text = std::make_unique<std::string>("kommun\n");
  const Lexicon lex(*text);
  text->assign("xxxxxx\n");
  text.reset();
  EXPECT_TRUE(lex.is_word("kommun"));
}

}  // namespace
}  // namespace klausul
