#include "index/lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <memory>
#include <string>

#include "index/embedded_lexicon.h"

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
  EXPECT_EQ(&lex, &swedish_lexicon());  // made once
}

TEST(Lexicon, TheEmbeddedTableIsTheLexiconInTheSourceTree) {
  std::ifstream in(std::string(KLAUSUL_SOURCE_DIR) + "/index/data/swedish_lexicon.txt",
                   std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_FALSE(text.empty());
  EXPECT_TRUE(Lexicon(text).table() == embedded::swedish_lexicon_table());
}

TEST(Lexicon, ATableGivesTheSameAnswersWithoutBuilding) {
  std::string text = "# tags\nvård\nhälso/c\naktiv/a\nmöte/d\narbets/c\narbets/d\n";
  for (int i = 0; i < 3000; ++i) text += "ord" + std::to_string(i) + "\n";
  const Lexicon built(text);
  const std::string table = built.table();
  EXPECT_EQ(table, Lexicon(text).table());  // the same text, the same bytes
  const std::optional<Lexicon> read = Lexicon::from_table(table);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), built.size());
  for (const std::string word : {"vård", "hälso", "aktiv", "möte", "arbets", "ord0", "ord2999",
                                 "ord3000", "vårda", "", "#"}) {
    EXPECT_EQ(read->is_word(word), built.is_word(word)) << word;
    EXPECT_EQ(read->is_compound_form(word), built.is_compound_form(word)) << word;
    EXPECT_EQ(read->is_adjective(word), built.is_adjective(word)) << word;
    EXPECT_EQ(read->has_definite_suffix(word), built.has_definite_suffix(word)) << word;
  }
  EXPECT_TRUE(read->is_word("ord2999"));
  EXPECT_TRUE(read->has_definite_suffix("arbets"));
}

TEST(Lexicon, WhatIsNoTableIsRefused) {
  const std::string table = Lexicon("vård\nomsorg\n").table();
  EXPECT_TRUE(Lexicon::from_table(table).has_value());
  EXPECT_FALSE(Lexicon::from_table("").has_value());
  EXPECT_FALSE(Lexicon::from_table("vård\nomsorg\n").has_value());           // the text itself
  EXPECT_FALSE(Lexicon::from_table(table.substr(0, table.size() - 1)).has_value());  // cut
  std::string other_magic = table;
  other_magic[7] = '9';
  EXPECT_FALSE(Lexicon::from_table(other_magic).has_value());
  std::string full = table;  // claims more words than half its slots
  full[16] = '\x7f';
  EXPECT_FALSE(Lexicon::from_table(full).has_value());
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
