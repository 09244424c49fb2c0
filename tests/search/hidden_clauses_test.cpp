#include "search/hidden_clauses.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "index/schema.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

// Documents written as bare Xapian documents: each has the word "avtal" and the XD term of
// the document it belongs to, so that the docids of one document can be made to interleave
// with another's.
void add_clause(Xapian::WritableDatabase& db, const std::string& document_id) {
  Xapian::Document doc;
  doc.add_term("avtal");
  doc.add_boolean_term(schema::document_term(document_id));
  db.add_document(doc);
}

// The matching docids, by the document each belongs to.
std::multiset<std::string> matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::multiset<std::string> documents;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      if ((*term).rfind(schema::kDocumentPrefix, 0) == 0) documents.insert(*term);
    }
  }
  return documents;
}

TEST(HiddenClauses, TheClausesOfHiddenDocumentsAreLeftOutWhereverTheirDocidsLie) {
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  // old: docids 1-2, 5, 7-8 (runs split by another document), new: 3-4, 6, 9.
  for (const char* id : {"old", "old", "new", "new", "old", "new", "old", "old", "new"}) {
    add_clause(db, id);
  }
  db.commit();
  const Xapian::Query all("avtal");
  const auto kept = matches(db, without_hidden_documents(db, all, {"old"}));
  EXPECT_EQ(kept.size(), 4u);
  EXPECT_EQ(kept.count(schema::document_term("new")), 4u);
  // Nothing hidden: the query as it was.
  EXPECT_EQ(matches(db, without_hidden_documents(db, all, {})).size(), 9u);
  // Every document hidden, and one the index does not have.
  EXPECT_TRUE(matches(db, without_hidden_documents(db, all, {"new", "old", "gone"})).empty());
}

TEST(HiddenClauses, EachShardLeavesOutItsOwnClausesOfAHiddenDocument) {
  // Shards number their documents each from 1: a hidden document's docids in one shard say
  // nothing of the other. The same document is in both shards here (a file ingested twice),
  // with other docids in each.
  testing::TempDir dir;
  Xapian::WritableDatabase first{dir / "first", Xapian::DB_CREATE_OR_OPEN};
  Xapian::WritableDatabase second{dir / "second", Xapian::DB_CREATE_OR_OPEN};
  for (const char* id : {"old", "old", "keep", "other"}) add_clause(first, id);
  for (const char* id : {"keep", "keep", "keep", "old", "other", "old"}) add_clause(second, id);
  first.commit();
  second.commit();
  Xapian::Database both(dir / "first");
  both.add_database(Xapian::Database(dir / "second"));
  const Xapian::Query all("avtal");
  const auto kept = matches(both, without_hidden_documents(both, all, {"old", "other"}));
  EXPECT_EQ(kept.size(), 4u);
  EXPECT_EQ(kept.count(schema::document_term("keep")), 4u);
  // The same answer a second time, when the ranges come from what the first request read.
  EXPECT_EQ(matches(both, without_hidden_documents(both, all, {"old", "other"})), kept);
}

TEST(HiddenClauses, ADocumentWrittenAgainIsLeftOutAtItsNewDocids) {
  // Removed and written again (the same file ingested again after a removal), a document has
  // new docids; what an earlier request read about the old ones must not be used.
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  for (const char* id : {"old", "old", "new"}) add_clause(db, id);
  db.commit();
  const Xapian::Query all("avtal");
  ASSERT_EQ(matches(db, without_hidden_documents(db, all, {"old"})).size(), 1u);
  db.delete_document(schema::document_term("old"));
  add_clause(db, "new");  // docid 4: the index's counts are those before, plus one
  add_clause(db, "old");
  add_clause(db, "old");
  db.delete_document(4);
  db.commit();
  const auto kept = matches(db, without_hidden_documents(db, all, {"old"}));
  EXPECT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept.count(schema::document_term("new")), 1u);
}

}  // namespace
}  // namespace klausul
