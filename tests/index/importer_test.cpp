#include "index/importer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "index/lane_shards.h"
#include "index/swedish_stemmer.h"
#include "index/writer.h"
#include "ingest/regions.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

namespace fs = std::filesystem;

class Quiet : public ImportObserver {
 public:
  void on_file(const FileReport& report) override { reports.push_back(report); }
  std::vector<FileReport> reports;
};

// `count` text files, each with three clauses and a word of its own ("ordN").
std::vector<std::string> write_files(const fs::path& folder, int first, int count) {
  fs::create_directories(folder);
  std::vector<std::string> paths;
  for (int f = first; f < first + count; ++f) {
    const fs::path path = folder / ("riktlinje" + std::to_string(f) + ".txt");
    std::ofstream out(path);
    out << "Region Örebro län\n\nRiktlinjer " << f << "\n\n";
    for (int p = 0; p < 3; ++p) {
      out << "Regionen ska följa upp arbetet i område " << p << " med ord" << f << " varje år.\n\n";
    }
    paths.push_back(path.string());
  }
  return paths;
}

ImportSummary import(const std::string& index, const std::vector<std::string>& files, int jobs,
                     bool shards_allowed = true) {
  Xapian::WritableDatabase db(index, Xapian::DB_CREATE_OR_OPEN);
  ImportOptions options;
  options.jobs = jobs;
  options.ingest.regions = &RegionTable::builtin();
  options.extract_in_process = ingest_bytes;
  if (shards_allowed) options.index_path = index;
  Quiet observer;
  const std::atomic<bool> stop{false};
  ImportSummary summary = run_import(db, files, options, observer, stop);
  EXPECT_EQ(observer.reports.size(), files.size());
  return summary;  // `db` closes here: after a merge it reads the replaced tables
}

size_t clauses_with(const std::string& index, const std::string& word) {
  Xapian::Database db(index);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Z" + stem_swedish(word)));  // body text: stems only
  return enquire.get_mset(0, 1000).size();
}

TEST(Importer, WithoutAWorkerOrAnInProcessExtractorNothingIsImported) {
  testing::TempDir dir;
  const std::string index = dir / "db";
  const std::vector<std::string> files = write_files(dir / "docs", 0, 2);
  Xapian::WritableDatabase db(index, Xapian::DB_CREATE_OR_OPEN);
  ImportOptions options;
  options.ingest.regions = &RegionTable::builtin();
  Quiet observer;
  const std::atomic<bool> stop{false};
  EXPECT_THROW(run_import(db, files, options, observer, stop), std::invalid_argument);
  EXPECT_TRUE(observer.reports.empty());
  EXPECT_EQ(db.get_doccount(), 0u);
}

TEST(Importer, ALargeImportWithTwoJobsWritesShardsAndMergesThem) {
  testing::TempDir dir;
  std::vector<std::string> files = write_files(dir / "docs", 0, 40);
  fs::copy_file(files[5], dir / "docs/kopia.txt");  // the same content twice: indexed once
  files.push_back(dir / "docs/kopia.txt");
  const std::string index = dir / "db";
  const ImportSummary summary = import(index, files, 2);
  EXPECT_EQ(summary.added, 40);
  EXPECT_EQ(summary.duplicate, 1);
  EXPECT_GE(summary.merged_shards, 1);
  EXPECT_LE(summary.merged_shards, 2);
  EXPECT_TRUE(leftover_lane_shards(index).empty());
  EXPECT_EQ(list_documents(Xapian::Database(index)).size(), 40u);
  for (int f : {0, 5, 17, 39}) EXPECT_EQ(clauses_with(index, "ord" + std::to_string(f)), 3u) << f;

  // A second run changes nothing and merges nothing.
  const ImportSummary again = import(index, files, 2);
  EXPECT_EQ(again.unchanged, 40);
  EXPECT_EQ(again.merged_shards, 0);
}

TEST(Importer, SmallImportsAndOneJobKeepOneWriter) {
  testing::TempDir dir;
  const std::string index = dir / "db";
  EXPECT_EQ(import(index, write_files(dir / "docs", 0, 40), 1).merged_shards, 0);  // one job
  // Ten new files against forty indexed: a merge would rewrite the index for little.
  const ImportSummary small = import(index, write_files(dir / "more", 40, 10), 2);
  EXPECT_EQ(small.added, 10);
  EXPECT_EQ(small.merged_shards, 0);
  // Without the index folder (--compact no) there is nowhere to put shards.
  const ImportSummary unplaced = import(dir / "db2", write_files(dir / "other", 0, 40), 2, false);
  EXPECT_EQ(unplaced.added, 40);
  EXPECT_EQ(unplaced.merged_shards, 0);
  EXPECT_EQ(list_documents(Xapian::Database(index)).size(), 50u);
  EXPECT_EQ(clauses_with(index, "ord45"), 3u);
}

TEST(Importer, UpdatedFilesAreReplacedWhileNewOnesGoToShards) {
  testing::TempDir dir;
  const std::string index = dir / "db";
  std::vector<std::string> files = write_files(dir / "docs", 0, 4);
  import(index, files, 1);
  {
    std::ofstream out(files[0]);  // a new version of an indexed file
    out << "Region Örebro län\n\nRiktlinjer 0\n\nRegionen ska mäta nyord varje kvartal.\n";
  }
  fs::last_write_time(files[0], fs::file_time_type::clock::now() + std::chrono::hours(1));
  const std::vector<std::string> more = write_files(dir / "docs", 4, 30);
  files.insert(files.end(), more.begin(), more.end());
  const ImportSummary summary = import(index, files, 2);
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.added, 30);
  EXPECT_GE(summary.merged_shards, 1);
  EXPECT_EQ(clauses_with(index, "ord0"), 0u);
  EXPECT_EQ(clauses_with(index, "nyord"), 1u);
  EXPECT_EQ(clauses_with(index, "ord20"), 3u);
  EXPECT_EQ(list_documents(Xapian::Database(index)).size(), 34u);
}

}  // namespace
}  // namespace klausul
