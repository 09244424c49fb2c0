#include "search/coverage.h"

#include <gtest/gtest.h>

#include "index/writer.h"
#include "ingest/error.h"
#include "search/coverage_thresholds.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

TEST(VerdictTest, ThresholdsDecideAndARegionWithoutDocumentsIsAlwaysInga) {
  const CoverageThresholds t{0.5, 0.2};
  EXPECT_EQ(verdict_of(0.5, true, t), Verdict::correspondence);
  EXPECT_EQ(verdict_of(0.49, true, t), Verdict::related);
  EXPECT_EQ(verdict_of(0.2, true, t), Verdict::related);
  EXPECT_EQ(verdict_of(0.19, true, t), Verdict::none);
  EXPECT_EQ(verdict_of(0.0, true, CoverageThresholds{0.5, 0.0}), Verdict::none);
  EXPECT_EQ(verdict_of(0.9, false, t), Verdict::no_documents);
}

TEST(VerdictTest, LabelsAndKeys) {
  EXPECT_STREQ(verdict_label(Verdict::correspondence), "motsvarighet");
  EXPECT_STREQ(verdict_label(Verdict::related), "närliggande");
  EXPECT_STREQ(verdict_label(Verdict::none), "ingen träff");
  EXPECT_STREQ(verdict_label(Verdict::no_documents), "inga dokument");
  EXPECT_STREQ(verdict_key(Verdict::related), "narliggande");
  EXPECT_STREQ(verdict_key(Verdict::none), "ingen_traff");
}

TEST(VerdictTest, DefaultThresholdsAreTheCalibratedHeader) {
  const CoverageThresholds t = default_coverage_thresholds();
  EXPECT_EQ(t.correspondence, coverage_thresholds::kCorrespondence);
  EXPECT_EQ(t.related, coverage_thresholds::kRelated);
  EXPECT_GT(t.correspondence, t.related);
  EXPECT_GT(t.related, 0.0);
}

class CoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(db);
    writer.replace_file(testing::ingested_file(
        "sth", "stockholm",
        {"Landstinget ska bevaka och påverka de policyområden inom EU som är relevanta.",
         "Kollektivtrafiken ska vara tillgänglig för alla resenärer."}));
    writer.replace_file(testing::ingested_file(
        "ore", "orebro",
        {"Landstinget bevakar EU:s policyområden och påverkar dem i samverkan med andra.",
         "Tandvården ska erbjuda akuttider varje dag."}));
    writer.replace_file(
        testing::ingested_file("jkp", "jonkoping", {"Vårdcentralerna har öppet på kvällar."}));
  }
  CoverageResult coverage(CoverageRequest request) {
    return find_coverage(db, request, RegionTable::builtin());
  }
  const CoverageRow& row(const CoverageResult& result, const std::string& key) {
    for (const CoverageRow& r : result.rows) {
      if (r.region.key == key) return r;
    }
    throw std::runtime_error("no row " + key);
  }
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(CoverageTest, OneRowForEachOfThe21RegionsInTableOrder) {
  CoverageRequest request;
  request.text = "Landstinget ska bevaka och påverka EU:s policyområden.";
  const CoverageResult result = coverage(request);
  ASSERT_EQ(result.rows.size(), 21u);
  EXPECT_EQ(result.rows.front().region.key, "stockholm");
  EXPECT_EQ(result.rows.back().region.key, "norrbotten");
  int without_documents = 0;
  for (const CoverageRow& r : result.rows) {
    if (r.verdict == Verdict::no_documents) {
      ++without_documents;
      EXPECT_FALSE(r.has_documents);
      EXPECT_TRUE(r.clauses.empty());
    }
  }
  EXPECT_EQ(without_documents, 18);
}

TEST_F(CoverageTest, VerdictsFollowTheBestScoreOfEachRegion) {
  CoverageRequest request;
  request.text = "Landstinget ska bevaka och påverka EU:s policyområden.";
  request.thresholds = {0.3, 0.05};
  const CoverageResult result = coverage(request);
  const CoverageRow& stockholm = row(result, "stockholm");
  ASSERT_FALSE(stockholm.clauses.empty());
  EXPECT_EQ(stockholm.clauses.front().clause.id, "sth:1");
  EXPECT_EQ(stockholm.verdict, Verdict::correspondence);
  EXPECT_EQ(row(result, "orebro").verdict, Verdict::correspondence);
  const CoverageRow& jonkoping = row(result, "jonkoping");
  EXPECT_TRUE(jonkoping.has_documents);
  EXPECT_EQ(jonkoping.verdict, Verdict::none);
  EXPECT_TRUE(jonkoping.clauses.empty());
  EXPECT_NE(coverage_summary(result).find("inga dokument 18"), std::string::npos);
}

TEST_F(CoverageTest, AClauseQueryMarksItsRegionAndNeverAnswersWithItself) {
  CoverageRequest request;
  request.clause_id = "sth:1";
  request.extra = 2;
  request.thresholds = {0.3, 0.0001};
  const CoverageResult result = coverage(request);
  EXPECT_EQ(result.query.clause.id, "sth:1");
  const CoverageRow& stockholm = row(result, "stockholm");
  EXPECT_TRUE(stockholm.query_region);
  for (const CoverageRow& r : result.rows) {
    for (const Hit& hit : r.clauses) EXPECT_NE(hit.clause.id, "sth:1");
  }
  EXPECT_FALSE(row(result, "orebro").query_region);
}

TEST_F(CoverageTest, UnknownClauseAndMissingQuestionAreUsageErrors) {
  CoverageRequest unknown;
  unknown.clause_id = "nope:9";
  EXPECT_THROW(coverage(unknown), UsageError);
  EXPECT_THROW(coverage(CoverageRequest{}), UsageError);
}

}  // namespace
}  // namespace klausul
