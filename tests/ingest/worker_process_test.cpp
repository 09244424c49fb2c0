// The supervisor of one extraction worker, driving the real `klausul-extract`:
// a worker is reused from file to file, and a hang, a helper left running, a crash, memory
// exhaustion, a truncated message and a stop request each cost one file, with one line.
#include "ingest/worker_process.h"
#include "ingest/address_sanitizer.h"

#include <dirent.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "tests/temp_dir.h"

namespace klausul {
namespace {

using Clock = std::chrono::steady_clock;
using Status = WorkerOutcome::Status;
using testing::TempDir;


// Sets KLAUSUL_TEST_FAULT for the workers started while it lives.
class Fault {
 public:
  explicit Fault(const std::string& spec) { ::setenv("KLAUSUL_TEST_FAULT", spec.c_str(), 1); }
  ~Fault() { ::unsetenv("KLAUSUL_TEST_FAULT"); }
};

class WorkerProcessTest : public ::testing::Test {
 protected:
  WorkerProcessTest() : worker_({KLAUSUL_EXTRACT_BINARY, "--memory-limit-mb", "2048"}) {}

  std::string file(const std::string& name) {
    const std::string path = dir_ / name;
    std::ofstream(path) << "Region Stockholm\n\nLandstinget ska bevaka utvecklingen i EU.\n\n"
                           "Fullmäktige beslutar om riktlinjerna.\n";
    return path;
  }

  WorkerOutcome extract(const std::string& path, std::chrono::milliseconds budget) {
    worker::ExtractRequest request;
    request.path = path;
    worker_.start(request, budget);
    return worker_.finish(stop_);
  }

  TempDir dir_;
  std::atomic<bool> stop_{false};
  WorkerProcess worker_;
};

// Processes whose command line is exactly `argv` (the helper the fault injection starts).
int processes_running(const std::vector<std::string>& argv) {
  std::string wanted;
  for (const std::string& a : argv) wanted += a + '\0';
  int count = 0;
  DIR* proc = ::opendir("/proc");
  while (dirent* entry = ::readdir(proc)) {
    std::ifstream in(std::string("/proc/") + entry->d_name + "/cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (cmdline == wanted) ++count;
  }
  ::closedir(proc);
  return count;
}

TEST_F(WorkerProcessTest, ExtractsFilesOneAfterAnotherInTheSameProcess) {
  WorkerOutcome first = extract(file("a.txt"), std::chrono::seconds(30));
  ASSERT_EQ(first.status, Status::document) << first.reason;
  EXPECT_EQ(first.file->info.path, dir_ / "a.txt");
  EXPECT_EQ(first.file->clauses.size(), 3u);
  EXPECT_EQ(first.file->info.region, "stockholm");
  const pid_t pid = worker_.pid();
  WorkerOutcome second = extract(file("b.txt"), std::chrono::seconds(30));
  ASSERT_EQ(second.status, Status::document) << second.reason;
  EXPECT_EQ(worker_.pid(), pid) << "one worker serves many files";
  WorkerOutcome missing = extract(dir_ / "missing.pdf", std::chrono::seconds(30));
  EXPECT_EQ(missing.status, Status::failure);
  EXPECT_NE(missing.reason.find("cannot read"), std::string::npos) << missing.reason;
  EXPECT_EQ(worker_.pid(), pid) << "a refused file does not cost the worker";
}

TEST_F(WorkerProcessTest, TimeoutKillsTheWorkerAndTheHelpersItStarted) {
  Fault fault("helper:slow");
  const auto t0 = Clock::now();
  WorkerOutcome outcome = extract(file("slow.txt"), std::chrono::seconds(1));
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  EXPECT_EQ(outcome.status, Status::timed_out);
  EXPECT_EQ(outcome.reason, "extraction stopped after 1 s");
  EXPECT_LT(seconds, 2.0);
  EXPECT_EQ(worker_.pid(), -1);
  // The helper had a process group of its own; it went with the worker.
  for (int i = 0; i < 50 && processes_running({"sleep", "297"}) > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(processes_running({"sleep", "297"}), 0);
  // A fresh worker takes the next file.
  WorkerOutcome next = extract(file("next.txt"), std::chrono::seconds(30));
  EXPECT_EQ(next.status, Status::document) << next.reason;
}

TEST_F(WorkerProcessTest, CrashIsOneLineWithTheSignal) {
  Fault fault("crash:boom");
  WorkerOutcome outcome = extract(file("boom.txt"), std::chrono::seconds(30));
  EXPECT_EQ(outcome.status, Status::crashed);
  EXPECT_EQ(outcome.reason, "extraction crashed (signal 11)");
  EXPECT_EQ(extract(file("fine.txt"), std::chrono::seconds(30)).status, Status::document);
}

TEST_F(WorkerProcessTest, MemoryLimitIsOneLine) {
  if (kAddressSanitizer) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Fault fault("oom:hog");
  WorkerOutcome outcome = extract(file("hog.txt"), std::chrono::seconds(30));
  EXPECT_EQ(outcome.status, Status::out_of_memory);
  EXPECT_EQ(outcome.reason, "extraction ran out of memory");
  EXPECT_EQ(extract(file("fine.txt"), std::chrono::seconds(30)).status, Status::document);
}

TEST_F(WorkerProcessTest, TruncatedMessageIsAnErrorNeverHalfADocument) {
  Fault fault("garble:cut");
  WorkerOutcome outcome = extract(file("cut.txt"), std::chrono::seconds(30));
  EXPECT_EQ(outcome.status, Status::crashed);
  EXPECT_FALSE(outcome.file);
  EXPECT_NE(outcome.reason.find("truncated message"), std::string::npos) << outcome.reason;
}

TEST_F(WorkerProcessTest, StopEndsAStuckExtractionAtOnce) {
  Fault fault("hang:stuck");
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop_ = true;
  });
  const auto t0 = Clock::now();
  WorkerOutcome outcome = extract(file("stuck.txt"), std::chrono::seconds(60));
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  stopper.join();
  EXPECT_EQ(outcome.status, Status::interrupted);
  EXPECT_LT(seconds, 1.0);
  EXPECT_EQ(worker_.pid(), -1);
}

}  // namespace
}  // namespace klausul
