#include "ingest/zip_reader.h"

#include <gtest/gtest.h>

#include "ingest/error.h"
#include "tests/ingest/office_test_util.h"

namespace klausul {
namespace {

using testing::make_zip;
using testing::read_fixture;

// Runs f and returns the IngestError message ("" when nothing was thrown).
template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const IngestError& e) {
    return e.what();
  }
  return "";
}

TEST(ZipReader, ReadsOnlyTheEntriesAskedFor) {
  const std::string zip = make_zip({{"word/document.xml", "<w:document/>"},
                                    {"word/styles.xml", std::string(5000, 's')},
                                    {"folder/", ""}});
  ZipReader reader(zip);
  EXPECT_EQ(reader.names(), (std::vector<std::string>{"word/document.xml", "word/styles.xml"}));
  EXPECT_TRUE(reader.contains("word/document.xml"));
  EXPECT_EQ(reader.read("word/document.xml"), std::optional<std::string>("<w:document/>"));
  EXPECT_EQ(reader.inflated_bytes(), 13);  // styles.xml was skipped, never inflated
  EXPECT_EQ(reader.read("word/missing.xml"), std::nullopt);
  auto both = reader.read([](const std::string& n) { return n.starts_with("word/"); });
  EXPECT_EQ(both.size(), 2u);
  EXPECT_EQ(both["word/styles.xml"].size(), 5000u);
}

TEST(ZipReader, EntryLargerThanItsLimitIsABomb) {
  ZipLimits limits;
  limits.max_entry_bytes = 100'000;
  const std::string zip = make_zip({{"content.xml", std::string(300'000, 'x')}});
  ZipReader reader(zip, limits);
  const std::string error = error_of([&] { reader.read("content.xml"); });
  EXPECT_NE(error.find("zip bomb: content.xml inflates past"), std::string::npos) << error;
  EXPECT_LT(reader.inflated_bytes(), 100'000 + 64 * 1024 + 1);  // stopped within one slice
}

TEST(ZipReader, TotalOverAllEntriesIsBounded) {
  ZipLimits limits;
  limits.max_total_bytes = 150'000;
  const std::string zip =
      make_zip({{"a.xml", std::string(100'000, 'a')}, {"b.xml", std::string(100'000, 'b')}});
  ZipReader reader(zip, limits);
  EXPECT_NE(error_of([&] {
              reader.read([](const std::string&) { return true; });
            }).find("zip bomb: archive inflates past"),
            std::string::npos);
}

TEST(ZipReader, CompressionRatioAboveTheLimitIsABomb) {
  const std::string zip = make_zip({{"word/document.xml", std::string(8 << 20, ' ')}});
  ASSERT_LT(zip.size(), 100'000u);
  ZipReader reader(zip);
  const std::string error = error_of([&] { reader.read("word/document.xml"); });
  EXPECT_NE(error.find("compressed more than 200:1"), std::string::npos) << error;
}

TEST(ZipReader, TooManyEntries) {
  ZipLimits limits;
  limits.max_entries = 5;
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < 6; ++i) entries.push_back({"part" + std::to_string(i) + ".xml", "x"});
  const std::string zip = make_zip(entries);
  EXPECT_EQ(error_of([&] { ZipReader reader(zip, limits); }), "zip bomb: more than 5 entries");
}

TEST(ZipReader, DamagedArchivesSaySo) {
  EXPECT_NE(error_of([] {
              ZipReader reader(std::string("PK\x03\x04 not really a zip", 22));
            }).find("damaged ZIP archive ("),
            std::string::npos);
  EXPECT_NE(error_of([] { ZipReader reader(""); }).find("damaged ZIP archive"), std::string::npos);
  const std::string truncated = read_fixture("hostile/truncated.pptx");
  EXPECT_NE(error_of([&] {
              ZipReader reader(truncated);
              reader.read([](const std::string&) { return true; });
            }).find("damaged ZIP archive"),
            std::string::npos);
}

TEST(ZipReader, FixtureBombOfOneGigabyteStopsEarly) {
  const std::string bomb = read_fixture("hostile/zip-bomb.docx");
  ASSERT_LT(bomb.size(), 2u << 20);
  ZipReader reader(bomb);
  EXPECT_NE(error_of([&] { reader.read("word/document.xml"); }).find("zip bomb"),
            std::string::npos);
  EXPECT_LT(reader.inflated_bytes(), 64 << 20);
}

}  // namespace
}  // namespace klausul
