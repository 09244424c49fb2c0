#include "index/open_clause.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(OpenClause, QuestionsAndLeadInsAreOpenStatementsAreNot) {
  EXPECT_TRUE(is_open_clause("Vad är vårdgaranti?"));
  EXPECT_TRUE(is_open_clause("I regionens roll som ansvarig för regional utveckling ingår att:"));
  EXPECT_TRUE(is_open_clause("Kan patienten lista sig på en vårdcentral i ett annat län? \n"));
  EXPECT_FALSE(is_open_clause("Vårdgarantin är en lagstadgad rättighet."));
  EXPECT_FALSE(is_open_clause("Målet är att resandet ska öka"));
  EXPECT_FALSE(is_open_clause("Frågan ställs: vem bär ansvaret."));  // a colon inside
  // A web page's navigation sentence names its subject and points elsewhere.
  EXPECT_TRUE(is_open_clause("I menyn till vänster hittar du mer om vårdgarantin."));
  EXPECT_FALSE(is_open_clause(""));
  EXPECT_FALSE(is_open_clause("   "));
}

}  // namespace
}  // namespace klausul
