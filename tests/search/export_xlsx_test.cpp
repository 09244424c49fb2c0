// The workbook's content is read back by openpyxl in tests/e2e/export_test.cpp; here: the file
// is a ZIP package and failures are UsageErrors.
#include "search/export_xlsx.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "ingest/error.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

TEST(ExportXlsx, WritesAZipPackageAfterEnd) {
  testing::TempDir dir;
  const std::string path = dir / "a.xlsx";
  auto writer = make_xlsx_writer(path);
  ExportContext context;
  context.query = "EU";
  writer->begin(context);
  Hit hit;
  hit.rank = 1;
  hit.clause.text = "=SUMMA(A1) och åäö";
  writer->hit(hit);
  writer->end();
  std::ifstream in(path, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  EXPECT_EQ(std::string(magic, 2), "PK");
}

TEST(ExportXlsx, AnUnwritablePathIsAUsageError) {
  testing::TempDir dir;
  const std::string path = dir / "missing/a.xlsx";
  EXPECT_THROW(
      {
        auto writer = make_xlsx_writer(path);
        writer->begin(ExportContext{});
        writer->end();
      },
      UsageError);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ExportXlsx, NoFileWithoutEnd) {
  testing::TempDir dir;
  const std::string path = dir / "b.xlsx";
  {
    auto writer = make_xlsx_writer(path);
    writer->begin(ExportContext{});
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace klausul
