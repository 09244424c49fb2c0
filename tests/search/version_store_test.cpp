#include "search/version_store.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "index/writer.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

IngestedFile version(const std::string& id, const std::string& decided,
                     const std::vector<std::string>& texts) {
  IngestedFile file = testing::ingested_file(id, "uppsala", texts);
  file.info.title = "Resepolicy";
  file.info.doc_type = "policy";
  file.info.validity.decided = ValidityFact{decided, 1, "Beslutad " + decided};
  return file;
}

class VersionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(db);
    writer.replace_file(version("old", "2015-03-03",
                                {"Resor kortare än femtio mil ska göras med tåg.",
                                 "Varje förvaltning ska redovisa sina resor i årsredovisningen."}));
    writer.replace_file(version("new", "2019-06-05",
                                {"Resor kortare än femtio mil ska göras med tåg.",
                                 "Varje förvaltning ska redovisa sina resor i årsredovisningen.",
                                 "Videomöten ska väljas när det går."}));
    writer.replace_file(version("other", "2017-01-01", {"Regionen ska ha fossilfria fordon."}));
    writer.commit();
  }
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(VersionStoreTest, WithoutTheSeriesFileATitleSeriesIsNoChain) {
  const auto shared_versions = load_versions(db, dir / "db");
  const VersionIndex& versions = *shared_versions;
  EXPECT_EQ(versions.state("old").status, VersionStatus::unknown);
}

TEST_F(VersionStoreTest, CompareConfirmsTheSeriesOnceAndSearchesReadIt) {
  EXPECT_EQ(update_series_file(db, dir / "db"), 1);
  std::ifstream in(series_file_path(dir / "db"));
  std::string header, pair;
  std::getline(in, header);
  std::getline(in, pair);
  EXPECT_EQ(pair, "old\tnew");
  const auto shared_versions = load_versions(db, dir / "db");
  const VersionIndex& versions = *shared_versions;
  EXPECT_EQ(versions.state("old").status, VersionStatus::replaced);
  EXPECT_EQ(versions.state("old").replaced_by, "new");
  EXPECT_EQ(versions.state("new").status, VersionStatus::in_force);
  EXPECT_EQ(versions.state("other").status, VersionStatus::unknown) << "another subject, same title";
}

// An update compares only pairs no earlier update judged: a verdict in the file is reused
// (here a planted "not the same text" for a pair compare would confirm), and rejected pairs
// are kept with "no" so that they are not compared again either.
TEST_F(VersionStoreTest, VerdictsOfEarlierUpdatesAreReused) {
  EXPECT_EQ(update_series_file(db, dir / "db"), 1);
  std::ifstream first(series_file_path(dir / "db"));
  const std::string written((std::istreambuf_iterator<char>(first)), {});
  EXPECT_NE(written.find("\tno\n"), std::string::npos) << written;  // (other, ...) rejected

  std::ofstream(series_file_path(dir / "db")) << "# planted\nold\tnew\tno\n";
  EXPECT_EQ(update_series_file(db, dir / "db"), 0);
  EXPECT_EQ(load_versions(db, dir / "db")->state("old").status, VersionStatus::unknown);
  std::ifstream second(series_file_path(dir / "db"));
  const std::string rewritten((std::istreambuf_iterator<char>(second)), {});
  EXPECT_NE(rewritten.find("old\tnew\tno\n"), std::string::npos) << rewritten;
}

TEST(SeriesFilePath, BesideAnIndexFolderOrAStub) {
  testing::TempDir dir;
  EXPECT_EQ(series_file_path(dir.path()), dir / "klausul-series.tsv");
  EXPECT_EQ(series_file_path(dir / "all.stub"), dir / "all.stub.series.tsv");
}

}  // namespace
}  // namespace klausul
