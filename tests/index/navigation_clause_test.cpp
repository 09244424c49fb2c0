#include "index/navigation_clause.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(NavigationClause, SentencesThatPointElsewhereAreNavigation) {
  EXPECT_TRUE(is_navigation_clause("I vänstermenyn hittar du mer om vårdgarantin."));
  EXPECT_TRUE(is_navigation_clause("Här finns information om hur en handlingsplan tas fram."));
  EXPECT_TRUE(is_navigation_clause("Här kan du läsa om regionens miljöarbete"));
  EXPECT_TRUE(is_navigation_clause("Blanketten finns bland länkarna nedan."));
  EXPECT_TRUE(is_navigation_clause("Läs mer om tandvårdsstödet på 1177."));
  EXPECT_TRUE(is_navigation_clause("Programmet finns som länk i högerspalten."));
  EXPECT_TRUE(is_navigation_clause("På den här sidan beskriver vi hur du söker bidrag."));
  EXPECT_TRUE(is_navigation_clause("Klicka på rubriken för att se hela planen."));
  // Capitals folded, also the Swedish ones.
  EXPECT_TRUE(is_navigation_clause("HÄR FINNS INFORMATION OM VÅRDVAL"));
  EXPECT_TRUE(is_navigation_clause("LÄS MER OM VÅRDVAL"));
}

TEST(NavigationClause, StatementsAreNot) {
  EXPECT_FALSE(is_navigation_clause("Regionen ska minska sina utsläpp av växthusgaser."));
  // "länk" as a word of the statement, not a link to follow.
  EXPECT_FALSE(is_navigation_clause(
      "Samordnaren ska vara en länk mellan nationell och lokal nivå."));
  EXPECT_FALSE(is_navigation_clause("Strategin sammanlänkar regionens delar."));
  // An aside in parentheses leaves the statement a statement.
  EXPECT_FALSE(is_navigation_clause(
      "Välfärdsprogrammet (se högerspalten) kompletterar utvecklingsstrategin."));
  // A phrase only counts where a word starts.
  EXPECT_FALSE(is_navigation_clause("Ett omklickat formulär räknas inte."));
  EXPECT_FALSE(is_navigation_clause(""));
}

}  // namespace
}  // namespace klausul
