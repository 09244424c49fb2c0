#include "index/writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "index/clause_lookup.h"
#include "index/clause_set.h"
#include "index/fingerprint.h"
#include "index/region_codes.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stem_list.h"
#include "index/stored_data.h"
#include "index/swedish_stemmer.h"

namespace klausul {
namespace {

IngestedFile make_file(const std::string& id, const std::string& path,
                       const std::vector<std::string>& texts) {
  IngestedFile file = testing::ingested_file(id, "orebro", texts);
  file.info.path = path;
  file.info.region_name = "Region Örebro län";
  file.info.doc_type = "Riktlinjer";
  file.info.year = 2012;
  return file;
}

Xapian::doccount count(const Xapian::Database& db, const std::string& term) {
  return db.get_termfreq(term);
}

// Clauses whose body text has `word` (body text is indexed as stems only).
Xapian::doccount stem_count(const Xapian::Database& db, const std::string& word) {
  return db.get_termfreq("Z" + stem_swedish(word));
}

class WriterTest : public ::testing::Test {
 protected:
  // Transactions need a disk backend (the in-memory one has none).
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  IndexWriter writer{db};
};

TEST_F(WriterTest, AddsOneDocumentPerClausePlusARecord) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Internationellt engagemang.", "Vänregion."}));
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_TRUE(find_clause(db, "aaa:1").has_value());
  EXPECT_EQ(count(db, schema::kRegionPrefix + "orebro"), 2u);
  EXPECT_EQ(count(db, schema::kTypePrefix + "riktlinjer"), 2u);  // filter values folded
  // The year is a value (the range filter reads it), not a term on every clause.
  EXPECT_EQ(count(db, schema::kYearPrefix + "2012"), 0u);
  ASSERT_TRUE(find_clause(db, "aaa:1").has_value());
  EXPECT_EQ(db.get_document(1).get_value(schema::kYearSlot), Xapian::sortable_serialise(2012));
  auto record = find_document_by_path(db, "/c/a.txt");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->clauses, 2);
  EXPECT_EQ(record->region_name, "Region Örebro län");
}

TEST_F(WriterTest, ReplacingAFileRemovesItsOldClauses) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Gammal text.", "Gammal två.", "Tre."}));
  writer.replace_file(make_file("bbb", "/c/a.txt", {"Ny text."}));
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(count(db, schema::document_term("aaa")), 0u);
  EXPECT_TRUE(find_clause(db, "bbb:1").has_value());
  EXPECT_EQ(stem_count(db, "gammal"), 0u);
  EXPECT_EQ(find_document_by_path(db, "/c/a.txt")->id, "bbb");
}

TEST_F(WriterTest, OtherFilesAreUntouchedByAReplace) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Första filen."}));
  writer.replace_file(make_file("ccc", "/c/c.txt", {"Andra filen."}));
  writer.replace_file(make_file("ddd", "/c/a.txt", {"Första filen, ny."}));
  EXPECT_TRUE(find_clause(db, "ccc:1").has_value());
  EXPECT_EQ(list_documents(db).size(), 2u);
}

TEST_F(WriterTest, RemovePathDeletesClausesAndRecord) {
  writer.replace_file(make_file("aaa", "/c/a.txt", {"Text."}));
  writer.replace_file(make_file("ccc", "/c/c.txt", {"Annan text."}));
  EXPECT_TRUE(writer.remove_path("/c/a.txt"));
  EXPECT_FALSE(writer.remove_path("/c/a.txt"));
  EXPECT_EQ(count(db, schema::document_term("aaa")), 0u);
  EXPECT_FALSE(find_document_by_path(db, "/c/a.txt").has_value());
  EXPECT_TRUE(find_document_by_id(db, "ccc").has_value());
}

TEST_F(WriterTest, HeadingsAreSectionWordsNotFreeText) {
  IngestedFile file = make_file("aaa", "/c/a.txt", {"Strategiska mål", "Landstinget ska delta."});
  file.clauses[0].kind = BlockKind::heading;
  file.clauses[1].section = {"Strategiska mål"};
  writer.replace_file(file);
  EXPECT_EQ(stem_count(db, "strategiska"), 0u);
  // The heading clause itself and the section record of the trail below it.
  EXPECT_EQ(count(db, schema::kSectionPrefix + "strategiska"), 2u);
  EXPECT_EQ(count(db, schema::kKindPrefix + schema::kSectionKind), 1u);
  EXPECT_EQ(stem_count(db, "landstinget"), 1u);
}

// A file with a title and two section trails shared by its clauses.
IngestedFile file_with_sections(const std::string& id, const std::string& path) {
  IngestedFile file = make_file(
      id, path,
      {"Internationellt arbete och vänortssamarbeten", "Landstinget ska delta i nätverk.",
       "Kontakterna utvecklas.", "Mål", "Uppföljning sker årligen av landstingsfullmäktige."});
  file.info.title = "Strategi för regional utveckling";
  const std::vector<std::string> outer = {"Internationellt arbete och vänortssamarbeten"};
  file.clauses[0].kind = BlockKind::heading;
  file.clauses[1].section = outer;
  file.clauses[2].section = outer;
  file.clauses[3].kind = BlockKind::heading;
  file.clauses[3].section = outer;
  file.clauses[4].section = {outer[0], "Mål"};
  return file;
}

Xapian::doccount documents_of_kind(const Xapian::Database& db, const std::string& kind) {
  return db.get_termfreq(schema::kKindPrefix + kind);
}

Xapian::Document document_with(const Xapian::Database& db, const std::string& term) {
  auto it = db.postlist_begin(term);
  EXPECT_NE(it, db.postlist_end(term)) << term;
  return db.get_document(*it);
}

Xapian::Document clause_document(const Xapian::Database& db, const std::string& clause_id) {
  const auto docid = find_clause(db, clause_id);
  EXPECT_TRUE(docid.has_value()) << clause_id;
  return docid ? db.get_document(*docid) : Xapian::Document();
}

// The positions of `term` in `doc`.
std::vector<Xapian::termpos> positions(const Xapian::Document& doc, const std::string& term) {
  std::vector<Xapian::termpos> found;
  auto it = doc.termlist_begin();
  it.skip_to(term);
  if (it == doc.termlist_end() || *it != term) return found;
  for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
    found.push_back(*pos);
  }
  return found;
}

TEST_F(WriterTest, TitleAndSectionWordsAreStoredOnceOnRecords) {
  writer.replace_file(file_with_sections("aaa", "/c/a.txt"));
  EXPECT_EQ(clause_count(db), 5u);
  EXPECT_EQ(documents_of_kind(db, schema::kClauseKind), 0u);  // a clause is not a record
  EXPECT_EQ(documents_of_kind(db, schema::kDocumentKind), 1u);
  EXPECT_EQ(documents_of_kind(db, schema::kSectionKind), 2u);  // two distinct trails
  // The title's words, with positions, on the document record only; its id in a value.
  EXPECT_EQ(count(db, schema::kTitlePrefix + "regional"), 1u);
  EXPECT_EQ(count(db, "Z" + schema::kTitlePrefix + "regional"), 1u);
  const Xapian::Document record = document_with(db, schema::record_term("aaa"));
  EXPECT_EQ(positions(record, schema::kTitlePrefix + "regional"),
            (std::vector<Xapian::termpos>{3}));
  EXPECT_EQ(record.get_value(schema::kDocumentSlot), "aaa");
  // Clauses under one trail share its key; the section record's data is the key.
  const std::string outer = schema::section_key_term("aaa", 1);
  const std::string inner = schema::section_key_term("aaa", 2);
  EXPECT_EQ(count(db, outer), 3u);  // two clauses and the heading "Mål"
  EXPECT_EQ(count(db, inner), 1u);
}

TEST_F(WriterTest, AClauseCarriesOnlyTheValuesThatAreReadPerClause) {
  writer.replace_file(file_with_sections("aaa", "/c/a.txt"));
  size_t clauses = 0;
  for_each_clause_docid(db, [&](Xapian::docid docid) {
    ++clauses;
    const Xapian::Document clause = db.get_document(docid);
    EXPECT_FALSE(clause.get_value(schema::kStemsSlot).empty());
    // The region is the first part of the region-copy value, not a value of its own.
    EXPECT_EQ(clause.get_value(schema::kRegionSlot), "");
    // Its region is stored as the region's code byte (index/region_codes.h).
    const std::string copy_key = clause.get_value(schema::kRegionCopySlot);
    EXPECT_EQ(copy_key.size(), 2 + kFingerprintBytes);
    EXPECT_EQ(copy_key.substr(1, 1), std::string(1, schema::kCopyKeySeparator));
    EXPECT_EQ(region_of_stored(copy_key.substr(0, 1)), "orebro");
    // similar reads a candidate's document id to weigh its document's topic.
    EXPECT_EQ(clause.get_value(schema::kDocumentSlot), "aaa");
    // The type is a term (XT); as a value nothing read it. The topic is on the record.
    EXPECT_EQ(clause.get_value(schema::kTypeSlot), "");
    EXPECT_EQ(clause.get_value(schema::kTopicSlot), "");
    // The clause is a value (a remote shard sends values with a match), not the data.
    EXPECT_FALSE(clause.get_value(schema::kClauseSlot).empty());
    EXPECT_EQ(clause.get_data(), "");
    EXPECT_EQ(clause_of_document(clause).document_id, "aaa");
    return true;
  });
  EXPECT_EQ(clauses, 5u);
}

// The region-copy value is the region (its code byte), the separator and the 8-byte fingerprint, whose last
// bit marks an open clause (the fingerprint is also the XF term and the fingerprint value).
TEST_F(WriterTest, AnOpenClauseIsMarkedInItsRegionCopyValue) {
  writer.replace_file(testing::ingested_file(
      "ccc", "varmland",
      {"Vad är vårdgaranti?", "Regionen ska:", "Vården ges inom vårdgarantins tidsgränser."}));
  const std::string prefix = stored_region("varmland") + schema::kCopyKeySeparator;
  for (const auto& [id, open] : std::vector<std::pair<std::string, bool>>{
           {"ccc:1", true}, {"ccc:2", true}, {"ccc:3", false}}) {
    const Xapian::Document clause = clause_document(db, id);
    const std::string copy_key = clause.get_value(schema::kRegionCopySlot);
    const std::string fingerprint = clause.get_value(schema::kFingerprintSlot);
    ASSERT_EQ(fingerprint.size(), kFingerprintBytes) << id;
    EXPECT_EQ(copy_key, prefix + fingerprint) << id;
    EXPECT_EQ(is_open_fingerprint(fingerprint), open) << id;
    EXPECT_EQ(db.get_termfreq(schema::kFingerprintPrefix + fingerprint), 1u) << id;
  }
}

// The same words asked and stated are not copies: copies share their region-copy value, and
// the question's carries the open mark.
TEST_F(WriterTest, AQuestionIsNotACopyOfTheSameWordsStated) {
  writer.replace_file(testing::ingested_file("ccc", "varmland", {"Ingår tandvård för barn?"}));
  writer.replace_file(testing::ingested_file("ddd", "varmland", {"Ingår tandvård för barn."}));
  writer.replace_file(testing::ingested_file("eee", "varmland", {"ingår tandvård för barn ?"}));
  auto fingerprint = [&](const std::string& id) {
    return clause_document(db, id).get_value(schema::kFingerprintSlot);
  };
  EXPECT_NE(fingerprint("ccc:1"), fingerprint("ddd:1"));
  EXPECT_EQ(fingerprint("ccc:1"), fingerprint("eee:1"));
}

TEST_F(WriterTest, SectionRecordsHoldTheTrailWithPositionsPerHeading) {
  writer.replace_file(file_with_sections("aaa", "/c/a.txt"));
  const std::string inner = schema::section_key_term("aaa", 2);
  Xapian::Document record;
  const std::string kind = schema::kKindPrefix + schema::kSectionKind;
  for (auto it = db.postlist_begin(kind); it != db.postlist_end(kind); ++it) {
    if (db.get_document(*it).get_data() == inner) record = db.get_document(*it);
  }
  ASSERT_EQ(record.get_data(), inner);
  EXPECT_EQ(record.get_value(schema::kDocumentSlot), "");
  const auto arbete = positions(record, schema::kSectionPrefix + "arbete");
  const auto mal = positions(record, schema::kSectionPrefix + "mål");
  ASSERT_EQ(arbete.size(), 1u);
  ASSERT_EQ(mal.size(), 1u);
  // Adjacent words of one heading are adjacent positions; the next heading starts after a
  // gap, so that no phrase spans two headings.
  EXPECT_EQ(positions(record, schema::kSectionPrefix + "internationellt")[0] + 1, arbete[0]);
  EXPECT_GT(mal[0], arbete[0] + 50);
  // Both trails' records and the heading clause of the outer trail.
  EXPECT_EQ(count(db, "Z" + schema::kSectionPrefix + "internationell"), 3u);
  EXPECT_EQ(count(db, schema::document_term("aaa")), 8u);  // deleted together by this term
}

// The guard against the index growing back: a clause holds the terms of its own text and
// boolean terms, never its document's title or its trail's words.
TEST_F(WriterTest, ClauseDocumentsHoldNoTitleOrTrailWords) {
  const IngestedFile file = file_with_sections("aaa", "/c/a.txt");
  writer.replace_file(file);
  for (const Clause& clause : file.clauses) {
    const Xapian::Document doc = clause_document(db, clause.id);
    Xapian::Document own;
    DocumentIndexer(own).add_text(
        clause.text, clause.kind == BlockKind::heading ? schema::kSectionPrefix : std::string());
    std::set<std::string> own_terms, text_terms;
    for (auto it = own.termlist_begin(); it != own.termlist_end(); ++it) own_terms.insert(*it);
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
      const std::string term = *it;
      EXPECT_FALSE(term.starts_with(schema::kTitlePrefix)) << clause.id << " " << term;
      EXPECT_FALSE(term.starts_with("Z" + schema::kTitlePrefix)) << clause.id << " " << term;
      if (it.get_wdf() > 0) text_terms.insert(term);  // boolean terms have none
    }
    EXPECT_EQ(text_terms, own_terms) << clause.id;
  }
}

// similar and compare score clauses by their stem lists: moving the trail to a record must
// not change them. The expected list is built as the writer built clauses before.
TEST_F(WriterTest, StemListsKeepTheTrailStemsOfEveryClause) {
  const IngestedFile file = file_with_sections("aaa", "/c/a.txt");
  writer.replace_file(file);
  for (const Clause& clause : file.clauses) {
    Xapian::Document before;
    DocumentIndexer indexer(before);
    const bool heading = clause.kind == BlockKind::heading;
    indexer.add_text(clause.text, heading ? schema::kSectionPrefix : "");
    if (!clause.section.empty()) {
      indexer.add_words(section_label(clause.section), schema::kSectionPrefix);
    }
    indexer.add_words(file.info.title, schema::kTitlePrefix);
    const auto expected = parse_stem_list(stem_list_of(before));
    const Xapian::Document doc = clause_document(db, clause.id);
    EXPECT_EQ(parse_stem_list(doc.get_value(schema::kStemsSlot)), expected) << clause.id;
    if (!clause.section.empty()) {
      // Trail stems as before: whole words only (a record splits "vänortssamarbeten").
      EXPECT_NE(std::find_if(expected.begin(), expected.end(),
                             [](const auto& e) { return e.first == "ZXSvänortssamarbet"; }),
                expected.end())
          << clause.id;
    }
  }
}

TEST_F(WriterTest, ReplacingOrRemovingAFileLeavesNoStaleRecords) {
  writer.replace_file(file_with_sections("aaa", "/c/a.txt"));
  writer.replace_file(file_with_sections("ccc", "/c/c.txt"));
  // The same path with new content: the old id's clauses and records all go.
  IngestedFile changed = make_file("bbb", "/c/a.txt", {"Ny text.", "Under rubrik."});
  changed.clauses[1].section = {"Ny rubrik"};
  writer.replace_file(changed);
  EXPECT_EQ(clause_count(db), 5u + 2u);
  EXPECT_EQ(documents_of_kind(db, schema::kDocumentKind), 2u);
  EXPECT_EQ(documents_of_kind(db, schema::kSectionKind), 2u + 1u);
  EXPECT_EQ(count(db, schema::document_term("aaa")), 0u);
  EXPECT_EQ(count(db, schema::kSectionPrefix + "rubrik"), 1u);

  EXPECT_TRUE(writer.remove_path("/c/c.txt"));
  EXPECT_EQ(clause_count(db), 2u);
  EXPECT_EQ(documents_of_kind(db, schema::kDocumentKind), 1u);
  EXPECT_EQ(documents_of_kind(db, schema::kSectionKind), 1u);
  EXPECT_EQ(db.get_doccount(), 4u);
}

TEST_F(WriterTest, AnUpdatedRecordKeepsItsTitleWords) {
  IngestedFile file = file_with_sections("aaa", "/c/a.txt");
  writer.replace_file(file);
  DocumentInfo renamed = *find_document_by_path(db, "/c/a.txt");
  renamed.path = "/c/b.txt";
  writer.update_record("/c/a.txt", renamed);
  EXPECT_EQ(count(db, schema::kTitlePrefix + "regional"), 1u);
  EXPECT_EQ(documents_of_kind(db, schema::kSectionKind), 2u);
  EXPECT_EQ(find_document_by_path(db, "/c/b.txt")->id, "aaa");
}

TEST_F(WriterTest, TheRecordCarriesTheDocumentTopicAlsoAfterAnUpdate) {
  writer.replace_file(make_file("aaa", "/c/a.txt",
                                {"Utsläppen från resor ska minska.",
                                 "Resor i tjänsten ska ske med tåg när det går.",
                                 "Regionen redovisar utsläppen varje år."}));
  const std::string topic = document_with(db, schema::record_term("aaa")).get_value(schema::kTopicSlot);
  const auto entries = parse_stem_list(topic);
  ASSERT_FALSE(entries.empty());
  // Counts are the clauses holding a stem: "utsläpp" and "res" are in two of three.
  auto count_of = [&](const std::string& term) {
    for (const auto& [t, n] : entries) {
      if (t == term) return n;
    }
    return Xapian::termcount{0};
  };
  EXPECT_EQ(count_of("Z" + stem_swedish("utsläppen")), 2u);
  EXPECT_EQ(count_of("Z" + stem_swedish("tåg")), 1u);
  // A rename rewrites the record from its metadata; the clauses, and so the topic, stay.
  DocumentInfo renamed = *find_document_by_path(db, "/c/a.txt");
  renamed.path = "/c/b.txt";
  writer.update_record("/c/a.txt", renamed);
  EXPECT_EQ(document_with(db, schema::record_term("aaa")).get_value(schema::kTopicSlot), topic);
}

TEST_F(WriterTest, ListDocumentsIsSortedByPath) {
  writer.replace_file(make_file("zzz", "/c/b.txt", {"B."}));
  writer.replace_file(make_file("yyy", "/c/a.txt", {"A."}));
  auto documents = list_documents(db);
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[0].path, "/c/a.txt");
  EXPECT_EQ(documents[1].path, "/c/b.txt");
}

}  // namespace
}  // namespace klausul
