#include "search/body_phrases.h"

#include <gtest/gtest.h>

#include "index/analyzer.h"
#include "search/query.h"

namespace klausul {
namespace {

std::vector<std::string> words(const std::string& text) { return index_words(text); }

Xapian::Query parsed(const std::string& query) {
  SearchRequest request;
  request.query = query;
  return parse_query(Xapian::Database(), request, RegionTable::builtin()).text;
}

TEST(BodyPhrases, APhraseIsItsWordsInARowStopwordsIncluded) {
  const auto text = words("Landstinget ska bevaka och påverka de policyområden inom EU.");
  EXPECT_TRUE(words_hold_phrase(text, {"bevaka", "och", "påverka"}, 3, true));
  EXPECT_TRUE(words_hold_phrase(text, {"landstinget", "ska"}, 2, true));
  EXPECT_FALSE(words_hold_phrase(text, {"bevaka", "påverka"}, 2, true));  // "och" between
  EXPECT_FALSE(words_hold_phrase(text, {"påverka", "och", "bevaka"}, 3, true));
  EXPECT_FALSE(words_hold_phrase(text, {"bevaka", "att", "påverka"}, 3, true));
  EXPECT_TRUE(words_hold_phrase(text, {"bevak*", "och"}, 2, true));
  EXPECT_FALSE(words_hold_phrase(text, {"eu", "inom"}, 2, true));
}

TEST(BodyPhrases, NearIsTheWordsInAnyOrderWithinTheWindow) {
  const auto text = words("Landstinget ska bevaka och påverka de policyområden inom EU.");
  EXPECT_TRUE(words_hold_phrase(text, {"eu", "bevaka"}, 7, false));
  EXPECT_FALSE(words_hold_phrase(text, {"eu", "bevaka"}, 5, false));
  EXPECT_FALSE(words_hold_phrase(text, {"eu", "budget"}, 20, false));
}

TEST(BodyPhrases, CandidatesAreThePhrasesWordsAndNoExclusionUnderNot) {
  const Xapian::Query query = parsed("\"bevaka och påverka\" EU");
  ASSERT_TRUE(has_body_phrase(query));
  const std::string candidates = body_phrase_candidates(query).get_description();
  // Body text is indexed as stems only: the candidates have the phrase's stems.
  EXPECT_EQ(candidates.find("PHRASE"), std::string::npos) << candidates;
  EXPECT_NE(candidates.find("Zbevak"), std::string::npos) << candidates;
  EXPECT_NE(candidates.find("Zpåverk"), std::string::npos) << candidates;
  EXPECT_EQ(candidates.find("och"), std::string::npos) << candidates;  // no stopword term

  // Excluding all clauses with "minska" would drop clauses that only have the word.
  const std::string negated = body_phrase_candidates(parsed("EU NOT \"för att minska\""))
                                  .get_description();
  EXPECT_EQ(negated.find("minsk"), std::string::npos) << negated;
  EXPECT_NE(negated.find("Zeu"), std::string::npos) << negated;

  EXPECT_FALSE(has_body_phrase(parsed("bevaka och påverka")));
  // A wildcard finds the stems that begin with it, and its own stem.
  const std::string wildcard = body_word_query("verksamheterna*").get_description();
  EXPECT_NE(wildcard.find("WILDCARD"), std::string::npos) << wildcard;
  EXPECT_NE(wildcard.find("Zverksamheterna"), std::string::npos) << wildcard;
  EXPECT_NE(wildcard.find("OR Zverksamhet)"), std::string::npos) << wildcard;
  EXPECT_FALSE(has_body_phrase(parsed("avsnitt:\"bevaka och påverka\"")));
}

}  // namespace
}  // namespace klausul
