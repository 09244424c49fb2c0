// End to end: office formats and hostile files in one batch through the real klausul binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

const std::string kFixtures = KLAUSUL_SOURCE_DIR "/tests/fixtures";

const std::vector<std::string> kGood = {"stockholm-slides.pptx", "stockholm-slides.odp",
                                        "jonkoping-policy.docx", "tabell-fotnot.odt"};
const std::vector<std::string> kHostile = {"zip-bomb.docx",  "xxe.pptx",   "deep-nesting.docx",
                                           "random.pptx",    "empty.docx", "truncated.pptx",
                                           "not-office.docx"};

class FormatsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const std::string docs = *dir_ / "docs";
    std::filesystem::create_directories(docs);
    for (const std::string& name : kGood) {
      std::filesystem::copy_file(kFixtures + "/" + name, docs + "/" + name);
    }
    for (const std::string& name : kHostile) {
      std::filesystem::copy_file(kFixtures + "/hostile/" + name, docs + "/" + name);
    }
    ingest_ = new CommandResult(run_klausul({"ingest", docs, "--db", *dir_ / "db"}));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
  }
  static std::vector<nlohmann::json> search(const std::string& query) {
    CommandResult result =
        run_klausul({"search", query, "--db", *dir_ / "db", "--format", "jsonl"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<nlohmann::json> hits;
    for (const std::string& line : lines_of(result.out))
      hits.push_back(nlohmann::json::parse(line));
    return hits;
  }
  static TempDir* dir_;
  static CommandResult* ingest_;
};
TempDir* FormatsTest::dir_ = nullptr;
CommandResult* FormatsTest::ingest_ = nullptr;

TEST_F(FormatsTest, HostileFilesFailOneLineEachAndTheBatchGoesOn) {
  EXPECT_EQ(ingest_->exit_code, 3) << ingest_->err;
  const std::vector<std::string> lines = lines_of(ingest_->err);
  for (const std::string& name : kHostile) {
    int naming = 0;
    for (const std::string& line : lines) {
      if (line.find("/" + name + ": ") != std::string::npos) ++naming;
    }
    EXPECT_EQ(naming, 1) << name << "\n" << ingest_->err;
  }
  EXPECT_EQ(ingest_->err.find("root:"), std::string::npos);  // /etc/passwd never read
  for (const std::string& line : lines) {
    if (line.find("xxe.pptx: ") != std::string::npos) {
      EXPECT_NE(line.find("DTD"), std::string::npos) << line;
    }
    if (line.find("zip-bomb.docx: ") != std::string::npos) {
      EXPECT_NE(line.find("zip bomb"), std::string::npos) << line;
    }
    if (line.find("deep-nesting.docx: ") != std::string::npos) {
      EXPECT_NE(line.find("nested too deeply"), std::string::npos) << line;
    }
  }
}

TEST_F(FormatsTest, SlideDecksAreSearchableWithSlideNumbers) {
  std::set<std::string> formats;
  for (const auto& hit : search("Svag bevakning av EU-frågor")) {
    if (hit["text"] != "Svag bevakning av EU-frågor") continue;
    EXPECT_EQ(hit["slide"], 2) << hit.dump();
    EXPECT_EQ(hit["section"], "Tillväxt, miljö och regionplanering");
    const std::string path = hit["path"];
    formats.insert(path.substr(path.rfind('.') + 1));
    // The same slide text in the .pptx and the .odp is one hit listing the other place.
    for (const auto& other : hit.value("duplicates", nlohmann::json::array())) {
      const std::string other_path = other["path"];
      formats.insert(other_path.substr(other_path.rfind('.') + 1));
    }
  }
  EXPECT_EQ(formats, (std::set<std::string>{"pptx", "odp"}));
}

TEST_F(FormatsTest, SpeakerNotesAreSearchable) {
  auto hits = search("Mazovieregionen förnyas");
  ASSERT_FALSE(hits.empty());
  bool found = false;
  for (const auto& hit : hits) {
    if (hit["text"].get<std::string>().find("Samarbetsavtalet med Mazovieregionen") == 0) {
      EXPECT_EQ(hit["slide"], 7) << hit.dump();
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(FormatsTest, WordAndWriterDocumentsAreSearchableWithSections) {
  bool docx = false;
  for (const auto& hit : search("erhållande av EU-medel")) {
    if (!hit["path"].get<std::string>().ends_with("jonkoping-policy.docx")) continue;
    docx = true;
    EXPECT_EQ(hit["section"],
              "Internationellt arbete - Policy och strategiska mål > De strategiska målen uppnås "
              "genom att:");
    EXPECT_EQ(hit["region"], "jonkoping");
  }
  EXPECT_TRUE(docx);
  auto rows = search("Alytus Landstingsdirektören");
  ASSERT_FALSE(rows.empty());
  EXPECT_NE(rows[0]["text"].get<std::string>().find(" | Landstingsdirektören | 2013"),
            std::string::npos);
}

}  // namespace
}  // namespace klausul::testing
