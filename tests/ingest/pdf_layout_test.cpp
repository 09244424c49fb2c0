#include "ingest/pdf_layout.h"

#include "tests/ingest/pdf_test_words.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace klausul::pdf {
namespace {

constexpr double kSize = 10;

// Words of one row of text starting at x, y (top).
void put(std::vector<Word>& words, double x, double y, const std::string& text,
         double size = kSize) {
  for (Word& w : row_words(x, y, text, size)) words.push_back(std::move(w));
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) {
    std::string t = line_text(l);
    if (!l.cells.empty()) {
      t = "TABLE:";
      for (const std::string& c : l.cells) t += " [" + c + "]";
    }
    out.push_back(t);
  }
  return out;
}

TEST(PdfLayout, ParagraphStaysInOrder) {
  std::vector<Word> words;
  put(words, 50, 100, "Landstinget ska stödja det internationella arbetet");
  put(words, 50, 114, "i hela länet och med alla partner.");
  put(words, 50, 128, "Arbetet följs upp varje år.");
  const auto lines = layout_page(words, 1);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{
                              "Landstinget ska stödja det internationella arbetet",
                              "i hela länet och med alla partner.", "Arbetet följs upp varje år."}));
}

TEST(PdfLayout, NumberedListWithTabsIsNoTable) {
  std::vector<Word> words;
  put(words, 50, 100, "1.");
  put(words, 90, 100, "Bevaka");
  put(words, 50, 114, "2.");
  put(words, 90, 114, "Påverka");
  put(words, 50, 128, "3.");
  put(words, 90, 128, "Samverka");
  EXPECT_EQ(texts(layout_page(words, 1)),
            (std::vector<std::string>{"1. Bevaka", "2. Påverka", "3. Samverka"}));
}

TEST(PdfLayout, ShortCellsInColumnsAreATable) {
  std::vector<Word> words;
  put(words, 50, 100, "Region");
  put(words, 200, 100, "År");
  put(words, 50, 120, "Jönköping");
  put(words, 200, 120, "2011");
  put(words, 50, 134, "län");  // a wrapped cell
  put(words, 50, 154, "Stockholm");
  put(words, 200, 154, "2012");
  EXPECT_EQ(texts(layout_page(words, 1)),
            (std::vector<std::string>{"TABLE: [Region] [År]", "TABLE: [Jönköping\nlän] [2011]",
                                      "TABLE: [Stockholm] [2012]"}));
}

TEST(PdfLayout, ProseColumnsAreReadOneAfterTheOther) {
  std::vector<Word> words;
  put(words, 50, 80, "En rubrik som går över båda spalterna på sidan");
  for (int i = 0; i < 4; ++i) {
    put(words, 50, 100 + 14 * i, "vänster spalt rad nummer " + std::to_string(i + 1));
    put(words, 300, 100 + 14 * i, "höger spalt rad nummer " + std::to_string(i + 1));
  }
  const auto lines = layout_page(words, 1);
  ASSERT_EQ(lines.size(), 9u);
  EXPECT_EQ(line_text(lines[0]), "En rubrik som går över båda spalterna på sidan");
  EXPECT_EQ(line_text(lines[1]), "vänster spalt rad nummer 1");
  EXPECT_EQ(line_text(lines[4]), "vänster spalt rad nummer 4");
  EXPECT_EQ(line_text(lines[5]), "höger spalt rad nummer 1");
  EXPECT_EQ(line_text(lines[8]), "höger spalt rad nummer 4");
  for (const Line& l : lines) EXPECT_TRUE(l.cells.empty());
}

TEST(PdfLayout, BulletStripIsNoColumn) {
  std::vector<Word> words;
  for (int i = 0; i < 4; ++i) {
    put(words, 40, 100 + 20 * i, "•", 8);
    put(words, 49, 98 + 20 * i, "Punkt nummer " + std::to_string(i + 1) + " i listan", 16);
  }
  const auto lines = layout_page(words, 1);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(line_text(lines[0]), "• Punkt nummer 1 i listan");
}

TEST(PdfLayout, SlideTitleNeedsLandscapeAndALargeFirstLine) {
  std::vector<Word> words;
  put(words, 50, 20, "Mål för arbetet", 32);
  put(words, 50, 100, "• Det internationella arbetet ska bidra", 18);
  put(words, 50, 130, "• till landstingets mål", 18);
  auto lines = layout_page(words, 1);
  auto portrait = lines;
  EXPECT_FALSE(mark_slide_title(portrait, false, 18));
  EXPECT_TRUE(mark_slide_title(lines, true, 18));
  EXPECT_TRUE(lines[0].slide_title);
  EXPECT_FALSE(lines[1].slide_title);

  std::vector<Word> plain;
  put(plain, 50, 20, "Rubrik", 20);
  put(plain, 50, 60, "Brödtext i samma storlek", 18);
  auto same = layout_page(plain, 1);
  EXPECT_FALSE(mark_slide_title(same, true, 18));
}

}  // namespace
}  // namespace klausul::pdf
