#include "ingest/source_bytes.h"

#include <gtest/gtest.h>

#include <fstream>

#include "ingest/error.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

TEST(SourceBytes, ReadsTheWholeFileByteForByte) {
  testing::TempDir dir;
  const std::string bytes("Regionen ska\0bevaka EU\r\n\xe5\xe4\xf6", 27);
  std::ofstream(dir / "a.txt", std::ios::binary) << bytes;
  EXPECT_EQ(read_source_file(dir / "a.txt", 1 << 20), bytes);
}

TEST(SourceBytes, ATooLargeOrMissingFileIsAnIngestErrorSayingWhy) {
  testing::TempDir dir;
  std::ofstream(dir / "big.txt") << std::string(3 << 20, 'x');
  try {
    read_source_file(dir / "big.txt", 2 << 20);
    FAIL() << "a file over the limit was read";
  } catch (const IngestError& e) {
    EXPECT_STREQ(e.what(), "file too large (3 MB, limit 2 MB)");
  }
  EXPECT_THROW(read_source_file(dir / "missing.txt", 1 << 20), IngestError);
}

TEST(SourceBytes, ContentIdIsSixteenHexDigitsOfTheBytesOnly) {
  const std::string id = content_id("Regionen ska bevaka EU.");
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
  EXPECT_EQ(content_id("Regionen ska bevaka EU."), id);
  EXPECT_NE(content_id("Regionen ska bevaka EU!"), id);
  EXPECT_NE(content_id(""), id);
}

}  // namespace
}  // namespace klausul
