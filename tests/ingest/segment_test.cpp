#include "ingest/segment.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

Document make(std::vector<Block> blocks) {
  Document doc;
  doc.info.id = "abc";
  doc.blocks = std::move(blocks);
  return doc;
}

TEST(Segment, HeadingsBuildTheSectionPath) {
  auto clauses = segment(make({{BlockKind::heading, "Policy och strategiska mål", 2, 1, 0},
                               {BlockKind::heading, "Inledning", 3, 1, 0},
                               {BlockKind::paragraph, "Landstinget spelar en roll.", 0, 1, 0},
                               {BlockKind::heading, "Policy", 3, 2, 0},
                               {BlockKind::paragraph, "Arbetet ska bidra.", 0, 2, 0}}));
  ASSERT_EQ(clauses.size(), 5u);
  EXPECT_EQ(clauses[2].section,
            (std::vector<std::string>{"Policy och strategiska mål", "Inledning"}));
  EXPECT_EQ(clauses[4].section, (std::vector<std::string>{"Policy och strategiska mål", "Policy"}));
  EXPECT_EQ(clauses[4].page, 2);
  EXPECT_EQ(clauses[3].kind, BlockKind::heading);
  EXPECT_EQ(clauses[3].section, (std::vector<std::string>{"Policy och strategiska mål"}));
}

TEST(Segment, IdsAreDocumentIdAndOrdinal) {
  auto clauses = segment(make({{BlockKind::paragraph, "Ett.", 0, 0, 0},
                               {BlockKind::paragraph, "Två.", 0, 0, 0}}));
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(clauses[0].id, "abc:1");
  EXPECT_EQ(clauses[1].id, "abc:2");
  EXPECT_EQ(clauses[1].ordinal, 2);
  EXPECT_EQ(clauses[1].document_id, "abc");
}

TEST(Segment, ListItemsKeepTheirLeadIn) {
  auto clauses = segment(make({{BlockKind::paragraph, "De strategiska målen uppnås genom att:", 0, 0, 0},
                               {BlockKind::list_item, "Upprätta årliga handlingsplaner.", 1, 0, 0},
                               {BlockKind::list_item, "Stödja verksamhetsområden.", 1, 0, 0},
                               {BlockKind::paragraph, "Ett annat stycke.", 0, 0, 0},
                               {BlockKind::list_item, "Lös punkt.", 1, 0, 0}}));
  ASSERT_EQ(clauses.size(), 5u);
  EXPECT_EQ(clauses[1].context, "De strategiska målen uppnås genom att:");
  EXPECT_EQ(clauses[2].context, "De strategiska målen uppnås genom att:");
  EXPECT_EQ(clauses[1].kind, BlockKind::list_item);
  EXPECT_EQ(clauses[4].context, "");
}

TEST(Segment, AttDecisionsAreTheirOwnKind) {
  auto clauses = segment(make({{BlockKind::paragraph,
                                "att antaga föreliggande förslag till policy för internationellt arbete.",
                                0, 0, 0}}));
  ASSERT_EQ(clauses.size(), 1u);
  EXPECT_EQ(clauses[0].kind, BlockKind::att_decision);
}

TEST(Segment, LongParagraphsAreCutAtSentences) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Landstinget ska bevaka och påverka EU i fråga " + std::to_string(i) + ". ";
  auto clauses = segment(make({{BlockKind::paragraph, text, 0, 3, 0}}));
  ASSERT_GT(clauses.size(), 1u);
  for (const Clause& clause : clauses) {
    EXPECT_LE(clause.text.size(), 600u);
    EXPECT_EQ(clause.page, 3);
  }
}

TEST(Segment, LonePageNumbersAreNotClauses) {
  auto clauses = segment(make({{BlockKind::paragraph, "3", 0, 3, 0},
                               {BlockKind::paragraph, "Text.", 0, 3, 0}}));
  ASSERT_EQ(clauses.size(), 1u);
  EXPECT_EQ(clauses[0].text, "Text.");
}

}  // namespace
}  // namespace klausul
