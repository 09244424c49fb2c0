#include "search/similar.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "index/schema.h"
#include "index/swedish_stemmer.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/compare.h"
#include "search/open_database.h"
#include "tests/ingested_file.h"
#include "tests/older_index.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

IngestedFile make_file(const std::string& id, const std::string& region,
                       const std::vector<std::string>& texts) {
  return testing::ingested_file(id, region, texts);
}

// The same hits in the same order: clauses, their documents, duplicates, scores within
// `tolerance`.
void expect_same_hits(const SimilarResult& expected, const SimilarResult& got,
                      const std::string& what, double tolerance) {
  ASSERT_FALSE(expected.hits.empty()) << what;
  ASSERT_EQ(got.hits.size(), expected.hits.size()) << what;
  for (size_t i = 0; i < got.hits.size(); ++i) {
    EXPECT_EQ(got.hits[i].clause.id, expected.hits[i].clause.id) << what;
    EXPECT_EQ(got.hits[i].document.region, expected.hits[i].document.region) << what;
    EXPECT_EQ(got.hits[i].document.path, expected.hits[i].document.path) << what;
    EXPECT_EQ(got.hits[i].duplicates.size(), expected.hits[i].duplicates.size()) << what;
    EXPECT_NEAR(got.hits[i].score, expected.hits[i].score, tolerance) << what;
  }
}

class SimilarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(db);
    writer.replace_file(make_file("sth", "stockholm",
        {"Alla som på landstingets uppdrag deltar i internationellt arbete är en ambassadör för landstinget.",
         "Landstinget ska bevaka och påverka de policyområden inom EU som är relevanta.",
         "Kollektivtrafiken ska vara tillgänglig för alla resenärer."}));
    writer.replace_file(make_file("web", "stockholm",
        {"Landstinget ska bevaka och påverka de policyområden inom EU som är relevanta!"}));
    writer.replace_file(make_file("ore", "orebro",
        {"Arbetet präglas av tydliga uppdrag och mandat för landstingets företrädare.",
         "Tandvården ska erbjuda akuttider varje dag.",
         "Landstinget bevakar EU:s policyområden och påverkar dem i samverkan med andra."}));
    writer.replace_file(make_file("jkp", "jonkoping",
        {"Landstingets företrädare i internationella organisationer ska ha ett tydligt uppdrag.",
         "Vårdcentralerna har öppet på kvällar."}));
    writer.replace_file(make_file("empty", "jonkoping", {}));
  }
  SimilarResult similar(SimilarRequest request) {
    return find_similar(db, request, RegionTable::builtin());
  }
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(SimilarTest, FindsTheSameCommitmentInEveryOtherRegion) {
  SimilarRequest request;
  request.clause_id = "sth:1";
  SimilarResult result = similar(request);
  EXPECT_EQ(result.query.document.region, "stockholm");
  std::map<std::string, std::string> best;
  for (const Hit& hit : result.hits) {
    EXPECT_NE(hit.document.region, "stockholm");  // the query's own region is left out
    EXPECT_GE(hit.score, 0.0);
    EXPECT_LE(hit.score, 1.0);
    EXPECT_EQ(hit.query_region, "stockholm");
    if (hit.rank == 1) best[hit.document.region] = hit.clause.id;
  }
  EXPECT_EQ(best["orebro"], "ore:1");
  EXPECT_EQ(best["jonkoping"], "jkp:1");
}

TEST_F(SimilarTest, ScoresAreOrderedWithinARegionAndMatchedTermsNamed) {
  SimilarRequest request;
  request.clause_id = "ore:3";
  request.regions = {"Stockholm"};
  SimilarResult result = similar(request);
  ASSERT_FALSE(result.hits.empty());
  for (size_t i = 1; i < result.hits.size(); ++i) {
    EXPECT_GE(result.hits[i - 1].score, result.hits[i].score);
  }
  EXPECT_FALSE(result.hits[0].matched_terms.empty());
}

TEST_F(SimilarTest, NearDuplicatesAreShownOnceWithTheirPlaces) {
  SimilarRequest request;
  request.clause_id = "ore:3";
  request.regions = {"stockholm"};
  SimilarResult result = similar(request);
  ASSERT_FALSE(result.hits.empty());
  const Hit& top = result.hits[0];
  EXPECT_TRUE(top.clause.id == "sth:2" || top.clause.id == "web:1") << top.clause.id;
  ASSERT_EQ(top.duplicates.size(), 1u);
  EXPECT_NE(top.duplicates[0].clause_id, top.clause.id);
  for (const Hit& hit : result.hits) {
    if (&hit != &top) {
      EXPECT_NE(hit.clause.id, top.duplicates[0].clause_id);
    }
  }
}

TEST_F(SimilarTest, FreeTextAndPerRegionLimit) {
  SimilarRequest request;
  request.text = "Företrädare för landstinget ska ha tydliga uppdrag.";
  request.per_region = 1;
  SimilarResult result = similar(request);
  std::map<std::string, int> per_region;
  for (const Hit& hit : result.hits) ++per_region[hit.document.region];
  for (const auto& [region, count] : per_region) EXPECT_EQ(count, 1) << region;
  EXPECT_EQ(per_region.size(), 3u);  // no own region for a free text: all regions answer
}

TEST_F(SimilarTest, ThesaurusNeighboursRaiseTheScore) {
  std::istringstream dat("UTF-8\nåtkomlig|1\n|tillgänglig\n");
  const Thesaurus thesaurus(dat);
  SimilarRequest request;
  request.text = "Kollektivtrafiken ska vara åtkomlig.";
  request.regions = {"stockholm"};
  auto score_of_sth3 = [&](const Thesaurus& with) {
    for (const Hit& hit : find_similar(db, request, RegionTable::builtin(),
                                       SynonymTable::standard(), with).hits) {
      if (hit.clause.id == "sth:3") return hit.score;
    }
    return -1.0;
  };
  const double plain = score_of_sth3(Thesaurus());
  const double soft = score_of_sth3(thesaurus);
  EXPECT_GT(plain, 0.0);  // found by "kollektivtrafik" alone
  EXPECT_GT(soft, plain);
}

TEST(SimilarPool, ARegionRankedBelowAFullCandidatePoolStillAnswers) {
  // 1,100 short Stockholm clauses fill the candidate pool (1,000) ahead of Örebro's one long
  // clause, which has the query's words once among many others.
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  std::vector<std::string> many;
  for (int i = 0; i < 1100; ++i) {
    many.push_back("Landstinget ska samverka med kommunerna, punkt " + std::to_string(i) + ".");
  }
  IndexWriter writer(db);
  writer.replace_file(testing::ingested_file("sth", "stockholm", many));
  writer.replace_file(testing::ingested_file(
      "ore", "orebro",
      {"Regionen ska i sitt arbete med folkhälsa, tandvård, kollektivtrafik, kultur och "
       "utbildning samt i det regionala utvecklingsarbetet och i frågor om infrastruktur och "
       "näringsliv samverka med kommunerna och andra aktörer i hela länet."}));
  writer.replace_file(testing::ingested_file("jkp", "jonkoping", {"Vårdcentralerna har öppet."}));
  db.commit();
  SimilarRequest request;
  request.text = "Landstinget ska samverka med kommunerna.";
  std::set<std::string> regions;
  for (const Hit& hit : find_similar(db, request, RegionTable::builtin()).hits) {
    regions.insert(hit.document.region);
  }
  EXPECT_TRUE(regions.count("stockholm"));
  EXPECT_TRUE(regions.count("orebro"));
  EXPECT_FALSE(regions.count("jonkoping"));  // nothing comparable there
}

TEST(SimilarPool, CandidatesAreReadUntilEveryRegionIsFull) {
  // Candidates' regions are read a batch of ranks at a time and reading stops once every
  // region has its share (30 each here). Stockholm's 250 clauses fill its share at once; the
  // reading must still go on past them to Örebro's one clause, ranked last.
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  std::vector<std::string> many;
  for (int i = 0; i < 250; ++i) {
    many.push_back("Landstinget ska samverka med kommunerna, punkt " + std::to_string(i) + ".");
  }
  IndexWriter writer(db);
  writer.replace_file(testing::ingested_file("sth", "stockholm", many));
  writer.replace_file(testing::ingested_file(
      "ore", "orebro",
      {"Regionen ska i sitt arbete med folkhälsa, tandvård, kollektivtrafik, kultur och "
       "utbildning samt i det regionala utvecklingsarbetet och i frågor om infrastruktur och "
       "näringsliv samverka med kommunerna och andra aktörer i hela länet."}));
  db.commit();
  SimilarRequest request;
  request.text = "Landstinget ska samverka med kommunerna.";
  request.per_region = 40;  // more than a region's share: each region shows all it brought
  std::map<std::string, int> shown;
  for (const Hit& hit : find_similar(db, request, RegionTable::builtin()).hits) {
    ++shown[hit.document.region];
  }
  EXPECT_EQ(shown["orebro"], 1);
  EXPECT_GT(shown["stockholm"], 0);
  EXPECT_LE(shown["stockholm"], 30);
}

TEST(SimilarPool, AClauseOfUnknownRegionStillAnswersWhenEveryRegionIsFull) {
  // A document of unknown region has no region term, so no list of regions names it. Both
  // regions fill their share (30) from 40 clauses each; the clause of unknown region, ranked
  // below them all, must still answer.
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  std::vector<std::string> stockholm, orebro;
  for (int i = 0; i < 40; ++i) {
    stockholm.push_back("Landstinget ska samverka med kommunerna, punkt " + std::to_string(i) + ".");
    orebro.push_back("Regionen ska samverka med kommunerna, del " + std::to_string(i) + ".");
  }
  IndexWriter writer(db);
  writer.replace_file(testing::ingested_file("sth", "stockholm", stockholm));
  writer.replace_file(testing::ingested_file("ore", "orebro", orebro));
  writer.replace_file(testing::ingested_file(
      "oka", "", {"Landstinget och regionen ska i allt sitt arbete med vård, kultur, trafik och "
                  "utveckling samverka med kommunerna, länsstyrelsen och andra aktörer."}));
  db.commit();
  SimilarRequest request;
  request.text = "Landstinget ska samverka med kommunerna.";
  std::map<std::string, int> shown;
  for (const Hit& hit : find_similar(db, request, RegionTable::builtin()).hits) {
    ++shown[hit.document.region];
  }
  EXPECT_GT(shown["stockholm"], 0);
  EXPECT_GT(shown["orebro"], 0);
  EXPECT_EQ(shown[""], 1);
}

TEST_F(SimilarTest, AnIndexWithoutTheMatchKeysGivesTheSameAnswer) {
  // Candidates are read from the match's sort key (region and fingerprint) and collapse key
  // (stem list) without opening documents; an index written before those values existed
  // opens each document instead. Both must give the same hits, scores and duplicates.
  db.commit();
  testing::TempDir old_dir;
  Xapian::WritableDatabase old_db =
      testing::rewritten_index(db, old_dir / "db", [](Xapian::Document& doc) {
        testing::region_in_its_own_value(doc);  // as such an index had it
        doc.add_value(schema::kStemsSlot, "");  // an empty value is no value
      });
  for (const std::string id : {"sth:1", "sth:2", "ore:1", "jkp:1"}) {
    SimilarRequest request;
    request.clause_id = id;
    // Without a stem list a clause loses its section stems (kept only there): close scores.
    expect_same_hits(similar(request), find_similar(old_db, request, RegionTable::builtin()),
                     id, 0.05);
  }
}

TEST_F(SimilarTest, AnIndexWithRegionKeysAsTextInItsCopyKeysGivesTheSameAnswer) {
  // Written before 2026-12-05, copy keys held the region key as text, not its code byte.
  db.commit();
  testing::TempDir old_dir;
  Xapian::WritableDatabase old_db =
      testing::rewritten_index(db, old_dir / "db", testing::region_as_text_in_copy_key);
  for (const std::string id : {"sth:1", "sth:2", "ore:1", "jkp:1"}) {
    SimilarRequest request;
    request.clause_id = id;
    expect_same_hits(similar(request), find_similar(old_db, request, RegionTable::builtin()), id,
                     1e-9);
  }
}

TEST(SimilarTopic, DocumentsWithContentIdsFindTheirTopicsToo) {
  // Ingest names a document by its content id, 16 hex digits, which a clause stores as the 8
  // bytes they spell (index/document_id_bytes.h): the topic must still be found by it.
  const std::string kli = "00000000000000a1", eko = "00000000000000b2", mil = "00000000000000c3";
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(make_file(kli, "stockholm",
      {"Regionen ska minska utsläppen av växthusgaser från transporter och energi.",
       "Klimatpåverkan från upphandlade varor och livsmedel ska minska.",
       "Resor i tjänsten ska ge mindre utsläpp och ske med tåg när det går."}));
  writer.replace_file(make_file(eko, "orebro",
      {"Budgeten för resor i tjänsten fastställs av regionfullmäktige.",
       "Kostnaderna för lokaler och personal ökar.",
       "Resor i tjänsten ska ske med tåg när det går och bokas via resebyrån."}));
  writer.replace_file(make_file(mil, "orebro",
      {"Utsläppen av växthusgaser från transporter och energi ska halveras.",
       "Klimatpåverkan från livsmedel ska minska.",
       "Utsläppen från tjänsteresor ska bli mindre."}));
  db.commit();
  SimilarRequest request;
  request.clause_id = kli + ":3";
  request.regions = {"orebro"};
  const SimilarResult with = find_similar(db, request, RegionTable::builtin());
  ASSERT_GE(with.hits.size(), 2u);
  EXPECT_EQ(with.hits[0].clause.id, mil + ":3");
  EXPECT_EQ(with.hits[0].document.id, mil);
}

TEST(SimilarTopic, OfTwoClausesAlikeTheOneFromADocumentOnTheQuerysSubjectRanksFirst) {
  // Örebro answers "fewer emissions from business travel" twice: in its budget, with more
  // of the query's words, and in its climate plan. The climate plan's clause is the
  // counterpart; only the documents' subjects tell them apart.
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(make_file("kli", "stockholm",
      {"Regionen ska minska utsläppen av växthusgaser från transporter och energi.",
       "Klimatpåverkan från upphandlade varor och livsmedel ska minska.",
       "Resor i tjänsten ska ge mindre utsläpp och ske med tåg när det går."}));
  writer.replace_file(make_file("eko", "orebro",
      {"Budgeten för resor i tjänsten fastställs av regionfullmäktige.",
       "Kostnaderna för lokaler och personal ökar.",
       "Resor i tjänsten ska ske med tåg när det går och bokas via resebyrån."}));
  writer.replace_file(make_file("mil", "orebro",
      {"Utsläppen av växthusgaser från transporter och energi ska halveras.",
       "Klimatpåverkan från livsmedel ska minska.",
       "Utsläppen från tjänsteresor ska bli mindre."}));
  db.commit();
  SimilarRequest request;
  request.clause_id = "kli:3";
  request.regions = {"orebro"};
  request.tuning.document_topic_weight = 0;
  const SimilarResult without = find_similar(db, request, RegionTable::builtin());
  ASSERT_GE(without.hits.size(), 2u);
  EXPECT_EQ(without.hits[0].clause.id, "eko:3");  // more words in common
  request.tuning = default_score_tuning();
  const SimilarResult with = find_similar(db, request, RegionTable::builtin());
  ASSERT_GE(with.hits.size(), 2u);
  EXPECT_EQ(with.hits[0].clause.id, "mil:3");
  // The explanation says so first: the stems the two documents share most, and how alike.
  ASSERT_FALSE(with.hits[0].matched_terms.empty());
  const std::string& note = with.hits[0].matched_terms[0];
  EXPECT_EQ(note.rfind("samma ämne: ", 0), 0u) << note;
  EXPECT_NE(note.find("utsläpp"), std::string::npos) << note;
  EXPECT_TRUE(without.hits[0].matched_terms.empty() ||
              without.hits[0].matched_terms[0].rfind("samma ämne", 0) != 0);
  // A free text has no document: its answer does not depend on document topics.
  SimilarRequest text;
  text.text = "Resor i tjänsten ska ge mindre utsläpp och ske med tåg när det går.";
  text.regions = {"orebro"};
  const SimilarResult by_text = find_similar(db, text, RegionTable::builtin());
  text.tuning.document_topic_weight = 0;
  expect_same_hits(find_similar(db, text, RegionTable::builtin()), by_text, "text", 1e-12);
}

// A text in two documents of a region is one answer; its document topic is that of the copy
// whose document is nearest the query's subject, whichever copy represents the text (the first
// written here: ties fall by document id).
TEST(SimilarTopic, ATextWithCopiesTakesTheTopicOfItsBestDocument) {
  const std::string shared = "Resor i tjänsten ska ske med tåg när det går.";
  auto score_in_orebro = [&](bool also_in_climate_plan) {
    testing::TempDir dir;
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
    IndexWriter writer(db);
    writer.replace_file(make_file("kli", "stockholm",
        {"Regionen ska minska utsläppen av växthusgaser från transporter och energi.",
         "Klimatpåverkan från upphandlade varor och livsmedel ska minska.",
         "Resor i tjänsten ska ge mindre utsläpp och ske med tåg när det går."}));
    writer.replace_file(make_file("eko", "orebro",
        {"Budgeten för resor i tjänsten fastställs av regionfullmäktige.",
         "Kostnaderna för lokaler och personal ökar.", shared}));
    if (also_in_climate_plan) {
      writer.replace_file(make_file("mil", "orebro",
          {"Utsläppen av växthusgaser från transporter och energi ska halveras.",
           "Klimatpåverkan från livsmedel ska minska.", shared}));
    }
    db.commit();
    SimilarRequest request;
    request.clause_id = "kli:3";
    request.regions = {"orebro"};
    const SimilarResult result = find_similar(db, request, RegionTable::builtin());
    for (const Hit& hit : result.hits) {
      if (hit.clause.text == shared) {
        EXPECT_EQ(hit.clause.id, "eko:3");  // the first written represents the text
        EXPECT_EQ(hit.duplicates.size(), also_in_climate_plan ? 1u : 0u);
        return hit.score;
      }
    }
    ADD_FAILURE() << "the shared text was not found";
    return 0.0;
  };
  const double in_budget_only = score_in_orebro(false);
  const double also_in_climate_plan = score_in_orebro(true);
  EXPECT_GT(in_budget_only, 0.0);
  EXPECT_GT(also_in_climate_plan, in_budget_only + 0.01);
}

// A clause that shares no stem with the query enters the candidates through the term model's
// soft link (mutual nearest neighbours), and the link is what matched_terms shows.
TEST(SimilarSoftLink, AParaphraseThatSharesNoStemIsFoundThroughTheSoftLink) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(make_file("sth", "stockholm", {"Barnrättsperspektivet präglar ledarskapet."}));
  writer.replace_file(make_file("gtl", "gotland",
      {"Hållbarheten genomsyrar mötet med patienten.", "Asfalten läggs om under sommaren."}));
  db.commit();
  TermModel model(4, "test");
  model.add(stem_swedish("präglar"), {1.0f, 0.1f, 0.0f, 0.0f}, 10);
  model.add(stem_swedish("genomsyrar"), {0.95f, 0.2f, 0.0f, 0.0f}, 10);
  model.add(stem_swedish("asfalten"), {0.0f, 0.0f, 1.0f, 0.0f}, 10);
  model.add(stem_swedish("sommaren"), {0.0f, 0.0f, 0.0f, 1.0f}, 10);
  SimilarRequest request;
  request.text = "Barnrättsperspektivet präglar ledarskapet";
  request.regions = {"gotland"};
  request.term_model = &model;
  const SimilarResult found = find_similar(db, request, RegionTable::builtin());
  ASSERT_EQ(found.hits.size(), 1u);
  EXPECT_EQ(found.hits[0].clause.id, "gtl:1");
  const std::vector<std::string>& terms = found.hits[0].matched_terms;
  ASSERT_FALSE(terms.empty());
  EXPECT_EQ(terms[0].rfind("präglar \u2248 genomsyrar ", 0), 0u) << terms[0];
  // Without soft links nothing of Gotland's shares a stem with the query.
  request.tuning.soft_link_rank = 0;
  EXPECT_TRUE(find_similar(db, request, RegionTable::builtin()).hits.empty());
}

TEST(SimilarOpenClause, AQuestionOrALeadInRanksBelowTheStatement) {
  // Värmland's FAQ asks with more of the query's words than its rule states the point.
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(make_file("sth", "stockholm",
      {"Patienten ska få vård inom den tid som vårdgarantin anger."}));
  writer.replace_file(make_file("vrm", "varmland",
      {"Vad innebär vårdgarantin för patienten och den tid vården ska ges?",
       "Vårdgarantin anger för patienten i Värmland följande tider för vården:",
       "Patienten ska få vård inom vårdgarantins tidsgränser."}));
  db.commit();
  SimilarRequest request;
  request.clause_id = "sth:1";
  request.tuning.open_clause_factor = 1;
  const SimilarResult without = find_similar(db, request, RegionTable::builtin());
  ASSERT_EQ(without.hits.size(), 3u);
  EXPECT_NE(without.hits[0].clause.id, "vrm:3");  // an open clause shares more words
  request.tuning = default_score_tuning();
  const SimilarResult with = find_similar(db, request, RegionTable::builtin());
  ASSERT_EQ(with.hits.size(), 3u);
  EXPECT_EQ(with.hits[0].clause.id, "vrm:3");
  // A question may be compared with questions: then nothing is lowered.
  SimilarRequest question;
  question.text = "Vad innebär vårdgarantin för patienten?";
  question.regions = {"varmland"};
  const SimilarResult asked = find_similar(db, question, RegionTable::builtin());
  question.tuning.open_clause_factor = 1;
  expect_same_hits(find_similar(db, question, RegionTable::builtin()), asked, "question", 1e-12);
}

TEST(SimilarOpenClause, ANavigationSentenceRanksBelowTheStatement) {
  // Uppsala's web page points to its plan with more of the query's words than the clause
  // that commits to something.
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(make_file("sth", "stockholm",
      {"Alla vårdgivare ska ha en handlingsplan för suicidprevention."}));
  writer.replace_file(make_file("upp", "uppsala",
      {"Här finns information om hur vårdgivare tar fram en handlingsplan för suicidprevention.",
       "Varje vårdgivare ska upprätta en egen handlingsplan för att förebygga självmord."}));
  db.commit();
  SimilarRequest request;
  request.clause_id = "sth:1";
  request.tuning.open_clause_factor = 1;
  const SimilarResult without = find_similar(db, request, RegionTable::builtin());
  ASSERT_EQ(without.hits.size(), 2u);
  EXPECT_EQ(without.hits[0].clause.id, "upp:1");  // the navigation sentence shares more words
  request.tuning = default_score_tuning();
  const SimilarResult with = find_similar(db, request, RegionTable::builtin());
  ASSERT_EQ(with.hits.size(), 2u);
  EXPECT_EQ(with.hits[0].clause.id, "upp:2");
}

TEST(SimilarListItem, AListItemUnderALeadInIsNoFragment) {
  // Västra Götaland lists its committee's tasks under a lead-in; the short item is the
  // counterpart, a longer clause on another subject shares a word more.
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  IndexWriter writer(db);
  writer.replace_file(make_file("ore", "orebro",
      {"Kommittén ska kontinuerligt värdera nya läkemedel."}));
  IngestedFile listed = make_file("vgr", "vastra-gotaland",
      {"Läkemedelskommitténs uppgifter är att:", "värdering av läkemedel",
       "Nya rutiner för vårdhygien, städning och avfall ska införas i alla vårdcentraler och sjukhus i länet under året."});
  listed.clauses[1].kind = BlockKind::list_item;
  listed.clauses[1].context = listed.clauses[0].text;
  writer.replace_file(listed);
  IngestedFile plain = make_file("vgr2", "skane", {"värdering av läkemedel",
       "Nya rutiner för vårdhygien, städning och avfall ska införas i alla vårdcentraler och sjukhus i länet under året."});
  writer.replace_file(plain);
  db.commit();
  SimilarRequest request;
  request.clause_id = "ore:1";
  request.per_region = 3;
  const SimilarResult found = find_similar(db, request, RegionTable::builtin());
  auto rank_of = [&](const std::string& id) {
    for (const Hit& hit : found.hits) {
      if (hit.clause.id == id) return hit.rank;
    }
    return 0;
  };
  // Without a lead-in the same two words are a fragment and rank below the longer clause.
  EXPECT_GT(rank_of("vgr2:1"), rank_of("vgr2:2"));
  EXPECT_EQ(rank_of("vgr:2"), 1);
  EXPECT_LT(rank_of("vgr:2"), rank_of("vgr:3"));
}

TEST_F(SimilarTest, AnIndexWithoutDocumentTopicsScoresWithoutThem) {
  // Records written before topics have none, clauses no document id: similar then answers
  // as it did before topics (as with the topic weight 0).
  db.commit();
  testing::TempDir old_dir;
  Xapian::WritableDatabase old_db =
      testing::rewritten_index(db, old_dir / "db", [](Xapian::Document& doc) {
        doc.add_value(schema::kTopicSlot, "");  // an empty value is no value
        if (!doc.get_value(schema::kStemsSlot).empty()) doc.add_value(schema::kDocumentSlot, "");
      });
  for (const std::string id : {"sth:1", "sth:2", "ore:1", "jkp:1"}) {
    SimilarRequest request;
    request.clause_id = id;
    const SimilarResult old_answer = find_similar(old_db, request, RegionTable::builtin());
    request.tuning.document_topic_weight = 0;
    expect_same_hits(similar(request), old_answer, id, 1e-12);
  }
}

TEST(SimilarRemote, AStubWithARemoteShardGivesTheSameAnswerAsOneIndex) {
  // Through a remote shard candidates are read from the match's keys and in batches (one
  // match for the stem lists of the remote shard's candidates, one for idf): the answer
  // must be that of one index holding the same clauses.
  testing::TempDir dir;
  const std::vector<IngestedFile> files = {
      make_file("sth", "stockholm",
                {"Landstinget ska bevaka och påverka de policyområden inom EU som är relevanta.",
                 "Kollektivtrafiken ska vara tillgänglig för alla resenärer."}),
      make_file("web", "stockholm",
                {"Landstinget ska bevaka och påverka de policyområden inom EU som är relevanta!"}),
      make_file("ore", "orebro",
                {"Landstinget bevakar EU:s policyområden och påverkar dem i samverkan med andra.",
                 "Tandvården ska erbjuda akuttider varje dag."}),
      make_file("jkp", "jonkoping",
                {"Regionen ska bevaka EU:s policyområden.", "Vårdcentralerna har öppet."}),
      make_file("kal", "kalmar",
                {"Länet bevakar och påverkar EU:s politik inom relevanta områden.",
                 // An open clause: its mark comes with the remote shard's sort keys.
                 "Hur bevakar och påverkar landstinget de policyområden inom EU som är relevanta?"})};
  {
    Xapian::WritableDatabase one(dir / "one", Xapian::DB_CREATE_OR_OPEN);
    Xapian::WritableDatabase local(dir / "local", Xapian::DB_CREATE_OR_OPEN);
    Xapian::WritableDatabase far(dir / "far", Xapian::DB_CREATE_OR_OPEN);
    IndexWriter all(one), near_writer(local), far_writer(far);
    for (size_t i = 0; i < files.size(); ++i) {
      all.replace_file(files[i]);
      (i % 2 == 0 ? near_writer : far_writer).replace_file(files[i]);
    }
  }
  std::ofstream(dir / "mixed.stub") << "auto " << (dir / "local") << "\nremote :xapian-progsrv "
                                    << (dir / "far") << "\n";
  const Xapian::Database one = open_for_reading(dir / "one");
  const Xapian::Database mixed = open_for_reading(dir / "mixed.stub");
  ASSERT_TRUE(has_remote_shard(mixed));
  for (const std::string id : {"sth:1", "ore:1", "jkp:1"}) {
    SimilarRequest request;
    request.clause_id = id;
    expect_same_hits(find_similar(one, request, RegionTable::builtin()),
                     find_similar(mixed, request, RegionTable::builtin()), id, 1e-9);
  }
}

TEST_F(SimilarTest, BadRequestsAreUsageErrors) {
  SimilarRequest unknown;
  unknown.clause_id = "nope:1";
  EXPECT_THROW(similar(unknown), UsageError);
  SimilarRequest stopwords;
  stopwords.text = "och att det som";
  EXPECT_THROW(similar(stopwords), UsageError);
  SimilarRequest region;
  region.text = "uppdrag";
  region.regions = {"Atlantis"};
  EXPECT_THROW(similar(region), UsageError);
}

TEST_F(SimilarTest, CompareAlignsCounterpartsAndListsTheRest) {
  Alignment alignment = compare_documents(db, "sth", "ore");
  EXPECT_EQ(alignment.a.id, "sth");
  ASSERT_EQ(alignment.pairs.size(), 3u + static_cast<size_t>(alignment.only_b));
  EXPECT_EQ(alignment.pairs[0].status, AlignmentStatus::matched);
  EXPECT_EQ(alignment.pairs[0].b.id, "ore:1");
  EXPECT_EQ(alignment.pairs[1].status, AlignmentStatus::matched);
  EXPECT_EQ(alignment.pairs[1].b.id, "ore:3");
  EXPECT_EQ(alignment.pairs[2].status, AlignmentStatus::only_a);  // kollektivtrafik
  bool tandvard_only_in_b = false;
  for (const AlignedPair& pair : alignment.pairs) {
    if (pair.status == AlignmentStatus::only_b && pair.b.id == "ore:2") tandvard_only_in_b = true;
  }
  EXPECT_TRUE(tandvard_only_in_b);
  EXPECT_EQ(alignment.matched, 2);
  EXPECT_EQ(alignment.only_a, 1);
}

// A model like one learned from a single archive: every stem shares most of its vector with
// every other, so any two clauses come out close in meaning.
TermModel same_archive_model(const Xapian::Database& db) {
  TermModel model(8, "test");
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
    const std::string name = *term;
    // Body stems are Z and the stem; other prefixes are upper case too.
    if (name.size() < 2 || name[0] != 'Z' || (name[1] >= 'A' && name[1] <= 'Z')) continue;
    const std::string stem = name.substr(1);
    std::vector<float> vector = {1, 1, 1, 1, 0, 0, 0, 0};
    vector[4 + std::hash<std::string>{}(stem) % 4] = 0.8f;
    model.add(stem, vector, 10);
  }
  return model;
}

TEST_F(SimilarTest, CompareWithATermModelStillKeepsUnrelatedClausesApart) {
  db.commit();
  const TermModel model = same_archive_model(db);
  ASSERT_FALSE(model.empty());
  EXPECT_GT(match_threshold(&model), match_threshold(nullptr));
  Alignment alignment = compare_documents(db, "sth", "ore", SynonymTable::standard(),
                                          Thesaurus::system(), &model);
  // Public transport has no counterpart in Örebro's text, however close the model holds
  // every word of the archive.
  ASSERT_GE(alignment.pairs.size(), 3u);
  EXPECT_EQ(alignment.pairs[2].status, AlignmentStatus::only_a) << alignment.pairs[2].score;
  EXPECT_EQ(alignment.pairs[0].status, AlignmentStatus::matched);
  EXPECT_EQ(alignment.pairs[0].b.id, "ore:1");
  EXPECT_EQ(alignment.pairs[1].b.id, "ore:3");
}

TEST_F(SimilarTest, CompareWithAnEmptyDocumentIsAllOnlyB) {
  Alignment alignment = compare_documents(db, "empty", "jkp");
  EXPECT_EQ(alignment.matched, 0);
  EXPECT_EQ(alignment.only_a, 0);
  EXPECT_EQ(alignment.only_b, 2);
  EXPECT_THROW(compare_documents(db, "nosuch", "jkp"), UsageError);
}

}  // namespace
}  // namespace klausul
