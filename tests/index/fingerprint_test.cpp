#include "index/fingerprint.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(Fingerprint, TheSameWordsWhateverTheCasePunctuationAndForm) {
  const std::string guideline = text_fingerprint("Bevaka och påverka EU.");
  EXPECT_EQ(guideline.size(), 16u);
  EXPECT_EQ(text_fingerprint("bevaka  och PÅVERKA EU"), guideline);
  EXPECT_EQ(text_fingerprint("Bevaka och pa\u030Averka EU!"), guideline);  // decomposed å
  EXPECT_NE(text_fingerprint("Bevaka och påverka EU-medel."), guideline);
  EXPECT_EQ(text_fingerprint(" – ... "), "");
}

// A question or a list's lead-in is not a copy of the same words stated, but stays a copy of
// itself written another way.
TEST(Fingerprint, AnOpenClauseIsNotACopyOfTheSameWordsStated) {
  const std::string stated = clause_fingerprint("Ingår tandvård för barn.");
  EXPECT_EQ(stated, text_fingerprint("Ingår tandvård för barn."));
  EXPECT_EQ(clause_fingerprint("Ingår tandvård för barn"), stated);
  const std::string asked = clause_fingerprint("Ingår tandvård för barn?");
  EXPECT_NE(asked, stated);
  EXPECT_EQ(clause_fingerprint("ingår tandvård för barn ?"), asked);
  EXPECT_NE(clause_fingerprint("Ingår tandvård för barn:"), stated);
}

}  // namespace
}  // namespace klausul
