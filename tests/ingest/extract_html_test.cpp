#include "ingest/extract_html.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/html_charset.h"
#include "tests/ingest/document_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

Document extract(const std::string& html) {
  return HtmlExtractor().extract(html, "page.html", ExtractOptions{});
}

class CountyPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    doc_ = new Document(extract(read_repo_file("tests/fixtures/stockholm-internationella-funktionen.html")));
  }
  static void TearDownTestSuite() { delete doc_; }
  static Document* doc_;
};
Document* CountyPage::doc_ = nullptr;

TEST_F(CountyPage, FixtureIsWindows1252AndSaysSo) {
  const std::string bytes = read_repo_file("tests/fixtures/stockholm-internationella-funktionen.html");
  EXPECT_EQ(declared_html_charset(bytes), "windows-1252");
  EXPECT_NE(bytes.find("f\xF6rvaltning"), std::string::npos);  // ö as one cp1252 byte
}

TEST_F(CountyPage, MainTextWithSwedishLettersIsThere) {
  const Document& doc = *doc_;
  EXPECT_EQ(doc.info.format, "html");
  EXPECT_EQ(doc.info.title, "Internationella funktionen - Stockholms läns landsting");
  const Block* b = find_block(doc, "Landstingsstyrelsens förvaltning (LSF) ansvarar för den "
                                   "Internationella funktionen.");
  ASSERT_NE(b, nullptr) << dump(doc);
  EXPECT_EQ(b->kind, BlockKind::paragraph);
  EXPECT_NE(find_block(doc, "Den 4 december 2012 godkändes de nya internationella riktlinjerna"),
            nullptr);
  EXPECT_EQ(doc.blocks.front().text, "Internationella funktionen") << dump(doc);
}

TEST_F(CountyPage, HeadingsKeepTheirLevels) {
  const Block* h1 = find_block(*doc_, "Internationella funktionen");
  ASSERT_NE(h1, nullptr);
  EXPECT_EQ(h1->kind, BlockKind::heading);
  EXPECT_EQ(h1->level, 1);
  const Block* h2 = find_block(*doc_, "Om internationella funktionen");
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->kind, BlockKind::heading);
  EXPECT_EQ(h2->level, 2);
  const Block* h3 = find_block(*doc_, "Bevaka och påverka EU");
  ASSERT_NE(h3, nullptr);
  EXPECT_EQ(h3->kind, BlockKind::heading);
  EXPECT_EQ(h3->level, 3);
}

TEST_F(CountyPage, ListItemsAreItems) {
  const Block* item = find_block(*doc_, "koordinera svar på EU-remisser,");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->kind, BlockKind::list_item);
  EXPECT_EQ(item->level, 1);
  EXPECT_EQ(item->text, "koordinera svar på EU-remisser,");
}

TEST_F(CountyPage, NavigationCookieBannerFooterAndScriptsAreGone) {
  for (const char* noise :
       {"Kollektivtrafik", "Hälso- och sjukvård", "kakor", "Jag förstår", "Box 22550",
        "Telefon 08-737", "Du är här", "Sök på webbplatsen", "Dela på Facebook", "Skriv ut",
        "Pågående EU-projekt", "Gå direkt till innehållet", "JavaScript", "_gaq", "Välkommen",
        "Tillgänglighet", "position: fixed"}) {
    EXPECT_EQ(find_block(*doc_, noise), nullptr) << noise << "\n" << dump(*doc_);
  }
}

TEST(HtmlCharset, MetaCharsetAndHttpEquiv) {
  EXPECT_EQ(declared_html_charset("<html><head><meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(declared_html_charset("<META HTTP-EQUIV='Content-Type' "
                                  "CONTENT='text/html; charset=Windows-1252'>"),
            "windows-1252");
  EXPECT_EQ(declared_html_charset("<meta name=\"x\" content=\"y\"><p>charset=utf-8</p>"), "");
}

TEST(HtmlExtractor, ValidUtf8WinsOverAStaleDeclaration) {
  Document doc = extract("<meta charset=\"windows-1252\"><p>Hälso- och sjukvård</p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Hälso- och sjukvård");
}

TEST(HtmlExtractor, Utf8BomWins) {
  Document doc = extract("\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>Örebro län</p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Örebro län");
}

TEST(HtmlExtractor, UndeclaredLatin1IsDetected) {
  Document doc = extract("<p>Landstingets internationella arbete ska bidra till utveckling och "
                         "tillv\xE4xt f\xF6r ett livskraftigt l\xE4n.</p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_NE(doc.blocks[0].text.find("tillväxt för ett livskraftigt län"), std::string::npos);
}

TEST(HtmlExtractor, MainElementIsPreferred) {
  Document doc = extract(
      "<body><div class='intro'><p>En lång text utanför huvudinnehållet som inte hör till "
      "dokumentet men som är längre än själva innehållet i main-elementet, mycket längre, "
      "verkligen mycket längre än så.</p></div>"
      "<main><h1>Riktlinjer</h1><p>Regionen ska bevaka EU.</p></main></body>");
  ASSERT_EQ(doc.blocks.size(), 2u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Riktlinjer");
  EXPECT_EQ(doc.blocks[1].text, "Regionen ska bevaka EU.");
  EXPECT_EQ(doc.info.title, "Riktlinjer");  // no <title>: the first h1
}

TEST(HtmlExtractor, NestedListsAndTableRows) {
  Document doc = extract(
      "<main><ul><li>Tre fokusområden:<ul><li>Bevaka och påverka EU</li><li>Dra nytta av EU"
      "</li></ul></li><li>Strategiskt</li></ul>"
      "<table><tr><th>Region</th><th>År</th></tr><tr><td>Stockholm</td><td>2012</td></tr>"
      "</table></main>");
  ASSERT_EQ(doc.blocks.size(), 6u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Tre fokusområden:");
  EXPECT_EQ(doc.blocks[0].level, 1);
  EXPECT_EQ(doc.blocks[1].text, "Bevaka och påverka EU");
  EXPECT_EQ(doc.blocks[1].level, 2);
  EXPECT_EQ(doc.blocks[3].text, "Strategiskt");
  EXPECT_EQ(doc.blocks[3].level, 1);
  EXPECT_EQ(doc.blocks[4].kind, BlockKind::table_cell);
  EXPECT_EQ(doc.blocks[4].text, "Region | År");
  EXPECT_EQ(doc.blocks[5].text, "Stockholm | 2012");
}

TEST(HtmlExtractor, DoubleBreakSeparatesParagraphs) {
  Document doc = extract("<main><p>Första stycket.<br><br>Andra stycket.<br>samma rad</p></main>");
  ASSERT_EQ(doc.blocks.size(), 2u) << dump(doc);
  EXPECT_EQ(doc.blocks[1].text, "Andra stycket. samma rad");
}

TEST(HtmlExtractor, ExternalEntitiesAreNeverLoaded) {
  Document doc = extract(
      "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<html><body><p>före &xxe; efter</p><p>&auml;&#246;</p></body></html>");
  for (const Block& b : doc.blocks) EXPECT_EQ(b.text.find("root:"), std::string::npos);
  EXPECT_NE(find_block(doc, "äö"), nullptr) << dump(doc);  // HTML's own entities still work
}

TEST(HtmlExtractor, HundredThousandNestedDivsAreBoundedAndFast) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "djupt";
  html += "</body></html>";
  const auto start = std::chrono::steady_clock::now();
  Document doc = extract(html);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  EXPECT_LE(doc.blocks.size(), 1u);
}

TEST(HtmlExtractor, AspNetFormAroundEverythingIsNotChrome) {
  Document doc = extract("<body><form id='aspnetForm'><div id='nav'><a>Start</a></div>"
                         "<div id='content'><p>Landstinget ska bevaka EU-frågor.</p></div>"
                         "</form></body>");
  ASSERT_EQ(doc.blocks.size(), 1u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Landstinget ska bevaka EU-frågor.");
}

}  // namespace
}  // namespace klausul
