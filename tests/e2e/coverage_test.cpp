// End to end: `klausul coverage` and `klausul show ID --context N` on the real corpus, in every
// export format; CSV and XLSX read back with independent parsers (tests/e2e/read_export.py).
#pragma GCC diagnostic ignored "-Wrestrict"  // GCC bug 105329, as in export_test.cpp

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "tests/e2e/read_export.h"
#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

using nlohmann::json;

// A Stockholm clause word for word: Stockholm must be a "motsvarighet" whatever the calibration.
const std::string kQuestion =
    "För att ta tillvara Stockholmsregionens intressen ska landstinget bevaka och påverka de "
    "policyområden inom EU som är relevanta för verksamheten.";

class CoverageCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    CommandResult ingest = run_klausul({"ingest", KLAUSUL_SOURCE_DIR "/corpus", "--db", db()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }
  static CommandResult klausul(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db());
    return run_klausul(args);
  }
  static std::vector<json> coverage_jsonl(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"coverage", "--text",   kQuestion, "--per-region",
                                     "2",        "--format", "jsonl"};
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult r = klausul(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return parse_lines(r.out);
  }
  // The id of the first clause of the corpus whose text contains `needle`.
  static std::string clause_id(const std::string& needle) {
    CommandResult r = klausul({"search", "\"" + needle + "\"", "--format", "jsonl"});
    for (const json& hit : parse_lines(r.out)) {
      if (hit["text"].get<std::string>().find(needle) != std::string::npos) return hit["clause_id"];
    }
    return "";
  }
  static TempDir* dir_;
};
TempDir* CoverageCliTest::dir_ = nullptr;

TEST_F(CoverageCliTest, OneRowPerRegionThenTheExtraClauses) {
  const std::vector<json> rows = coverage_jsonl();
  ASSERT_GE(rows.size(), 21u);
  std::set<std::string> regions;
  for (size_t i = 0; i < 21; ++i) {
    EXPECT_EQ(rows[i]["rank"], 1);
    regions.insert(rows[i]["region"].get<std::string>());
  }
  EXPECT_EQ(regions.size(), 21u);
  for (size_t i = 21; i < rows.size(); ++i) {
    EXPECT_GE(rows[i]["rank"].get<int>(), 2);
    EXPECT_FALSE(rows[i]["clause_id"].is_null());
  }
  int without = 0;
  for (size_t i = 0; i < 21; ++i) {
    const json& row = rows[i];
    const std::string verdict = row["verdict"];
    EXPECT_TRUE(verdict == "motsvarighet" || verdict == "narliggande" || verdict == "ingen_traff" ||
                verdict == "inga_dokument")
        << verdict;
    if (verdict == "inga_dokument") {
      ++without;
      EXPECT_FALSE(row["has_documents"].get<bool>());
      EXPECT_EQ(row["verdict_label"], "inga dokument");
    }
    if (row["region"] == "stockholm") {
      EXPECT_EQ(verdict, "motsvarighet");
      EXPECT_NE(row["text"].get<std::string>().find("bevaka och påverka"), std::string::npos);
      EXPECT_GT(row["score"].get<double>(), 0.5);
      EXPECT_FALSE(row["path"].is_null());
    }
    if (verdict == "ingen_traff" || verdict == "inga_dokument") {
      EXPECT_TRUE(row["clause_id"].is_null());
    }
  }
  EXPECT_EQ(without, 18);  // the corpus has Stockholm, Jönköping and Örebro only
}

TEST_F(CoverageCliTest, QueryWordsAndAClauseAreQuestionsToo) {
  CommandResult words =
      klausul({"coverage", "bevaka", "och", "påverka", "EU", "--format", "jsonl"});
  ASSERT_EQ(words.exit_code, 0) << words.err;
  EXPECT_EQ(lines_of(words.out).size(), 21u);
  const std::string id = clause_id("tydliga uppdrag och mandat för landstingets företrädare");
  ASSERT_FALSE(id.empty());
  CommandResult clause = klausul({"coverage", "--clause", id, "--format", "jsonl"});
  ASSERT_EQ(clause.exit_code, 0) << clause.err;
  for (const json& row : parse_lines(clause.out)) {
    EXPECT_NE(row["clause_id"], id);
    EXPECT_EQ(row["query_region"].get<bool>(), row["region"] == "orebro");
  }
}

TEST_F(CoverageCliTest, TextListsEveryRegionWithItsVerdict) {
  CommandResult r = klausul({"coverage", "--text", kQuestion});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Region Stockholm"), std::string::npos);
  EXPECT_NE(r.out.find("Region Norrbotten"), std::string::npos);
  EXPECT_NE(r.out.find("inga dokument"), std::string::npos);
  EXPECT_NE(r.out.find("motsvarighet"), std::string::npos);
  EXPECT_NE(r.out.find("inga dokument 18"), std::string::npos);
}

TEST_F(CoverageCliTest, UnknownClauseExitsTwoWithOneLine) {
  CommandResult r = klausul({"coverage", "--clause", "nosuchdocument:7"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_NE(r.err.find("nosuchdocument:7"), std::string::npos);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(klausul({"coverage"}).exit_code, 2);
  EXPECT_EQ(klausul({"coverage", "--text", "x y", "--clause", "a:1"}).exit_code, 2);
  CommandResult show = klausul({"show", "nosuchdocument:7", "--context", "2"});
  EXPECT_EQ(show.exit_code, 2);
  EXPECT_EQ(lines_of(show.err).size(), 1u) << show.err;
}

TEST_F(CoverageCliTest, CsvAndXlsxHaveTheRowsOfTheJsonLines) {
  const std::vector<json> expected = coverage_jsonl();
  TempDir out;
  for (const std::string format : {"csv", "xlsx"}) {
    const std::string file = out / ("coverage." + format);
    CommandResult r = klausul({"coverage", "--text", kQuestion, "--per-region", "2", "--format",
                               format, "--output", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<json> rows = read_back(file);
    ASSERT_EQ(rows.size(), expected.size()) << format;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i]["region"], expected[i]["region"]) << format << " row " << i;
      EXPECT_EQ(rows[i]["verdict"], expected[i]["verdict_label"]) << format << " row " << i;
      EXPECT_EQ(rows[i]["rank"], expected[i]["rank"]) << format << " row " << i;
      EXPECT_EQ(rows[i]["clause_id"], expected[i]["clause_id"]) << format << " row " << i;
      EXPECT_EQ(rows[i]["text"], expected[i]["text"]) << format << " row " << i;
      if (!expected[i]["score"].is_null()) {
        EXPECT_NEAR(rows[i]["score"].get<double>(), expected[i]["score"].get<double>(), 1e-3);
      }
    }
  }
}

TEST_F(CoverageCliTest, MarkdownHtmlAndJsonReportsNameEveryRegionAndVerdict) {
  for (const std::string format : {"md", "html", "json"}) {
    CommandResult r = klausul({"coverage", "--text", kQuestion, "--format", format});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("Region Stockholm"), std::string::npos) << format;
    EXPECT_NE(r.out.find("Region Gotland"), std::string::npos) << format;
    EXPECT_NE(r.out.find("inga dokument"), std::string::npos) << format;
    EXPECT_NE(r.out.find("motsvarighet"), std::string::npos) << format;
  }
  CommandResult html =
      klausul({"coverage", "--text", "<script>alert(1)</script> EU", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out.find("<script>"), std::string::npos);
  EXPECT_NE(html.out.find("<tr class=\"inga_dokument\">"), std::string::npos);
  EXPECT_NE(html.out.find("lang=\"sv\""), std::string::npos);
}

TEST_F(CoverageCliTest, ShowContextPutsTheClauseAmongItsNeighboursInEveryFormat) {
  const std::string id = clause_id("tydliga uppdrag och mandat för landstingets företrädare");
  ASSERT_FALSE(id.empty());
  CommandResult jsonl = klausul({"show", id, "--context", "2", "--format", "jsonl"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  const std::vector<json> rows = parse_lines(jsonl.out);
  ASSERT_GE(rows.size(), 3u);
  ASSERT_LE(rows.size(), 5u);
  int focus = 0;
  for (const json& row : rows) {
    EXPECT_EQ(row["region"], "orebro");
    EXPECT_EQ(row["title"], "Riktlinjer för internationellt engagemang");
    if (row["role"] == "klausul") {
      ++focus;
      EXPECT_EQ(row["clause_id"], id);
    } else {
      EXPECT_EQ(row["role"], "sammanhang");
    }
  }
  EXPECT_EQ(focus, 1);

  CommandResult text = klausul({"show", id, "--context", "1"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Riktlinjer för internationellt engagemang"), std::string::npos);
  EXPECT_NE(text.out.find("Region Örebro län"), std::string::npos);
  EXPECT_NE(text.out.find(" ► " + id), std::string::npos);
  EXPECT_NE(text.out.find("Källa: "), std::string::npos);

  TempDir out;
  for (const std::string format : {"csv", "xlsx"}) {
    const std::string file = out / ("context." + format);
    CommandResult r = klausul({"show", id, "--context", "2", "--format", format, "--output", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<json> back = read_back(file);
    ASSERT_EQ(back.size(), rows.size()) << format;
    for (size_t i = 0; i < back.size(); ++i) {
      EXPECT_EQ(back[i]["clause_id"], rows[i]["clause_id"]) << format;
      EXPECT_EQ(back[i]["role"], rows[i]["role"]) << format;
      EXPECT_EQ(back[i]["text"], rows[i]["text"]) << format;
    }
  }
  for (const std::string format : {"md", "html", "json"}) {
    CommandResult r = klausul({"show", id, "--context", "2", "--format", format});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("tydliga uppdrag och mandat"), std::string::npos) << format;
    if (format != "json") {
      EXPECT_NE(r.out.find("►"), std::string::npos) << format;
    }
  }
}

}  // namespace
}  // namespace klausul::testing
