// End to end: `klausul similar` and `klausul compare` on the real corpus.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

std::vector<nlohmann::json> jsonl(const std::string& text) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : lines_of(text)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

class SimilarCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    CommandResult ingest = run_klausul({"ingest", KLAUSUL_SOURCE_DIR "/corpus", "--db", db()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }

  // The id of the first clause of `region` whose text contains `needle`.
  static std::string clause_id(const std::string& needle, const std::string& region) {
    CommandResult r = run_klausul({"search", "\"" + needle + "\"", "--region", region, "--db",
                                   db(), "--format", "jsonl", "--limit", "50"});
    for (const auto& hit : jsonl(r.out)) {
      if (hit["text"].get<std::string>().find(needle) != std::string::npos) return hit["clause_id"];
    }
    return "";
  }
  static std::vector<nlohmann::json> similar(const std::string& id, const std::string& region) {
    CommandResult r = run_klausul({"similar", "--clause", id, "--region", region, "--db", db(),
                                   "--format", "jsonl"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return jsonl(r.out);
  }
  static TempDir* dir_;
};
TempDir* SimilarCorpusTest::dir_ = nullptr;

bool any_contains(const std::vector<nlohmann::json>& hits, const std::string& needle) {
  for (const auto& hit : hits) {
    if (hit["text"].get<std::string>().find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST_F(SimilarCorpusTest, AmbassadorClauseFindsOrebrosMandateForRepresentatives) {
  const std::string id = clause_id("är en ambassadör för landstinget", "stockholm");
  ASSERT_FALSE(id.empty());
  auto hits = similar(id, "orebro");
  ASSERT_FALSE(hits.empty());
  EXPECT_LE(hits.size(), 3u);
  EXPECT_TRUE(any_contains(hits, "tydliga uppdrag och mandat för landstingets företrädare"));
  for (const auto& hit : hits) {
    EXPECT_EQ(hit["region"], "orebro");
    EXPECT_EQ(hit["query_region"], "stockholm");
    EXPECT_GE(hit["score"].get<double>(), 0.0);
    EXPECT_LE(hit["score"].get<double>(), 1.0);
    EXPECT_TRUE(hit.contains("matched_terms"));
  }
}

TEST_F(SimilarCorpusTest, CoordinationClauseFindsStockholmsConsultationPrinciple) {
  const std::string id = clause_id("ska i görligaste mån samordnas med andra aktörer", "orebro");
  ASSERT_FALSE(id.empty());
  auto hits = similar(id, "stockholm");
  EXPECT_TRUE(any_contains(hits, "i samråd med relevanta aktörer i regionen"));
}

TEST_F(SimilarCorpusTest, RepeatedGuidelineTextIsShownOnceWithItsPlaces) {
  const std::string id = clause_id("bevakar utvecklingen av EU 2020", "orebro");
  ASSERT_FALSE(id.empty());
  auto hits = similar(id, "stockholm");
  std::set<std::string> texts;
  bool has_duplicates = false;
  for (const auto& hit : hits) {
    EXPECT_TRUE(texts.insert(hit["text"].get<std::string>()).second) << hit["text"];
    has_duplicates = has_duplicates || hit.contains("duplicates");
  }
  EXPECT_TRUE(has_duplicates);  // the .txt and .pdf of the Stockholm guideline
}

TEST_F(SimilarCorpusTest, TextOutputGroupsByRegion) {
  CommandResult r = run_klausul({"similar", "--text",
                                 "Landstingets företrädare ska ha tydliga uppdrag", "--db", db()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("== Region Örebro län =="), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("== Region Stockholm =="), std::string::npos);
  EXPECT_NE(r.out.find("== Region Jönköpings län =="), std::string::npos);
}

TEST_F(SimilarCorpusTest, AMissingThesaurusIsSaidNotHidden) {
  const std::vector<std::string> args = {"similar", "--text", "tydliga uppdrag", "--db", db()};
  CommandResult with = run_klausul(args);
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.err.find("thesaurus"), std::string::npos) << with.err;
  ::setenv("KLAUSUL_THESAURUS", "/nonexistent/th_sv_SE_v2.dat", 1);
  CommandResult without = run_klausul(args);
  ::unsetenv("KLAUSUL_THESAURUS");
  EXPECT_EQ(without.exit_code, 0) << without.err;  // still compares, by stems alone
  EXPECT_NE(without.err.find("no Swedish thesaurus"), std::string::npos) << without.err;
  EXPECT_FALSE(without.out.empty());
}

TEST_F(SimilarCorpusTest, BadSimilarRequestsExitTwo) {
  CommandResult unknown = run_klausul({"similar", "--clause", "nosuch:1", "--db", db()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no clause with id 'nosuch:1'"), std::string::npos);
  CommandResult stopwords = run_klausul({"similar", "--text", "och att det", "--db", db()});
  EXPECT_EQ(stopwords.exit_code, 2);
  EXPECT_NE(stopwords.err.find("nothing to compare"), std::string::npos) << stopwords.err;
  EXPECT_EQ(run_klausul({"similar", "--db", db()}).exit_code, 2);
}

TEST_F(SimilarCorpusTest, CompareAlignsTwoPoliciesAndSummarises) {
  const std::string a = KLAUSUL_SOURCE_DIR "/corpus/jonkoping-policy-internationellt-arbete-2011.txt";
  const std::string b = KLAUSUL_SOURCE_DIR "/corpus/orebro-riktlinjer-internationellt-engagemang.txt";
  CommandResult r = run_klausul({"compare", a, b, "--db", db(), "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = jsonl(r.out);
  ASSERT_FALSE(rows.empty());
  int matched = 0, only_a = 0, only_b = 0;
  for (const auto& row : rows) {
    const std::string status = row["status"];
    matched += status == "matched";
    only_a += status == "only_a";
    only_b += status == "only_b";
    if (status == "matched") {
      EXPECT_FALSE(row["a_clause_id"].is_null());
      EXPECT_FALSE(row["b_clause_id"].is_null());
      EXPECT_GE(row["score"].get<double>(), 0.25);
    }
    if (status == "only_b") {
      EXPECT_TRUE(row["a_clause_id"].is_null());
    }
  }
  EXPECT_GT(matched, 0);
  EXPECT_GT(only_a + only_b, 0);
  const std::string summary = std::to_string(matched) + " matchade, " + std::to_string(only_a) +
                              " bara i A, " + std::to_string(only_b) + " bara i B";
  EXPECT_NE(r.err.find(summary), std::string::npos) << r.err;
  EXPECT_EQ(run_klausul({"compare", a, "nosuch", "--db", db()}).exit_code, 2);
}

TEST(SimilarTopicEndToEnd, TheCounterpartInADocumentOnTheSameSubjectComesFirst) {
  // Örebro mentions business travel in its budget (with more of the query's words) and in its
  // climate plan; asked from Stockholm's climate plan, the climate plan's clause comes first.
  TempDir dir;
  std::filesystem::create_directories(dir / "arkiv");
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / ("arkiv/" + name)) << text;
  };
  write("klausul.csv",
        "path,region,organisation,doc_type,year,title\n"
        "sth-klimat.txt,stockholm,Regionstyrelsen,plan,2024,Klimatplan\n"
        "ore-budget.txt,orebro,Regionstyrelsen,budget,2024,Budget\n"
        "ore-klimat.txt,orebro,Regionstyrelsen,plan,2024,Klimatplan\n");
  write("sth-klimat.txt",
        "Regionen ska minska utsläppen av växthusgaser från transporter och energi.\n\n"
        "Klimatpåverkan från upphandlade varor och livsmedel ska minska.\n\n"
        "Resor i tjänsten ska ge mindre utsläpp och ske med tåg när det går.\n");
  write("ore-budget.txt",
        "Budgeten för resor i tjänsten fastställs av regionfullmäktige.\n\n"
        "Kostnaderna för lokaler och personal ökar.\n\n"
        "Resor i tjänsten ska ske med tåg när det går och bokas via resebyrån.\n");
  write("ore-klimat.txt",
        "Utsläppen av växthusgaser från transporter och energi ska halveras.\n\n"
        "Klimatpåverkan från livsmedel ska minska.\n\n"
        "Utsläppen från tjänsteresor ska bli mindre.\n");
  const std::string db = dir / "db";
  CommandResult ingest = run_klausul({"ingest", dir / "arkiv", "--db", db});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  CommandResult found = run_klausul({"search", "\"ske med tåg\"", "--region", "stockholm",
                                     "--db", db, "--format", "jsonl"});
  const auto query = jsonl(found.out);
  ASSERT_EQ(query.size(), 1u) << found.out << found.err;
  CommandResult r = run_klausul({"similar", "--clause", query[0]["clause_id"], "--region",
                                 "orebro", "--db", db, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = jsonl(r.out);
  ASSERT_GE(hits.size(), 2u) << r.out;
  EXPECT_EQ(hits[0]["text"], "Utsläppen från tjänsteresor ska bli mindre.") << r.out;
  // matched_terms says why, first of all: the subject the two documents share.
  ASSERT_FALSE(hits[0]["matched_terms"].empty()) << r.out;
  EXPECT_EQ(hits[0]["matched_terms"][0].get<std::string>().rfind("samma ämne: ", 0), 0u) << r.out;
  EXPECT_EQ(hits[1]["text"],
            "Resor i tjänsten ska ske med tåg när det går och bokas via resebyrån.") << r.out;
}

TEST(SimilarOpenClauseEndToEnd, AQuestionOnTheSubjectRanksBelowTheStatement) {
  // Värmland's FAQ page asks with more of the query's words than its rule states the point.
  TempDir dir;
  std::filesystem::create_directories(dir / "arkiv");
  std::ofstream(dir / "arkiv/klausul.csv")
      << "path,region,organisation,doc_type,year,title\n"
         "vrm-vardgaranti.txt,varmland,Regionstyrelsen,webbsida,2024,Vårdgaranti\n";
  std::ofstream(dir / "arkiv/vrm-vardgaranti.txt")
      << "Vad innebär vårdgarantin för patienten och den tid vården ska ges?\n\n"
         "Patienten ska få vård inom vårdgarantins tidsgränser.\n";
  const std::string db = dir / "db";
  CommandResult ingest = run_klausul({"ingest", dir / "arkiv", "--db", db});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  CommandResult r = run_klausul({"similar", "--text",
                                 "Patienten ska få vård inom den tid som vårdgarantin anger.",
                                 "--db", db, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = jsonl(r.out);
  ASSERT_EQ(hits.size(), 2u) << r.out;
  EXPECT_EQ(hits[0]["text"], "Patienten ska få vård inom vårdgarantins tidsgränser.") << r.out;
  EXPECT_GT(hits[0]["score"].get<double>(), hits[1]["score"].get<double>());
}

}  // namespace
}  // namespace klausul::testing
