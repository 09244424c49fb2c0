#include <gtest/gtest.h>

#include "search/pair_change.h"

namespace klausul {
namespace {

Clause clause_with(const std::string& id, const std::string& document_id, int ordinal,
                   const std::string& text) {
  Clause clause;
  clause.id = id;
  clause.document_id = document_id;
  clause.ordinal = ordinal;
  clause.text = text;
  return clause;
}

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

}  // namespace
}  // namespace klausul
