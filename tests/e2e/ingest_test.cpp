// End to end: batch import with the real binary — incremental re-runs, renames, deletions,
// reports, and crash safety under kill -9 and Ctrl-C.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

namespace fs = std::filesystem;

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

std::vector<nlohmann::json> list_documents(const std::string& db) {
  CommandResult r = run_klausul({"list", "--db", db, "--format", "jsonl"});
  std::vector<nlohmann::json> documents;
  for (const std::string& line : lines_of(r.out)) documents.push_back(nlohmann::json::parse(line));
  return documents;
}

size_t hits(const std::string& db, const std::string& query) {
  CommandResult r = run_klausul({"search", query, "--db", db, "--format", "jsonl", "--limit", "1000"});
  return lines_of(r.out).size();
}

// A text document with `paragraphs` paragraphs and a word found only in it.
std::string document_text(const std::string& marker, int paragraphs) {
  std::string text = "Region Stockholm\n\nRiktlinjer " + marker + "\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    text += "Landstinget ska bevaka utvecklingen inom område " + std::to_string(i) + " i " +
            marker + " och rapportera till fullmäktige.\n\n";
  }
  return text;
}

TEST(Ingest, ReRunsDoOnlyWhatChanged) {
  TempDir dir;
  const std::string docs = dir / "docs";
  write(docs + "/a.txt", document_text("alfaord", 3));
  write(docs + "/b.txt", document_text("betaord", 3));
  write(docs + "/sub/c.txt", document_text("gammaord", 3));
  write(docs + "/.hidden.txt", document_text("doltord", 3));
  write(docs + "/~$lock.txt", document_text("lasord", 3));
  const std::string db = dir / "db";

  CommandResult first = run_klausul({"ingest", docs, "--db", db});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("3 added, 0 updated, 0 unchanged"), std::string::npos) << first.err;
  EXPECT_EQ(hits(db, "doltord"), 0u);
  EXPECT_EQ(hits(db, "lasord"), 0u);

  CommandResult again = run_klausul({"ingest", docs, "--db", db});
  EXPECT_NE(again.err.find("0 added, 0 updated, 3 unchanged"), std::string::npos) << again.err;

  write(docs + "/a.txt", document_text("deltaord", 2));          // changed content
  fs::rename(docs + "/b.txt", docs + "/b-renamed.txt");          // renamed, same content
  fs::remove(docs + "/sub/c.txt");                               // deleted
  CommandResult third = run_klausul({"ingest", docs, "--db", db, "--report", dir / "report.jsonl"});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(third.err.find("0 added, 1 updated, 0 unchanged, 1 renamed, 0 duplicates, 1 removed"),
            std::string::npos) << third.err;
  EXPECT_EQ(hits(db, "alfaord"), 0u);
  EXPECT_EQ(hits(db, "deltaord"), 2u);
  EXPECT_EQ(hits(db, "betaord"), 3u);
  EXPECT_EQ(hits(db, "gammaord"), 0u);
  auto documents = list_documents(db);
  ASSERT_EQ(documents.size(), 2u);
  std::set<std::string> paths;
  for (const auto& d : documents) paths.insert(d["path"].get<std::string>());
  EXPECT_TRUE(paths.count(fs::absolute(docs + "/b-renamed.txt").string()));

  std::ifstream report(dir / "report.jsonl");
  std::map<std::string, std::string> outcomes;
  for (std::string line; std::getline(report, line);) {
    auto j = nlohmann::json::parse(line);
    outcomes[fs::path(j["path"].get<std::string>()).filename()] = j["outcome"];
  }
  EXPECT_EQ(outcomes["a.txt"], "updated");
  EXPECT_EQ(outcomes["b-renamed.txt"], "renamed");
  EXPECT_EQ(outcomes["c.txt"], "removed");
}

TEST(Ingest, TouchedFilesAreHashedNotReExtractedAndKeepMissingKeeps) {
  TempDir dir;
  const std::string docs = dir / "docs";
  write(docs + "/a.txt", document_text("alfaord", 2));
  write(docs + "/b.txt", document_text("betaord", 2));
  const std::string db = dir / "db";
  ASSERT_EQ(run_klausul({"ingest", docs, "--db", db}).exit_code, 0);
  fs::last_write_time(docs + "/a.txt", fs::file_time_type::clock::now() + std::chrono::hours(1));
  fs::remove(docs + "/b.txt");
  CommandResult r = run_klausul({"ingest", docs, "--db", db, "--keep-missing"});
  EXPECT_NE(r.err.find("0 added, 0 updated, 1 unchanged, 0 renamed, 0 duplicates, 0 removed"),
            std::string::npos) << r.err;
  EXPECT_EQ(hits(db, "betaord"), 2u);
  CommandResult force = run_klausul({"ingest", docs, "--db", db, "--force"});
  EXPECT_NE(force.err.find("1 updated"), std::string::npos) << force.err;
}

TEST(Ingest, TheSameContentTwiceIsIndexedOnce) {
  TempDir dir;
  write(dir / "docs/a.txt", document_text("alfaord", 2));
  write(dir / "docs/kopia/a.txt", document_text("alfaord", 2));
  CommandResult r = run_klausul({"ingest", dir / "docs", "--db", dir / "db", "--jobs", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 duplicates"), std::string::npos) << r.err;
  EXPECT_EQ(hits(dir / "db", "alfaord"), 2u);
}

// Starts klausul in the background; returns its pid.
pid_t spawn_klausul(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string binary = KLAUSUL_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

class CrashTest : public ::testing::TestWithParam<int> {};

// kill -9 at a random moment, then a normal run: every file is there exactly once. Thirty new
// files with two jobs is a large import: two writers, each lane its own shard
// (index/lane_shards.h), merged at the end, so the kill may come while either writes, while
// they merge, or after.
TEST_P(CrashTest, KillNineThenReRunLeavesAConsistentCompleteIndex) {
  TempDir dir;
  const std::string docs = dir / "docs";
  constexpr int kFiles = 30;
  for (int i = 0; i < kFiles; ++i) {
    write(docs + "/f" + std::to_string(i) + ".txt", document_text("markord" + std::to_string(i), 40));
  }
  const std::string db = dir / "db";
  std::mt19937 rng(static_cast<unsigned>(GetParam()));
  const int delay_ms = 50 + static_cast<int>(rng() % 700);
  pid_t pid = spawn_klausul({"ingest", docs, "--db", db, "--jobs", "2"});
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  ::kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);

  CommandResult rerun = run_klausul({"ingest", docs, "--db", db});
  ASSERT_EQ(rerun.exit_code, 0) << "killed after " << delay_ms << " ms: " << rerun.err;
  auto documents = list_documents(db);
  EXPECT_EQ(documents.size(), static_cast<size_t>(kFiles));
  for (int i = 0; i < kFiles; ++i) {
    EXPECT_EQ(hits(db, "markord" + std::to_string(i)), 40u) << "file " << i << " after "
                                                             << delay_ms << " ms";
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, CrashTest, ::testing::Values(1, 2, 3, 4));

// Each of `files` documents has 10 clauses and a word of its own ("markordN").
std::string write_marked_documents(const TempDir& dir, int files) {
  const std::string docs = dir / "docs";
  for (int i = 0; i < files; ++i) {
    write(docs + "/f" + std::to_string(i) + ".txt", document_text("markord" + std::to_string(i), 10));
  }
  return docs;
}

void expect_every_file_once(const std::string& db, int files) {
  EXPECT_EQ(list_documents(db).size(), static_cast<size_t>(files));
  for (int i = 0; i < files; ++i) {
    EXPECT_EQ(hits(db, "markord" + std::to_string(i)), 10u) << "file " << i;
  }
  for (const auto& entry : fs::directory_iterator(db)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(".lane-")) << entry.path();
  }
}

// Two writers: the process dies with both writer shards committed and neither merged. What
// they hold was reported as done, so the next run adds it (and has nothing left to import).
TEST(Ingest, DyingBeforeTheWriterShardsAreMergedLosesNothing) {
  TempDir dir;
  const std::string docs = write_marked_documents(dir, 24);
  write(docs + "/kopia.txt", document_text("markord0", 10));  // f0's content: one is a copy
  const std::string db = dir / "db";
  CommandResult killed = run_klausul({"ingest", docs, "--db", db, "--jobs", "2", "--learn", "no"},
                                     {"KLAUSUL_TEST_DIE_BEFORE_MERGE=1"});
  ASSERT_EQ(killed.exit_code, 137) << killed.err;
  EXPECT_TRUE(fs::exists(db + "/.lane-0"));
  EXPECT_TRUE(fs::exists(db + "/.lane-1"));
  EXPECT_EQ(hits(db, "markord3"), 0u);  // readers see the index, not the shards

  CommandResult rerun = run_klausul({"ingest", docs, "--db", db, "--jobs", "2", "--learn", "no"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("0 added, 0 updated, 24 unchanged, 0 renamed, 1 duplicates"),
            std::string::npos)
      << rerun.err;
  expect_every_file_once(db, 24);
}

class MergeKillTest : public ::testing::TestWithParam<int> {};

// The process dies while the merged index is swapped in (after 0-3 renames): a reader
// finishes the swap and sees every file; the next writer copies the shards, which the merge
// already holds, without doubling anything.
TEST_P(MergeKillTest, DyingDuringTheMergeLosesNothing) {
  TempDir dir;
  const std::string docs = write_marked_documents(dir, 20);
  const std::string db = dir / "db";
  CommandResult killed =
      run_klausul({"ingest", docs, "--db", db, "--jobs", "2", "--learn", "no"},
                  {"KLAUSUL_TEST_DIE_AFTER_RENAMES=" + std::to_string(GetParam())});
  ASSERT_EQ(killed.exit_code, 137) << killed.err;
  EXPECT_TRUE(fs::exists(db + "/.compact-swap"));
  EXPECT_EQ(hits(db, "markord7"), 10u);  // the reader finished the swap
  CommandResult rerun = run_klausul({"ingest", docs, "--db", db, "--jobs", "2", "--learn", "no"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("0 added, 0 updated, 20 unchanged"), std::string::npos) << rerun.err;
  expect_every_file_once(db, 20);
}

INSTANTIATE_TEST_SUITE_P(Renames, MergeKillTest, ::testing::Values(0, 1, 2, 3));

TEST(Ingest, CtrlCFinishesCleanlyWithASummary) {
  TempDir dir;
  for (int i = 0; i < 200; ++i) {
    write(dir / ("docs/f" + std::to_string(i) + ".txt"), document_text("ord" + std::to_string(i), 30));
  }
  TempDir capture;
  std::string command = shell_quote(KLAUSUL_BINARY) + " ingest " + shell_quote(dir / "docs") +
                        " --db " + shell_quote(dir / "db") + " --jobs 1 2>" +
                        shell_quote(capture / "err") + " & pid=$!; sleep 0.4; kill -INT $pid; wait $pid";
  const int status = std::system(command.c_str());
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(capture / "err");
  std::stringstream err;
  err << in.rdbuf();
  if (code == 0) GTEST_SKIP() << "the ingest finished before Ctrl-C";
  EXPECT_EQ(code, 130) << err.str();
  EXPECT_NE(err.str().find("ingest (interrupted):"), std::string::npos) << err.str();
  // What was committed is whole: every listed document has all its clauses.
  for (const auto& d : list_documents(dir / "db")) EXPECT_EQ(d["clauses"].get<int>(), 32) << d;
}

}  // namespace
}  // namespace klausul::testing
