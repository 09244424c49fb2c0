#include "search/clause_context.h"

#include <gtest/gtest.h>

#include "index/writer.h"
#include "ingest/error.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

class ClauseContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(db);
    writer.replace_file(testing::ingested_file("doc", "stockholm",
                                               {"Ett.", "Två.", "Tre.", "Fyra.", "Fem.", "Sex."}));
  }
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(ClauseContextTest, TheClauseAmongItsNeighboursInDocumentOrder) {
  const ClauseContext context = clause_in_context(db, "doc:3", 1);
  ASSERT_EQ(context.clauses.size(), 3u);
  EXPECT_EQ(context.clauses[0].clause.id, "doc:2");
  EXPECT_EQ(context.clauses[1].clause.id, "doc:3");
  EXPECT_EQ(context.clauses[2].clause.id, "doc:4");
  EXPECT_EQ(context.focus, 1u);
  EXPECT_EQ(context.document.title, "Riktlinjer doc");
  EXPECT_EQ(context.clauses[1].document.region, "stockholm");
}

TEST_F(ClauseContextTest, StopsAtTheEdgesOfTheDocument) {
  const ClauseContext first = clause_in_context(db, "doc:1", 2);
  ASSERT_EQ(first.clauses.size(), 3u);
  EXPECT_EQ(first.focus, 0u);
  const ClauseContext last = clause_in_context(db, "doc:6", 10);
  EXPECT_EQ(last.clauses.size(), 6u);
  EXPECT_EQ(last.focus, 5u);
  EXPECT_EQ(clause_in_context(db, "doc:4", 0).clauses.size(), 1u);
}

TEST_F(ClauseContextTest, ClauseIdsAreToldFromDocumentsAndUnknownIdsAreUsageErrors) {
  EXPECT_TRUE(is_clause_id(db, "doc:2"));
  EXPECT_FALSE(is_clause_id(db, "doc"));
  EXPECT_FALSE(is_clause_id(db, ""));
  EXPECT_THROW(clause_in_context(db, "doc:99", 1), UsageError);
  EXPECT_THROW(clause_in_context(db, "doc:2", -1), UsageError);
}

}  // namespace
}  // namespace klausul
