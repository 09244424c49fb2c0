#include "index/analyzer.h"

#include <gtest/gtest.h>

#include <set>

namespace klausul {
namespace {

std::set<std::string> terms_of(const std::string& text) {
  Xapian::Document doc;
  Analyzer analyzer;
  analyzer.index_text(doc, text);
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

TEST(Analyzer, FoldsCaseAndDecomposedLetters) {
  auto terms = terms_of("O\xCC\x88REBRO Läns Landsting");
  EXPECT_TRUE(terms.count("örebro"));
  EXPECT_TRUE(terms.count("läns"));
}

TEST(Analyzer, FoldsLigaturesAndSoftHyphens) {
  auto terms = terms_of("EU-\xEF\xAC\x81nansiering landstings\xC2\xAD" "fullmäktige");
  EXPECT_TRUE(terms.count("finansiering"));
  EXPECT_TRUE(terms.count("landstingsfullmäktige"));
}

TEST(Analyzer, StemsSwedishAndSkipsStemsOfStopwords) {
  auto terms = terms_of("verksamheterna och utvecklingen");
  EXPECT_TRUE(terms.count("Zverksam"));
  EXPECT_TRUE(terms.count("Zutveckling"));
  EXPECT_TRUE(terms.count("och"));    // kept unstemmed for phrases
  EXPECT_FALSE(terms.count("Zoch"));  // but never a ranking stem
}

TEST(Analyzer, StopperKnowsSwedishFunctionWords) {
  const Xapian::Stopper& stopper = swedish_stopper();
  EXPECT_TRUE(stopper("och"));
  EXPECT_TRUE(stopper("att"));
  EXPECT_FALSE(stopper("landsting"));
}

}  // namespace
}  // namespace klausul
