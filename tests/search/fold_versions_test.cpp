#include <gtest/gtest.h>

#include "search/fold_versions.h"
#include "index/writer.h"
#include "search/open_database.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

using testing::clause_with;

DocumentInfo doc(const std::string& id, const std::string& decided, const std::string& dnr) {
  DocumentInfo d;
  d.id = id;
  d.title = "Riktlinjer " + id;
  d.region = "stockholm";
  d.diarienummer = dnr;
  d.validity.decided = ValidityFact{decided, 1, "Beslutad " + decided};
  return d;
}

Hit hit(int rank, const std::string& document_id, int ordinal, const std::string& text) {
  Hit h;
  h.rank = rank;
  h.clause = clause_with(document_id + ":" + std::to_string(ordinal), document_id, ordinal, text);
  h.document.id = document_id;
  h.document.region = "stockholm";
  return h;
}

VersionIndex three_versions() {
  DocumentInfo v1 = doc("v1", "2005-01-01", "LS 1");
  DocumentInfo v2 = doc("v2", "2012-01-01", "LS 2");
  v2.validity.replaces.push_back(ValidityFact{"LS 1", 3, "ersätter LS 1"});
  DocumentInfo v3 = doc("v3", "2016-01-01", "LS 3");
  v3.validity.replaces.push_back(ValidityFact{"LS 2", 3, "ersätter LS 2"});
  DocumentInfo other = doc("other", "2010-01-01", "LS 9");
  return VersionIndex::build({v1, v2, v3, other}, "2024-01-01");
}

TEST(FoldVersions, OlderVersionsOfTheSameClauseGoUnderTheCurrentOne) {
  const VersionIndex versions = three_versions();
  std::vector<Hit> hits = {hit(1, "v1", 5, "Landstinget ska bevaka och påverka EU."),
                           hit(2, "v3", 5, "Regionen ska bevaka och påverka EU."),
                           hit(3, "v2", 5, "Landstinget ska bevaka och påverka EU."),
                           hit(4, "other", 2, "Något annat om EU."),
                           hit(5, "v2", 9, "En klausul som försvann i den nya versionen.")};
  const FoldSummary summary = fold_versions(hits, versions, false);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].clause.id, "v3:5");
  EXPECT_EQ(hits[0].rank, 1);
  EXPECT_EQ(hits[0].status, "gällande");
  ASSERT_EQ(hits[0].older_versions.size(), 2u);
  EXPECT_EQ(hits[0].older_versions[0].clause_id, "v1:5");
  EXPECT_EQ(hits[0].older_versions[0].status, "ersatt");
  EXPECT_EQ(hits[0].older_versions[1].clause_id, "v2:5");
  EXPECT_EQ(hits[1].clause.id, "other:2");
  EXPECT_EQ(hits[1].rank, 2);
  EXPECT_EQ(hits[1].status, "okänd");
  EXPECT_EQ(summary.folded, 2);
  EXPECT_EQ(summary.hidden, 1);
}

TEST(FoldVersions, AllVersionsKeepsEveryHitWithItsStatus) {
  const VersionIndex versions = three_versions();
  std::vector<Hit> hits = {hit(1, "v1", 5, "a b c"), hit(2, "v3", 5, "a b c")};
  fold_versions(hits, versions, true);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].status, "ersatt");
  EXPECT_NE(hits[0].status_reason.find("LS 1"), std::string::npos);
  EXPECT_EQ(hits[1].status, "gällande");
  EXPECT_TRUE(hits[1].older_versions.empty());
}

TEST(FoldVersions, RanksCloseUpWithinEachRegionRun) {
  const VersionIndex versions = three_versions();
  std::vector<Hit> hits = {hit(1, "v2", 1, "x y z"), hit(2, "v3", 1, "q r s"),
                           hit(1, "other", 1, "a b"), hit(2, "other", 2, "c d")};
  fold_versions(hits, versions, false);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].rank, 1);
  EXPECT_EQ(hits[1].rank, 1);
  EXPECT_EQ(hits[2].rank, 2);
}

TEST(FoldVersions, DuplicatesInHiddenVersionsBecomeOlderVersions) {
  const VersionIndex versions = three_versions();
  std::vector<Hit> hits = {hit(1, "v3", 5, "a b c")};
  hits[0].duplicates.push_back(Place{"v1:7", "v1", "stockholm", "/a/v1.pdf", 2, 0});
  hits[0].duplicates.push_back(Place{"other:1", "other", "stockholm", "/a/o.pdf", 1, 0});
  fold_versions(hits, versions, false);
  ASSERT_EQ(hits[0].older_versions.size(), 1u);
  EXPECT_EQ(hits[0].older_versions[0].clause_id, "v1:7");
  ASSERT_EQ(hits[0].duplicates.size(), 1u);
  EXPECT_EQ(hits[0].duplicates[0].clause_id, "other:1");
}

// A kept hit's older wording comes from its chain's hidden documents in the index. Their clauses
// are kept for later requests on the same index state (search/shared_by_state.h); another
// index, or this one again, must still give its own text.
TEST(FoldVersions, OlderWordingIsReadFromTheIndexBeingSearched) {
  testing::TempDir dir;
  auto write = [&](const std::string& name, const std::string& older_text) {
    Xapian::WritableDatabase db(dir / name, Xapian::DB_CREATE_OR_OPEN);
    IndexWriter(db).replace_file(testing::ingested_file("v1", "stockholm", {older_text}));
  };
  const std::string in_a = "Personalen ska utbildas i informationssäkerhet varje år.";
  const std::string in_b = "Personalen ska utbildas i brandskydd varje år.";
  write("a", in_a);
  write("b", in_b);
  const VersionIndex versions = three_versions();
  for (const auto& [name, expected] : std::vector<std::pair<std::string, std::string>>{
           {"a", in_a}, {"b", in_b}, {"a", in_a}, {"b", in_b}}) {
    const Xapian::Database db = open_for_reading(dir / name);
    std::vector<Hit> hits = {hit(1, "v3", 5, "Personalen ska utbildas i säkerhet varje år.")};
    fold_versions(hits, versions, false, &db);
    ASSERT_EQ(hits[0].older_versions.size(), 1u) << name;
    EXPECT_EQ(hits[0].older_versions[0].clause_id, "v1:1");
    EXPECT_EQ(hits[0].older_versions[0].text, expected) << name;
  }
}

}  // namespace
}  // namespace klausul
