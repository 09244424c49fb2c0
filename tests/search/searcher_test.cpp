#include "search/searcher.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/ingested_file.h"
#include "tests/older_index.h"
#include "tests/temp_dir.h"

#include "index/writer.h"
#include "ingest/error.h"

namespace klausul {
namespace {

IngestedFile make_file(const std::string& id, const std::string& region, int year,
                       const std::vector<std::string>& texts) {
  IngestedFile file = testing::ingested_file(id, region, texts);
  file.info.doc_type = "riktlinjer";
  file.info.year = year;
  for (Clause& clause : file.clauses) {
    clause.page = clause.ordinal;
    clause.section = {"Överväganden"};
  }
  return file;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(db);
    writer.replace_file(make_file("sth", "stockholm", 2012,
                                  {"För att ta tillvara Stockholmsregionens intressen ska "
                                   "landstinget bevaka och påverka de policyområden inom EU som "
                                   "är relevanta för verksamheten.",
                                   "Benchmarking med andra ledande organisationer."}));
    writer.replace_file(make_file("jkp", "jonkoping", 2011,
                                  {"Skapa förutsättningar för aktiv samverkan och erhållande av "
                                   "EU-medel aktuella för Landstingets verksamheter."}));
  }
  SearchResult search(const std::string& query, std::vector<std::string> regions = {}) {
    SearchRequest request;
    request.query = query;
    request.regions = std::move(regions);
    return run_search(db, request, RegionTable::builtin());
  }
  // Transactions need a disk backend (the in-memory one has none).
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(SearcherTest, FindsClausesWithDocumentMetadataAndSnippet) {
  SearchResult result = search("bevaka och påverka EU");
  ASSERT_EQ(result.hits.size(), 1u);
  const Hit& hit = result.hits[0];
  EXPECT_EQ(hit.rank, 1);
  EXPECT_EQ(hit.clause.id, "sth:1");
  EXPECT_EQ(hit.document.region, "stockholm");
  EXPECT_EQ(hit.document.title, "Riktlinjer sth");
  EXPECT_EQ(hit.clause.page, 1);
  EXPECT_NE(hit.snippet.find("<b>bevaka</b>"), std::string::npos) << hit.snippet;
  EXPECT_EQ(result.region_counts.at("stockholm"), 1u);
}

TEST_F(SearcherTest, PagesTogetherGiveTheHitsOfOneSearch) {
  SearchRequest request;
  request.query = "verksamhet";
  const SearchResult whole = run_search(db, request, RegionTable::builtin());
  ASSERT_EQ(whole.hits.size(), 2u);
  std::vector<std::string> paged;
  int pages = 0;
  const SearchResult first = run_search_in_pages(
      db, request, RegionTable::builtin(), 1, [&](const SearchResult& page) {
        ++pages;
        for (const Hit& hit : page.hits) paged.push_back(hit.clause.id);
      });
  EXPECT_EQ(pages, 3);  // two full pages of one hit, then an empty one ends it
  EXPECT_EQ(paged, (std::vector<std::string>{whole.hits[0].clause.id, whole.hits[1].clause.id}));
  EXPECT_TRUE(first.hits.empty());
  EXPECT_EQ(first.region_counts, whole.region_counts);
}

TEST_F(SearcherTest, StemmedFormsMatch) {
  SearchResult result = search("verksamhet");
  EXPECT_EQ(result.hits.size(), 2u);
}

TEST_F(SearcherTest, RegionFilterRestrictsHits) {
  SearchResult result = search("verksamhet", {"Jönköping"});
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].document.region, "jonkoping");
}

TEST_F(SearcherTest, YearRangeAndTypeFilterRestrictHits) {
  SearchRequest request;
  request.query = "verksamhet";
  request.year_from = 2012;
  SearchResult result = run_search(db, request, RegionTable::builtin());
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].document.region, "stockholm");
  request.year_from = 2010;
  request.year_to = 2011;
  result = run_search(db, request, RegionTable::builtin());
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].document.region, "jonkoping");
  request.year_from = request.year_to = 0;
  request.types = {"Riktlinjer"};
  EXPECT_EQ(run_search(db, request, RegionTable::builtin()).hits.size(), 2u);
  request.types = {"policy"};
  EXPECT_TRUE(run_search(db, request, RegionTable::builtin()).hits.empty());
}

TEST_F(SearcherTest, FallsBackToAnyWordWhenNoClauseHasAll) {
  SearchResult result = search("benchmarking samverkan");
  EXPECT_TRUE(result.relaxed);
  EXPECT_EQ(result.hits.size(), 2u);
}

TEST_F(SearcherTest, StopwordOnlyQueryIsReportedNotFailed) {
  SearchResult result = search("och att");
  EXPECT_TRUE(result.no_searchable_words);
  EXPECT_TRUE(result.hits.empty());
}

TEST_F(SearcherTest, DocumentRecordsNeverComeBackAsHits) {
  SearchResult result = search("riktlinjer");  // only in titles and the record data
  for (const Hit& hit : result.hits) EXPECT_FALSE(hit.clause.id.empty());
}

TEST_F(SearcherTest, CopiesOfAClauseAreOneHitListingTheOtherPlaces) {
  IndexWriter writer(db);
  writer.replace_file(make_file("pdf", "stockholm", 2012,
                                {"För att ta tillvara Stockholmsregionens intressen ska "
                                 "landstinget bevaka och påverka de policyområden inom EU som "
                                 "är relevanta för verksamheten!"}));
  SearchResult collapsed = search("policyområden");
  ASSERT_EQ(collapsed.hits.size(), 1u);
  EXPECT_EQ(collapsed.region_counts.at("stockholm"), 1u);  // the facet counts the text once
  ASSERT_EQ(collapsed.hits[0].duplicates.size(), 1u);
  EXPECT_NE(collapsed.hits[0].duplicates[0].clause_id, collapsed.hits[0].clause.id);
  EXPECT_EQ(collapsed.hits[0].duplicates[0].page, 1);

  SearchRequest every_copy;
  every_copy.query = "policyområden";
  every_copy.collapse_copies = false;
  SearchResult all = run_search(db, every_copy, RegionTable::builtin());
  EXPECT_EQ(all.hits.size(), 2u);
  EXPECT_EQ(all.region_counts.at("stockholm"), 2u);  // every copy shown, every copy counted
  for (const Hit& hit : all.hits) EXPECT_TRUE(hit.duplicates.empty());
}

TEST_F(SearcherTest, AnIndexWithoutCopyKeysCountsRegionsFromTheRegionSlot) {
  // Clauses written before the copy key had the region in a value of its own; their facets
  // must still count.
  db.commit();
  testing::TempDir old_dir;
  Xapian::WritableDatabase old_db =
      testing::rewritten_index(db, old_dir / "db", testing::region_in_its_own_value);
  SearchRequest request;
  request.query = "verksamhet";
  const SearchResult result = run_search(old_db, request, RegionTable::builtin());
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_EQ(result.region_counts,
            (std::map<std::string, Xapian::doccount>{{"jonkoping", 1}, {"stockholm", 1}}));
}

TEST_F(SearcherTest, AnIndexWithRegionKeysAsTextInItsCopyKeysCountsTheSameRegions) {
  db.commit();
  SearchRequest request;
  request.query = "verksamhet";
  const SearchResult today = run_search(db, request, RegionTable::builtin());
  testing::TempDir old_dir;
  Xapian::WritableDatabase old_db =
      testing::rewritten_index(db, old_dir / "db", testing::region_as_text_in_copy_key);
  const SearchResult result = run_search(old_db, request, RegionTable::builtin());
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_EQ(result.region_counts,
            (std::map<std::string, Xapian::doccount>{{"jonkoping", 1}, {"stockholm", 1}}));
  EXPECT_EQ(today.region_counts, result.region_counts);
}

TEST_F(SearcherTest, ACompoundsPartIsFoundByItselfButAPhraseMatchesTheWordsAsWritten) {
  IndexWriter writer(db);
  writer.replace_file(make_file("fum", "uppsala", 2015,
                                {"Landstingsfullmäktige beslutar om budgeten varje år."}));
  EXPECT_EQ(search("fullmäktige").hits.size(), 1u);
  EXPECT_EQ(search("\"landstingsfullmäktige beslutar\"").hits.size(), 1u);
  const SearchResult part_phrase = search("\"fullmäktige beslutar\"");
  // Not the phrase: at most the clauses with the most of its words, said so.
  EXPECT_TRUE(part_phrase.hits.empty() || part_phrase.relaxed);
}

// Body text has no positions: a phrase is checked against the clause's text, exactly, with
// its stopwords, also under OR and NOT.
TEST_F(SearcherTest, PhrasesAreCheckedAgainstTheClauseText) {
  IndexWriter writer(db);
  writer.replace_file(make_file("rev", "uppsala", 2015,
                                {"Regionen ska påverka och bevaka EU-frågor.",
                                 "Regionen ska bevaka att påverka EU sker."}));
  const SearchResult phrase = search("\"bevaka och påverka\"");
  ASSERT_EQ(phrase.hits.size(), 1u);
  EXPECT_EQ(phrase.hits[0].clause.id, "sth:1");
  EXPECT_EQ(phrase.estimated_total, 1u);
  EXPECT_EQ(phrase.region_counts.size(), 1u);

  // The words without the phrase: the clause that has the phrase stays out, the others are in.
  const SearchResult negated = search("bevaka NOT \"bevaka och påverka\"");
  std::set<std::string> ids;
  for (const Hit& hit : negated.hits) ids.insert(hit.clause.id);
  EXPECT_EQ(ids, (std::set<std::string>{"rev:1", "rev:2"}));

  // A phrase or a word: the word's clause comes too, not the clauses with the phrase's words.
  const SearchResult either = search("\"bevaka och påverka\" OR benchmarking");
  ids.clear();
  for (const Hit& hit : either.hits) ids.insert(hit.clause.id);
  EXPECT_EQ(ids, (std::set<std::string>{"sth:1", "sth:2"}));

  // NEAR: the words in any order, close: "påverka EU" is close, "påverka och bevaka EU" and
  // "påverka de policyområden inom EU" are not.
  const SearchResult near = search("påverka NEAR/2 eu");
  ids.clear();
  for (const Hit& hit : near.hits) ids.insert(hit.clause.id);
  EXPECT_EQ(ids, (std::set<std::string>{"rev:2"}));
}

TEST_F(SearcherTest, LoadClauseByIdAndUnknownId) {
  Hit hit = load_clause(db, "jkp:1");
  EXPECT_EQ(hit.document.region, "jonkoping");
  EXPECT_THROW(load_clause(db, "nope:1"), UsageError);
}

}  // namespace
}  // namespace klausul
