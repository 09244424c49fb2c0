#include "index/failed_files.h"

#include <gtest/gtest.h>

#include "tests/temp_dir.h"

namespace klausul {
namespace {

TEST(FailedFiles, RememberedAcrossCommitsAndForgotten) {
  testing::TempDir dir;
  const std::string long_path = "/arkiv/" + std::string(300, 'x') + ".pdf";  // key is hashed
  {
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
    remember_failed_file(db, {"/arkiv/kedja.pdf", 7000, 1700000000, "extraction stopped after 60 s"});
    remember_failed_file(db, {long_path, 5, 6, "extraction crashed (signal 11)"});
    db.commit();
  }
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_OPEN);
  auto failed = read_failed_files(db);
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed["/arkiv/kedja.pdf"].size, 7000);
  EXPECT_EQ(failed["/arkiv/kedja.pdf"].mtime, 1700000000);
  EXPECT_EQ(failed["/arkiv/kedja.pdf"].reason, "extraction stopped after 60 s");
  EXPECT_EQ(failed[long_path].reason, "extraction crashed (signal 11)");

  remember_failed_file(db, {"/arkiv/kedja.pdf", 7001, 1700000001, "extraction ran out of memory"});
  forget_failed_file(db, long_path);
  forget_failed_file(db, "/arkiv/never-failed.pdf");
  db.commit();
  failed = read_failed_files(db);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed["/arkiv/kedja.pdf"].size, 7001);
  EXPECT_EQ(failed["/arkiv/kedja.pdf"].reason, "extraction ran out of memory");
}

TEST(FailedFiles, KindOfAReason) {
  EXPECT_EQ(failure_kind("extraction stopped after 60 s"), "timed out");
  EXPECT_EQ(failure_kind("extraction crashed (signal 11)"), "crashed");
  EXPECT_EQ(failure_kind("extraction ended without a result (truncated message)"), "crashed");
  EXPECT_EQ(failure_kind("extraction ran out of memory"), "out of memory");
  EXPECT_EQ(failure_kind("not a PDF"), "failed");
}

}  // namespace
}  // namespace klausul
