#include "index/clause_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

class ClauseSetTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  IndexWriter writer{db};

  // Two documents, the first with a section trail (a section record beside its document
  // record), so that records come between and after the clauses.
  void write_two_documents() {
    IngestedFile first = testing::ingested_file(
        "aaa", "orebro", {"Mål", "Landstinget ska delta i nätverk.", "Uppföljning sker årligen."});
    first.clauses[0].kind = BlockKind::heading;
    first.clauses[1].section = {"Mål"};
    first.clauses[2].section = {"Mål"};
    writer.replace_file(first);
    writer.replace_file(testing::ingested_file("bbb", "skane", {"Skånes första.", "Andra."}));
    db.commit();
  }

  std::vector<std::string> clause_ids_walked() {
    std::vector<std::string> ids;
    for_each_clause_docid(db, [&](Xapian::docid docid) {
      ids.push_back(clause_of_document(db.get_document(docid)).id);
      return true;
    });
    return ids;
  }
};

TEST_F(ClauseSetTest, ClausesAreTheDocumentsThatAreNotRecordsAndCarryNoKindTerm) {
  write_two_documents();
  ASSERT_GT(db.get_termfreq(schema::kKindPrefix + schema::kSectionKind), 0u);
  EXPECT_EQ(db.get_termfreq(schema::kKindPrefix + schema::kDocumentKind), 2u);
  EXPECT_FALSE(db.term_exists(schema::kKindPrefix + schema::kClauseKind));
  EXPECT_EQ(clause_count(db), 5u);
  EXPECT_EQ(clause_ids_walked(),
            (std::vector<std::string>{"aaa:1", "aaa:2", "aaa:3", "bbb:1", "bbb:2"}));
  Xapian::Enquire enquire(db);
  enquire.set_query(only_clauses(Xapian::Query(schema::document_term("aaa"))));
  EXPECT_EQ(enquire.get_mset(0, 100).size(), 3u);  // the document's records left out
}

TEST_F(ClauseSetTest, TheWalkStopsWhenAsked) {
  write_two_documents();
  size_t visited = 0;
  for_each_clause_docid(db, [&](Xapian::docid) { return ++visited < 2; });
  EXPECT_EQ(visited, 2u);
}

// A clause written before 2026-12-04 carries XKclause: still one clause.
TEST_F(ClauseSetTest, AClauseWithTheOlderKindTermCountsOnce) {
  write_two_documents();
  const Xapian::docid first = *db.postlist_begin(schema::document_term("bbb"));
  Xapian::Document clause = db.get_document(first);
  clause.add_boolean_term(schema::kKindPrefix + schema::kClauseKind);
  db.replace_document(first, clause);
  db.commit();
  EXPECT_EQ(clause_count(db), 5u);
  EXPECT_EQ(clause_ids_walked().size(), 5u);
}

TEST_F(ClauseSetTest, AnEmptyIndexHasNoClauses) {
  EXPECT_EQ(clause_count(db), 0u);
  EXPECT_TRUE(clause_ids_walked().empty());
}

}  // namespace
}  // namespace klausul
