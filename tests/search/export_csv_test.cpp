#include <gtest/gtest.h>

#include <sstream>

#include "search/export.h"
#include "search/export_columns.h"

namespace klausul {
namespace {

Hit hit_with_text(const std::string& text, int rank = 1) {
  Hit hit;
  hit.rank = rank;
  hit.score = 0.5;
  hit.clause.id = "d1:" + std::to_string(rank);
  hit.clause.text = text;
  hit.document.region = "orebro";
  hit.document.region_name = "Region Örebro län";
  return hit;
}

std::string csv_of(ExportKind kind, const std::vector<Hit>& hits, const Hit* query = nullptr) {
  std::ostringstream out;
  auto writer = make_stream_writer(OutputFormat::csv, out);
  ExportContext context;
  context.kind = kind;
  context.query_clause = query;
  writer->begin(context);
  for (const Hit& hit : hits) writer->hit(hit);
  writer->end();
  return out.str();
}

TEST(ExportCsv, FormulaGuardIsReversible) {
  EXPECT_TRUE(looks_like_formula("=SUMMA(A1)"));
  EXPECT_TRUE(looks_like_formula("-punkt"));
  EXPECT_TRUE(looks_like_formula("+46"));
  EXPECT_TRUE(looks_like_formula("@konto"));
  EXPECT_TRUE(looks_like_formula("'=x"));  // so that the reader strips exactly one '
  EXPECT_FALSE(looks_like_formula("'citat'"));
  EXPECT_FALSE(looks_like_formula("Landstinget"));
  EXPECT_FALSE(looks_like_formula(""));
  const std::string csv = csv_of(ExportKind::search, {hit_with_text("'=x"), hit_with_text("-a")});
  EXPECT_NE(csv.find(",''=x,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'-a,"), std::string::npos) << csv;
}

TEST(ExportCsv, HeaderIsTheSharedColumnListAndRowsEndWithCrlf) {
  const std::string csv = csv_of(ExportKind::search, {hit_with_text("Rad ett\nrad två")});
  std::string header = "\xEF\xBB\xBF";
  for (const Column& column : export_columns(ExportKind::search)) {
    header += std::string(header.size() > 3 ? "," : "") + column.name;
  }
  EXPECT_EQ(csv.rfind(header + "\r\n", 0), 0u) << csv;
  EXPECT_NE(csv.find("\"Rad ett\nrad två\""), std::string::npos);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(ExportCsv, SimilarStartsWithTheQueryRow) {
  Hit query = hit_with_text("Fråga", 0);
  const std::string csv = csv_of(ExportKind::similar, {hit_with_text("Svar")}, &query);
  std::istringstream lines(csv);
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_NE(header.find("role,rank,"), std::string::npos);
  EXPECT_EQ(first.rfind("query,,Region Örebro län", 0), 0u) << first;
  EXPECT_EQ(second.rfind("match,1,Region Örebro län", 0), 0u) << second;
}

TEST(ExportCsv, CompareRowsHaveBothSides) {
  AlignedPair pair;
  pair.status = AlignmentStatus::only_b;
  pair.b.id = "b:3";
  pair.b.text = "Bara i B; med semikolon";
  pair.b.page = 2;
  std::ostringstream out;
  auto writer = make_stream_writer(OutputFormat::csv, out, ExportOptions{';'});
  ExportContext context;
  context.kind = ExportKind::compare;
  writer->begin(context);
  writer->pair(pair);
  writer->end();
  EXPECT_NE(out.str().find("status;change;score;a_clause_id;"), std::string::npos);
  EXPECT_NE(out.str().find("only_b;ny;0.0000;;;;;;b:3;;2;;\"Bara i B; med semikolon\";\r\n"),
            std::string::npos) << out.str();
}

TEST(ExportCsv, AChangedPairHasItsWordDiff) {
  AlignedPair pair;
  pair.a.id = "a:1";
  pair.a.text = "Resor bokas via resebyrån.";
  pair.b.id = "b:1";
  pair.b.text = "Resor bokas via regionens resebyrå.";
  std::ostringstream out;
  auto writer = make_stream_writer(OutputFormat::csv, out, ExportOptions{','});
  ExportContext context;
  context.kind = ExportKind::compare;
  writer->begin(context);
  writer->pair(pair);
  writer->end();
  EXPECT_NE(out.str().find("matched,ändrad,"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(",Resor bokas via [-resebyrån.-] {+regionens resebyrå.+}\r\n"),
            std::string::npos) << out.str();
}

TEST(ExportCsv, PairJsonHasNullsOnTheMissingSide) {
  AlignedPair pair;
  pair.status = AlignmentStatus::only_a;
  pair.a.id = "a:1";
  pair.a.text = "Bara i A";
  const std::string json = pair_to_json(pair);
  EXPECT_NE(json.find("\"status\":\"only_a\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"b_clause_id\":null"), std::string::npos) << json;
  EXPECT_NE(json.find("\"a_text\":\"Bara i A\""), std::string::npos) << json;
}

}  // namespace
}  // namespace klausul
