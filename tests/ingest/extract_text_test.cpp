#include "ingest/extract_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace klausul {
namespace {

Document extract(const std::string& text) {
  return TextExtractor().extract(text, "test.txt", ExtractOptions{});
}

const Block* find_block(const Document& doc, const std::string& prefix) {
  for (const Block& block : doc.blocks) {
    if (block.text.rfind(prefix, 0) == 0) return &block;
  }
  return nullptr;
}

TEST(ExtractText, JoinsHardWrappedLinesIntoOneParagraph) {
  Document doc = extract(
      "att fastställa riktlinjer enligt förslag till Stockholms läns landstings\n"
      "internationella arbete för perioden 1 januari 2013 till senast 2017\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text,
            "att fastställa riktlinjer enligt förslag till Stockholms läns landstings "
            "internationella arbete för perioden 1 januari 2013 till senast 2017");
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
}

TEST(ExtractText, MarkdownHeadingsAndBoldLinesAreHeadings) {
  Document doc = extract("## **Internationellt arbete - Policy och strategiska mål**\n\n"
                         "### **Inledning**\n\nFör en stor organisation spelar kontakter roll.\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[0].level, 2);
  EXPECT_EQ(doc.blocks[0].text, "Internationellt arbete - Policy och strategiska mål");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[1].level, 3);
  EXPECT_EQ(doc.blocks[1].text, "Inledning");
}

TEST(ExtractText, ShortTitleLineAloneIsAHeadingButSentencesAreNot) {
  Document doc = extract("Ärendebeskrivning\n\nFörslag till nya riktlinjer.\n\n2012-10-02\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::paragraph);
}

TEST(ExtractText, BulletsAndNumbersAreListItems) {
  Document doc = extract("I det övergripande uppdraget ingår:\n\n"
                         " • koordinera svar på EU-remisser,\n"
                         " • stöd till landstingsverksamheter i arbetet att bevaka och påverka EU.\n"
                         "- Upprätta årliga handlingsplaner.\n"
                         "1. Första punkten\n");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
  for (size_t i = 1; i < 5; ++i) EXPECT_EQ(doc.blocks[i].kind, BlockKind::list_item) << i;
  EXPECT_EQ(doc.blocks[1].text, "koordinera svar på EU-remisser,");
  EXPECT_EQ(doc.blocks[4].text, "Första punkten");
}

TEST(ExtractText, FormFeedsCountPages) {
  Document doc = extract("Första sidans text.\n\fAndra sidans text.\n\fTredje.\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].page, 1);
  EXPECT_EQ(doc.blocks[1].page, 2);
  EXPECT_EQ(doc.blocks[2].page, 3);
  EXPECT_EQ(doc.info.pages, 3);
}

TEST(ExtractText, NoPagesWithoutFormFeeds) {
  Document doc = extract("Ett stycke.\n\nEtt till.\n");
  EXPECT_EQ(doc.info.pages, 0);
  for (const Block& block : doc.blocks) EXPECT_EQ(block.page, 0);
}

TEST(ExtractText, DecodesLatin1) {
  Document doc = extract("Landstinget i J\xF6nk\xF6pings l\xE4n\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Landstinget i Jönköpings län");
}

TEST(ExtractText, JonkopingSeedKeepsItsStructure) {
  std::ifstream in(KLAUSUL_SOURCE_DIR "/corpus/jonkoping-policy-internationellt-arbete-2011.txt");
  ASSERT_TRUE(in) << "corpus seed missing";
  std::stringstream text;
  text << in.rdbuf();
  Document doc = extract(text.str());
  const Block* heading = find_block(doc, "Strategiska mål");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, BlockKind::heading);
  const Block* item = find_block(doc, "Upprätta årliga handlingsplaner");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->kind, BlockKind::list_item);
  const Block* decision = find_block(doc, "att antaga föreliggande förslag");
  ASSERT_NE(decision, nullptr);
}

}  // namespace
}  // namespace klausul
