// The exports of a coverage result, of a clause in context and of a review list: the same rows
// in every format (search/export.h, export_columns.h and the writers).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "search/export.h"
#include "search/export_columns.h"

namespace klausul {
namespace {

Hit clause_hit(const std::string& id, const std::string& region, double score) {
  Hit hit;
  hit.rank = 1;
  hit.score = score;
  hit.clause.id = id;
  hit.clause.text = "Landstinget ska bevaka EU | " + id;
  hit.document.region = region;
  hit.document.region_name = "Region " + region;
  hit.document.title = "Riktlinjer";
  return hit;
}

// Two regions with clauses (one with an extra clause) and one without documents.
CoverageResult sample_coverage() {
  CoverageResult result;
  CoverageRow a;
  a.region = {"stockholm", "Region Stockholm", {}};
  a.verdict = Verdict::correspondence;
  a.has_documents = true;
  a.clauses = {clause_hit("s:1", "stockholm", 0.8), clause_hit("s:2", "stockholm", 0.6)};
  a.clauses[1].rank = 2;
  CoverageRow b;
  b.region = {"uppsala", "Region Uppsala", {}};
  b.verdict = Verdict::no_documents;
  CoverageRow c;
  c.region = {"orebro", "Region Örebro län", {}};
  c.verdict = Verdict::related;
  c.has_documents = true;
  c.clauses = {clause_hit("o:1", "orebro", 0.6)};
  result.rows = {a, b, c};
  return result;
}

std::string export_text(OutputFormat format, const CoverageResult& result) {
  std::ostringstream out;
  auto writer = make_stream_writer(format, out);
  ExportContext context;
  context.kind = ExportKind::coverage;
  writer->begin(context);
  write_coverage(*writer, result);
  writer->end();
  return out.str();
}

TEST(ExportCoverage, OneRowPerRegionThenTheExtraClauses) {
  std::istringstream lines(export_text(OutputFormat::jsonl, sample_coverage()));
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0]["region"], "stockholm");
  EXPECT_EQ(rows[0]["verdict"], "motsvarighet");
  EXPECT_EQ(rows[0]["clause_id"], "s:1");
  EXPECT_EQ(rows[1]["region"], "uppsala");
  EXPECT_EQ(rows[1]["verdict_label"], "inga dokument");
  EXPECT_TRUE(rows[1]["clause_id"].is_null());
  EXPECT_TRUE(rows[1]["score"].is_null());
  EXPECT_FALSE(rows[1]["has_documents"].get<bool>());
  EXPECT_EQ(rows[2]["verdict"], "narliggande");
  EXPECT_EQ(rows[3]["clause_id"], "s:2");
  EXPECT_EQ(rows[3]["rank"], 2);
}

TEST(ExportCoverage, CsvHasTheCoverageColumnsAndEmptyCellsWithoutAClause) {
  const std::string csv = export_text(OutputFormat::csv, sample_coverage());
  EXPECT_NE(csv.find("region_name,verdict,rank,score,title"), std::string::npos);
  EXPECT_NE(csv.find("Region Uppsala,inga dokument,1,,,,,,,,,,,uppsala\r\n"), std::string::npos);
  EXPECT_NE(csv.find("Region Örebro län,närliggande,1,0.6000"), std::string::npos);
  EXPECT_EQ(export_columns(ExportKind::coverage).size(),
            coverage_cells(CoverageLine{&sample_coverage().rows[1], nullptr, 1}).size());
}

TEST(ExportCoverage, ReportsWriteTheVerdictInWordsAndEscapeTheText) {
  const std::string md = export_text(OutputFormat::md, sample_coverage());
  EXPECT_NE(md.find("# Täckning per region"), std::string::npos);
  EXPECT_NE(md.find("| Region Uppsala | **inga dokument** |"), std::string::npos);
  EXPECT_NE(md.find("bevaka EU \\| s:1"), std::string::npos);  // a | in the text stays text
  EXPECT_NE(md.find("Fler klausuler per region"), std::string::npos);
  const std::string html = export_text(OutputFormat::html, sample_coverage());
  EXPECT_NE(html.find("<tr class=\"narliggande\">"), std::string::npos);
  EXPECT_NE(html.find("<strong>närliggande</strong>"), std::string::npos);
}

TEST(ExportContextRows, TheClauseAskedForIsMarkedInEveryFormat) {
  std::vector<Hit> hits = {clause_hit("d:1", "orebro", 0), clause_hit("d:2", "orebro", 0)};
  ExportContext context;
  context.kind = ExportKind::context;
  context.focus_clause_id = "d:2";
  for (OutputFormat format :
       {OutputFormat::jsonl, OutputFormat::csv, OutputFormat::md, OutputFormat::html}) {
    std::ostringstream out;
    auto writer = make_stream_writer(format, out);
    writer->begin(context);
    for (const Hit& hit : hits) writer->hit(hit);
    writer->end();
    const std::string text = out.str();
    if (format == OutputFormat::jsonl) {
      EXPECT_NE(text.find("\"role\":\"sammanhang\""), std::string::npos);
      EXPECT_NE(text.find("\"role\":\"klausul\""), std::string::npos);
    } else if (format == OutputFormat::csv) {
      EXPECT_EQ(text.find("\xEF\xBB\xBFrole,rank"), 0u);
      EXPECT_NE(text.find("\r\nklausul,"), std::string::npos);
    } else {
      EXPECT_NE(text.find("► "), std::string::npos);
    }
  }
}

TEST(ExportReview, NotesOriginAndDateAreColumns) {
  Hit hit = clause_hit("d:3", "stockholm", 0);
  hit.note = "=ta upp";
  hit.origin = "Täckning: EU";
  hit.added = "2026-12-02";
  ExportContext context;
  context.kind = ExportKind::review;
  std::ostringstream out;
  auto writer = make_stream_writer(OutputFormat::csv, out);
  writer->begin(context);
  writer->hit(hit);
  writer->end();
  EXPECT_NE(out.str().find("position,note,region_name,title"), std::string::npos);
  EXPECT_NE(out.str().find("1,'=ta upp,Region stockholm,Riktlinjer"), std::string::npos);
  EXPECT_NE(out.str().find("Täckning: EU,2026-12-02,d:3"), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(hit_to_json(hit));
  EXPECT_EQ(j["review_note"], "=ta upp");
  EXPECT_EQ(j["added"], "2026-12-02");
}

}  // namespace
}  // namespace klausul
