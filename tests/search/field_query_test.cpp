#include "search/field_query.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "search/searcher.h"
#include "search/similar.h"

namespace klausul {
namespace {

// Two documents whose titles and trails hold the same words, adjacent in one only.
IngestedFile adjacent_words() {
  IngestedFile file =
      testing::ingested_file("reg", "stockholm",
                             {"Internationellt arbete", "Landstinget deltar i europeiska nätverk.",
                              "Kontakter med vänregioner utvecklas."});
  file.info.title = "Strategi för regional utveckling";
  file.clauses[0].kind = BlockKind::heading;
  file.clauses[1].section = {"Internationellt arbete"};
  file.clauses[2].section = {"Internationellt arbete"};
  return file;
}

IngestedFile scattered_words() {
  IngestedFile file = testing::ingested_file(
      "oth", "orebro", {"Regionen deltar i nätverk för kultur.", "Uppföljning sker årligen."});
  file.info.title = "Utveckling och regional samverkan";
  file.clauses[0].section = {"Arbete med internationellt samarbete"};
  file.clauses[1].section = {"Arbete med internationellt samarbete", "Uppföljning"};
  return file;
}

class FieldQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(db);
    writer.replace_file(adjacent_words());
    writer.replace_file(scattered_words());
    db.commit();
  }
  SearchResult search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 100;
    return run_search(db, request, RegionTable::builtin());
  }
  std::set<std::string> ids(const std::string& query) {
    std::set<std::string> found;
    for (const Hit& hit : search(query).hits) found.insert(hit.clause.id);
    return found;
  }
  using Ids = std::set<std::string>;

  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(FieldQueryTest, TitlePhrasesMatchAdjacentWordsOnly) {
  EXPECT_EQ(ids("titel:\"regional utveckling\""), (Ids{"reg:1", "reg:2", "reg:3"}));
  EXPECT_EQ(ids("title:\"Regional Utveckling\""), (Ids{"reg:1", "reg:2", "reg:3"}));
  EXPECT_TRUE(ids("titel:\"utveckling regional\"").empty());
  EXPECT_TRUE(ids("titel:\"strategi regional\"").empty());  // "för" between them
}

TEST_F(FieldQueryTest, TitleWordsMatchAsBefore) {
  EXPECT_EQ(ids("titel:regional"), (Ids{"reg:1", "reg:2", "reg:3", "oth:1", "oth:2"}));
  EXPECT_EQ(ids("titel:utvecklingen"), ids("titel:utveckling"));  // stemmed
  EXPECT_EQ(ids("titel:samverkan nätverk"), (Ids{"oth:1"}));
  EXPECT_EQ(ids("titel:strategi titel:regional"), (Ids{"reg:1", "reg:2", "reg:3"}));
  EXPECT_EQ(ids("nätverk -titel:strategi"), (Ids{"oth:1"}));
  EXPECT_TRUE(ids("titel:budget").empty());
}

TEST_F(FieldQueryTest, SectionPhrasesMatchAdjacentWordsOnly) {
  // The heading clause matches by its own words, the clauses below it by their trail.
  EXPECT_EQ(ids("avsnitt:\"internationellt arbete\""), (Ids{"reg:1", "reg:2", "reg:3"}));
  EXPECT_EQ(ids("section:\"arbete med internationellt\""), (Ids{"oth:1", "oth:2"}));
  // "Arbete" ends one heading and "uppföljning" is the next: no phrase across headings.
  EXPECT_TRUE(ids("avsnitt:\"samarbete uppföljning\"").empty());
}

TEST_F(FieldQueryTest, SectionWordsMatchAsBeforeAndFindHeadings) {
  EXPECT_EQ(ids("avsnitt:internationellt"), (Ids{"reg:1", "reg:2", "reg:3", "oth:1", "oth:2"}));
  EXPECT_EQ(ids("avsnitt:uppföljning"), (Ids{"oth:2"}));
  EXPECT_EQ(ids("avsnitt:arbete nätverk"), (Ids{"reg:2", "oth:1"}));
  EXPECT_EQ(ids("avsnitt:arbete titel:strategi nätverk"), (Ids{"reg:2"}));
}

TEST_F(FieldQueryTest, RecordsAreNeverHitsNorCounted) {
  for (const char* query : {"titel:regional", "avsnitt:internationellt",
                            "avsnitt:arbete OR "
                            "titel:utveckling",
                            "titel:regional avsnitt:internationellt"}) {
    const SearchResult result = search(query);
    EXPECT_EQ(result.estimated_total, result.hits.size()) << query;
    Xapian::doccount counted = 0;
    for (const auto& [region, count] : result.region_counts) counted += count;
    EXPECT_EQ(counted, result.hits.size()) << query;
    for (const Hit& hit : result.hits) {
      EXPECT_NE(hit.clause.id.find(':'), std::string::npos) << query;
      EXPECT_FALSE(hit.document.title.empty()) << query;
    }
  }
}

TEST_F(FieldQueryTest, RecordsAreNeverSimilarCandidates) {
  SimilarRequest request;
  request.text = "Internationellt arbete och samarbete för regional utveckling i nätverk";
  request.per_region = 10;
  const SimilarResult result = find_similar(db, request, RegionTable::builtin());
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits) EXPECT_NE(hit.clause.id.find(':'), std::string::npos);
}

TEST(FieldQuery, AnEmptyDatabaseMatchesNothing) {
  const Xapian::Database none;
  RecordFieldQuery titles(none, RecordField::title);
  const Xapian::Query query = titles("regional");
  EXPECT_NE(query.get_description().find("ZSregional"), std::string::npos)
      << query.get_description();
}

// An index written before the records: titles and trails as words and stems on every clause,
// no positions (as index/writer.cpp wrote them then).
TEST(FieldQueryOnOlderIndex, WordsStillMatchOnClauses) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  const IngestedFile file = scattered_words();
  for (const Clause& clause : file.clauses) {
    Xapian::Document doc;
    doc.set_data(clause_to_data(clause));
    DocumentIndexer indexer(doc);
    indexer.add_text(clause.text);
    indexer.add_words(section_label(clause.section), schema::kSectionPrefix);
    indexer.add_words(file.info.title, schema::kTitlePrefix);
    doc.add_boolean_term(schema::clause_term(clause.id));
    doc.add_boolean_term(schema::document_term(file.info.id));
    doc.add_boolean_term(schema::kKindPrefix + schema::kClauseKind);
    db.add_document(doc);
  }
  Xapian::Document record;
  record.set_data(document_info_to_data(file.info));
  record.add_boolean_term(schema::kKindPrefix + schema::kDocumentKind);
  record.add_boolean_term(schema::document_term(file.info.id));
  record.add_boolean_term(schema::record_term(file.info.id));
  db.add_document(record);
  db.commit();

  auto ids = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    std::set<std::string> found;
    for (const Hit& hit : run_search(db, request, RegionTable::builtin()).hits) {
      found.insert(hit.clause.id);
    }
    return found;
  };
  EXPECT_EQ(ids("titel:regional"), (std::set<std::string>{"oth:1", "oth:2"}));
  EXPECT_EQ(ids("avsnitt:uppföljning"), (std::set<std::string>{"oth:2"}));
  EXPECT_EQ(ids("titel:samverkan nätverk"), (std::set<std::string>{"oth:1"}));
}

}  // namespace
}  // namespace klausul
