// End to end: every export (csv, xlsx, json, md, html) of search, similar and compare, read back
// with independent parsers (Python's csv module and openpyxl, tests/e2e/read_export.py) and
// compared with the JSON Lines of the same query.
// GCC 12 reports a false -Wrestrict inside std::string once run_command.h's string
// concatenations are inlined here (GCC bug 105329).
#pragma GCC diagnostic ignored "-Wrestrict"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "tests/e2e/read_export.h"
#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kCorpus = KLAUSUL_SOURCE_DIR "/corpus";
// A row read back carries the same clause as the JSON Lines object, character for character.
void expect_same_hit(const json& row, const json& hit) {
  for (const char* key : {"clause_id", "text", "title", "region_name", "organisation",
                          "doc_type", "path", "rank", "year", "page", "slide"}) {
    const json expected = hit[key].is_string() && hit[key].get<std::string>().empty()
                              ? json() : hit[key];
    EXPECT_EQ(row[key], expected) << key << " of " << hit["clause_id"];
  }
  const json section = hit["section"] == "" ? json() : hit["section"];
  EXPECT_EQ(row["section"], section);
  EXPECT_NEAR(row["score"].get<double>(), hit["score"].get<double>(), 1e-3);
}

class ExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    CommandResult ingest = run_klausul({"ingest", kCorpus, "--db", db()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }
  static std::string file(const std::string& name) { return *dir_ / name; }
  // Runs a klausul command against the corpus index; expects success.
  static CommandResult klausul(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db()});
    CommandResult result = run_klausul(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }
  static TempDir* dir_;
};
TempDir* ExportTest::dir_ = nullptr;

TEST_F(ExportTest, SearchCsvAndXlsxHoldTheRowsOfJsonLines) {
  const std::vector<std::string> query = {"search", "internationellt samarbete", "--limit", "60"};
  auto args = [&](std::vector<std::string> more) {
    std::vector<std::string> all = query;
    all.insert(all.end(), more.begin(), more.end());
    return all;
  };
  auto hits = parse_lines(klausul(args({"--format", "jsonl"})).out);
  ASSERT_GE(hits.size(), 10u);
  klausul(args({"--format", "csv", "--output", file("s.csv")}));
  klausul(args({"--format", "csv", "--csv-delimiter", ";", "--output", file("s-semi.csv")}));
  klausul(args({"--format", "xlsx", "--output", file("s.xlsx")}));
  for (const auto& [path, delimiter] : {std::pair{file("s.csv"), ","},
                                        std::pair{file("s-semi.csv"), ";"},
                                        std::pair{file("s.xlsx"), ","}}) {
    auto rows = read_back(path, delimiter);
    ASSERT_EQ(rows.size(), hits.size()) << path;
    for (size_t i = 0; i < rows.size(); ++i) expect_same_hit(rows[i], hits[i]);
  }
  bool swedish = false;
  for (const json& hit : hits) swedish |= hit["text"].get<std::string>().find("ö") != std::string::npos;
  EXPECT_TRUE(swedish) << "the query should reach clauses with å ä ö";
}

TEST_F(ExportTest, JsonArrayEqualsJsonLines) {
  auto lines = parse_lines(klausul({"search", "EU", "--limit", "20", "--format", "jsonl"}).out);
  json array = json::parse(klausul({"search", "EU", "--limit", "20", "--format", "json"}).out);
  ASSERT_TRUE(array.is_array());
  EXPECT_EQ(std::vector<json>(array.begin(), array.end()), lines);
}

std::string first_clause(const std::vector<json>& hits) {
  return hits.empty() ? std::string() : hits[0]["clause_id"].get<std::string>();
}

TEST_F(ExportTest, SimilarPutsTheQueryClauseFirstThenTheJsonLinesRows) {
  const std::string id = first_clause(parse_lines(
      klausul({"search", "EU-medel", "--region", "jonkoping", "--format", "jsonl"}).out));
  ASSERT_FALSE(id.empty());
  auto hits = parse_lines(klausul({"similar", "--clause", id, "--format", "jsonl"}).out);
  ASSERT_FALSE(hits.empty());
  klausul({"similar", "--clause", id, "--format", "csv", "--output", file("sim.csv")});
  klausul({"similar", "--clause", id, "--format", "xlsx", "--output", file("sim.xlsx")});
  for (const std::string& path : {file("sim.csv"), file("sim.xlsx")}) {
    auto rows = read_back(path);
    ASSERT_EQ(rows.size(), hits.size() + 1) << path;
    EXPECT_EQ(rows[0]["role"], "query");
    EXPECT_EQ(rows[0]["clause_id"], id);
    for (size_t i = 0; i < hits.size(); ++i) {
      EXPECT_EQ(rows[i + 1]["role"], "match");
      expect_same_hit(rows[i + 1], hits[i]);
    }
  }
  const std::string html =
      klausul({"similar", "--clause", id, "--format", "html"}).out;
  EXPECT_NE(html.find("<h2>Jämförs med</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>" + hits[0]["region_name"].get<std::string>()), std::string::npos);
}

TEST_F(ExportTest, CompareRowsSideBySideMatchJsonLines) {
  const std::string a = kCorpus + "/stockholm-riktlinjer-internationellt-arbete-2012.txt";
  const std::string b = kCorpus + "/orebro-riktlinjer-internationellt-engagemang.txt";
  auto pairs = parse_lines(klausul({"compare", a, b, "--format", "jsonl"}).out);
  ASSERT_FALSE(pairs.empty());
  klausul({"compare", a, b, "--format", "csv", "--output", file("cmp.csv")});
  klausul({"compare", a, b, "--format", "xlsx", "--output", file("cmp.xlsx")});
  std::set<std::string> statuses;
  for (const std::string& path : {file("cmp.csv"), file("cmp.xlsx")}) {
    auto rows = read_back(path);
    ASSERT_EQ(rows.size(), pairs.size()) << path;
    for (size_t i = 0; i < rows.size(); ++i) {
      for (const char* key : {"status", "a_clause_id", "a_text", "b_clause_id", "b_text",
                              "a_page", "b_page", "a_slide", "b_slide"}) {
        EXPECT_EQ(rows[i][key], pairs[i][key]) << key << " row " << i << " of " << path;
      }
      EXPECT_NEAR(rows[i]["score"].get<double>(), pairs[i]["score"].get<double>(), 1e-3);
      statuses.insert(rows[i]["status"].get<std::string>());
    }
  }
  EXPECT_TRUE(statuses.count("matched"));
  const std::string html = klausul({"compare", a, b, "--format", "html"}).out;
  EXPECT_NE(html.find("<tr class=\"matched\">"), std::string::npos);
}

TEST_F(ExportTest, ReportsAreSelfContainedEscapedAndHighlighted) {
  const std::string html = klausul({"search", "bevaka och påverka EU", "--format", "html"}).out;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("<mark>bevaka</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>Region Stockholm ("), std::string::npos);
  EXPECT_NE(html.find("stockholm-riktlinjer-internationellt-arbete-2012.pdf"), std::string::npos);
  for (const char* external : {"<script", "src=", "href=", "<link"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  const std::string md = klausul({"search", "bevaka och påverka EU", "--format", "md"}).out;
  EXPECT_EQ(md.rfind("# Sökträffar", 0), 0u);
  EXPECT_NE(md.find("**bevaka**"), std::string::npos) << md;
  EXPECT_NE(md.find("## Region Stockholm ("), std::string::npos);
}

TEST_F(ExportTest, XlsxWithoutOutputIsAUsageError) {
  CommandResult result = run_klausul({"search", "EU", "--db", db(), "--format", "xlsx"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.out.empty());
  EXPECT_NE(result.err.find("--output"), std::string::npos) << result.err;
}

std::set<std::string> listing(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) names.insert(entry.path());
  return names;
}

TEST_F(ExportTest, UnwritableOutputFailsWithOneLineAndLeavesNothing) {
  TempDir out;
  std::ofstream(out / "plain-file") << "x";
  fs::create_directories(out / "a-folder");
  const auto before = listing(out.path());
  for (const std::string format : {"csv", "xlsx", "jsonl", "html"}) {
    for (const std::string& target : {out / "missing/export.out", out / "plain-file/export.out",
                                      out / "a-folder"}) {
      CommandResult result = run_klausul(
          {"search", "EU", "--db", db(), "--format", format, "--output", target});
      EXPECT_EQ(result.exit_code, 2) << format << " " << target;
      EXPECT_EQ(lines_of(result.err).size(), 1u) << result.err;
      EXPECT_NE(result.err.find("cannot write " + target), std::string::npos) << result.err;
      EXPECT_EQ(listing(out.path()), before) << format << " " << target;
    }
  }
}

TEST(Export, FormulaLikeClausesStayText) {
  TempDir dir;
  fs::create_directories(dir / "docs");
  const std::vector<std::string> clauses = {
      "=SUMMA(A1:A9) ska aldrig räknas ut när regionens budgetrad exporteras.",
      "+46 är landsnumret som regionens växel i Jönköping använder.",
      "-1 000 kronor är regionens avgift för kursen.",
      "@regionen är kontot där regionens nyheter om EU-frågor publiceras.",
      "'=HYPERLÄNK står här i regionens text med apostrof först."};
  {
    std::ofstream text(dir / "docs/formler.txt");
    for (const std::string& clause : clauses) text << clause << "\n\n";
  }
  ASSERT_EQ(run_klausul({"ingest", dir / "docs", "--db", dir / "db", "--region", "jonkoping"})
                .exit_code, 0);
  auto base = std::vector<std::string>{"search", "regionens", "--db", dir / "db", "--limit", "20"};
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> all = base;
    all.insert(all.end(), more.begin(), more.end());
    return run_klausul(all);
  };
  auto hits = parse_lines(with({"--format", "jsonl"}).out);
  std::set<std::string> texts;
  for (const json& hit : hits) texts.insert(hit["text"].get<std::string>());
  ASSERT_TRUE(texts.count(clauses[0])) << "ingest must keep the leading '='";
  ASSERT_EQ(with({"--format", "csv", "--output", dir / "f.csv"}).exit_code, 0);
  ASSERT_EQ(with({"--format", "xlsx", "--output", dir / "f.xlsx"}).exit_code, 0);
  std::ifstream csv_in(dir / "f.csv");
  std::stringstream csv;
  csv << csv_in.rdbuf();
  EXPECT_NE(csv.str().find(",'=SUMMA(A1:A9)"), std::string::npos) << csv.str();
  EXPECT_NE(csv.str().find(",'-1 000 kronor"), std::string::npos) << csv.str();
  for (const std::string& path : {dir / "f.csv", dir / "f.xlsx"}) {
    auto rows = read_back(path);  // read_export.py fails on any formula cell
    ASSERT_EQ(rows.size(), hits.size()) << path;
    for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i]["text"], hits[i]["text"]) << path;
  }
}

TEST(Export, LargeExportIsStreamedPageByPage) {
  TempDir dir;
  fs::create_directories(dir / "docs");
  constexpr int kParagraphs = 3000;  // more than one search page (1,000 hits)
  {
    std::ofstream text(dir / "docs/stor.txt");
    for (int i = 1; i <= kParagraphs; ++i) {
      text << "Punkt " << i << ": landstinget ska främja samverkan kring område " << i * 7
           << " med Västra Götaland, Örebro och Jönköping (åtgärd " << i << ").\n\n";
    }
  }
  CommandResult ingest = run_klausul({"ingest", dir / "docs", "--db", dir / "db"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  auto base = std::vector<std::string>{"search", "samverkan", "--db", dir / "db", "--limit", "5000"};
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> all = base;
    all.insert(all.end(), more.begin(), more.end());
    return run_klausul(all);
  };
  auto hits = parse_lines(with({"--format", "jsonl"}).out);
  ASSERT_EQ(hits.size(), static_cast<size_t>(kParagraphs));
  std::set<std::string> ids;
  for (size_t i = 0; i < hits.size(); ++i) {
    EXPECT_EQ(hits[i]["rank"], static_cast<int>(i) + 1);
    ids.insert(hits[i]["clause_id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), hits.size()) << "pages must neither repeat nor skip a clause";
  ASSERT_EQ(with({"--format", "csv", "--output", dir / "big.csv"}).exit_code, 0);
  ASSERT_EQ(with({"--format", "xlsx", "--output", dir / "big.xlsx"}).exit_code, 0);
  for (const std::string& path : {dir / "big.csv", dir / "big.xlsx"}) {
    auto rows = read_back(path);
    ASSERT_EQ(rows.size(), hits.size()) << path;
    for (size_t i = 0; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i]["clause_id"], hits[i]["clause_id"]) << path << " row " << i;
      ASSERT_EQ(rows[i]["text"], hits[i]["text"]) << path << " row " << i;
    }
  }
}

}  // namespace
}  // namespace klausul::testing
