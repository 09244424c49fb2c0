#include "index/compaction.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "index/stored_data.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

namespace fs = std::filesystem;

// An index folder of `documents` documents of 40 clauses each, committed.
void fill(Xapian::WritableDatabase& db, int documents) {
  IndexWriter writer(db);
  for (int d = 0; d < documents; ++d) {
    std::vector<std::string> texts;
    for (int c = 0; c < 40; ++c) {
      texts.push_back("Regionen ska stärka vården i område " + std::to_string(d * 40 + c) +
                      " och följa upp arbetet med patientsäkerhet varje år.");
    }
    writer.replace_file(testing::ingested_file("doc" + std::to_string(d), "orebro", texts));
  }
  writer.commit();
}

TEST(Compaction, WorthItOnlyForLargeImports) {
  EXPECT_FALSE(worth_compacting(500, 600));              // too few clauses to bother
  EXPECT_FALSE(worth_compacting(3000, 100000));          // a small update of a large index
  EXPECT_TRUE(worth_compacting(3000, 3000));             // a fresh index
  EXPECT_TRUE(worth_compacting(kMinClausesToCompact, 4 * kMinClausesToCompact));
}

TEST(Compaction, ShrinksTheFolderAndKeepsEveryDocument) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  fill(db, 30);
  const Xapian::doccount documents = db.get_doccount();
  const TableSizes before = table_sizes(path);
  const std::uint64_t generation = table_generation(path);
  std::ofstream(dir / "db/klausul-terms.model") << "our own file";

  compact_in_place(db, path);
  db.close();

  const TableSizes after = table_sizes(path);
  EXPECT_GT(before.postlist, 0);
  EXPECT_LT(after.total(), before.total());
  EXPECT_NE(table_generation(path), generation);  // readers must open the new tables
  EXPECT_FALSE(fs::exists(dir / "db/.compact-new"));
  EXPECT_FALSE(fs::exists(dir / "db/.compact-swap"));
  EXPECT_TRUE(fs::exists(dir / "db/klausul-terms.model"));  // not Xapian's: left alone
  Xapian::Database reopened(path);
  EXPECT_EQ(reopened.get_doccount(), documents);
  EXPECT_EQ(reopened.get_termfreq("XDdoc7"), 41u);  // 40 clauses and the record
  // Writing goes on in the compacted folder.
  Xapian::WritableDatabase again(path, Xapian::DB_OPEN);
  fill(again, 31);
  EXPECT_EQ(again.get_doccount(), documents + 41);
}

// A process killed during the renames of the swap: some tables are new, the others and the
// version file still wait in the copy folder. Whoever opens the folder next finishes it.
TEST(Compaction, AHalfDoneSwapIsFinishedByTheNextOpen) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  const std::string copy = dir / "copy";
  Xapian::doccount documents = 0;
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    fill(db, 20);
    documents = db.get_doccount();
    Xapian::Database(path).compact(copy, Xapian::DBCOMPACT_NO_RENUMBER);
  }
  fs::rename(copy, dir / "db/.compact-new");
  std::ofstream(dir / "db/.compact-swap").flush();
  // Two tables made it before the "crash".
  fs::rename(dir / "db/.compact-new/postlist.glass", dir / "db/postlist.glass");
  fs::rename(dir / "db/.compact-new/docdata.glass", dir / "db/docdata.glass");

  finish_interrupted_compaction(path);

  EXPECT_FALSE(fs::exists(dir / "db/.compact-swap"));
  EXPECT_FALSE(fs::exists(dir / "db/.compact-new"));
  Xapian::Database db(path);
  EXPECT_EQ(db.get_doccount(), documents);
  EXPECT_EQ(db.get_termfreq("XDdoc3"), 41u);
  // The docdata table came from the copy, the values (in the postlist table) too.
  EXPECT_NE(clause_of_document(db.get_document(*db.postlist_begin("XDdoc3"))).text, "");
}

// Killed while still writing the copy (no marker yet): the index was never touched, and the
// half-written copy is removed.
TEST(Compaction, AHalfWrittenCopyIsDropped) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::doccount documents = 0;
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    fill(db, 5);
    documents = db.get_doccount();
  }
  fs::create_directories(dir / "db/.compact-new");
  std::ofstream(dir / "db/.compact-new/postlist.glass") << "half";

  finish_interrupted_compaction(path);

  EXPECT_FALSE(fs::exists(dir / "db/.compact-new"));
  EXPECT_EQ(Xapian::Database(path).get_doccount(), documents);
}

TEST(Compaction, TableSizesOfAFolder) {
  testing::TempDir dir;
  EXPECT_EQ(table_sizes(dir / "none").total(), 0);
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  fill(db, 3);
  const TableSizes sizes = table_sizes(dir / "db");
  EXPECT_EQ(sizes.total(), sizes.postlist + sizes.termlist + sizes.position + sizes.docdata +
                               sizes.other);
  EXPECT_EQ(sizes.postlist, static_cast<std::int64_t>(fs::file_size(dir / "db/postlist.glass")));
  EXPECT_GT(sizes.docdata, 0);
}

TEST(Compaction, MergeInPlaceAddsTheDocumentsOfOtherFolders) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  fill(db, 3);
  {
    Xapian::WritableDatabase other(dir / "other", Xapian::DB_CREATE_OR_OPEN);
    IndexWriter writer(other);
    writer.replace_file(testing::ingested_file("extra", "orebro", {"Regionen ska bevaka EU."}));
    writer.commit();
  }
  const Xapian::doccount documents = db.get_doccount();
  merge_in_place(db, path, {dir / "other"});
  db.close();
  EXPECT_FALSE(fs::exists(dir / "db/.compact-new"));
  Xapian::Database merged(path);
  EXPECT_EQ(merged.get_doccount(), documents + 2);  // the clause and its record
  EXPECT_EQ(merged.get_termfreq("XDextra"), 2u);
  EXPECT_EQ(merged.get_termfreq("XDdoc2"), 41u);
  EXPECT_EQ(list_documents(merged).size(), 4u);
  EXPECT_TRUE(fs::exists(dir / "other"));  // the caller removes the sources
}

TEST(Compaction, AMergeThatFailsLeavesTheIndexAsItWas) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  fill(db, 2);
  const std::uint64_t generation = table_generation(path);
  EXPECT_THROW(merge_in_place(db, path, {dir / "missing"}), IndexError);
  EXPECT_EQ(table_generation(path), generation);
  EXPECT_FALSE(fs::exists(dir / "db/.compact-new"));
  EXPECT_EQ(db.get_termfreq("XDdoc1"), 41u);
}

}  // namespace
}  // namespace klausul
