// End to end: three versions of one policy (a 2005 PDF, a 2012 DOCX, a 2016 web page),
// generated here with LibreOffice, ingested by the real binary: statuses, the chain, default
// folding, --all-versions, and compare's change labels and word diff in every format.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kReader = KLAUSUL_SOURCE_DIR "/tests/e2e/read_export.py";

const char* const kKept = "Landstinget ska bevaka och påverka de policyområden inom EU som är "
                          "relevanta för verksamheten.";
const char* const kOldNetworks = "Landstinget ska delta i internationella nätverk när det gynnar "
                                 "verksamheten.";
const char* const kNewNetworks = "Landstinget ska delta aktivt i internationella nätverk och "
                                 "projekt när det gynnar verksamheten och länet.";
const char* const kRemoved = "Varje förvaltning ska utse en kontaktperson för vänortssamarbeten "
                             "kring Östersjön.";
const char* const kFollowUp = "Det internationella arbetet ska följas upp årligen i "
                              "verksamhetsberättelsen.";
const char* const kAdded = "Landstinget ska söka extern finansiering för utvecklingsprojekt "
                           "inom hälso- och sjukvården.";

std::string page(const std::string& head, const std::vector<std::string>& clauses) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
                     "<title>Riktlinjer för internationellt arbete</title></head><body>\n"
                     "<h1>Riktlinjer för internationellt arbete</h1>\n" + head;
  html += "<h2>Inriktning</h2>\n";
  for (const std::string& clause : clauses) html += "<p>" + clause + "</p>\n";
  return html + "</body></html>\n";
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// LibreOffice converts `html` to `target` ("pdf:writer_pdf_Export", "docx:MS Word 2007 XML").
bool convert(const TempDir& dir, const std::string& html, const std::string& target,
             const std::string& output) {
  const std::string outdir = dir / "out";
  fs::remove_all(outdir);
  const std::string command =
      "soffice -env:UserInstallation=file://" + dir / "profile" +
      " --headless --norestore --infilter='HTML (StarWriter)' --convert-to " + shell_quote(target) +
      " --outdir " + shell_quote(outdir) + " " + shell_quote(html) + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) return false;
  for (const auto& entry : fs::directory_iterator(outdir)) {
    fs::rename(entry.path(), output);
    return fs::file_size(output) > 0;
  }
  return false;
}

std::vector<json> jsonl(const std::string& text) {
  std::vector<json> objects;
  for (const std::string& line : lines_of(text)) objects.push_back(json::parse(line));
  return objects;
}

// The PDF and DOCX versions, made by LibreOffice once per build folder (each test of the suite
// runs in its own process; converting takes seconds) and copied into dir/archive. Change the
// folder name when the texts above change.
bool office_versions(const TempDir& dir) {
  const fs::path cache = fs::path(KLAUSUL_BINARY).parent_path() / "test-fixtures" / "versions-1";
  const char* const kFiles[] = {"riktlinjer-2005.pdf", "riktlinjer-2012.docx"};
  std::error_code error;
  if (!fs::exists(cache / kFiles[0]) || !fs::exists(cache / kFiles[1])) {
    if (!convert(dir, dir / "v1.html", "pdf:writer_pdf_Export", dir / kFiles[0]) ||
        !convert(dir, dir / "v2.html", "docx:MS Word 2007 XML", dir / kFiles[1])) {
      return false;
    }
    // Made aside and renamed into place: a test running at the same time sees all or nothing.
    const fs::path fresh = cache.string() + "." + std::to_string(::getpid());
    fs::create_directories(fresh, error);
    for (const char* file : kFiles) fs::copy_file(dir / file, fresh / file, error);
    fs::rename(fresh, cache, error);
    if (error) fs::remove_all(fresh, error);
  }
  for (const char* file : kFiles) {
    if (!fs::copy_file(cache / file, fs::path(dir / "archive") / file, error)) return false;
  }
  return true;
}

class VersionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ::setenv("KLAUSUL_TODAY", "2024-05-01", 1);
    dir_ = new TempDir;
    const TempDir& dir = *dir_;
    fs::create_directories(dir / "archive");
    write(dir / "v1.html",
          page("<p>Stockholms läns landsting</p>\n<p>Dnr LS 0510-1724</p>\n"
               "<p>Beslutad av landstingsfullmäktige den 8 mars 2005</p>\n",
               {kKept, kOldNetworks, kRemoved, kFollowUp}));
    write(dir / "v2.html",
          page("<p>Stockholms läns landsting</p>\n<p>Dnr LS 1103-0413</p>\n"
               "<p>Beslutad av landstingsfullmäktige den 13 november 2012</p>\n"
               "<p>Dessa riktlinjer ersätter riktlinjerna från 2005, LS 0510-1724.</p>\n",
               {kKept, kNewNetworks, kFollowUp, kAdded}));
    write(dir / "archive/riktlinjer-2016.html",
          page("<p>Stockholms läns landsting</p>\n<p>Dnr LS 1604-0611</p>\n"
               "<p>Beslutad av landstingsfullmäktige den 7 juni 2016</p>\n"
               "<p>Riktlinjerna ersätter riktlinjer för internationellt arbete, LS 1103-0413. "
               "Riktlinjerna gäller från och med den 1 juli 2016 och gäller tills vidare.</p>\n",
               {kKept, kNewNetworks, kFollowUp, kAdded}));
    generated_ = office_versions(dir);
    if (!generated_) return;
    ingest_ = new CommandResult(run_klausul({"ingest", dir / "archive", "--db", db()}));
  }
  static void TearDownTestSuite() {
    delete ingest_;
    delete dir_;
    ingest_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(generated_) << "LibreOffice (soffice) could not make the PDF/DOCX fixtures";
    ASSERT_EQ(ingest_->exit_code, 0) << ingest_->err;
  }
  static std::string db() { return *dir_ / "db"; }
  static std::string v1() { return *dir_ / "archive/riktlinjer-2005.pdf"; }
  static std::string v2() { return *dir_ / "archive/riktlinjer-2012.docx"; }
  static std::string v3() { return *dir_ / "archive/riktlinjer-2016.html"; }
  static std::string file(const std::string& name) { return *dir_ / name; }

  static CommandResult klausul(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db()});
    CommandResult result = run_klausul(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }
  static std::vector<json> search(const std::vector<std::string>& words, bool all_versions = false) {
    std::vector<std::string> args = {"search"};
    args.insert(args.end(), words.begin(), words.end());
    args.insert(args.end(), {"--format", "jsonl"});
    if (all_versions) args.push_back("--all-versions");
    return jsonl(klausul(args).out);
  }
  static std::string id_of(const std::string& path) {
    return json::parse(lines_of(klausul({"show", path, "--format", "jsonl"}).out).at(0))["document_id"];
  }
  static json document(const std::string& path) {
    return json::parse(lines_of(klausul({"show", path, "--format", "jsonl"}).out).at(0));
  }

  static TempDir* dir_;
  static CommandResult* ingest_;
  static bool generated_;
};

TempDir* VersionsTest::dir_ = nullptr;
CommandResult* VersionsTest::ingest_ = nullptr;
bool VersionsTest::generated_ = false;

TEST_F(VersionsTest, ValidityFactsAreReadFromEachFormat) {
  const json first = document(v1());
  EXPECT_EQ(first["validity"]["decided"]["value"], "2005-03-08");
  EXPECT_EQ(first["validity"]["decided_by"]["value"], "landstingsfullmäktige");
  const json second = document(v2());
  ASSERT_TRUE(second["validity"].contains("replaces")) << second.dump();
  EXPECT_EQ(second["validity"]["replaces"][0]["value"], "LS 0510-1724");
  EXPECT_GT(second["validity"]["replaces"][0]["clause"].get<int>(), 0);
  const json third = document(v3());
  EXPECT_EQ(third["validity"]["valid_from"]["value"], "2016-07-01");
  EXPECT_EQ(third["validity"]["valid_to"]["value"], "tills vidare");
}

TEST_F(VersionsTest, StatusesAndTheChain) {
  EXPECT_EQ(document(v1())["status"], "ersatt");
  EXPECT_EQ(document(v2())["status"], "ersatt");
  EXPECT_EQ(document(v3())["status"], "gällande");
  EXPECT_NE(document(v1())["status_reason"].get<std::string>().find("LS 0510-1724"), std::string::npos);

  const std::vector<json> chain = jsonl(klausul({"versions", v2(), "--format", "jsonl"}).out);
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0]["path"], v1());
  EXPECT_EQ(chain[1]["path"], v2());
  EXPECT_EQ(chain[2]["path"], v3());
  EXPECT_EQ(chain[0]["status"], "ersatt");
  EXPECT_EQ(chain[2]["status"], "gällande");

  const std::string text = klausul({"versions", v1()}).out;
  EXPECT_NE(text.find("2005-03-08  ersatt"), std::string::npos) << text;
  EXPECT_NE(text.find("2016-06-07  gällande"), std::string::npos) << text;
  EXPECT_NE(text.find("3 versioner"), std::string::npos) << text;
  const std::string shown = klausul({"show", v1()}).out;
  EXPECT_NE(shown.find("status: ersatt"), std::string::npos) << shown;
  EXPECT_NE(shown.find("skäl: ersatt av"), std::string::npos) << shown;
}

TEST_F(VersionsTest, SearchShowsTheTextInForceWithOlderVersionsFolded) {
  const std::vector<json> hits = search({"bevaka", "policyområden"});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["path"], v3());
  EXPECT_EQ(hits[0]["status"], "gällande");
  ASSERT_EQ(hits[0]["older_versions"].size(), 2u) << hits[0].dump();
  EXPECT_EQ(hits[0]["older_versions"][0]["status"], "ersatt");

  const std::vector<json> all = search({"bevaka", "policyområden"}, true);
  EXPECT_EQ(all.size(), 1u) << "copies are still collapsed";
  const std::vector<json> all_copies = search({"bevaka", "policyområden", "--all-copies"}, true);
  EXPECT_EQ(all_copies.size(), 3u);
}

TEST_F(VersionsTest, ARemovedClauseIsFoundOnlyWithAllVersions) {
  EXPECT_TRUE(search({"kontaktperson", "vänortssamarbeten"}).empty());
  const std::vector<json> all = search({"kontaktperson", "vänortssamarbeten"}, true);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["path"], v1());
  EXPECT_EQ(all[0]["status"], "ersatt");
  EXPECT_NE(all[0]["status_reason"].get<std::string>().find("ersatt av"), std::string::npos);
}

TEST_F(VersionsTest, ExportsHaveAStatusColumn) {
  klausul({"search", "internationella", "nätverk", "--format", "csv", "--output", file("s.csv")});
  std::ifstream in(file("s.csv"));
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_NE(header.find(",status,"), std::string::npos) << header;
  EXPECT_NE(row.find(",gällande,"), std::string::npos) << row;
}

TEST_F(VersionsTest, CompareLabelsChangesWithAWordDiff) {
  const std::vector<json> rows = jsonl(klausul({"compare", v1(), v2(), "--format", "jsonl"}).out);
  // The change of the pair holding `text` on side a (or b when a is empty).
  auto change_of = [&rows](const std::string& text) -> std::string {
    for (const json& row : rows) {
      if (row["a_text"] == text || (row["a_text"].is_null() && row["b_text"] == text)) {
        return row["change"];
      }
    }
    return "(not found)";
  };
  EXPECT_EQ(change_of(kKept), "oförändrad");
  EXPECT_EQ(change_of(kFollowUp), "oförändrad");
  EXPECT_EQ(change_of(kOldNetworks), "ändrad");
  EXPECT_EQ(change_of(kRemoved), "borttagen");
  EXPECT_EQ(change_of(kAdded), "ny");
  json changed;
  for (const json& row : rows) {
    if (row["a_text"] == kOldNetworks) changed = row;
  }
  EXPECT_EQ(changed["b_text"], kNewNetworks);
  ASSERT_TRUE(changed.contains("diff"));
  std::string removed, added;
  for (const json& piece : changed["diff"]) {
    if (piece["op"] == "removed") removed += piece["text"].get<std::string>() + " ";
    if (piece["op"] == "added") added += piece["text"].get<std::string>() + " ";
  }
  EXPECT_NE(added.find("aktivt"), std::string::npos) << changed.dump();
  EXPECT_NE(added.find("projekt"), std::string::npos) << changed.dump();
  EXPECT_NE(removed.find("verksamheten."), std::string::npos) << changed.dump();

  const std::string text = klausul({"compare", v1(), v2()}).out;
  EXPECT_NE(text.find("ändringar: Landstinget ska delta {+aktivt+}"), std::string::npos) << text;
  EXPECT_NE(text.find("(borttagen)"), std::string::npos) << text;
  EXPECT_NE(text.find("(ny)"), std::string::npos) << text;
  const std::string html = klausul({"compare", v1(), v2(), "--format", "html"}).out;
  EXPECT_NE(html.find("<ins>aktivt</ins>"), std::string::npos);
  EXPECT_NE(html.find("<del>"), std::string::npos);
  const std::string md = klausul({"compare", v1(), v2(), "--format", "md"}).out;
  EXPECT_NE(md.find("**aktivt**"), std::string::npos);
  EXPECT_NE(md.find("| ändrad |"), std::string::npos);

  klausul({"compare", v1(), v2(), "--format", "xlsx", "--output", file("c.xlsx")});
  const std::string command = "/usr/bin/python3 " + shell_quote(kReader) + " " +
                              shell_quote(file("c.xlsx")) + " > " + shell_quote(file("c.jsonl"));
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(file("c.jsonl"));
  std::stringstream xlsx;
  xlsx << in.rdbuf();
  bool diff_cell = false;
  for (const json& row : jsonl(xlsx.str())) {
    if (row["a_text"] != kOldNetworks) continue;
    EXPECT_EQ(row["change"], "ändrad");
    const std::string diff = row["diff"].get<std::string>();
    diff_cell = diff.find("aktivt") != std::string::npos;
  }
  EXPECT_TRUE(diff_cell) << xlsx.str();
}

// Rule 1c: the same title, a later decision, most clauses aligned by compare, and no sentence
// naming the older one: still one chain. A manifest line forces another document's status.
TEST(SeriesVersions, ATitleSeriesIsAChainAndTheManifestCanSayOtherwise) {
  TempDir dir;
  ::setenv("KLAUSUL_TODAY", "2024-05-01", 1);
  const std::string body =
      "Regionen ska minska sina utsläpp från tjänsteresor varje år.\n\n"
      "Resor kortare än femtio mil ska göras med tåg.\n\n"
      "Varje förvaltning ska redovisa sina resor i årsredovisningen.\n\n";
  auto policy = [&](const std::string& date, const std::string& extra) {
    return "Resepolicy för Region Uppsala\n\nBeslutad av regionfullmäktige den " + date + "\n\n" +
           body + extra;
  };
  fs::create_directories(dir / "archive");
  write(dir / "archive/resepolicy-2015.txt", policy("3 mars 2015", ""));
  write(dir / "archive/resepolicy-2019.txt",
        policy("5 juni 2019", "Videomöten ska väljas när det går.\n"));
  write(dir / "archive/klimatplan.txt",
        "Klimatplan för Region Uppsala\n\nBeslutad av regionfullmäktige den 1 april 2016\n\n"
        "Regionen ska ha en fossilfri fordonsflotta.\n");
  write(dir / "archive/klausul.csv",
        "path,status,replaced_by\nklimatplan.txt,utgången,Klimatplan 2021\n");
  const std::string db = dir / "db";
  const CommandResult ingest = run_klausul({"ingest", dir / "archive", "--db", db});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  auto status_of = [&](const std::string& name) {
    const CommandResult shown = run_klausul({"show", dir / ("archive/" + name), "--db", db, "--format", "jsonl"});
    return json::parse(lines_of(shown.out).at(0));
  };
  EXPECT_EQ(status_of("resepolicy-2015.txt")["status"], "ersatt");
  EXPECT_NE(status_of("resepolicy-2015.txt")["status_reason"].get<std::string>().find("samma titelserie"),
            std::string::npos);
  EXPECT_EQ(status_of("resepolicy-2019.txt")["status"], "gällande");
  const json plan = status_of("klimatplan.txt");
  EXPECT_EQ(plan["status"], "utgången");
  EXPECT_NE(plan["status_reason"].get<std::string>().find("klausul.csv rad 2"), std::string::npos)
      << plan.dump();
  const std::vector<json> chain = jsonl(run_klausul({"versions", dir / "archive/resepolicy-2019.txt",
                                                     "--db", db, "--format", "jsonl"}).out);
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0]["path"], dir / "archive/resepolicy-2015.txt");
}

// The seed corpus: the 2012 Stockholm guidelines say they replace LS 0510-1724.
TEST(SeedVersions, Stockholm2012ReplacesLs05101724) {
  TempDir dir;
  const std::string db = dir / "db";
  ASSERT_EQ(run_klausul({"ingest", KLAUSUL_SOURCE_DIR "/corpus", "--db", db}).exit_code, 0);
  for (const char* name : {"stockholm-riktlinjer-internationellt-arbete-2012.txt",
                           "stockholm-riktlinjer-internationellt-arbete-2012.pdf"}) {
    const CommandResult shown = run_klausul(
        {"show", std::string(KLAUSUL_SOURCE_DIR "/corpus/") + name, "--db", db, "--format", "jsonl"});
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    const json info = json::parse(lines_of(shown.out).at(0));
    ASSERT_TRUE(info["validity"].contains("replaces")) << name << ": " << info.dump();
    EXPECT_EQ(info["validity"]["replaces"][0]["value"], "LS 0510-1724") << name;
    EXPECT_EQ(info["validity"]["diarienummer"]["value"], "LS 1103-0413") << name;
    EXPECT_NE(info["status"], "ersatt") << name;
    EXPECT_NE(info["status"], "utgången") << name;
    const std::string text = run_klausul({"show", std::string(KLAUSUL_SOURCE_DIR "/corpus/") + name, "--db", db}).out;
    EXPECT_NE(text.find("ersätter: LS 0510-1724"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace klausul::testing
