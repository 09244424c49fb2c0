#include "index/lane_shards.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "index/schema.h"
#include "index/swedish_stemmer.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

namespace fs = std::filesystem;

IngestedFile file_of(const std::string& id, const std::string& path, const std::string& word,
                     int clauses) {
  std::vector<std::string> texts;
  for (int c = 0; c < clauses; ++c) {
    texts.push_back("Regionen ska följa upp " + word + " i område " + std::to_string(c) + ".");
  }
  IngestedFile file = testing::ingested_file(id, "orebro", texts);
  file.info.path = path;
  return file;
}

// A writer shard as a killed parallel import leaves it: committed, not merged.
void leave_shard(const std::string& shard, const std::vector<IngestedFile>& files) {
  Xapian::WritableDatabase lane(shard, Xapian::DB_CREATE_OR_OVERWRITE);
  IndexWriter writer(lane);
  for (const IngestedFile& file : files) writer.replace_file(file);
  writer.commit();
}

// Clauses of one word in the index (each clause names its word once).
Xapian::doccount clauses_with(const Xapian::Database& db, const std::string& word) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Z" + stem_swedish(word)));  // body text: stems only
  return enquire.get_mset(0, 1000).size();
}

TEST(LaneShards, LeftoverShardsAreTheLaneFoldersOnly) {
  testing::TempDir dir;
  fs::create_directories(dir / "db/.lane-1");
  fs::create_directories(dir / "db/.lane-0");
  fs::create_directories(dir / "db/.compact-new");
  fs::create_directories(dir / "db/lane-2");
  EXPECT_EQ(lane_shard_path(dir / "db", 0), dir / "db/.lane-0");
  EXPECT_EQ(leftover_lane_shards(dir / "db"),
            (std::vector<std::string>{dir / "db/.lane-0", dir / "db/.lane-1"}));
  remove_lane_shards(leftover_lane_shards(dir / "db"));
  EXPECT_TRUE(leftover_lane_shards(dir / "db").empty());
  EXPECT_TRUE(fs::exists(dir / "db/lane-2"));
}

TEST(LaneShards, TheNextWriterCopiesALeftoverShardsFilesInOnce) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(file_of("a", "/docs/a.txt", "alfa", 3));
  writer.replace_file(file_of("old", "/docs/c.txt", "gamma", 4));  // c.txt before its update
  writer.commit();
  leave_shard(lane_shard_path(path, 0), {file_of("b", "/docs/b.txt", "beta", 5),
                                         file_of("new", "/docs/c.txt", "delta", 2)});
  // Merged already but not removed when the process died: copying it again changes nothing.
  leave_shard(lane_shard_path(path, 1), {file_of("a", "/docs/a.txt", "alfa", 3)});
  fs::create_directories(lane_shard_path(path, 2));  // died before its first commit

  EXPECT_EQ(recover_lane_shards(db, path), 3);
  EXPECT_TRUE(leftover_lane_shards(path).empty());
  db.commit();
  const std::vector<DocumentInfo> documents = list_documents(db);
  ASSERT_EQ(documents.size(), 3u);
  EXPECT_EQ(documents[0].path, "/docs/a.txt");
  EXPECT_EQ(documents[1].path, "/docs/b.txt");
  EXPECT_EQ(documents[2].path, "/docs/c.txt");
  EXPECT_EQ(documents[2].id, "new");  // the shard's newer version replaced the old one
  EXPECT_EQ(clauses_with(db, "alfa"), 3u);
  EXPECT_EQ(clauses_with(db, "beta"), 5u);
  EXPECT_EQ(clauses_with(db, "delta"), 2u);
  EXPECT_EQ(clauses_with(db, "gamma"), 0u);
  EXPECT_EQ(recover_lane_shards(db, path), 0);  // nothing left to do
}

TEST(LaneShards, AnUnreadableShardIsKeptForTheNextTry) {
  testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  const std::string shard = lane_shard_path(path, 0);
  leave_shard(shard, {file_of("b", "/docs/b.txt", "beta", 5)});
  fs::resize_file(fs::path(shard) / "postlist.glass", 100);  // damaged
  EXPECT_THROW(recover_lane_shards(db, path), IndexError);
  EXPECT_TRUE(fs::exists(shard));
}

}  // namespace
}  // namespace klausul
