#include "search/query.h"

#include <gtest/gtest.h>

#include "ingest/error.h"

namespace klausul {
namespace {

// Parsing alone, without an index (titel: and avsnitt: find no records then).
ParsedQuery parse(const SearchRequest& request) {
  return parse_query(Xapian::Database(), request, RegionTable::builtin());
}

std::string describe(const std::string& query) {
  SearchRequest request;
  request.query = query;
  return parse(request).text.get_description();
}

TEST(Query, CapitalisedWordsAreStemmedLikeLowercaseOnes) {
  EXPECT_EQ(describe("Verksamheterna"), describe("verksamheterna"));
  EXPECT_NE(describe("Verksamheterna").find("Zverksam"), std::string::npos);
}

TEST(Query, WordsAreAndedAndStopwordsDropped) {
  const std::string d = describe("bevaka och påverka EU");
  EXPECT_NE(d.find("AND"), std::string::npos) << d;
  EXPECT_EQ(d.find("Zoch"), std::string::npos) << d;
  EXPECT_NE(d.find("Zbevak"), std::string::npos) << d;
}

TEST(Query, PhrasesAndOperatorsWork) {
  EXPECT_NE(describe("\"bevaka och påverka\"").find("PHRASE"), std::string::npos);
  EXPECT_NE(describe("\"bevaka påverka\"").find("PHRASE"), std::string::npos);
  EXPECT_NE(describe("EU OR landsting").find("OR"), std::string::npos);
  EXPECT_NE(describe("EU NOT landsting").find("AND_NOT"), std::string::npos);
  EXPECT_NE(describe("påverka NEAR/2 eu").find("(påverka@1 NEAR 3 eu@2)"), std::string::npos)
      << describe("påverka NEAR/2 eu");
  EXPECT_NE(describe("påverka ADJ eu").find("PHRASE 11"), std::string::npos)
      << describe("påverka ADJ eu");
}

TEST(Query, TitleAndSectionFieldsKeepTheirPhrases) {
  // Without an index no record matches, but the parsed field words are in the query.
  EXPECT_NE(describe("titel:Riktlinjer").find("ZSriktlinj"), std::string::npos)
      << describe("titel:Riktlinjer");
  const std::string phrase = describe("avsnitt:\"internationellt arbete\"");
  EXPECT_NE(phrase.find("XSinternationellt"), std::string::npos) << phrase;
  EXPECT_NE(phrase.find("PHRASE"), std::string::npos) << phrase;
  EXPECT_NE(describe("titel:\"regional utveckling\" EU").find("FILTER"), std::string::npos);
}

// A body phrase is kept as written, stopwords included: it is checked against the clause's
// text (search/body_phrases.h); a phrase of stopwords only is left out, as bare stopwords are.
TEST(Query, PhrasesKeepTheirStopwordsAndStopwordPhrasesGo) {
  const std::string with_stopword = describe("\"bevaka och påverka\" EU");
  EXPECT_NE(with_stopword.find("(bevaka@1 PHRASE 3 och@2 PHRASE 3 påverka@3)"), std::string::npos)
      << with_stopword;
  EXPECT_NE(with_stopword.find("Zeu"), std::string::npos) << with_stopword;
  const std::string negated = describe("EU NOT \"för att minska\"");
  EXPECT_NE(negated.find("AND_NOT (för@2 PHRASE 3 att@3 PHRASE 3 minska@4)"), std::string::npos)
      << negated;
  const std::string only_stopwords = describe("EU \"och att\"");
  EXPECT_EQ(only_stopwords.find("MatchNothing"), std::string::npos) << only_stopwords;
  EXPECT_EQ(only_stopwords.find("och"), std::string::npos) << only_stopwords;
  EXPECT_NE(only_stopwords.find("Zeu"), std::string::npos) << only_stopwords;
  // Field phrases search titles and trails, which keep their stopwords.
  const std::string field = describe("avsnitt:\"bevaka och påverka\"");
  EXPECT_NE(field.find("XSoch"), std::string::npos) << field;
}

// A wildcard alone was taken for a query of stopwords (it has no terms until expanded).
TEST(Query, AWildcardAloneIsSearchable) {
  const std::string wildcard = describe("påverk*");
  EXPECT_NE(wildcard.find("WILDCARD"), std::string::npos) << wildcard;
  EXPECT_NE(wildcard.find("Zpåverk"), std::string::npos) << wildcard;
}

TEST(Query, StopwordsOnlyGiveAnEmptyQuery) {
  EXPECT_TRUE(describe("och att det").find("MatchNothing") != std::string::npos ||
              describe("och att det") == "Query()");
  SearchRequest request;
  request.query = "... ,, !";
  EXPECT_TRUE(parse(request).text.empty());
}

TEST(Query, UnbalancedQuotesDoNotFail) {
  EXPECT_NO_THROW(describe("\"bevaka och"));
  EXPECT_NO_THROW(describe("(EU"));
}

TEST(Query, RegionFilterAcceptsAnySpelling) {
  SearchRequest request;
  request.query = "EU";
  request.regions = {"jönköping"};
  const std::string a = parse(request).filters.get_description();
  request.regions = {"Jonkoping"};
  const std::string b = parse(request).filters.get_description();
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("XRjonkoping"), std::string::npos) << a;
  request.regions = {"Atlantis"};
  EXPECT_THROW(parse(request), UsageError);
}

TEST(Query, YearRanges) {
  int from = 0, to = 0;
  parse_year_range("2010..2015", from, to);
  EXPECT_EQ(from, 2010);
  EXPECT_EQ(to, 2015);
  parse_year_range("2012", from, to);
  EXPECT_EQ(from, 2012);
  EXPECT_EQ(to, 2012);
  parse_year_range("..2015", from, to);
  EXPECT_EQ(from, 0);
  EXPECT_EQ(to, 2015);
  EXPECT_THROW(parse_year_range("20x0", from, to), UsageError);
  EXPECT_THROW(parse_year_range("2015..2010", from, to), UsageError);
}

}  // namespace
}  // namespace klausul
