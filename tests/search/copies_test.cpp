#include "search/copies.h"

#include <gtest/gtest.h>

#include "index/fingerprint.h"
#include "index/schema.h"

namespace klausul {
namespace {

// A clause as the writer leaves it: its fingerprint's bucket term and value, or (written
// before buckets) the whole fingerprint's term.
Xapian::docid add_clause(Xapian::WritableDatabase& db, const std::string& fingerprint,
                         bool older = false) {
  Xapian::Document doc;
  doc.add_boolean_term(older ? schema::kFingerprintPrefix + fingerprint
                             : fingerprint_bucket_term(fingerprint));
  doc.add_value(schema::kFingerprintSlot, fingerprint);
  return db.add_document(doc);
}

std::vector<Xapian::docid> matched(const Xapian::Database& db, const std::string& identity) {
  Xapian::Enquire enquire(db);
  enquire.set_query(copies_query(identity));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<Xapian::docid> docids;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
  return docids;
}

TEST(Copies, ATextsCopiesAreItsBucketsClausesWithItsFingerprintOldAndNew) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string text = "abcd000000000001";
  const std::string neighbour = "abcd0000000000ff";  // same bucket, another text
  const Xapian::docid first = add_clause(db, text);
  add_clause(db, neighbour);
  const Xapian::docid older = add_clause(db, text, true);
  const Xapian::docid third = add_clause(db, text);
  add_clause(db, "ffff000000000001");
  ASSERT_EQ(fingerprint_bucket_term(text), fingerprint_bucket_term(neighbour));

  const std::string identity = schema::kFingerprintPrefix + text;
  const std::vector<Xapian::docid> all{first, older, third};
  EXPECT_EQ(copies_of(db, identity, 10), all);
  EXPECT_EQ(matched(db, identity), all);  // the query remote shards run
  EXPECT_EQ(copies_of(db, identity, 2), (std::vector<Xapian::docid>{first, older}));
  EXPECT_EQ(copies_of(db, schema::kFingerprintPrefix + neighbour, 10).size(), 1u);
  EXPECT_TRUE(copies_of(db, schema::kFingerprintPrefix + "abcd000000000002", 10).empty());
}

TEST(Copies, AClauseIdIdentityIsItsOwnTerm) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_boolean_term(schema::kClauseIdPrefix + "doc:1");
  const Xapian::docid id = db.add_document(doc);
  EXPECT_EQ(copies_of(db, schema::kClauseIdPrefix + "doc:1", 5),
            (std::vector<Xapian::docid>{id}));
}

}  // namespace
}  // namespace klausul
