#include "search/synonyms.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace klausul {
namespace {

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

TEST(Synonyms, StandardTableHasTheRenamingAndEuMoney) {
  const SynonymTable& table = SynonymTable::standard();
  EXPECT_TRUE(contains(table.synonyms_of("landstingsfullmäktige"), "regionfullmäktige"));
  EXPECT_TRUE(contains(table.synonyms_of("regionstyrelsen"), "landstingsstyrelsen"));
  EXPECT_TRUE(contains(table.synonyms_of("förtroendevalda"), "politiker"));
  EXPECT_TRUE(contains(table.synonyms_of("tjänstemän"), "tjänstepersoner"));
  EXPECT_TRUE(contains(table.synonyms_of("eu-medel"), "eu-finansiering"));
  EXPECT_TRUE(contains(table.synonyms_of("eu-stöd"), "eu-medel"));
  EXPECT_TRUE(contains(table.synonyms_of("vänort"), "vänregion"));
  EXPECT_TRUE(table.synonyms_of("xylofon").empty());
}

TEST(Synonyms, MatchesInflectedFormsThroughTheStem) {
  SynonymTable table = SynonymTable::parse("landsting\tregion\n");
  EXPECT_TRUE(contains(table.synonyms_of("landstinget"), "region"));
  EXPECT_FALSE(contains(table.synonyms_of("landstinget"), "landsting"));
}

TEST(Synonyms, ExpandsBareWordsOnly) {
  SynonymTable table = SynonymTable::parse("# comment\nlandsting\tregion\n\nvänort\tvänregion\n");
  EXPECT_EQ(table.size(), 2u);
  EXPECT_EQ(table.expand_query("landsting eu"), "(landsting OR region) eu");
  EXPECT_EQ(table.expand_query("\"landsting och eu\" vänort,"),
            "\"landsting och eu\" (vänort OR vänregion),");
  EXPECT_EQ(table.expand_query("titel:landsting"), "titel:landsting");
  EXPECT_EQ(table.expand_query("-landsting"), "-(landsting OR region)");
}

}  // namespace
}  // namespace klausul
