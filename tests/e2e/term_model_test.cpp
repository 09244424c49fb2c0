// End to end: the term model that `klausul ingest` and `klausul learn` build from the archive,
// and what it changes in `klausul similar`: a paraphrase that shares no word with the query
// is found, and its soft link is shown.
#include <gtest/gtest.h>

#include <filesystem>
#include <chrono>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "tests/e2e/run_command.h"
#include "tests/generated_policy_text.h"

namespace klausul::testing {
namespace {

class TermModelEndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const std::string corpus = *dir_ / "corpus";
    std::filesystem::create_directories(corpus);
    // Three regions write 1,500 generated sentences each (enough text to learn from)...
    const std::vector<std::string> sentences = generated_policy_sentences(4500);
    std::ofstream manifest(corpus + "/klausul.csv");
    manifest << "path,region,organisation,doc_type,year,title\n";
    const std::vector<std::string> regions = {"stockholm", "orebro", "jonkoping"};
    for (size_t r = 0; r < regions.size(); ++r) {
      std::ofstream text(corpus + "/" + regions[r] + ".txt");
      for (size_t i = r * 1500; i < (r + 1) * 1500; ++i) text << sentences[i] << "\n\n";
      manifest << regions[r] << ".txt," << regions[r] << ",,policy,2020,Policy " << regions[r]
               << "\n";
    }
    // ...and Gotland one short text that shares no word with the query below.
    std::ofstream(corpus + "/gotland.txt")
        << "Hållbarheten ska genomsyra mötet med patienten.\n\nEntreprenören ska ploga gatorna.\n";
    manifest << "gotland.txt,gotland,,policy,2021,Policy gotland\n";
    manifest.close();
    ingest_ = new CommandResult(run_klausul({"ingest", corpus, "--db", db(), "--learn", "wait"}));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
  }
  static std::string db() { return *dir_ / "db"; }
  static TempDir* dir_;
  static CommandResult* ingest_;
};
TempDir* TermModelEndToEndTest::dir_ = nullptr;
CommandResult* TermModelEndToEndTest::ingest_ = nullptr;

TEST_F(TermModelEndToEndTest, IngestLearnsTheModelBesideTheIndex) {
  ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  EXPECT_NE(ingest_->err.find("term model: "), std::string::npos) << ingest_->err;
  EXPECT_NE(ingest_->err.find("words learned from the index"), std::string::npos) << ingest_->err;
  EXPECT_TRUE(std::filesystem::exists(db() + "/klausul-terms.model"));
}

TEST_F(TermModelEndToEndTest, LearnRebuildsTheModelAndShowsWhatTheArchiveTiesToAWord) {
  ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  std::filesystem::remove(db() + "/klausul-terms.model");
  CommandResult learn = run_klausul({"learn", "--db", db()});
  ASSERT_EQ(learn.exit_code, 0) << learn.err;
  EXPECT_NE(learn.err.find("words learned from the index"), std::string::npos) << learn.err;
  ASSERT_TRUE(std::filesystem::exists(db() + "/klausul-terms.model"));
  CommandResult neighbours = run_klausul({"learn", "--db", db(), "--neighbours", "prägla"});
  ASSERT_EQ(neighbours.exit_code, 0) << neighbours.err;
  // "prägl: genomsyr 1.00 ..." - the word used in the same places comes first.
  EXPECT_EQ(neighbours.out.rfind("prägl: genomsyr ", 0), 0u) << neighbours.out;
  EXPECT_EQ(run_klausul({"learn", "stray", "--db", db()}).exit_code, 2);
}

TEST_F(TermModelEndToEndTest, IngestLearnsAgainInTheBackgroundByDefault) {
  ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  const std::string model = db() + "/klausul-terms.model";
  const auto before = std::filesystem::last_write_time(model);
  const std::string extra = *dir_ / "extra";
  std::filesystem::create_directories(extra);
  std::ofstream(extra + "/blekinge.txt") << "Delaktigheten ska prägla mötet med patienten.\n";
  CommandResult r = run_klausul({"ingest", extra, "--db", db(), "--region", "blekinge"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("learning again in the background"), std::string::npos) << r.err;
  // The learner runs on after ingest returned; it replaces the model when it is done.
  bool replaced = false;
  for (int i = 0; i < 600 && !replaced; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::error_code error;
    replaced = std::filesystem::last_write_time(model, error) != before && !error;
  }
  EXPECT_TRUE(replaced) << "no new model within 60 s";
  // Learning again when nothing changed is skipped.
  CommandResult again = run_klausul({"learn", "--db", db(), "--if-stale"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(run_klausul({"ingest", extra, "--db", db(), "--learn", "later"}).exit_code, 2);
}

TEST_F(TermModelEndToEndTest, SimilarFindsAParaphraseThatSharesNoWordAndSaysWhy) {
  ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  CommandResult r = run_klausul({"similar", "--text", "Barnrättsperspektivet ska prägla ledarskapet",
                                 "--region", "gotland", "--db", db(), "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> rows = lines_of(r.out);
  ASSERT_FALSE(rows.empty()) << "no Gotland clause came back: " << r.err;
  const nlohmann::json best = nlohmann::json::parse(rows.front());
  EXPECT_EQ(best["text"], "Hållbarheten ska genomsyra mötet med patienten.");
  bool soft_link = false;
  for (const auto& term : best["matched_terms"]) {
    soft_link = soft_link || term.get<std::string>().rfind("prägla \u2248 genomsyra ", 0) == 0;
  }
  EXPECT_TRUE(soft_link) << best.dump();
  // Without the model the two Gotland clauses share only "ska" with the query and score
  // alike, near zero: the model is what found the paraphrase.
  std::filesystem::remove(db() + "/klausul-terms.model");
  CommandResult stems_only = run_klausul({"similar", "--text",
                                          "Barnrättsperspektivet ska prägla ledarskapet",
                                          "--region", "gotland", "--db", db(), "--format", "jsonl"});
  EXPECT_EQ(stems_only.exit_code, 0) << stems_only.err;
  EXPECT_NE(stems_only.err.find("no term model"), std::string::npos) << stems_only.err;
  for (const std::string& row : lines_of(stems_only.out)) {
    const nlohmann::json hit = nlohmann::json::parse(row);
    EXPECT_EQ(hit["matched_terms"], nlohmann::json::array({"ska"})) << row;
    EXPECT_LT(hit["score"].get<double>() * 5, best["score"].get<double>()) << row;
  }
  ASSERT_EQ(run_klausul({"learn", "--db", db()}).exit_code, 0);
}

}  // namespace
}  // namespace klausul::testing
