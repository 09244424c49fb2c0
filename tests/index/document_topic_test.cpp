#include "index/document_topic.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "index/schema.h"
#include "index/stem_list.h"

namespace klausul {
namespace {

Xapian::Document clause_with_stems(
    const std::vector<std::pair<std::string, Xapian::termcount>>& entries) {
  Xapian::Document doc;
  doc.add_value(schema::kStemsSlot, encode_stem_list(entries));
  return doc;
}

TEST(DocumentTopic, CountsTheClausesHoldingEachBodyStem) {
  const std::string section = "Z" + schema::kSectionPrefix + "klimat";
  const std::vector<Xapian::Document> clauses = {
      clause_with_stems({{"Zres", 3}, {"Zutsläpp", 1}, {section, 1}}),
      clause_with_stems({{"Ztåg", 1}, {"Zutsläpp", 2}, {section, 1}}),
      clause_with_stems({})};
  // A stem counts once per clause whatever its frequency there; section stems are the
  // trail's, not the document's subject.
  const std::vector<std::pair<std::string, Xapian::termcount>> expected = {
      {"Zres", 1}, {"Ztåg", 1}, {"Zutsläpp", 2}};
  EXPECT_EQ(parse_stem_list(document_topic(clauses)), expected);
}

TEST(DocumentTopic, KeepsTheMostUsedStemsWithTiesInTermOrder) {
  std::vector<Xapian::Document> clauses;
  // Stem "a<i>" is in i+1 clauses... up to kTopicStems + 10 stems; then all once more.
  std::vector<std::pair<std::string, Xapian::termcount>> once;
  for (size_t i = 0; i < kTopicStems + 10; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "Zs%03zu", i);
    once.emplace_back(name, 1);
  }
  clauses.push_back(clause_with_stems(once));
  clauses.push_back(clause_with_stems({{"Zs073", 1}}));  // the last stem, now used twice
  const auto topic = parse_stem_list(document_topic(clauses));
  ASSERT_EQ(topic.size(), kTopicStems);
  EXPECT_EQ(topic.back().first, "Zs073");   // kept for its count although last in order
  EXPECT_EQ(topic.back().second, 2u);
  EXPECT_EQ(topic.front().first, "Zs000");  // ties: the first terms
  EXPECT_EQ(topic[kTopicStems - 2].first, "Zs062");
}

TEST(DocumentTopic, EmptyWithoutBodyStems) {
  EXPECT_EQ(document_topic({}), "");
  EXPECT_EQ(document_topic({clause_with_stems({{"Z" + schema::kSectionPrefix + "mål", 1}})}), "");
}

}  // namespace
}  // namespace klausul
