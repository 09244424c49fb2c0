#include <gtest/gtest.h>

#include <sstream>

#include "search/export.h"
#include "search/export_report.h"

namespace klausul {
namespace {

Hit hit(const std::string& region, int rank, const std::string& text) {
  Hit h;
  h.rank = rank;
  h.clause.id = region + ":" + std::to_string(rank);
  h.clause.text = text;
  h.document.region = region;
  h.document.region_name = "Region " + region;
  h.document.title = "Riktlinjer <internationellt>";
  h.document.path = "/corpus/" + region + ".txt";
  return h;
}

std::string report(OutputFormat format, const std::vector<Hit>& hits) {
  std::ostringstream out;
  auto writer = make_stream_writer(format, out);
  ExportContext context;
  context.query = "EU & <påverkan>";
  writer->begin(context);
  for (const Hit& h : hits) writer->hit(h);
  writer->end();
  return out.str();
}

TEST(ExportReport, DocumentLineIsTitleOrPathWithTheDetails) {
  Hit h = hit("stockholm", 1, "Landstinget ska bevaka EU.");
  EXPECT_EQ(document_line(h), "Riktlinjer <internationellt>");
  h.document.doc_type = "riktlinjer";
  h.document.year = 2012;
  h.clause.page = 3;
  EXPECT_EQ(document_line(h), "Riktlinjer <internationellt> · riktlinjer, 2012 · sida 3");
  h.document.title.clear();
  EXPECT_EQ(document_line(h), "/corpus/stockholm.txt · riktlinjer, 2012 · sida 3");
}

TEST(ExportReport, HighlightMarksSnippetWordsAndStemsAndKeepsTheText) {
  Hit h = hit("stockholm", 1, "Landstinget ska bevaka och påverka EU-frågor.");
  h.snippet = "ska <b>bevaka</b> och <b>påverka</b>";
  std::string joined, marked;
  for (const TextSpan& span : highlight(h)) {
    joined += span.text;
    if (span.marked) marked += "[" + span.text + "]";
  }
  EXPECT_EQ(joined, h.clause.text);
  EXPECT_EQ(marked, "[bevaka][påverka]");
  h.snippet.clear();
  h.matched_terms = {"landsting"};
  EXPECT_TRUE(highlight(h)[0].marked);  // "Landstinget" starts with the stem
}

TEST(ExportReport, HtmlGroupsByRegionInFirstSeenOrderAndEscapes) {
  const std::string html = report(OutputFormat::html, {hit("orebro", 1, "Ett <b>"),
                                                       hit("stockholm", 2, "Två & tre"),
                                                       hit("orebro", 3, "Fyra \"citat\"")});
  const size_t orebro = html.find("<h2>Region orebro (2)</h2>");
  const size_t stockholm = html.find("<h2>Region stockholm (1)</h2>");
  ASSERT_NE(orebro, std::string::npos) << html;
  ASSERT_NE(stockholm, std::string::npos);
  EXPECT_LT(orebro, stockholm);
  EXPECT_LT(html.find("Fyra &quot;citat&quot;"), stockholm);  // rank 3 joins its region
  EXPECT_NE(html.find("Ett &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html.find("Riktlinjer &lt;internationellt&gt;"), std::string::npos);
  EXPECT_NE(html.find("EU &amp; &lt;påverkan&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("3 rader."), std::string::npos);
}

TEST(ExportReport, MarkdownEscapesMarkup) {
  const std::string md = report(OutputFormat::md, {hit("orebro", 1, "- *inte* en [länk]"),
                                                   hit("orebro", 2, "1. inte en lista")});
  EXPECT_NE(md.find("> \\- \\*inte\\* en \\[länk\\]"), std::string::npos) << md;
  EXPECT_NE(md.find("> 1\\. inte en lista"), std::string::npos) << md;
  EXPECT_NE(md.find("## Region orebro (2)"), std::string::npos);
  EXPECT_NE(md.find("EU \\& \\<påverkan\\>"), std::string::npos);
}

}  // namespace
}  // namespace klausul
