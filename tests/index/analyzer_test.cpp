#include "index/analyzer.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "index/swedish_stemmer.h"

namespace klausul {
namespace {

std::set<std::string> terms_of(const std::string& text) {
  Xapian::Document doc;
  DocumentIndexer indexer(doc);
  indexer.add_text(text);
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

// Body text is indexed as stems only: whether `word`'s stem term is among `terms`.
bool has_stem_of(const std::set<std::string>& terms, const std::string& word) {
  return terms.count("Z" + stem_swedish(word)) > 0;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& doc, const std::string& term) {
  std::vector<Xapian::termpos> positions;
  auto it = doc.termlist_begin();
  it.skip_to(term);
  if (it == doc.termlist_end() || *it != term) return positions;
  for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) positions.push_back(*p);
  return positions;
}

TEST(Analyzer, FoldsCaseAndDecomposedLetters) {
  auto terms = terms_of("O\xCC\x88REBRO Läns Landsting");
  EXPECT_TRUE(has_stem_of(terms, "örebro"));
  EXPECT_TRUE(has_stem_of(terms, "läns"));
}

TEST(Analyzer, FoldsLigaturesAndSoftHyphens) {
  auto terms = terms_of("EU-\xEF\xAC\x81nansiering landstings\xC2\xAD" "fullmäktige");
  EXPECT_TRUE(has_stem_of(terms, "finansiering"));
  EXPECT_TRUE(has_stem_of(terms, "landstingsfullmäktige"));
}

TEST(Analyzer, StemsSwedishAndSkipsStemsOfStopwords) {
  auto terms = terms_of("verksamheterna och utvecklingen");
  EXPECT_TRUE(terms.count("Zverksamhet"));  // not "verksam" (active): another word
  EXPECT_TRUE(terms.count("Zutveckling"));
  EXPECT_FALSE(terms.count("Zoch"));  // never a ranking stem
}

// Body text has no positions (phrases are checked against the stored text) and no stopword
// terms; in a title or section trail every word, stopwords included, is a positional term.
TEST(Analyzer, BodyWordsHaveNoPositionsTitleWordsDo) {
  Xapian::Document doc;
  DocumentIndexer indexer(doc);
  indexer.add_text("Landstinget ska bevaka och påverka EU");
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  // Stems only: no word terms, no stopwords, no positions.
  EXPECT_EQ(terms, (std::set<std::string>{"Z" + stem_swedish("landstinget"), "Zska", "Zbevak",
                                          "Z" + stem_swedish("påverka"), "Zeu"}));
  EXPECT_TRUE(positions_of(doc, "Zbevak").empty());

  Xapian::Document title;
  DocumentIndexer(title).add_text("Bevaka och påverka", "S");
  EXPECT_EQ(positions_of(title, "Sbevaka"), std::vector<Xapian::termpos>{1});
  EXPECT_EQ(positions_of(title, "Soch"), std::vector<Xapian::termpos>{2});
  EXPECT_EQ(positions_of(title, "Spåverka"), std::vector<Xapian::termpos>{3});
}

TEST(Analyzer, CompoundPartsAreWordsWithoutAPosition) {
  Xapian::Document doc;
  DocumentIndexer indexer(doc);
  indexer.add_text("Beslut av landstingsfullmäktige i juni", "S");
  EXPECT_EQ(positions_of(doc, "Slandstingsfullmäktige"), std::vector<Xapian::termpos>{3});
  EXPECT_EQ(positions_of(doc, "Sjuni"), std::vector<Xapian::termpos>{5});  // parts take none
  EXPECT_TRUE(positions_of(doc, "Sfullmäktige").empty());
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  EXPECT_TRUE(terms.count("Sfullmäktige"));
  EXPECT_TRUE(terms.count("ZSfullmäktig"));
}

// What a body phrase is checked against: the words as indexed, stopwords in their places.
TEST(Analyzer, IndexWordsAreTheFoldedWordsInOrder) {
  EXPECT_EQ(index_words("Landstinget ska bevaka och påverka EU-frågor."),
            (std::vector<std::string>{"landstinget", "ska", "bevaka", "och", "påverka", "eu",
                                      "frågor"}));
}

TEST(Analyzer, SuspendedCompoundsAddTheImpliedWord) {
  auto terms = terms_of("inom hälso- och sjukvård samt tandvård");
  EXPECT_TRUE(has_stem_of(terms, "hälsovård"));
  EXPECT_TRUE(has_stem_of(terms, "sjukvård"));
}

TEST(Analyzer, FieldsGetAGapSoPhrasesDoNotSpanThem) {
  Xapian::Document doc;
  DocumentIndexer indexer(doc);
  indexer.add_text("bevaka", "S");
  indexer.add_text("påverka", "S");
  auto a = positions_of(doc, "Sbevaka");
  auto b = positions_of(doc, "Spåverka");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_GT(b[0], a[0] + 1);
}

TEST(Analyzer, StopperKnowsSwedishFunctionWords) {
  const Xapian::Stopper& stopper = swedish_stopper();
  EXPECT_TRUE(stopper("och"));
  EXPECT_TRUE(stopper("att"));
  EXPECT_FALSE(stopper("landsting"));
}

}  // namespace
}  // namespace klausul
