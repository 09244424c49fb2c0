#include "search/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "ingest/error.h"
#include "search/snippet.h"

namespace klausul {
namespace {

Hit sample_hit() {
  Hit hit;
  hit.rank = 1;
  hit.score = 2.5;
  hit.clause.id = "d1:4";
  hit.clause.document_id = "d1";
  hit.clause.text = "=Landstinget ska \"bevaka\", påverka; EU";
  hit.clause.section = {"Överväganden", "EU"};
  hit.clause.page = 2;
  hit.document.id = "d1";
  hit.document.region = "stockholm";
  hit.document.region_name = "Region Stockholm";
  hit.document.title = "Riktlinjer";
  hit.document.year = 2012;
  hit.document.path = "/corpus/a.pdf";
  hit.snippet = "ska <b>bevaka</b> &amp; påverka";
  return hit;
}

TEST(Export, JsonLinesHaveTheContractKeys) {
  std::ostringstream out;
  write_jsonl(out, {sample_hit(), sample_hit()});
  std::istringstream lines(out.str());
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* key : {"rank", "score", "clause_id", "document_id", "region", "region_name",
                            "organisation", "title", "doc_type", "year", "section", "page",
                            "slide", "text", "path", "snippet"}) {
      EXPECT_TRUE(j.contains(key)) << key;
    }
    EXPECT_EQ(j["section"], "Överväganden > EU");
    EXPECT_EQ(j["page"], 2);
    EXPECT_TRUE(j["slide"].is_null());
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(Export, CsvQuotesAndNeutralisesFormulas) {
  std::ostringstream out;
  write_csv(out, {sample_hit()}, ';');
  const std::string csv = out.str();
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "rank;region_name;", 0), 0u);
  EXPECT_NE(csv.find("\"'=Landstinget ska \"\"bevaka\"\", påverka; EU\""), std::string::npos) << csv;
}

TEST(Export, TerminalSnippetUnescapesAndMarks) {
  EXPECT_EQ(snippet_for_terminal("ska <b>bevaka</b> &amp; påverka", false),
            "ska «bevaka» & påverka");
  EXPECT_EQ(snippet_for_terminal("<b>EU</b>", true), "\033[1mEU\033[0m");
}

TEST(Export, UnknownFormatIsAUsageError) {
  EXPECT_THROW(parse_output_format("docx"), UsageError);
  EXPECT_EQ(parse_output_format("jsonl"), OutputFormat::jsonl);
  EXPECT_EQ(parse_output_format("xlsx"), OutputFormat::xlsx);
  EXPECT_EQ(parse_output_format("md"), OutputFormat::md);
  EXPECT_EQ(parse_output_format("html"), OutputFormat::html);
  std::ostringstream out;
  EXPECT_THROW(make_stream_writer(OutputFormat::xlsx, out), UsageError);
}

}  // namespace
}  // namespace klausul
