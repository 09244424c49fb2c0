#include "index/clause_lookup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/schema.h"
#include "index/stored_data.h"
#include "ingest/error.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

class ClauseLookupTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  IndexWriter writer{db};

  std::string text_of(const std::string& clause_id) {
    const auto docid = find_clause(db, clause_id);
    return docid ? clause_of_document(db.get_document(*docid)).text : "(none)";
  }
};

// Clauses carry no term of their own: each is found by its document and ordinal.
TEST_F(ClauseLookupTest, EveryClauseIsFoundByItsIdWithoutATermOfItsOwn) {
  std::vector<std::string> texts;
  for (int i = 1; i <= 12; ++i) texts.push_back("Klausul nummer " + std::to_string(i) + ".");
  writer.replace_file(testing::ingested_file("aaa", "orebro", texts));
  writer.replace_file(testing::ingested_file("bbb", "skane", {"Skånes första.", "Andra."}));
  EXPECT_FALSE(db.term_exists(schema::clause_term("aaa:1")));
  for (int i = 1; i <= 12; ++i) {
    EXPECT_EQ(text_of("aaa:" + std::to_string(i)), texts[i - 1]);
  }
  EXPECT_EQ(text_of("bbb:2"), "Andra.");
  for (const std::string id : {"aaa:13", "aaa:0", "ccc:1", "aaa", "aaa:", ":1", "aaa:x1", ""}) {
    EXPECT_FALSE(find_clause(db, id)) << id;
  }
  // The document record and the section records share the XD term: never taken for a clause.
  EXPECT_FALSE(find_clause(db, "bbb:3"));
}

TEST_F(ClauseLookupTest, DocumentOfClauseIsTheClausesOrAUsageError) {
  writer.replace_file(testing::ingested_file("bbb", "skane", {"Skånes första.", "Andra."}));
  EXPECT_EQ(clause_of_document(document_of_clause(db, "bbb:2")).text, "Andra.");
  try {
    document_of_clause(db, "bbb:3");
    FAIL() << "no error for a record's ordinal";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "no clause with id 'bbb:3'");
  }
}

// A document's postings need not begin with its clauses (a copy of the file in another shard
// interleaves them): the document's clauses are then searched.
TEST_F(ClauseLookupTest, ClausesAfterOtherPostingsOfTheirDocumentAreFound) {
  Xapian::Document stray;
  stray.add_boolean_term(schema::document_term("aaa"));
  stray.set_data("XAaaa/1");
  db.add_document(stray);
  IngestedFile file = testing::ingested_file("aaa", "orebro", {"Ett.", "Två.", "Tre."});
  for (const Clause& clause : file.clauses) {
    Xapian::Document doc;
    doc.add_value(schema::kClauseSlot, clause_to_data(clause));
    doc.add_boolean_term(schema::document_term("aaa"));
    doc.add_boolean_term(schema::kKindPrefix + schema::kClauseKind);
    db.add_document(doc);
  }
  EXPECT_EQ(text_of("aaa:1"), "Ett.");
  EXPECT_EQ(text_of("aaa:3"), "Tre.");
  EXPECT_FALSE(find_clause(db, "aaa:4"));
}

// Indexes written before 2026-12-03 evening have a Q term per clause: it still finds the clause.
TEST_F(ClauseLookupTest, ClausesOfOlderIndexesAreFoundByTheirTerm) {
  Xapian::Document doc;
  doc.set_data(clause_to_data(testing::clause_with("old:7", "old", 7, "Äldre klausul.")));
  doc.add_boolean_term(schema::clause_term("old:7"));
  db.add_document(doc);
  EXPECT_EQ(text_of("old:7"), "Äldre klausul.");
}

// An index from before the kind terms is read through its clauses' Q terms, in id order.
TEST_F(ClauseLookupTest, ClausesOfAnIndexWithoutKindTermsAreVisitedThroughTheirTerms) {
  for (const std::string id : {"old:2", "old:10", "old:1"}) {
    Xapian::Document doc;
    doc.set_data(clause_to_data(testing::clause_with(id, "old", std::stoi(id.substr(4)), id)));
    doc.add_boolean_term(schema::clause_term(id));
    doc.add_boolean_term(schema::document_term("old"));
    db.add_document(doc);
  }
  std::vector<std::string> ids;
  for_each_clause_in_id_order(db, [&](const Clause& clause, Xapian::docid) {
    ids.push_back(clause.id);
    return true;
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"old:1", "old:10", "old:2"}));
}

// The term model learns in this order: the ids' byte order, over all documents, clauses only.
TEST_F(ClauseLookupTest, ClausesAreVisitedInIdOrderUntilTheVisitorStops) {
  std::vector<std::string> texts;
  for (int i = 1; i <= 11; ++i) texts.push_back("Text " + std::to_string(i) + ".");
  writer.replace_file(testing::ingested_file("bbb", "orebro", texts));
  writer.replace_file(testing::ingested_file("aaa", "skane", {"Först.", "Sedan."}));
  std::vector<std::string> ids;
  for_each_clause_in_id_order(db, [&](const Clause& clause, Xapian::docid docid) {
    EXPECT_EQ(clause_of_document(db.get_document(docid)).id, clause.id);
    ids.push_back(clause.id);
    return true;
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"aaa:1", "aaa:2", "bbb:1", "bbb:10", "bbb:11",
                                           "bbb:2", "bbb:3", "bbb:4", "bbb:5", "bbb:6", "bbb:7",
                                           "bbb:8", "bbb:9"}));
  size_t visited = 0;
  for_each_clause_in_id_order(db, [&](const Clause&, Xapian::docid) { return ++visited < 3; });
  EXPECT_EQ(visited, 3u);
}

// A section key term begins with its document's XD term (index/schema.h): the clauses under
// a trail are still visited once, with their document.
TEST_F(ClauseLookupTest, ClausesUnderSectionTrailsAreVisitedOnce) {
  IngestedFile file = testing::ingested_file("ccc", "orebro", {"Mål", "Första målet.", "Andra."});
  file.clauses[0].kind = BlockKind::heading;
  file.clauses[1].section = {"Mål"};
  file.clauses[2].section = {"Mål"};
  writer.replace_file(file);
  ASSERT_TRUE(db.term_exists(schema::section_key_term("ccc", 1)));
  std::vector<std::string> ids;
  for_each_clause_in_id_order(db, [&](const Clause& clause, Xapian::docid) {
    ids.push_back(clause.id);
    return true;
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"ccc:1", "ccc:2", "ccc:3"}));
}

}  // namespace
}  // namespace klausul
