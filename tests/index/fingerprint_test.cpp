#include "index/fingerprint.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace klausul {
namespace {

TEST(Fingerprint, TheSameWordsWhateverTheCasePunctuationAndForm) {
  const std::string guideline = text_fingerprint("Bevaka och påverka EU.");
  EXPECT_EQ(guideline.size(), kFingerprintBytes);
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
  EXPECT_TRUE(is_open_fingerprint(asked));
  EXPECT_TRUE(is_open_fingerprint(clause_fingerprint("Regionen ska:")));
  EXPECT_FALSE(is_open_fingerprint(stated));
  // Only the last bit tells them apart: the same words otherwise.
  EXPECT_EQ(asked.substr(0, kFingerprintBytes - 1), stated.substr(0, kFingerprintBytes - 1));
  EXPECT_EQ(asked.back(), static_cast<char>(stated.back() | 1));
  // The 16 hex digits of clauses written before 2026-12-04 are never taken for open.
  EXPECT_FALSE(is_open_fingerprint("0123456789abcdef"));
}

// Different texts, different fingerprints: over many short texts of few words no two
// collide in their 63 bits of hash.
TEST(Fingerprint, ManyTextsKeepTheirOwnFingerprints) {
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) {
    const std::string text = "Regionen ska " + std::to_string(i) + " gånger bevaka.";
    const std::string fingerprint = clause_fingerprint(text);
    ASSERT_EQ(fingerprint.size(), kFingerprintBytes);
    EXPECT_TRUE(seen.insert(fingerprint).second) << text;
  }
}

}  // namespace
}  // namespace klausul
