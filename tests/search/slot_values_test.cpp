#include "search/slot_values.h"

#include <gtest/gtest.h>

#include "tests/temp_dir.h"

namespace klausul {
namespace {

// Documents 1..n of a fresh database, with "v<docid>" in slot 3 for every odd docid.
void write_values(const std::string& path, int n) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  for (int i = 1; i <= n; ++i) {
    Xapian::Document doc;
    doc.add_boolean_term("Q" + std::to_string(i));
    if (i % 2 == 1) doc.add_value(3, "v" + std::to_string(i));
    db.add_document(doc);
  }
  db.commit();
}

TEST(SlotValues, TheValuesOfTheAskedDocumentsInAnyOrderAndNoneForDocumentsWithout) {
  testing::TempDir dir;
  write_values(dir / "db", 1000);
  const Xapian::Database db(dir / "db");
  const auto values = slot_values(db, 3, {999, 5, 2, 5, 1, 1000, 4000});
  EXPECT_EQ(values.size(), 3u);  // 2 and 1000 have no value, 4000 does not exist
  EXPECT_EQ(values.at(1), "v1");
  EXPECT_EQ(values.at(5), "v5");
  EXPECT_EQ(values.at(999), "v999");
  EXPECT_TRUE(slot_values(db, 4, {1, 3}).empty());  // a slot nobody uses
  EXPECT_TRUE(slot_values(db, 3, {}).empty());
  // The same as opening each document.
  for (Xapian::docid docid = 1; docid <= 1000; docid += 37) {
    const std::string opened = db.get_document(docid).get_value(3);
    const auto read = slot_values(db, 3, {docid});
    EXPECT_EQ(read.empty() ? std::string() : read.at(docid), opened) << docid;
  }
}

TEST(SlotValues, ShardsSeenAsOneGiveEachDocumentItsOwnValue) {
  testing::TempDir dir;
  write_values(dir / "a", 10);
  write_values(dir / "b", 10);
  Xapian::Database both(dir / "a");
  both.add_database(Xapian::Database(dir / "b"));
  // Docids interleave: shard a's document k is 2k - 1, shard b's is 2k.
  const auto values = slot_values(both, 3, {1, 2, 3, 4, 6});
  EXPECT_EQ(values.at(1), "v1");  // a's 1
  EXPECT_EQ(values.at(2), "v1");  // b's 1
  EXPECT_EQ(values.at(6), "v3");  // b's 3
  EXPECT_EQ(values.count(3), 0u);  // a's 2 has none
  EXPECT_EQ(values.count(4), 0u);
}

}  // namespace
}  // namespace klausul
