#include "ingest/extract_docx.h"

#include <gtest/gtest.h>

#include "ingest/error.h"
#include "ingest/extract_zip.h"
#include "ingest/segment.h"
#include "tests/ingest/office_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

Document docx(const std::string& bytes) {
  return DocxExtractor().extract(bytes, "test.docx", ExtractOptions{});
}

std::string error_of(const std::string& bytes) {
  try {
    ZipExtractor().extract(bytes, "test.docx", ExtractOptions{});
  } catch (const IngestError& e) {
    return e.what();
  }
  return "";
}

TEST(DocxExtractor, HeadingStylesGiveLevelsAndSectionPaths) {
  const Document doc = docx(read_fixture("jonkoping-policy.docx"));
  EXPECT_EQ(doc.info.format, "docx");
  EXPECT_EQ(doc.info.title, "Internationellt arbete - Policy och strategiska mål");
  const Block* title = find_block(doc, "Internationellt arbete - Policy och strategiska mål");
  ASSERT_NE(title, nullptr) << dump(doc);
  EXPECT_EQ(title->kind, BlockKind::heading);
  EXPECT_EQ(title->level, 1);
  const Block* goals = find_block(doc, "Strategiska mål");
  EXPECT_EQ(goals->kind, BlockKind::heading);
  EXPECT_EQ(goals->level, 2);

  const std::vector<Clause> clauses = segment(doc);
  const Clause* eu =
      find_clause(clauses, "Skapa förutsättningar för aktiv samverkan och erhållande av EU-medel");
  ASSERT_NE(eu, nullptr);
  EXPECT_EQ(eu->kind, BlockKind::list_item);
  EXPECT_EQ(eu->section,
            (std::vector<std::string>{"Internationellt arbete - Policy och strategiska mål",
                                      "De strategiska målen uppnås genom att:"}));
  const Clause* policy =
      find_clause(clauses, "Landstingets internationella arbete ska bidra till utveckling");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->kind, BlockKind::paragraph);
  EXPECT_EQ(section_label(policy->section),
            "Internationellt arbete - Policy och strategiska mål > Policy");
}

TEST(DocxExtractor, TableRowPerClauseAndFootnoteAfterItsParagraph) {
  const Document doc = docx(read_fixture("tabell-fotnot.docx"));
  const Block* row = find_block(doc, "Fördjupa samarbetet med Alytus län");
  ASSERT_NE(row, nullptr) << dump(doc);
  EXPECT_EQ(row->kind, BlockKind::table_cell);
  EXPECT_EQ(row->text,
            "Fördjupa samarbetet med Alytus län i Litauen | Landstingsdirektören | 2013");
  const Block* cited = find_block(doc, "Handlingsplanen följs upp årligen av landstingsstyrelsen.");
  ASSERT_NE(cited, nullptr);
  EXPECT_FALSE(cited->note);
  const Block* footnote = cited + 1;
  EXPECT_EQ(footnote->text, "Uppföljningen redovisas i landstingets årsredovisning.");
  EXPECT_TRUE(footnote->note);
}

// Swedish Word names its heading styles Rubrik1 (name "heading 1"); custom styles inherit
// through basedOn; an outline level makes any paragraph a heading; deleted text is not text.
TEST(DocxExtractor, SwedishStylesBasedOnOutlineLevelsListsAndRevisions) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string styles =
      "<w:styles " + w +
      "><w:style w:type=\"paragraph\" w:styleId=\"Rubrik1\"><w:name w:val=\"heading 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Rubrik2\"><w:name w:val=\"heading 2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Egen\"><w:name w:val=\"Egen rubrik\"/><w:basedOn "
      "w:val=\"Rubrik2\"/></w:style></w:styles>";
  const std::string body =
      "<w:document " + w +
      "><w:body>"
      "<w:p><w:pPr><w:pStyle w:val=\"Rubrik1\"/></w:pPr><w:r><w:t>Riktlinjer</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Egen\"/></w:pPr><w:r><w:t>Syfte</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Omfattning</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
      "<w:r><w:t xml:space=\"preserve\">hälso- och "
      "</w:t></w:r><w:del><w:r><w:delText>tand</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>sjukvård</w:t></w:r></w:ins></w:p>"
      "<w:sdt><w:sdtContent><w:p><w:r><w:t>I en "
      "innehållskontroll.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
      "</w:body></w:document>";
  const Document doc = docx(make_zip({{"word/document.xml", body}, {"word/styles.xml", styles}}));
  ASSERT_EQ(doc.blocks.size(), 5u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].level, 1);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[1].level, 2);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[2].level, 3);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::list_item);
  EXPECT_EQ(doc.blocks[3].level, 2);
  EXPECT_EQ(doc.blocks[3].text, "hälso- och sjukvård");
  EXPECT_EQ(doc.blocks[4].text, "I en innehållskontroll.");
}

TEST(DocxExtractor, TextBoxesAreReadOnceAfterTheirParagraph) {
  const std::string ns =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";
  const std::string box = "<w:txbxContent><w:p><w:r><w:t>Faktaruta: landstinget är medlem i "
                          "AER.</w:t></w:r></w:p></w:txbxContent>";
  const std::string body =
      "<w:document " + ns + "><w:body>"
      "<w:p><w:r><w:t>Före rutan.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>"
      "<w:drawing>" + box + "</w:drawing></mc:Choice><mc:Fallback><w:pict>" + box +
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
      "<w:p><w:r><w:t>Efter rutan.</w:t></w:r></w:p>"
      "</w:body></w:document>";
  const Document doc = docx(make_zip({{"word/document.xml", body}}));
  ASSERT_EQ(doc.blocks.size(), 3u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Före rutan.");
  EXPECT_EQ(doc.blocks[1].text, "Faktaruta: landstinget är medlem i AER.");
  EXPECT_EQ(doc.blocks[2].text, "Efter rutan.");
}

TEST(DocxExtractor, HostileDocumentsFailWithAClearReason) {
  EXPECT_NE(error_of(read_fixture("hostile/zip-bomb.docx")).find("zip bomb: word/document.xml"),
            std::string::npos);
  EXPECT_EQ(error_of(read_fixture("hostile/deep-nesting.docx")),
            "XML nested too deeply in word/document.xml (more than 256 levels)");
  EXPECT_EQ(error_of(read_fixture("hostile/not-office.docx")),
            "ZIP archive that is not a DOCX, PPTX, ODT or ODP document");
  EXPECT_NE(error_of(read_fixture("hostile/empty.docx")).find("damaged ZIP archive"),
            std::string::npos);
}

}  // namespace
}  // namespace klausul
