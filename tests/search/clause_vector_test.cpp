#include "search/clause_vector.h"

#include <gtest/gtest.h>

#include "index/clause_lookup.h"

#include <cmath>
#include <sstream>

#include "index/schema.h"
#include "index/writer.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

// Vectors are built against a small index, so that idf is real.
class ClauseVectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const IngestedFile file = testing::ingested_file(
        "doc", "orebro",
        {"Företrädarna har ett tydligt uppdrag.", "Tandvården är öppen.",
         "Landstinget har en företrädare i Bryssel.", "Kollektivtrafiken går."});
    IndexWriter(db).replace_file(file);
  }
  ClauseVector vector(const std::string& text) { return vector_of_text(idf, text, canon); }

  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  IdfCache idf{db};
  StemCanon canon{SynonymTable::standard()};
};

TEST_F(ClauseVectorTest, CosineIsOneForTheSameWordsAndZeroForNone) {
  const ClauseVector a = vector("Uppdraget är tydligt.");
  EXPECT_NEAR(cosine(a, vector("tydliga uppdrag")), 1.0, 1e-9);  // same stems
  EXPECT_EQ(cosine(a, vector("Tandvården är öppen.")), 0.0);
  const double partial = cosine(a, vector("Uppdraget gäller Bryssel."));
  EXPECT_GT(partial, 0.0);
  EXPECT_LT(partial, 1.0);
}

TEST_F(ClauseVectorTest, StoredStemListGivesTheSameVectorAsTheTermList) {
  // The writer stores the stems in a value (one read on a remote shard); an index written
  // before that has none and the term list is read: both must give the same vector.
  Xapian::Document stored = db.get_document(find_clause(db, "doc:3").value());
  ASSERT_FALSE(stored.get_value(schema::kStemsSlot).empty());
  Xapian::Document older = stored;
  older.remove_value(schema::kStemsSlot);
  const ClauseVector from_value = vector_of_document(idf, stored, canon);
  const ClauseVector from_terms = vector_of_document(idf, older, canon);
  ASSERT_FALSE(from_value.empty());
  ASSERT_EQ(from_value.weights.size(), from_terms.weights.size());
  for (size_t i = 0; i < from_value.weights.size(); ++i) {
    EXPECT_EQ(from_value.weights[i].first, from_terms.weights[i].first);
    EXPECT_DOUBLE_EQ(from_value.weights[i].second, from_terms.weights[i].second);
  }
}

TEST_F(ClauseVectorTest, AClauseUnderATrailKeepsItsSectionStemsOnBothSides) {
  // The trail's words live on a section record; the clause's stem list keeps their stems, and
  // the query side (which also reads the term list, for words) must use them too.
  IngestedFile file = testing::ingested_file("sec", "orebro", {"Företrädarna reser."});
  file.clauses[0].section = {"Uppdrag i Bryssel"};
  IndexWriter(db).replace_file(file);
  db.commit();
  IdfCache fresh(db);
  const Xapian::Document doc = db.get_document(find_clause(db, "sec:1").value());
  const ClauseVector candidate = vector_of_document(fresh, doc, canon);
  const ClauseVector query = vector_of_document(fresh, doc, canon, true);
  EXPECT_GT(weight_of(candidate, "uppdrag"), 0.0);  // a section stem, weighed less
  EXPECT_LT(weight_of(candidate, "uppdrag"), weight_of(candidate, "företrädar"));
  ASSERT_EQ(query.weights.size(), candidate.weights.size());
  for (size_t i = 0; i < query.weights.size(); ++i) {
    EXPECT_EQ(query.weights[i].first, candidate.weights[i].first);
    EXPECT_DOUBLE_EQ(query.weights[i].second, candidate.weights[i].second);
  }
  EXPECT_EQ(query.surface.at("företrädar"), "företrädarna");
  // idf's N counts clauses and document records, as before there were section records.
  EXPECT_EQ(counted_documents(db), 5u + 2u);
  EXPECT_EQ(db.get_doccount(), 5u + 2u + 1u);
}

TEST_F(ClauseVectorTest, SharedIdfFollowsTheDatabaseState) {
  // "Ztandvård" is in 1 of 4 clauses (plus one document record): idf = log(1 + 5 / 1).
  IdfCache first(db);
  const double before = first.idf("Ztandvård");
  EXPECT_NEAR(before, std::log(1.0 + db.get_doccount() / 1.0), 1e-9);
  EXPECT_DOUBLE_EQ(IdfCache(db).idf("Ztandvård"), before);  // same state: the shared value
  // Another document with the word: a new state, so the value is looked up again.
  IndexWriter(db).replace_file(testing::ingested_file("two", "orebro", {"Tandvården ringer."}));
  db.commit();
  const double after = IdfCache(db).idf("Ztandvård");
  EXPECT_NEAR(after, std::log(1.0 + db.get_doccount() / 2.0), 1e-9);
  EXPECT_LT(after, before);
}

TEST_F(ClauseVectorTest, SynonymsMeetOnOneStem) {
  // synonyms.tsv: landsting = region (the 2019 renaming).
  EXPECT_NEAR(cosine(vector("landstinget"), vector("regionen")), 1.0, 1e-9);
}

TEST_F(ClauseVectorTest, WeightOfFindsStemsAndZeroOtherwise) {
  const ClauseVector a = vector("tydliga uppdrag");
  EXPECT_GT(weight_of(a, "uppdrag"), 0.0);
  EXPECT_EQ(weight_of(a, "tandvård"), 0.0);
}

TEST_F(ClauseVectorTest, SoftCosineCountsThesaurusNeighboursPartly) {
  // (Words outside synonyms.tsv and related.tsv, whose groups already share one stem.)
  std::istringstream dat("UTF-8\nfullmakt|1\n|befogenhet|bemyndigande\n");
  const Thesaurus thesaurus(dat);
  const ClauseVector query = vector("Kommittén har en tydlig fullmakt.");
  const ClauseVector with_neighbour = vector("Kommittén har en tydlig befogenhet.");
  const ClauseVector without = vector("Kommittén har en tydlig hatt.");
  const RelatedStems related(query, thesaurus, canon);
  ASSERT_FALSE(related.empty());
  const double exact = cosine(query, with_neighbour);
  const double soft = soft_cosine(query, with_neighbour, related);
  EXPECT_GT(soft, exact);
  EXPECT_LT(soft, 1.0);
  // Only the neighbour adds: the same sentence with an unrelated word gets the plain cosine.
  EXPECT_DOUBLE_EQ(soft_cosine(query, without, related), cosine(query, without));
  // No thesaurus, no soft part; a weight of 0 switches it off.
  EXPECT_DOUBLE_EQ(soft_cosine(query, with_neighbour, RelatedStems()), exact);
  EXPECT_DOUBLE_EQ(soft_cosine(query, with_neighbour, related, 0.0), exact);
}

TEST_F(ClauseVectorTest, SoftCosineDoesNotCountAWordTwice) {
  std::istringstream dat("UTF-8\nfullmakt|1\n|befogenhet\n");
  const Thesaurus thesaurus(dat);
  // The query has both words: "befogenhet" is matched exactly, not again as a neighbour.
  const ClauseVector query = vector("fullmakt och befogenhet");
  const RelatedStems related(query, thesaurus, canon);
  EXPECT_TRUE(related.empty());
  const ClauseVector other = vector("befogenhet");
  EXPECT_DOUBLE_EQ(soft_cosine(query, other, related), cosine(query, other));
  // Identical vectors stay at 1 however many neighbours they share.
  std::istringstream dat2("UTF-8\nfullmakt|1\n|befogenhet|bemyndigande\n");
  const Thesaurus thesaurus2(dat2);
  const ClauseVector same = vector("fullmakt, befogenhet och bemyndigande");
  EXPECT_LE(soft_cosine(same, same, RelatedStems(same, thesaurus2, canon)), 1.0);
}

}  // namespace
}  // namespace klausul
