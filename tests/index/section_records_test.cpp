#include "index/section_records.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stem_list.h"

namespace klausul {
namespace {

TEST(DocumentSections, NumbersEachDistinctTrailOnceInOrderOfFirstUse) {
  DocumentSections sections("doc");
  const SectionTrail& outer = sections.trail({"Inledning"});
  const SectionTrail& inner = sections.trail({"Inledning", "Syfte"});
  // The document's XD term and the trail's number: after the XD term in a clause's term list,
  // it shares all of it.
  EXPECT_EQ(outer.key_term, schema::document_term("doc") + "/1");
  EXPECT_EQ(inner.key_term, schema::document_term("doc") + "/2");
  EXPECT_EQ(&sections.trail({"Inledning"}), &outer);  // the same trail, the same key
  EXPECT_TRUE(sections.trail({}).key_term.empty());   // before any heading: no trail
  const std::vector<Xapian::Document> records = sections.take_records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].get_data(), outer.key_term);
  EXPECT_EQ(records[1].get_data(), inner.key_term);
}

TEST(DocumentSections, ARecordHoldsTheTrailsWordsKindAndDocument) {
  DocumentSections sections("doc");
  sections.trail({"Landstingsfullmäktiges uppdrag"});
  const Xapian::Document record = sections.take_records().at(0);
  std::set<std::string> terms;
  for (auto it = record.termlist_begin(); it != record.termlist_end(); ++it) terms.insert(*it);
  EXPECT_TRUE(terms.count(schema::kKindPrefix + schema::kSectionKind));
  EXPECT_TRUE(terms.count(schema::document_term("doc")));
  EXPECT_TRUE(terms.count(schema::kSectionPrefix + "uppdrag"));
  // Analysed as text is: compound parts too, so avsnitt:fullmäktige finds it.
  EXPECT_TRUE(terms.count("Z" + schema::kSectionPrefix + "fullmäktig")) << terms.size();
}

TEST(DocumentSections, TrailStemsAreThoseOfTheWordsOnly) {
  DocumentSections sections("doc");
  const SectionTrail& trail = sections.trail({"Mål och uppdrag", "Uppdrag"});
  Xapian::Document words;
  DocumentIndexer(words).add_words("Mål och uppdrag > Uppdrag", schema::kSectionPrefix);
  std::vector<std::pair<std::string, Xapian::termcount>> expected;
  for (auto it = words.termlist_begin(); it != words.termlist_end(); ++it) {
    if (is_vector_term(*it)) expected.emplace_back(*it, it.get_wdf());
  }
  EXPECT_EQ(trail.stems, expected);
  ASSERT_EQ(trail.stems.size(), 2u);  // mål, uppdrag (twice); "och" is a stopword
  EXPECT_EQ(trail.stems[1].second, 2u);
}

TEST(StemListWithTrail, AddsTheTrailStemsToTheClauseOwn) {
  DocumentSections sections("doc");
  const SectionTrail& trail = sections.trail({"Uppdrag"});
  Xapian::Document clause;
  DocumentIndexer(clause).add_text("Uppdraget ges av fullmäktige.");
  clause.add_boolean_term("XRorebro");
  std::map<std::string, Xapian::termcount> entries;
  for (const auto& [term, wdf] : parse_stem_list(stem_list_with_trail(clause, trail))) {
    entries[term] = wdf;
  }
  EXPECT_EQ(entries.at("Zuppdrag"), 1u);
  EXPECT_EQ(entries.at("ZXSuppdrag"), 1u);
  EXPECT_FALSE(entries.count("XRorebro"));
  // The clause document itself is left as it was.
  EXPECT_FALSE(clause.termlist_begin() == clause.termlist_end());
  for (auto it = clause.termlist_begin(); it != clause.termlist_end(); ++it) {
    EXPECT_NE(*it, "ZXSuppdrag");
  }
}

}  // namespace
}  // namespace klausul
