#include <gtest/gtest.h>

#include "search/pair_change.h"
#include "tests/ingested_file.h"

namespace klausul {
namespace {

using testing::clause_with;

AlignedPair pair_of(AlignmentStatus status, const std::string& a, const std::string& b) {
  AlignedPair pair;
  pair.status = status;
  if (!a.empty()) pair.a = clause_with("old:1", "old", 1, a);
  if (!b.empty()) pair.b = clause_with("new:1", "new", 1, b);
  return pair;
}

TEST(PairChange, LabelsOfTheFourCases) {
  EXPECT_EQ(pair_change_name(pair_change(pair_of(AlignmentStatus::matched, "Bevaka EU.", "bevaka EU"))),
            "oförändrad");
  EXPECT_EQ(pair_change_name(pair_change(pair_of(AlignmentStatus::matched, "Bevaka EU.", "Bevaka och påverka EU."))),
            "ändrad");
  EXPECT_EQ(pair_change_name(pair_change(pair_of(AlignmentStatus::only_a, "Bevaka EU.", ""))), "borttagen");
  EXPECT_EQ(pair_change_name(pair_change(pair_of(AlignmentStatus::only_b, "", "Bevaka EU."))), "ny");
}

TEST(PairChange, DiffOnlyForChangedPairs) {
  EXPECT_TRUE(pair_diff(pair_of(AlignmentStatus::matched, "Bevaka EU.", "Bevaka EU.")).empty());
  EXPECT_TRUE(pair_diff(pair_of(AlignmentStatus::only_a, "Bevaka EU.", "")).empty());
  EXPECT_EQ(diff_to_text(pair_diff(pair_of(AlignmentStatus::matched, "Bevaka EU.", "Bevaka och påverka EU."))),
            "Bevaka {+och påverka+} EU.");
}

TEST(PairChange, VersionsArePairedOneToOne) {
  Alignment alignment;
  AlignedPair first = pair_of(AlignmentStatus::matched, "Resa med tåg under fem timmar.", "Resa med tåg under sex timmar.");
  first.a.id = "old:1";
  first.b.id = "new:2";
  first.score = 0.9;
  AlignedPair second = pair_of(AlignmentStatus::matched, "Hotell bokas via avtal.", "Resa med tåg under sex timmar.");
  second.a.id = "old:2";
  second.b.id = "new:2";
  second.score = 0.4;
  alignment.pairs = {first, second};
  alignment.matched = 2;
  std::vector<Clause> b = {clause_with("new:1", "new", 1, "Dessa riktlinjer ersätter LS 1."),
                           clause_with("new:2", "new", 2, "Resa med tåg under sex timmar.")};
  pair_one_to_one(alignment, b);
  ASSERT_EQ(alignment.pairs.size(), 3u);
  EXPECT_EQ(pair_change(alignment.pairs[0]), PairChange::changed);
  EXPECT_EQ(pair_change(alignment.pairs[1]), PairChange::removed);
  EXPECT_EQ(alignment.pairs[1].a.id, "old:2");
  EXPECT_EQ(pair_change(alignment.pairs[2]), PairChange::added);
  EXPECT_EQ(alignment.pairs[2].b.id, "new:1");
  EXPECT_EQ(alignment.matched, 1);
  EXPECT_EQ(alignment.only_a, 1);
  EXPECT_EQ(alignment.only_b, 1);
}

}  // namespace
}  // namespace klausul
