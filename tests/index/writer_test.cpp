#include "index/writer.h"

#include <gtest/gtest.h>

#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

#include "index/schema.h"

namespace klausul {
namespace {

IngestedFile make_file(const std::string& id, const std::string& path,
                       const std::vector<std::string>& texts) {
  IngestedFile file = testing::ingested_file(id, "orebro", texts);
  file.info.path = path;
  file.info.region_name = "Region Örebro län";
  file.info.doc_type = "Riktlinjer";
  file.info.year = 2012;
  return file;
}

Xapian::doccount count(const Xapian::Database& db, const std::string& term) {
  return db.get_termfreq(term);
}

class WriterTest : public ::testing::Test {
 protected:
  // Transactions need a disk backend (the in-memory one has none).
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  IndexWriter writer{db};
};

TEST_F(WriterTest, AddsOneDocumentPerClausePlusARecord) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Internationellt engagemang.", "Vänregion."}));
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_EQ(count(db, schema::clause_term("aaa:1")), 1u);
  EXPECT_EQ(count(db, schema::kRegionPrefix + "orebro"), 2u);
  EXPECT_EQ(count(db, schema::kTypePrefix + "riktlinjer"), 2u);  // filter values folded
  EXPECT_EQ(count(db, schema::kYearPrefix + "2012"), 2u);
  auto record = find_document_by_path(db, "/c/a.txt");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->clauses, 2);
  EXPECT_EQ(record->region_name, "Region Örebro län");
}

TEST_F(WriterTest, ReplacingAFileRemovesItsOldClauses) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Gammal text.", "Gammal två.", "Tre."}));
  writer.replace_file(make_file("bbb", "/c/a.txt", {"Ny text."}));
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(count(db, schema::document_term("aaa")), 0u);
  EXPECT_EQ(count(db, schema::clause_term("bbb:1")), 1u);
  EXPECT_EQ(count(db, "gammal"), 0u);
  EXPECT_EQ(find_document_by_path(db, "/c/a.txt")->id, "bbb");
}

TEST_F(WriterTest, OtherFilesAreUntouchedByAReplace) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Första filen."}));
  writer.replace_file(make_file("ccc", "/c/c.txt", {"Andra filen."}));
  writer.replace_file(make_file("ddd", "/c/a.txt", {"Första filen, ny."}));
  EXPECT_EQ(count(db, schema::clause_term("ccc:1")), 1u);
  EXPECT_EQ(list_documents(db).size(), 2u);
}

TEST_F(WriterTest, RemovePathDeletesClausesAndRecord) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Text."}));
  writer.replace_file(make_file("ccc", "/c/c.txt", {"Annan text."}));
  EXPECT_TRUE(writer.remove_path("/c/a.txt"));
  EXPECT_FALSE(writer.remove_path("/c/a.txt"));
  EXPECT_EQ(count(db, schema::document_term("aaa")), 0u);
  EXPECT_FALSE(find_document_by_path(db, "/c/a.txt").has_value());
  EXPECT_TRUE(find_document_by_id(db, "ccc").has_value());
}

TEST_F(WriterTest, HeadingsAreSectionWordsNotFreeText) {
  IngestedFile file = make_file("aaa", "/c/a.txt", {"Strategiska mål", "Landstinget ska delta."});
  file.clauses[0].kind = BlockKind::heading;
  file.clauses[1].section = {"Strategiska mål"};
  writer.replace_file(file);
  EXPECT_EQ(count(db, "strategiska"), 0u);
  EXPECT_EQ(count(db, schema::kSectionPrefix + "strategiska"), 2u);
  EXPECT_EQ(count(db, "landstinget"), 1u);
}

TEST_F(WriterTest, ListDocumentsIsSortedByPath) {
  writer.replace_file(make_file("zzz", "/c/b.txt", {"B."}));
  writer.replace_file(make_file("yyy", "/c/a.txt", {"A."}));
  auto documents = list_documents(db);
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[0].path, "/c/a.txt");
  EXPECT_EQ(documents[1].path, "/c/b.txt");
}

}  // namespace
}  // namespace klausul
