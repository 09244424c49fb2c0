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
  const std::string value = front_coded_stem_list(entries);
  ASSERT_EQ(value[0], '\x02');
  EXPECT_EQ(parse_stem_list(value), entries);
  size_t text_size = 0;  // the older "term\x01wdf\n" format
  for (const auto& [term, wdf] : entries) text_size += term.size() + 2 + std::to_string(wdf).size();
  EXPECT_LT(value.size() * 10, text_size * 8) << value.size() << " vs " << text_size;
  EXPECT_EQ(parse_stem_list(encode_stem_list({})).size(), 0u);
}

TEST(StemList, TruncatedFrontCodedValuesKeepTheWholeEntries) {
  const std::vector<std::pair<std::string, Xapian::termcount>> entries{
      {"Zett", 1}, {"Ztre", 200}, {"Ztva", 2}};
  const std::string value = front_coded_stem_list(entries);
  for (size_t length = 0; length <= value.size(); ++length) {
    const auto parsed = parse_stem_list(value.substr(0, length));
    ASSERT_LE(parsed.size(), entries.size());
    for (size_t i = 0; i < parsed.size(); ++i) EXPECT_EQ(parsed[i], entries[i]) << length;
  }
  // A shared length longer than the previous term is malformed: parsing stops there.
  EXPECT_TRUE(parse_stem_list(std::string("\x02\x05\x02" "ab\x01", 6)).empty());
}

// A clause's stems, deflated against the stem dictionary (index/value_codec.h): every
// frequency form (1, 2..31, 32 and up) and section stems come back, in a value smaller than
// the front-coded one.
TEST(StemList, DeflatedListsRoundTripAndAreSmallerThanFrontCoded) {
  const std::vector<std::pair<std::string, Xapian::termcount>> entries{
      {"Zarbet", 1},       {"Zinternationell", 2}, {"Zlandsting", 31}, {"Zregion", 32},
      {"Zsamverk", 300},   {"Zutveckling", 1},     {"Zverksamhet", 1}, {"ZXSinriktning", 1},
      {"ZXSriktlinj", 70000}};
  const std::string value = encode_stem_list(entries);
  ASSERT_EQ(value[0], '\x03');
  EXPECT_EQ(parse_stem_list(value), entries);
  EXPECT_LT(value.size() * 10, front_coded_stem_list(entries).size() * 7)
      << value.size() << " vs " << front_coded_stem_list(entries).size();
}

// Terms the deflated form cannot hold (no "Z", a space or control byte inside) keep the
// whole list front-coded; a list too short to gain stays front-coded too.
TEST(StemList, ListsTheDeflatedFormCannotHoldAreFrontCoded) {
  const std::vector<std::pair<std::string, Xapian::termcount>> spaced{
      {"Zett tva", 1}, {"Zlandsting", 2}};
  EXPECT_EQ(encode_stem_list(spaced)[0], '\x02');
  EXPECT_EQ(parse_stem_list(encode_stem_list(spaced)), spaced);
  const std::vector<std::pair<std::string, Xapian::termcount>> unprefixed{{"landsting", 2}};
  EXPECT_EQ(parse_stem_list(encode_stem_list(unprefixed)), unprefixed);
  const std::vector<std::pair<std::string, Xapian::termcount>> one{{"Zqx", 1}};
  EXPECT_EQ(encode_stem_list(one)[0], '\x02');
  EXPECT_EQ(parse_stem_list(encode_stem_list(one)), one);
}

// A damaged deflated list has no stems (similar then reads no vector for that clause), and
// never crashes or allocates what its length claims.
TEST(StemList, DamagedDeflatedListsHaveNoStems) {
  const std::vector<std::pair<std::string, Xapian::termcount>> entries{
      {"Zarbet", 1}, {"Zlandsting", 3}, {"Zregion", 1}, {"Zutveckling", 1}, {"Zverksamhet", 2}};
  const std::string value = encode_stem_list(entries);
  ASSERT_EQ(value[0], '\x03');
  for (size_t length = 1; length < value.size(); ++length) {
    EXPECT_TRUE(parse_stem_list(value.substr(0, length)).empty()) << length;
  }
  std::string wrong_length = value;
  wrong_length[1] = static_cast<char>(wrong_length[1] + 1);
  EXPECT_TRUE(parse_stem_list(wrong_length).empty());
  EXPECT_TRUE(parse_stem_list(std::string("\x03\xff\xff\xff\xff\x0f\x00", 7)).empty());
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
