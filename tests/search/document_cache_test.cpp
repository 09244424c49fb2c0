#include "search/document_cache.h"

#include <gtest/gtest.h>

#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

class DocumentCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter(db).replace_file(testing::ingested_file("sth", "stockholm", {"En klausul."}));
    db.commit();
  }
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(DocumentCacheTest, ReadsTheRecordWithoutVersions) {
  DocumentCache documents(db, nullptr);
  EXPECT_EQ(documents.get("sth").region, "stockholm");
  EXPECT_EQ(&documents.get("sth"), &documents.get("sth"));  // looked up once
}

TEST_F(DocumentCacheTest, TakesTheVersionsRecordWhenTheyKnowIt) {
  DocumentInfo elsewhere = list_documents(db).at(0);
  elsewhere.region = "orebro";  // not what the index says: proves where it came from
  const VersionIndex versions = VersionIndex::build({elsewhere}, "2026-12-03");
  DocumentCache documents(db, &versions);
  EXPECT_EQ(documents.get("sth").region, "orebro");
}

TEST_F(DocumentCacheTest, ADocumentWithoutARecordKeepsItsId) {
  DocumentCache documents(db, nullptr);
  EXPECT_EQ(documents.get("gone").id, "gone");
  EXPECT_TRUE(documents.get("gone").region.empty());
}

}  // namespace
}  // namespace klausul
