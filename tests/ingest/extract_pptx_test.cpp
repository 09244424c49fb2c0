#include "ingest/extract_pptx.h"

#include <gtest/gtest.h>

#include "ingest/error.h"
#include "ingest/extract_zip.h"
#include "ingest/segment.h"
#include "tests/ingest/office_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

Document deck(const std::string& fixture) {
  return PptxExtractor().extract(read_fixture(fixture), fixture, ExtractOptions{});
}

std::string error_of(const std::string& fixture) {
  try {
    ZipExtractor().extract(read_fixture(fixture), fixture, ExtractOptions{});
  } catch (const IngestError& e) {
    return e.what();
  }
  return "";
}

TEST(PptxExtractor, SlidesInPresentationOrderWithTheirTitles) {
  const Document doc = deck("stockholm-slides.pptx");
  EXPECT_EQ(doc.info.format, "pptx");
  EXPECT_EQ(doc.info.slides, 8);
  EXPECT_EQ(doc.info.title, "På väg mot nya riktlinjer för landstingets internationella arbete");
  EXPECT_EQ(doc.info.date, "2012-02-14");
  EXPECT_EQ(doc.info.year, 2012);
  const std::vector<std::string> titles = slide_titles(doc);
  ASSERT_EQ(titles.size(), 8u) << dump(doc);
  EXPECT_EQ(titles[0], "På väg mot nya riktlinjer för landstingets internationella arbete");
  EXPECT_EQ(titles[2], "Mål för det internationella arbetet");
  EXPECT_EQ(titles[3], "Inriktning för internationellt arbete");
  EXPECT_EQ(titles[7], "Tillväxt, miljö och regionplanering");
  for (const Block& b : doc.blocks) EXPECT_GT(b.slide, 0) << b.text;
}

TEST(PptxExtractor, BulletLevelsAndReadingOrder) {
  const Document doc = deck("stockholm-slides.pptx");
  const Block* lead =
      find_block(doc, "Det internationella arbetet ska bidra till att nå landstingets");
  ASSERT_NE(lead, nullptr) << dump(doc);
  EXPECT_EQ(lead->kind, BlockKind::list_item);
  EXPECT_EQ(lead->level, 1);
  EXPECT_EQ(lead->slide, 3);
  const Block* goal =
      find_block(doc, "förbättrad tillgänglighet och kvalitet inom hälso- och sjukvården");
  ASSERT_NE(goal, nullptr);
  EXPECT_EQ(goal->level, 2);
  EXPECT_EQ(goal->slide, 3);
  EXPECT_LT(lead, goal);  // the lead-in comes before its sub-bullets
  const Block* subtitle = find_block(doc, "PH");
  ASSERT_NE(subtitle, nullptr);
  EXPECT_EQ(subtitle->kind, BlockKind::paragraph);  // a subtitle is not a bullet
  EXPECT_EQ(subtitle->slide, 1);
}

TEST(PptxExtractor, TableRowsAreClauses) {
  const Document doc = deck("stockholm-slides.pptx");
  const Block* row = find_block(doc, "IT-stöd inom primärvåden");
  ASSERT_NE(row, nullptr) << dump(doc);
  EXPECT_EQ(row->kind, BlockKind::table_cell);
  EXPECT_EQ(row->text, "IT-stöd inom primärvåden | 47");
  EXPECT_EQ(row->slide, 6);
}

TEST(PptxExtractor, SpeakerNotesAreMarkedAndFollowTheirSlide) {
  const Document doc = deck("stockholm-slides.pptx");
  const Block* note = find_block(doc, "Målen hämtas ur landstingets budget");
  ASSERT_NE(note, nullptr) << dump(doc);
  EXPECT_TRUE(note->note);
  EXPECT_EQ(note->slide, 3);
  const Block* mazovia = find_block(doc, "Samarbetsavtalet med Mazovieregionen förnyas inte");
  ASSERT_NE(mazovia, nullptr);
  EXPECT_EQ(mazovia->slide, 7);
  int notes = 0;
  for (const Block& b : doc.blocks) notes += b.note ? 1 : 0;
  EXPECT_EQ(notes, 3);
  EXPECT_FALSE(find_block(doc, "Svag bevakning av EU-frågor")->note);
}

TEST(PptxExtractor, OrderComesFromSldIdLstNotFileNames) {
  // slide2.xml is listed after slide3.xml in ppt/presentation.xml.
  const Document doc = deck("stockholm-slides-reordered.pptx");
  const std::vector<std::string> titles = slide_titles(doc);
  ASSERT_EQ(titles.size(), 8u) << dump(doc);
  EXPECT_EQ(titles[1], "Mål för det internationella arbetet");
  EXPECT_EQ(titles[2], "Tillväxt, miljö och regionplanering");
  EXPECT_EQ(find_block(doc, "Målen hämtas ur landstingets budget")->slide, 2);  // notes move too
  EXPECT_EQ(find_block(doc, "Svag bevakning av EU-frågor")->slide, 3);
}

TEST(PptxExtractor, ClausesKeepSlideSectionAndNoteFlag) {
  const std::vector<Clause> clauses = segment(deck("stockholm-slides.pptx"));
  const Clause* weak = find_clause(clauses, "Svag bevakning av EU-frågor");
  ASSERT_NE(weak, nullptr);
  EXPECT_EQ(weak->slide, 2);
  EXPECT_EQ(weak->section, (std::vector<std::string>{"Tillväxt, miljö och regionplanering"}));
  EXPECT_EQ(weak->kind, BlockKind::list_item);
  const Clause* note = find_clause(clauses, "Målen hämtas ur landstingets budget");
  ASSERT_NE(note, nullptr);
  EXPECT_TRUE(note->note);
  EXPECT_EQ(note->section, (std::vector<std::string>{"Mål för det internationella arbetet"}));
}

TEST(PptxExtractor, HiddenSlidesAreLeftOutAndTheOthersKeepTheirNumbers) {
  const std::string p = "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
                        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        "relationships\"";
  auto slide = [&](const std::string& attrs, const std::string& text) {
    return "<p:sld " + p + attrs + "><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>" + text +
           "</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>";
  };
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide";
  const std::string bytes = make_zip(
      {{"ppt/presentation.xml", "<p:presentation " + p +
                                    "><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId1\"/>"
                                    "<p:sldId id=\"257\" r:id=\"rId2\"/><p:sldId id=\"258\" "
                                    "r:id=\"rId3\"/></p:sldIdLst></p:presentation>"},
       {"ppt/_rels/presentation.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" + rel + "\" Target=\"slides/slide1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"" + rel + "\" Target=\"slides/slide2.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"" + rel + "\" Target=\"slides/slide3.xml\"/>"
        "</Relationships>"},
       {"ppt/slides/slide1.xml", slide("", "Synlig bild ett")},
       {"ppt/slides/slide2.xml", slide(" show=\"0\"", "Dold bild med gamla siffror")},
       {"ppt/slides/slide3.xml", slide(" show=\"1\"", "Synlig bild tre")}});
  const Document doc = PptxExtractor().extract(bytes, "deck.pptx", ExtractOptions{});
  ASSERT_EQ(doc.blocks.size(), 2u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Synlig bild ett");
  EXPECT_EQ(doc.blocks[0].slide, 1);
  EXPECT_EQ(doc.blocks[1].text, "Synlig bild tre");
  EXPECT_EQ(doc.blocks[1].slide, 3);
}

TEST(PptxExtractor, ExternalEntityDeckFailsWithoutReadingTheFile) {
  const std::string error = error_of("hostile/xxe.pptx");
  EXPECT_EQ(error,
            "XML document type declaration (DTD/entities) not accepted in ppt/slides/slide1.xml");
  EXPECT_EQ(error.find("root:"), std::string::npos);
}

TEST(PptxExtractor, RandomAndTruncatedBytesAreDamagedZips) {
  EXPECT_NE(error_of("hostile/random.pptx").find("damaged ZIP archive"), std::string::npos);
  EXPECT_NE(error_of("hostile/truncated.pptx").find("damaged ZIP archive"), std::string::npos);
}

}  // namespace
}  // namespace klausul
