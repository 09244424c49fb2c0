// End to end: the real klausul binary on the real corpus (text seeds and a LibreOffice PDF).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

const std::string kCorpus = KLAUSUL_SOURCE_DIR "/corpus";

std::vector<nlohmann::json> jsonl(const std::string& text) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : lines_of(text)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

// One corpus index shared by the read-only tests (ingesting once keeps the suite fast).
class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    ingest_ = new CommandResult(run_klausul({"ingest", kCorpus, "--db", db()}));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
  }
  static std::string db() { return *dir_ / "db"; }
  static std::vector<nlohmann::json> search(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    const std::string path = db();
    args.insert(args.end(), {"--db", path, "--format", "jsonl"});
    CommandResult result = run_klausul(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return jsonl(result.out);
  }
  static TempDir* dir_;
  static CommandResult* ingest_;
};
TempDir* CorpusTest::dir_ = nullptr;
CommandResult* CorpusTest::ingest_ = nullptr;

TEST_F(CorpusTest, IngestSucceedsAndListsEveryDocument) {
  ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  CommandResult list = run_klausul({"list", "--db", db(), "--format", "jsonl"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto documents = jsonl(list.out);
  ASSERT_EQ(documents.size(), 6u);  // five seeds and the PDF; regions.tsv and klausul.csv are not documents
  std::set<std::string> regions;
  for (const auto& d : documents) {
    for (const char* key : {"document_id", "path", "region", "region_name", "organisation",
                            "title", "doc_type", "year", "pages", "slides", "clauses", "format"}) {
      EXPECT_TRUE(d.contains(key)) << key;
    }
    EXPECT_GT(d["clauses"].get<int>(), 0) << d["path"];
    regions.insert(d["region"].get<std::string>());
  }
  EXPECT_EQ(regions, (std::set<std::string>{"stockholm", "orebro", "jonkoping"}));
}

TEST_F(CorpusTest, PhraseFindsStockholmClausesWithPagesFromThePdf) {
  auto hits = search({"bevaka och påverka EU", "--limit", "50"});
  ASSERT_FALSE(hits.empty());
  std::set<std::pair<int, std::string>> pdf_places;  // the PDF repeats the clause in its annex
  for (const auto& hit : hits) {
    EXPECT_EQ(hit["region"], "stockholm") << hit["text"];
    EXPECT_EQ(hit["region_name"], "Region Stockholm");
    EXPECT_NE(hit["snippet"].get<std::string>().find("<b>"), std::string::npos);
    const std::string text = hit["text"];
    if (text.find("För att ta tillvara Stockholmsregionens intressen ska landstinget bevaka och "
                  "påverka de policyområden inom EU") == std::string::npos) {
      continue;
    }
    EXPECT_EQ(hit["title"], "Riktlinjer för landstingets internationella arbete");
    // The guideline repeats this clause; its .txt and .pdf are one hit with the other places.
    if (hit["path"].get<std::string>().ends_with(".pdf")) {
      pdf_places.insert({hit["page"].get<int>(), hit["section"].get<std::string>()});
    }
    for (const auto& other : hit.value("duplicates", nlohmann::json::array())) {
      if (other["path"].get<std::string>().ends_with(".pdf")) pdf_places.insert({other["page"], ""});
    }
  }
  std::set<int> pdf_pages;
  for (const auto& [page, section] : pdf_places) pdf_pages.insert(page);
  EXPECT_TRUE(pdf_pages.count(2)) << pdf_places.size();  // Överväganden
  EXPECT_TRUE(pdf_pages.count(4)) << pdf_places.size();  // Bevaka och påverka EU
}

TEST_F(CorpusTest, EachRegionAnswersWithItsOwnClauses) {
  auto jonkoping = search({"EU-medel", "--region", "jönköping"});
  ASSERT_FALSE(jonkoping.empty());
  EXPECT_EQ(jonkoping[0]["region"], "jonkoping");
  EXPECT_NE(jonkoping[0]["text"].get<std::string>().find(
                "Skapa förutsättningar för aktiv samverkan och erhållande av EU-medel"),
            std::string::npos);
  EXPECT_EQ(search({"EU-medel", "--region", "Jonkoping"}).size(), jonkoping.size());

  auto orebro = search({"görligaste mån samordnas", "--region", "Örebro"});
  ASSERT_FALSE(orebro.empty());
  EXPECT_EQ(orebro[0]["region"], "orebro");
  EXPECT_NE(orebro[0]["text"].get<std::string>().find(
                "Det internationella engagemanget ska i görligaste mån samordnas"),
            std::string::npos);
}

TEST_F(CorpusTest, RegionFilterExcludesOtherRegions) {
  auto hits = search({"internationellt", "--region", "orebro", "--limit", "100"});
  ASSERT_FALSE(hits.empty());
  for (const auto& hit : hits) EXPECT_EQ(hit["region"], "orebro");
}

TEST_F(CorpusTest, TextOutputShowsRegionTitleSectionPageAndHighlight) {
  CommandResult result = run_klausul({"search", "bevaka och påverka EU", "--db", db(), "--type",
                                      "tjänsteutlåtande", "--limit", "3"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Region Stockholm — Riktlinjer för landstingets internationella arbete"),
            std::string::npos) << result.out;
  EXPECT_NE(result.out.find("«bevaka»"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Träffar per region: Region Stockholm"), std::string::npos);
}

bool any_text_contains(const std::vector<nlohmann::json>& hits, const std::string& needle) {
  for (const auto& hit : hits) {
    if (hit["text"].get<std::string>().find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST_F(CorpusTest, CompoundPartsFindTheirCompounds) {
  auto fullmaktige = search({"fullmäktige", "--limit", "50"});
  EXPECT_TRUE(any_text_contains(fullmaktige, "Landstingsfullmäktige antog i juni 2003"));
  EXPECT_TRUE(any_text_contains(search({"vänort"}), "vänortssamarbeten"));
  EXPECT_TRUE(any_text_contains(search({"utveckling", "--region", "orebro", "--limit", "100"}),
                                "kompetensutveckling"));
}

// A hit's text with ASCII letters in lower case (the corpus's capitals here are ASCII).
std::string lowercase_text(const nlohmann::json& hit) {
  std::string text = hit["text"];
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A quoted phrase is checked against the clause's text (search/body_phrases.h): with a
// stopword it finds the text, and the same words without it, which are never adjacent in the
// corpus, find nothing.
TEST_F(CorpusTest, QuotedPhrasesWithStopwordsMatchAndKeepTheirLength) {
  const auto hits = search({"\"bevaka och påverka\"", "--limit", "50"});
  ASSERT_FALSE(hits.empty());
  for (const auto& hit : hits) {
    const std::string text = lowercase_text(hit);
    EXPECT_NE(text.find("bevaka och påverka"), std::string::npos) << text;
  }
  EXPECT_TRUE(search({"\"bevaka påverka\""}).empty());
  EXPECT_FALSE(search({"bevaka påverka"}).empty());  // unquoted: both words, anywhere
}

// Body text is indexed as stems only: a wildcard finds the words whose stem begins with it,
// and NEAR/n the words close together in any order, both read by the real binary.
TEST_F(CorpusTest, WildcardsAndNearFindBodyWords) {
  const auto wildcard = search({"påverk*", "--limit", "50"});
  ASSERT_FALSE(wildcard.empty());
  for (const auto& hit : wildcard) {
    const std::string text = lowercase_text(hit);
    EXPECT_NE(text.find("påverk"), std::string::npos) << text;
  }
  // "bevaka och påverka": påverka is two words after bevaka.
  const auto near = search({"påverka NEAR/2 bevaka", "--limit", "50"});
  ASSERT_FALSE(near.empty());
  for (const auto& hit : near) {
    const std::string text = lowercase_text(hit);
    EXPECT_NE(text.find("bevaka och påverka"), std::string::npos) << text;
  }
}

TEST_F(CorpusTest, TitleAndSectionPhrasesMatch) {
  // Jönköping's policy is titled "Internationellt arbete - ...": Stockholm's riktlinjer (about
  // "internationella arbete") and the reversed words are not the phrase.
  const auto titled = search({"titel:\"internationellt arbete\"", "--limit", "100"});
  ASSERT_FALSE(titled.empty());
  for (const auto& hit : titled) EXPECT_EQ(hit["region"], "jonkoping") << hit["title"];
  EXPECT_TRUE(search({"titel:\"arbete internationellt\""}).empty());
  // The heading "De strategiska målen uppnås genom att:" and the clauses below it.
  const auto under = search({"avsnitt:\"strategiska målen\"", "--limit", "100"});
  ASSERT_GT(under.size(), 1u);
  for (const auto& hit : under) {
    const std::string where =
        hit["section"].get<std::string>() + " " + hit["text"].get<std::string>();
    EXPECT_NE(where.find("strategiska målen"), std::string::npos) << where;
  }
}

TEST_F(CorpusTest, SuspendedCompoundsAreExpanded) {
  auto hits = search({"hälsovård", "--limit", "50"});
  EXPECT_TRUE(any_text_contains(hits, "kvalitets- och vårdmodeller inom hälso- och sjukvård"));
  EXPECT_TRUE(any_text_contains(search({"kvalitetsmodeller"}), "kvalitets- och vårdmodeller"));
  for (const auto& hit : hits) {  // the displayed text is never changed
    EXPECT_EQ(hit["text"].get<std::string>().find("hälsovård"), std::string::npos);
  }
}

TEST_F(CorpusTest, SynonymsBridgeTheRenamingAndPlainWords) {
  EXPECT_TRUE(any_text_contains(search({"regionfullmäktige", "--limit", "50"}),
                                "Landstingsfullmäktige antog i juni 2003"));
  EXPECT_TRUE(any_text_contains(search({"politiker", "--limit", "50"}),
                                "förtroendevalda och medarbetare"));
  EXPECT_TRUE(any_text_contains(search({"EU-finansiering", "--limit", "50"}), "EU-medel"));
}

TEST_F(CorpusTest, ScrapedListingsAndViewerChromeAreNotClauses) {
  for (const auto& hit : search({"Ronneby", "--limit", "50"})) EXPECT_NE(hit["region"], "orebro");
  EXPECT_TRUE(search({"Uppsala", "--region", "orebro"}).empty());
  EXPECT_TRUE(search({"\"Ladda ner\""}).empty());
  EXPECT_TRUE(search({"\"Presentation laddar\""}).empty());
  EXPECT_TRUE(search({"Transkript"}).empty());
}

TEST_F(CorpusTest, TranscriptClausesCarryTheirSlideNumbers) {
  auto hits = search({"\"Mazovieregionen fasas ut\""});
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["slide"], 7);
  EXPECT_TRUE(hits[0]["page"].is_null());
}

TEST_F(CorpusTest, StopwordQueryAndZeroHitsExitZero) {
  CommandResult stop = run_klausul({"search", "och att", "--db", db()});
  EXPECT_EQ(stop.exit_code, 0);
  EXPECT_NE(stop.err.find("no searchable words"), std::string::npos);
  CommandResult punct = run_klausul({"search", "?!.,", "--db", db()});
  EXPECT_EQ(punct.exit_code, 0);
  EXPECT_TRUE(search({"xylofonorkester"}).empty());
}

TEST_F(CorpusTest, ShowPrintsMetadataAndClauses) {
  auto hits = search({"EU-medel", "--region", "jonkoping"});
  ASSERT_FALSE(hits.empty());
  CommandResult show = run_klausul({"show", hits[0]["document_id"], "--db", db()});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("region: Region Jönköpings län (jonkoping)"), std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("year: 2011"), std::string::npos);
  CommandResult missing = run_klausul({"show", "nosuchdocument", "--db", db()});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(Cli, BadFilesAreReportedAndTheRestIsIndexed) {
  TempDir dir;
  std::filesystem::create_directories(dir / "docs");
  std::ofstream(dir / "docs/x.pdf") << "PK\x03\x04 not really a pdf";
  std::ofstream(dir / "docs/empty.txt");
  std::ofstream(dir / "docs/good.txt") << "Landstinget i Jönköpings län ska delta i EU-projekt.\n";
  std::filesystem::copy_file(KLAUSUL_SOURCE_DIR "/tests/fixtures/truncated.pdf",
                             dir / "docs/truncated.pdf");
  CommandResult result = run_klausul({"ingest", dir / "docs", "--db", dir / "db"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("docs/x.pdf: not a PDF (starts with 'PK"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("docs/empty.txt: empty file"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("docs/truncated.pdf: damaged PDF"), std::string::npos) << result.err;
  auto hits = jsonl(run_klausul({"search", "EU-projekt", "--db", dir / "db", "--format", "jsonl"}).out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["region"], "jonkoping");
}

TEST(Cli, ReingestReplacesAChangedFile) {
  TempDir dir;
  std::filesystem::create_directories(dir / "docs");
  std::ofstream(dir / "docs/a.txt") << "Region Stockholm ska bevaka vänortssamarbeten.\n";
  ASSERT_EQ(run_klausul({"ingest", dir / "docs", "--db", dir / "db"}).exit_code, 0);
  std::ofstream(dir / "docs/a.txt") << "Region Stockholm ska utveckla benchmarking.\n";
  CommandResult again = run_klausul({"ingest", dir / "docs", "--db", dir / "db", "--force"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(jsonl(run_klausul({"search", "bevaka", "--db", dir / "db", "--format", "jsonl"}).out).empty());
  EXPECT_EQ(jsonl(run_klausul({"search", "benchmarking", "--db", dir / "db", "--format", "jsonl"}).out).size(), 1u);
}

TEST(Cli, MissingDatabaseIsExitFourAndSaysWhere) {
  TempDir dir;
  CommandResult result = run_klausul({"search", "EU", "--db", dir / "nothing-here"});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_NE(result.err.find(dir / "nothing-here"), std::string::npos) << result.err;
}

TEST(Cli, UsageErrorsAreExitTwo) {
  EXPECT_EQ(run_klausul({"search"}).exit_code, 2);
  EXPECT_EQ(run_klausul({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_klausul({"search", "EU", "--nonsense"}).exit_code, 2);
  TempDir dir;
  EXPECT_EQ(run_klausul({"search", "EU", "--db", dir.path(), "--region", "Atlantis"}).exit_code, 2);
}

TEST(Cli, EmptyFolderIsNotAnError) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  CommandResult result = run_klausul({"ingest", dir / "empty", "--db", dir / "db"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("no documents found"), std::string::npos);
}

TEST(Cli, DefaultDatabaseComesFromTheEnvironment) {
  TempDir dir;
  std::filesystem::create_directories(dir / "docs");
  std::ofstream(dir / "docs/a.txt") << "Örebro läns landsting ska delta i vänregionsutbyte.\n";
  const std::string env = "KLAUSUL_DB=" + shell_quote(dir / "envdb") + " ";
  std::string command = env + shell_quote(KLAUSUL_BINARY) + " ingest " +
                        shell_quote(dir / "docs") + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "envdb"));
}

}  // namespace
}  // namespace klausul::testing
