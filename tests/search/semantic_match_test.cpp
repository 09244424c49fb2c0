#include "search/semantic_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace klausul {
namespace {

ClauseVector vector_of(std::vector<std::pair<std::string, double>> weights) {
  ClauseVector vector;
  std::sort(weights.begin(), weights.end());
  double norm = 0;
  for (const auto& [stem, weight] : weights) norm += weight * weight;
  for (auto& [stem, weight] : weights) weight /= std::sqrt(norm);
  vector.weights = weights;
  vector.body_stems = static_cast<int>(weights.size());
  return vector;
}

TermModel model() {
  TermModel model(3, "test");
  model.add("prägl", {1.0f, 0.1f, 0.0f}, 10);
  model.add("genomsyr", {0.9f, 0.2f, 0.0f}, 10);
  model.add("präglad", {0.95f, 0.15f, 0.0f}, 2);  // too rare to be anybody's neighbour
  model.add("asfalter", {0.0f, 0.0f, 1.0f}, 10);
  model.add("väg", {0.0f, 0.3f, 1.0f}, 10);
  return model;
}

TEST(SemanticMatchTest, MeaningVectorsOfParaphrasesAreCloseAndUnknownWordsAreLeftOut) {
  const TermModel terms = model();
  const MeaningVector a = meaning_of(vector_of({{"prägl", 1}, {"okänt", 5}}), terms);
  const MeaningVector b = meaning_of(vector_of({{"genomsyr", 1}}), terms);
  const MeaningVector c = meaning_of(vector_of({{"asfalter", 1}, {"väg", 1}}), terms);
  EXPECT_GT(meaning_similarity(a, b), 0.95);
  EXPECT_LT(meaning_similarity(a, c), 0.3);
  EXPECT_TRUE(meaning_of(vector_of({{"okänt", 1}}), terms).empty());
  EXPECT_EQ(meaning_similarity(a, MeaningVector{}), 0.0);
}

TEST(SemanticMatchTest, SoftLinksJoinOnlyWordsTheOtherClauseLacks) {
  const TermModel terms = model();
  const ClauseVector query = vector_of({{"prägl", 2}, {"väg", 1}});
  const ClauseVector other = vector_of({{"genomsyr", 1}, {"väg", 1}});
  const std::vector<SoftLink> links = soft_links(query, other, terms, 0.5);
  ASSERT_EQ(links.size(), 1u);  // "väg" is shared, not linked
  EXPECT_EQ(links[0].query_stem, "prägl");
  EXPECT_EQ(links[0].other_stem, "genomsyr");
  EXPECT_GT(links[0].similarity, 0.95);
  EXPECT_TRUE(soft_links(query, other, terms, 0.999).empty());
}

TEST(SemanticMatchTest, ALinkThePredicateRefusesGivesWayToTheNextClosestStem) {
  const TermModel terms = model();
  const ClauseVector query = vector_of({{"prägl", 1}});
  const ClauseVector other = vector_of({{"genomsyr", 1}, {"väg", 1}});
  const auto refuse_genomsyr = [](const std::string&, const std::string& other_stem) {
    return other_stem != "genomsyr";
  };
  // "väg" is 0.03 alike: nothing else reaches the minimum, so no link at all.
  EXPECT_TRUE(soft_links(query, other, terms, 0.5, refuse_genomsyr).empty());
  const std::vector<SoftLink> links = soft_links(query, other, terms, 0.0, refuse_genomsyr);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].other_stem, "väg");
}

}  // namespace
}  // namespace klausul
