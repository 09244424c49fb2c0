#include "index/stem_list.h"

#include <gtest/gtest.h>

#include "index/analyzer.h"
#include "index/schema.h"

namespace klausul {
namespace {

TEST(StemList, KeepsBodyAndSectionStemsOnly) {
  EXPECT_TRUE(is_vector_term("Zuppdrag"));
  EXPECT_TRUE(is_vector_term("ZXSuppdrag"));
  EXPECT_FALSE(is_vector_term("ZSriktlinj"));  // title stems
  EXPECT_FALSE(is_vector_term("uppdrag"));     // words
  EXPECT_FALSE(is_vector_term("XRorebro"));    // filters
  EXPECT_FALSE(is_vector_term("Qdoc:1"));
  EXPECT_FALSE(is_vector_term("Z"));
  EXPECT_FALSE(is_vector_term("ZXS"));
}

TEST(StemList, RoundTripsTheStemsAndFrequenciesOfAnIndexedClause) {
  Xapian::Document doc;
  DocumentIndexer indexer(doc);
  indexer.add_text("Uppdrag och uppdraget: landstingsfullmäktige ger uppdrag.");
  indexer.add_words("Mål och uppdrag", schema::kSectionPrefix);
  indexer.add_words("Riktlinjer", schema::kTitlePrefix);
  doc.add_boolean_term("XRorebro");

  std::map<std::string, Xapian::termcount> expected;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (is_vector_term(*it)) expected[*it] = it.get_wdf();
  }
  ASSERT_GE(expected.size(), 4u);  // uppdrag, landsting, fullmäktige, ..., XS stems
  EXPECT_EQ(expected["Zuppdrag"], 3u);

  std::map<std::string, Xapian::termcount> parsed;
  for (const auto& [term, wdf] : parse_stem_list(stem_list_of(doc))) parsed[term] = wdf;
  EXPECT_EQ(parsed, expected);
}

TEST(StemList, FrontCodingRoundTripsAndIsSmallerThanText) {
  const std::vector<std::pair<std::string, Xapian::termcount>> entries{
      {"Zlandsting", 1}, {"Zlandstingsfullmäktig", 2}, {"Zuppdrag", 300}, {"ZXSmål", 1},
      {"ZXSuppdrag", 1}};
  const std::string value = encode_stem_list(entries);
  EXPECT_EQ(parse_stem_list(value), entries);
  size_t text_size = 0;  // the older "term\x01wdf\n" format
  for (const auto& [term, wdf] : entries) text_size += term.size() + 2 + std::to_string(wdf).size();
  EXPECT_LT(value.size() * 10, text_size * 8) << value.size() << " vs " << text_size;
  EXPECT_EQ(parse_stem_list(encode_stem_list({})).size(), 0u);
}

TEST(StemList, TruncatedFrontCodedValuesKeepTheWholeEntries) {
  const std::vector<std::pair<std::string, Xapian::termcount>> entries{
      {"Zett", 1}, {"Ztre", 200}, {"Ztva", 2}};
  const std::string value = encode_stem_list(entries);
  for (size_t length = 0; length <= value.size(); ++length) {
    const auto parsed = parse_stem_list(value.substr(0, length));
    ASSERT_LE(parsed.size(), entries.size());
    for (size_t i = 0; i < parsed.size(); ++i) EXPECT_EQ(parsed[i], entries[i]) << length;
  }
  // A shared length longer than the previous term is malformed: parsing stops there.
  EXPECT_TRUE(parse_stem_list(std::string("\x02\x05\x02" "ab\x01", 6)).empty());
}

TEST(StemList, MalformedEntriesAreSkipped) {
  const auto entries = parse_stem_list("Zett\x01" "2\nutan-wdf\n\x01" "3\nZtva\x01x\nZtre\x01" "0\nZfyra\x01" "7");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0], (std::pair<std::string, Xapian::termcount>{"Zett", 2}));
  EXPECT_EQ(entries[1], (std::pair<std::string, Xapian::termcount>{"Zfyra", 7}));
  EXPECT_TRUE(parse_stem_list("").empty());
}

}  // namespace
}  // namespace klausul
