#include "ingest/pdf_tables.h"

#include "tests/ingest/pdf_test_words.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace klausul::pdf {
namespace {

constexpr double kSize = 10;

// One segment: the words of `text` from x at row top y.
Line segment(double x, double y, const std::string& text, int row) {
  return make_line(row_words(x, y, text, kSize), 1, row);
}

TEST(PdfTables, AlignedShortCellsBecomeTableRows) {
  std::vector<std::vector<Line>> rows = {
      {segment(50, 100, "Region", 0), segment(200, 100, "År", 0)},
      {segment(50, 116, "Jönköping", 1), segment(200, 116, "2011", 1)},
      {segment(50, 132, "Stockholm", 2), segment(200, 132, "2012", 2)}};
  find_tables(rows);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(rows[0][0].cells, (std::vector<std::string>{"Region", "År"}));
  EXPECT_EQ(rows[2][0].cells, (std::vector<std::string>{"Stockholm", "2012"}));
}

TEST(PdfTables, ALoneMultiSegmentRowIsNoTable) {
  std::vector<std::vector<Line>> rows = {
      {segment(50, 100, "Bilaga", 0), segment(400, 100, "Sida 3", 0)},
      {segment(50, 130, "Löptext som går över hela raden här", 1)}};
  find_tables(rows);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0][0].cells.empty());
  EXPECT_EQ(rows[0].size(), 2u);
}

TEST(PdfTables, SideBySideProseIsNoTable) {
  // Two text columns of running prose: 4+ words a line in each column.
  std::vector<std::vector<Line>> rows = {
      {segment(50, 100, "landstinget ska bevaka och påverka", 0),
       segment(320, 100, "regionen ska samverka med andra aktörer", 0)},
      {segment(50, 116, "de policyområden inom EU som är", 1),
       segment(320, 116, "i länet och på nationell nivå när", 1)}};
  find_tables(rows);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].size(), 2u);
  EXPECT_TRUE(rows[0][0].cells.empty());
}

}  // namespace
}  // namespace klausul::pdf
