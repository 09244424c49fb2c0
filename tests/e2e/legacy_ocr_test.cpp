// End to end: the real klausul binary on a county web page (windows-1252), a scanned PDF (OCR
// by Tesseract) and legacy DOC/PPT (LibreOffice, or the clear error line when it is missing).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

const std::string kFixtures = KLAUSUL_SOURCE_DIR "/tests/fixtures/";

bool soffice_installed() {
  return std::system("command -v soffice >/dev/null 2>&1 || "
                     "command -v libreoffice >/dev/null 2>&1") == 0;
}

std::vector<nlohmann::json> jsonl(const std::string& text) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : lines_of(text)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

// One folder with the four files, ingested once (OCR and LibreOffice take seconds).
class LegacyOcrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::filesystem::create_directory(*dir_ / "in");
    for (const char* name : {"stockholm-internationella-funktionen.html", "scanned.pdf",
                             "jonkoping-policy.doc", "stockholm-slides.ppt"}) {
      std::filesystem::copy_file(kFixtures + name, *dir_ / ("in/" + std::string(name)));
    }
    ingest_ = new CommandResult(run_klausul({"ingest", *dir_ / "in", "--db", db()}));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
  }
  static std::string db() { return *dir_ / "db"; }
  static std::vector<nlohmann::json> search(const std::string& query) {
    // Every copy: the fixtures hold the same text in several formats.
    CommandResult r = run_klausul({"search", query, "--db", db(), "--format", "jsonl", "--all-copies"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return jsonl(r.out);
  }
  static const nlohmann::json* first_from(const std::vector<nlohmann::json>& hits,
                                          const std::string& file) {
    for (const auto& hit : hits) {
      if (hit["path"].get<std::string>().ends_with(file)) return &hit;
    }
    return nullptr;
  }
  static TempDir* dir_;
  static CommandResult* ingest_;
};
TempDir* LegacyOcrTest::dir_ = nullptr;
CommandResult* LegacyOcrTest::ingest_ = nullptr;

TEST_F(LegacyOcrTest, WebPageMainTextIsIndexedWithoutChrome) {
  auto hits = search("Europaförening");
  const nlohmann::json* hit = first_from(hits, ".html");
  ASSERT_NE(hit, nullptr) << ingest_->err;
  EXPECT_EQ((*hit)["text"], "svara för landstingets deltagande i Stockholmsregionens "
                            "Europaförening,");
  EXPECT_EQ((*hit)["region"], "stockholm");
  EXPECT_EQ((*hit)["section"], "Internationella funktionen > Om internationella funktionen > "
                               "Bevaka och påverka EU");
  EXPECT_EQ(first_from(search("kollektivtrafik"), ".html"), nullptr);  // top menu
  EXPECT_EQ(first_from(search("kakor"), ".html"), nullptr);               // cookie banner
}

TEST_F(LegacyOcrTest, ScannedPdfIsReadByOcrWithPagesAndTheSummarySaysSo) {
  EXPECT_NE(ingest_->err.find("2 scanned pages read"), std::string::npos) << ingest_->err;
  auto hits = search("kunskapsintensiv organisation");
  const nlohmann::json* hit = first_from(hits, "scanned.pdf");
  ASSERT_NE(hit, nullptr) << ingest_->err;
  EXPECT_EQ((*hit)["page"], 1);
  EXPECT_NE((*hit)["text"].get<std::string>().find("omvärldskontakter"), std::string::npos);
  if (hit->contains("ocr")) {  // once the exporter writes it
    EXPECT_EQ((*hit)["ocr"], true);
  }
}

TEST_F(LegacyOcrTest, LegacyFilesAreConvertedOrRefusedWithOneClearLine) {
  if (!soffice_installed()) {
    EXPECT_EQ(ingest_->exit_code, 3);
    EXPECT_NE(ingest_->err.find("jonkoping-policy.doc: legacy .doc needs LibreOffice: install it "
                                "with tools/bootstrap --with-legacy (package "
                                "libreoffice-writer-nogui)"),
              std::string::npos)
        << ingest_->err;
    EXPECT_NE(ingest_->err.find("stockholm-slides.ppt: legacy .ppt needs LibreOffice"),
              std::string::npos)
        << ingest_->err;
    return;
  }
  ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  const auto slide_hits = search("samarbetsavtal Mazovieregionen");
  const nlohmann::json* slide = first_from(slide_hits, ".ppt");
  ASSERT_NE(slide, nullptr);
  EXPECT_EQ((*slide)["slide"], 2);
  const auto doc_hits = search("kunskapsintensiv organisation");
  const nlohmann::json* doc = first_from(doc_hits, ".doc");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ((*doc)["section"], "Internationellt arbete - Policy och strategiska mål > Inledning");
  CommandResult list = run_klausul({"list", "--db", db(), "--format", "jsonl"});
  std::set<std::string> formats;
  for (const auto& d : jsonl(list.out)) formats.insert(d["format"].get<std::string>());
  EXPECT_EQ(formats, (std::set<std::string>{"html", "pdf", "doc", "ppt"}));
}

TEST(NoOcr, ScannedPagesAreSkippedCountedAndReadByTheNextIngestWithOcr) {
  TempDir dir;
  std::filesystem::copy_file(kFixtures + "scanned.pdf", dir / "scanned.pdf");
  CommandResult r = run_klausul({"ingest", dir / "scanned.pdf", "--db", dir / "db", "--no-ocr"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 scanned pages read"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 pages without text skipped"), std::string::npos) << r.err;
  CommandResult s = run_klausul({"search", "kunskapsintensiv", "--db", dir / "db", "--format",
                                 "jsonl"});
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(lines_of(s.out).empty()) << s.out;

  // The next ingest with OCR on reads the skipped pages without --force, once.
  CommandResult again = run_klausul({"ingest", dir / "scanned.pdf", "--db", dir / "db"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("2 scanned pages read"), std::string::npos) << again.err;
  CommandResult found = run_klausul({"search", "kunskapsintensiv", "--db", dir / "db",
                                     "--format", "jsonl"});
  EXPECT_FALSE(lines_of(found.out).empty()) << found.err;
  CommandResult third = run_klausul({"ingest", dir / "scanned.pdf", "--db", dir / "db"});
  EXPECT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(third.err.find("1 unchanged"), std::string::npos) << third.err;
}

}  // namespace
}  // namespace klausul::testing
