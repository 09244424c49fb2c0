#include "search/clause_score.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace klausul {
namespace {

// A clause vector from (stem, weight, word) triples, normalised to unit length as
// clause_vector.h makes them; body_stems is its own stem count.
ClauseVector vector_of(std::vector<std::tuple<std::string, double, std::string>> stems) {
  ClauseVector vector;
  std::sort(stems.begin(), stems.end());
  double norm = 0;
  for (const auto& stem : stems) norm += std::get<1>(stem) * std::get<1>(stem);
  for (const auto& [stem, weight, word] : stems) {
    vector.weights.emplace_back(stem, weight / std::sqrt(norm));
    vector.surface[stem] = word;
  }
  vector.body_stems = static_cast<int>(stems.size());
  return vector;
}

// "prägla" and "genomsyra" close, "asfaltera" far, the rest neutral and apart.
TermModel care_model() {
  TermModel model(4, "test");
  model.add("prägl", {1.0f, 0.1f, 0.0f, 0.0f}, 10);
  model.add("genomsyr", {0.95f, 0.2f, 0.0f, 0.0f}, 10);
  model.add("asfalter", {0.0f, 0.0f, 1.0f, 0.0f}, 10);
  model.add("värdegrund", {0.0f, 0.0f, 0.0f, 1.0f}, 10);
  model.add("vård", {0.0f, 1.0f, 0.0f, 0.5f}, 10);
  return model;
}

TEST(ClauseScoreTest, AHeadingThatNamesTheSubjectDoesNotOutrankTheStatement) {
  const ClauseVector query = vector_of({{"intern", 2, "internationella"},
                                        {"arbet", 1, "arbetet"},
                                        {"natur", 2, "naturlig"},
                                        {"del", 1, "del"},
                                        {"verksam", 1, "verksamheten"},
                                        {"organisation", 1.5, "organisationen"}});
  const ClauseVector heading = vector_of({{"intern", 2, "Internationellt"}, {"arbet", 1, "arbete"}});
  const ClauseVector statement = vector_of({{"intern", 2, "internationella"},
                                            {"natur", 2, "naturlig"},
                                            {"del", 1, "del"},
                                            {"planer", 2, "planeringen"},
                                            {"ingå", 2, "ingå"},
                                            {"uppdrag", 2, "uppdraget"}});
  ScoreTuning without_rule = default_score_tuning();
  without_rule.fragment_power = 0;
  const QueryScorer plain(query, RelatedStems(), nullptr, without_rule);
  // The trap: by cosine alone the two-word heading is the better match.
  ASSERT_GT(plain.score(heading), plain.score(statement));
  const QueryScorer scorer(query, RelatedStems(), nullptr);
  EXPECT_LT(scorer.score(heading), scorer.score(statement));
  EXPECT_DOUBLE_EQ(scorer.score(statement), plain.score(statement));  // statements untouched
}

TEST(ClauseScoreTest, AListItemCompletedByItsLeadInIsNoFragment) {
  // "värdering av läkemedel" under "Kommitténs uppgifter är att:" states a task.
  const ClauseVector query = vector_of({{"värder", 2, "värdera"},
                                        {"läkemedel", 2, "läkemedel"},
                                        {"kontinuerlig", 1, "kontinuerligt"},
                                        {"terapi", 1, "terapin"}});
  ClauseVector item = vector_of({{"värder", 2, "värdering"}, {"läkemedel", 2, "läkemedel"}});
  ScoreTuning without_rule = default_score_tuning();
  without_rule.fragment_power = 0;
  const QueryScorer plain(query, RelatedStems(), nullptr, without_rule);
  const QueryScorer scorer(query, RelatedStems(), nullptr);
  const double as_fragment = scorer.score(item);
  EXPECT_LT(as_fragment, plain.score(item));  // two stems: a fragment
  item.completed_by_lead_in = true;
  EXPECT_DOUBLE_EQ(scorer.score(item), plain.score(item));
  EXPECT_GT(scorer.score(item), as_fragment);
}

TEST(ClauseScoreTest, TheTermModelLiftsTheParaphraseAboveTheUnrelatedClause) {
  const TermModel model = care_model();
  const ClauseVector query =
      vector_of({{"värdegrund", 1, "Värdegrunden"}, {"prägl", 1, "prägla"}, {"vård", 1, "vården"}});
  const ClauseVector paraphrase = vector_of(
      {{"värdegrund", 1, "Värdegrunden"}, {"genomsyr", 1, "genomsyra"}, {"vård", 1, "vården"}});
  const ClauseVector unrelated = vector_of(
      {{"värdegrund", 1, "Värdegrunden"}, {"asfalter", 1, "asfaltera"}, {"vård", 1, "vården"}});
  ScoreTuning tuning = default_score_tuning();
  tuning.full_statement_stems = 1;  // three-word test clauses are statements here
  const QueryScorer stems_only(query, RelatedStems(), nullptr, tuning);
  EXPECT_DOUBLE_EQ(stems_only.score(paraphrase), stems_only.score(unrelated));
  const QueryScorer scorer(query, RelatedStems(), &model, tuning);
  EXPECT_GT(scorer.score(paraphrase), scorer.score(unrelated) + 0.05);
  EXPECT_LE(scorer.score(paraphrase), 1.0);
}

TEST(ClauseScoreTest, MatchedTermsShowTheSoftLinksThatCountedWithTheirWeight) {
  const TermModel model = care_model();
  const ClauseVector query =
      vector_of({{"värdegrund", 1, "Värdegrunden"}, {"prägl", 1, "prägla"}});
  const ClauseVector candidate =
      vector_of({{"värdegrund", 1, "värdegrunden"}, {"genomsyr", 1, "genomsyra"}});
  const QueryScorer scorer(query, RelatedStems(), &model);
  const std::vector<std::string> terms =
      scorer.explain(candidate, {{"värdegrunden", "värdegrund"}, {"genomsyra", "genomsyr"}});
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0], "Värdegrunden");  // the shared word first
  EXPECT_EQ(terms[1].rfind("prägla \u2248 genomsyra 0.9", 0), 0u) << terms[1];
  // Without a model the explanation is the shared words only: nothing is made up.
  const QueryScorer stems_only(query, RelatedStems(), nullptr);
  EXPECT_EQ(stems_only.explain(candidate, {}), std::vector<std::string>{"Värdegrunden"});
}

// "därför" is the kind of stem a small archive puts near every other: among "viktig"'s
// nearest stems, but six stems are nearer to it than "viktig" is. "prägl" and "genomsyr" are
// each other's nearest.
TermModel hub_model() {
  TermModel model(8, "test");
  const std::vector<float> hub = {1, 1, 1, 1, 1, 1, 1, 0};
  model.add("därför", hub, 10);
  for (int i = 0; i < 6; ++i) {
    std::vector<float> close = hub;
    close[static_cast<size_t>(i)] += 0.3f;
    model.add("ord" + std::to_string(i), close, 10);
  }
  model.add("viktig", {1, 1, 1, 1, 1, 1, 1, 2.5f}, 10);
  model.add("prägl", {0, 0, 0, 0, 0, 0, 0.1f, -3}, 10);
  model.add("genomsyr", {0, 0, 0, 0, 0, 0, 0.3f, -3}, 10);
  return model;
}

TEST(ClauseScoreTest, AWordNearEverythingIsNotShownAsASoftLink) {
  const TermModel model = hub_model();
  const ClauseVector query = vector_of({{"viktig", 1, "viktigaste"}, {"prägl", 1, "prägla"}});
  const ClauseVector candidate = vector_of({{"därför", 1, "därför"}, {"genomsyr", 1, "genomsyra"}});
  // The cosine alone would link both: "därför" is 0.73 alike and among "viktig"'s nearest.
  EXPECT_EQ(soft_links(query, candidate, model, 0.5).size(), 2u);
  const QueryScorer scorer(query, RelatedStems(), &model);
  const std::vector<std::string> terms =
      scorer.explain(candidate, {{"därför", "därför"}, {"genomsyra", "genomsyr"}});
  ASSERT_EQ(terms.size(), 1u) << terms[0];
  EXPECT_EQ(terms[0].rfind("prägla \u2248 genomsyra", 0), 0u) << terms[0];
}

// The soft links the explanation shows are the ones that score: a mutual nearest neighbour
// of a query stem counts in the lexical part as a thesaurus neighbour does; a word near
// everything (not mutual) counts nothing.
TEST(ClauseScoreTest, AMutualSoftLinkCountsInTheScoreAndAWordNearEverythingDoesNot) {
  TermModel model = hub_model();
  model.add("organisation", {0, 0, 0, 0, 0, 3, 0, 0}, 10);
  const ClauseVector query = vector_of(
      {{"viktig", 1, "viktigaste"}, {"prägl", 1, "prägla"}, {"organisation", 1, "organisationen"}});
  const ClauseVector linked =
      vector_of({{"genomsyr", 1, "genomsyra"}, {"organisation", 1, "organisationen"}});
  const ClauseVector hubbed =
      vector_of({{"därför", 1, "därför"}, {"organisation", 1, "organisationen"}});
  ScoreTuning tuning = default_score_tuning();
  tuning.full_statement_stems = 1;
  ScoreTuning no_links = tuning;
  no_links.soft_link_rank = 0;
  const QueryScorer scorer(query, RelatedStems(), &model, tuning);
  const QueryScorer unlinked(query, RelatedStems(), &model, no_links);
  EXPECT_GT(scorer.score(linked), unlinked.score(linked) + 0.05);
  EXPECT_DOUBLE_EQ(scorer.score(hubbed), unlinked.score(hubbed));
}

TEST(ClauseScoreTest, BM25IsMixedInOnlyWhenGivenAndOnlyWithATermModel) {
  const TermModel model = care_model();
  const ClauseVector query = vector_of({{"prägl", 1, "prägla"}, {"vård", 1, "vården"}});
  const ClauseVector candidate = vector_of({{"prägl", 1, "prägla"}, {"asfalter", 1, "asfaltera"}});
  ScoreTuning tuning = default_score_tuning();
  tuning.full_statement_stems = 1;
  tuning.bm25_weight = 0.5;
  const QueryScorer scorer(query, RelatedStems(), &model, tuning);
  const double without = scorer.score(candidate);
  EXPECT_NEAR(scorer.score(candidate, 1.0), 0.5 * without + 0.5, 1e-9);
  EXPECT_NEAR(scorer.score(candidate, 0.0), 0.5 * without, 1e-9);
  const QueryScorer stems_only(query, RelatedStems(), nullptr, tuning);
  EXPECT_NEAR(stems_only.score(candidate), 0.5, 1e-9);  // cosine of {a,b} and {a,c}
  EXPECT_DOUBLE_EQ(stems_only.score(candidate, 1.0), stems_only.score(candidate));
}

}  // namespace
}  // namespace klausul
