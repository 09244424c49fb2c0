// End to end: one bad file costs one file, never the batch (issue 13). A PDF that hangs
// Poppler, files that make a worker crash or run out of memory (KLAUSUL_TEST_FAULT), and good
// files in one folder; failures remembered and not retried; SIGTERM with a stuck worker.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "ingest/address_sanitizer.h"
#include "ingest/pdf_writer.h"
#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;


void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A 7 KB PDF whose page draws Form XObject X0, and each Xi draws X(i+1) twice, `depth` deep:
// 2^depth drawings of the last form. Poppler (and pdftotext) work on it without end.
std::string xobject_chain_pdf(int depth) {
  std::vector<std::string> objects;  // objects[i] is object i + 1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    "/Resources << /XObject << /X0 5 0 R >> >> >>");
  objects.push_back(pdf_stream("", "/X0 Do"));
  for (int i = 0; i < depth; ++i) {
    const int next = 5 + i + 1;
    const std::string name = "/X" + std::to_string(i + 1);
    objects.push_back(pdf_stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                 "/Resources << /XObject << " + name + " " +
                                     std::to_string(next) + " 0 R >> >>",
                                 "q " + name + " Do Q q " + name + " Do Q"));
  }
  objects.push_back(pdf_stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842]",
                               "0 0 0 rg 10 10 5 5 re f"));
  return write_pdf(objects);
}

std::string policy_text(const std::string& marker, int paragraphs) {
  std::string text = "Region Stockholm\n\nRiktlinjer " + marker + "\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    text += "Landstinget ska bevaka utvecklingen inom område " + std::to_string(i) + " i " +
            marker + " och rapportera till fullmäktige.\n\n";
  }
  return text;
}

size_t hits(const std::string& db, const std::string& query) {
  CommandResult r = run_klausul({"search", query, "--db", db, "--format", "jsonl", "--limit", "1000"});
  return lines_of(r.out).size();
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : lines_of(text)) {
    if (l == line) return true;
  }
  return false;
}

const char* const kFaults = "KLAUSUL_TEST_FAULT=crash:krasch,oom:minne";

TEST(SupervisedExtraction, BadFilesCostOneFileEachAndTheBatchEnds) {
  TempDir dir;
  const std::string docs = dir / "docs";
  write(docs + "/kedja.pdf", xobject_chain_pdf(28));
  ASSERT_LT(fs::file_size(docs + "/kedja.pdf"), 8000u);
  write(docs + "/krasch.txt", policy_text("kraschord", 3));
  const int bad = kAddressSanitizer ? 2 : 3;
  if (!kAddressSanitizer) write(docs + "/minne.txt", policy_text("minnesord", 3));
  write(docs + "/god1.txt", policy_text("alfaord", 5));
  write(docs + "/god2.txt", policy_text("betaord", 5));
  fs::copy_file(std::string(KLAUSUL_SOURCE_DIR) + "/tests/fixtures/jonkoping-policy.pdf",
                docs + "/jonkoping.pdf");
  const std::string db = dir / "db";
  const auto t0 = Clock::now();
  CommandResult r = run_klausul({"ingest", docs, "--db", db, "--jobs", "2", "--file-timeout", "2",
                                 "--report", dir / "report.jsonl"},
                                {kFaults});
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_LT(seconds, 30.0);
  EXPECT_TRUE(has_line(r.err, docs + "/kedja.pdf: extraction stopped after 2 s")) << r.err;
  EXPECT_TRUE(has_line(r.err, docs + "/krasch.txt: extraction crashed (signal 11)")) << r.err;
  if (!kAddressSanitizer) {
    EXPECT_TRUE(has_line(r.err, docs + "/minne.txt: extraction ran out of memory")) << r.err;
  }
  EXPECT_NE(r.err.find("3 added"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(std::to_string(bad) + " failed"), std::string::npos) << r.err;
  EXPECT_EQ(hits(db, "alfaord"), 5u);
  EXPECT_EQ(hits(db, "betaord"), 5u);
  EXPECT_GT(hits(db, "internationellt"), 0u);
  EXPECT_EQ(hits(db, "kraschord"), 0u);
  // The report has every file, the failed ones with their error.
  int failed = 0;
  for (const std::string& line : lines_of(slurp(dir / "report.jsonl"))) {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (j["outcome"] == "failed") {
      ++failed;
      EXPECT_TRUE(j["error"].get<std::string>().starts_with("extraction ")) << j;
    }
  }
  EXPECT_EQ(failed, bad);

  // Nothing changed: the files that hung or crashed are not tried (nor waited for) again.
  CommandResult again = run_klausul({"ingest", docs, "--db", db, "--file-timeout", "2"}, {kFaults});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find(std::to_string(bad) +
                           " files that hung or crashed extraction before were not retried"),
            std::string::npos) << again.err;
  CommandResult stats = run_klausul({"stats", "--db", db});
  EXPECT_NE(stats.out.find(kAddressSanitizer
                               ? "failed files: 2 (1 crashed, 1 timed out)"
                               : "failed files: 3 (1 crashed, 1 out of memory, 1 timed out)"),
            std::string::npos) << stats.out;
  EXPECT_TRUE(has_line(stats.out, "  " + docs + "/kedja.pdf: extraction stopped after 2 s"))
      << stats.out;

  // --retry-failed tries them again: without the faults two of them are fine now.
  CommandResult retry = run_klausul({"ingest", docs, "--db", db, "--file-timeout", "1",
                                     "--retry-failed"});
  EXPECT_EQ(retry.exit_code, 3) << retry.err;
  EXPECT_TRUE(has_line(retry.err, docs + "/kedja.pdf: extraction stopped after 1 s")) << retry.err;
  EXPECT_EQ(hits(db, "kraschord"), 3u);
  stats = run_klausul({"stats", "--db", db});
  EXPECT_NE(stats.out.find("failed files: 1 (1 timed out)"), std::string::npos) << stats.out;

  // A changed file is tried again without being asked.
  fs::copy_file(std::string(KLAUSUL_SOURCE_DIR) + "/tests/fixtures/hyphenated.pdf",
                docs + "/kedja.pdf", fs::copy_options::overwrite_existing);
  CommandResult changed = run_klausul({"ingest", docs, "--db", db});
  EXPECT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.err.find("1 added"), std::string::npos) << changed.err;
  stats = run_klausul({"stats", "--db", db});
  EXPECT_NE(stats.out.find("failed files: 0"), std::string::npos) << stats.out;
}

// SIGTERM while a worker is stuck: out within two seconds, with what was done committed; the
// next run goes on from there.
TEST(SupervisedExtraction, SigtermDuringAStuckExtractionEndsWithinTwoSeconds) {
  TempDir dir;
  const std::string docs = dir / "docs";
  constexpr int kBefore = 5, kAfter = 5;
  for (int i = 0; i < kBefore; ++i) write(docs + "/a" + std::to_string(i) + ".txt", policy_text("foreord" + std::to_string(i), 4));
  write(docs + "/m-fast.txt", policy_text("fastord", 4));
  for (int i = 0; i < kAfter; ++i) write(docs + "/z" + std::to_string(i) + ".txt", policy_text("efterord" + std::to_string(i), 4));
  const std::string db = dir / "db";
  const std::string report = dir / "report.jsonl";

  pid_t pid = fork();
  if (pid == 0) {
    ::setenv("KLAUSUL_TEST_FAULT", "hang:m-fast", 1);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(::open((dir / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    ::execl(KLAUSUL_BINARY, KLAUSUL_BINARY, "ingest", docs.c_str(), "--db", db.c_str(), "--jobs",
            "1", "--report", report.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait until the files before the stuck one are done (the report has them), then a moment.
  for (int i = 0; i < 300 && lines_of(slurp(report)).size() < kBefore; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(lines_of(slurp(report)).size(), static_cast<size_t>(kBefore));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const auto t0 = Clock::now();
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const std::string err = slurp(dir / "err");
  EXPECT_LT(seconds, 2.0) << err;
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 143) << err;
  EXPECT_NE(err.find("ingest (interrupted): " + std::to_string(kBefore) + " added"),
            std::string::npos) << err;
  for (int i = 0; i < kBefore; ++i) EXPECT_EQ(hits(db, "foreord" + std::to_string(i)), 4u);
  EXPECT_EQ(hits(db, "fastord"), 0u);

  // The next run (the file no longer hangs) does the rest and nothing twice.
  CommandResult next = run_klausul({"ingest", docs, "--db", db});
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find(std::to_string(kAfter + 1) + " added, 0 updated, " +
                          std::to_string(kBefore) + " unchanged"),
            std::string::npos) << next.err;
  EXPECT_EQ(hits(db, "fastord"), 4u);
  for (int i = 0; i < kAfter; ++i) EXPECT_EQ(hits(db, "efterord" + std::to_string(i)), 4u);
}

}  // namespace
}  // namespace klausul::testing
