// End to end: the index is compacted after a large import (and by `klausul compact`), stays
// whole when the process dies during the swap, and `stats` reports its size per table.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

namespace fs = std::filesystem;

// `files` text documents of `paragraphs` clauses each, every one with a word of its own.
void write_documents(const std::string& folder, int files, int paragraphs) {
  fs::create_directories(folder);
  for (int f = 0; f < files; ++f) {
    std::ofstream out(folder + "/riktlinje" + std::to_string(f) + ".txt");
    out << "Region Stockholm\n\nRiktlinjer för område " << f << "\n\n";
    for (int p = 0; p < paragraphs; ++p) {
      out << "Landstinget ska bevaka utvecklingen av vården i distrikt " << p << " och ordet"
          << f << " samt rapportera till fullmäktige varje år.\n\n";
    }
  }
}

std::string search(const std::string& db, const std::string& query) {
  CommandResult r =
      run_klausul({"search", query, "--db", db, "--format", "jsonl", "--limit", "5000"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// The hits of a query as (clause id, score), sorted: the order of equal scores follows the
// order files were written in, which parallel ingests do not fix.
std::set<std::pair<std::string, double>> hit_set(const std::string& db, const std::string& query) {
  std::set<std::pair<std::string, double>> hits;
  for (const std::string& line : lines_of(search(db, query))) {
    const nlohmann::json hit = nlohmann::json::parse(line);
    hits.emplace(hit.at("clause_id").get<std::string>(), hit.at("score").get<double>());
  }
  return hits;
}

std::uintmax_t folder_bytes(const std::string& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".glass") bytes += entry.file_size();
  }
  return bytes;
}

// With one job the writer compacts after the import; with two, each lane writes a shard of
// its own and the shards are merged into the index (which leaves it compact as well).
TEST(Compact, ALargeImportLeavesACompactIndexWithTheSameAnswers) {
  TempDir dir;
  write_documents(dir / "docs", 45, 50);  // 2,250 clauses: large enough
  const std::string plain = dir / "plain";
  CommandResult other = run_klausul(
      {"ingest", dir / "docs", "--db", plain, "--learn", "no", "--compact", "no", "--jobs", "2"});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_EQ(other.err.find("compacted: "), std::string::npos) << other.err;
  EXPECT_EQ(other.err.find("merged "), std::string::npos) << other.err;
  for (const std::string jobs : {"1", "2"}) {
    const std::string compacted = dir / ("compacted" + jobs);
    CommandResult first =
        run_klausul({"ingest", dir / "docs", "--db", compacted, "--learn", "no", "--jobs", jobs});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.err.find(jobs == "1" ? "compacted: " : "merged 2 writer shards into the index"),
              std::string::npos)
        << first.err;
    EXPECT_NE(first.err.find("45 added"), std::string::npos) << first.err;
    EXPECT_LT(folder_bytes(compacted), folder_bytes(plain) * 9 / 10) << jobs;
    for (const auto& entry : fs::directory_iterator(compacted)) {
      EXPECT_FALSE(entry.path().filename().string().starts_with(".lane-")) << entry.path();
    }
    for (const char* query : {"bevaka utvecklingen", "\"rapportera till fullmäktige\"", "ordet7",
                              "distrikt", "titel:riktlinjer ordet7"}) {
      const auto hits = hit_set(compacted, query);
      EXPECT_FALSE(hits.empty()) << query;
      EXPECT_EQ(hits, hit_set(plain, query)) << query << ", jobs " << jobs;
    }
    // A small change to a large index does not rewrite it.
    write_documents(dir / ("more" + jobs), 1, 3);
    CommandResult small = run_klausul(
        {"ingest", dir / ("more" + jobs), "--db", compacted, "--learn", "no", "--jobs", jobs});
    ASSERT_EQ(small.exit_code, 0) << small.err;
    EXPECT_EQ(small.err.find("compacted: "), std::string::npos) << small.err;
    EXPECT_EQ(small.err.find("merged "), std::string::npos) << small.err;
    EXPECT_NE(search(compacted, "ordet0").find("more" + jobs + "/riktlinje0"), std::string::npos);
  }
}

TEST(Compact, StatsShowsTheSizePerTableAgainstTheText) {
  TempDir dir;
  write_documents(dir / "docs", 3, 10);
  const std::string db = dir / "db";
  ASSERT_EQ(run_klausul({"ingest", dir / "docs", "--db", db, "--learn", "no"}).exit_code, 0);
  CommandResult stats = run_klausul({"stats", "--db", db});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("clause text: "), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("index size: "), std::string::npos) << stats.out;
  for (const char* table : {"postlist: ", "termlist: ", "position: ", "docdata: "}) {
    EXPECT_NE(stats.out.find(table), std::string::npos) << table << "\n" << stats.out;
  }
  EXPECT_NE(stats.out.find("x the text)"), std::string::npos) << stats.out;
}

// The process dies (as under kill -9) in the middle of swapping the compact tables in: the
// next command finishes the swap, nothing is lost, and ingesting goes on.
TEST(Compact, DyingDuringTheSwapLosesNothing) {
  TempDir dir;
  write_documents(dir / "docs", 8, 20);
  const std::string db = dir / "db";
  ASSERT_EQ(
      run_klausul({"ingest", dir / "docs", "--db", db, "--learn", "no", "--compact", "no"})
          .exit_code,
      0);
  const std::string before = search(db, "bevaka utvecklingen");
  for (const std::string renames : {"0", "1", "2", "3"}) {
    CommandResult killed =
        run_klausul({"compact", "--db", db}, {"KLAUSUL_TEST_DIE_AFTER_RENAMES=" + renames});
    EXPECT_EQ(killed.exit_code, 137) << killed.err;
    EXPECT_TRUE(fs::exists(db + "/.compact-swap"));
    // A reader finishes the swap and sees every clause.
    EXPECT_EQ(search(db, "bevaka utvecklingen"), before) << "after " << renames << " renames";
    EXPECT_FALSE(fs::exists(db + "/.compact-swap"));
    EXPECT_FALSE(fs::exists(db + "/.compact-new"));
  }
  write_documents(dir / "more", 1, 3);
  CommandResult more = run_klausul({"ingest", dir / "more", "--db", db, "--learn", "no"});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  EXPECT_NE(search(db, "ordet0").find("more/riktlinje0"), std::string::npos);
  CommandResult list = run_klausul({"list", "--db", db, "--format", "jsonl"});
  EXPECT_EQ(lines_of(list.out).size(), 9u);
}

TEST(Compact, RefusesAStubAndBadOptions) {
  TempDir dir;
  std::ofstream(dir / "all.stub") << "auto " << (dir / "a") << "\n";
  CommandResult stub = run_klausul({"compact", "--db", dir / "all.stub"});
  EXPECT_EQ(stub.exit_code, 2) << stub.err;
  CommandResult bad = run_klausul({"ingest", dir.path(), "--db", dir / "db", "--compact", "maybe"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("--compact"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace klausul::testing
