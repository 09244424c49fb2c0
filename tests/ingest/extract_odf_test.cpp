#include "ingest/extract_odf.h"

#include <gtest/gtest.h>

#include "ingest/extract_zip.h"
#include "ingest/segment.h"
#include "tests/ingest/office_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

// Through the dispatcher: it must recognise ODF by the mimetype entry.
Document extract(const std::string& fixture) {
  return ZipExtractor().extract(read_fixture(fixture), "renamed.bin", ExtractOptions{});
}

TEST(OdtExtractor, HeadingsListsAndSectionPaths) {
  const Document doc = extract("jonkoping-policy.odt");
  EXPECT_EQ(doc.info.format, "odt");
  EXPECT_EQ(doc.info.title, "Internationellt arbete - Policy och strategiska mål");
  const Block* inledning = find_block(doc, "Inledning");
  ASSERT_NE(inledning, nullptr) << dump(doc);
  EXPECT_EQ(inledning->kind, BlockKind::heading);
  EXPECT_EQ(inledning->level, 2);
  const std::vector<Clause> clauses = segment(doc);
  const Clause* alytus =
      find_clause(clauses, "inom ramen för det bilaterala samarbetet med Alytus län i Litauen");
  ASSERT_NE(alytus, nullptr);
  EXPECT_EQ(alytus->kind, BlockKind::list_item);
  EXPECT_EQ(section_label(alytus->section),
            "Internationellt arbete - Policy och strategiska mål > De strategiska målen uppnås "
            "genom att:");
}

TEST(OdtExtractor, TableRowsAndFootnotes) {
  const Document doc = extract("tabell-fotnot.odt");
  const Block* row = find_block(doc, "Ansöka om EU-medel");
  ASSERT_NE(row, nullptr) << dump(doc);
  EXPECT_EQ(
      row->text,
      "Ansöka om EU-medel för samverkan inom hälso- och sjukvård | Regional utveckling | 2012");
  EXPECT_EQ(row->kind, BlockKind::table_cell);
  const Block* cited = find_block(doc, "Handlingsplanen följs upp årligen");
  ASSERT_NE(cited, nullptr);
  EXPECT_EQ(cited->text,
            "Handlingsplanen följs upp årligen av landstingsstyrelsen.");  // no "1" marker
  EXPECT_TRUE((cited + 1)->note);
  EXPECT_EQ((cited + 1)->text, "Uppföljningen redovisas i landstingets årsredovisning.");
}

TEST(OdpExtractor, PagesTitlesBulletsTablesAndNotes) {
  const Document doc = extract("stockholm-slides.odp");
  EXPECT_EQ(doc.info.format, "odp");
  EXPECT_EQ(doc.info.slides, 8);
  EXPECT_EQ(doc.info.date, "2012-02-14");
  const std::vector<std::string> titles = slide_titles(doc);
  ASSERT_EQ(titles.size(), 8u) << dump(doc);
  EXPECT_EQ(titles[3], "Inriktning för internationellt arbete");
  const Block* strategic = find_block(doc, "Strategiskt");
  ASSERT_NE(strategic, nullptr);
  EXPECT_EQ(strategic->kind, BlockKind::list_item);
  EXPECT_EQ(strategic->level, 2);
  EXPECT_EQ(strategic->slide, 4);
  const Block* row = find_block(doc, "Hälsokommunikatörer");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->text, "Hälsokommunikatörer | 6");
  EXPECT_EQ(row->slide, 6);
  const Block* note = find_block(doc, "Presentationen inleder arbetet");
  ASSERT_NE(note, nullptr);
  EXPECT_TRUE(note->note);
  EXPECT_EQ(note->slide, 1);
  for (const Block& b : doc.blocks) EXPECT_GT(b.slide, 0) << b.text;
}

}  // namespace
}  // namespace klausul
