// End to end: the corpus split into three shards by region — one served by the real
// xapian-tcpsrv — searched through a stub made by `klausul shards`, against the same corpus
// in one index. Every reading command must answer the same.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/e2e/run_command.h"
#include "tests/e2e/xapian_tcpsrv.h"

namespace klausul::testing {
namespace {

const std::string kCorpus = KLAUSUL_SOURCE_DIR "/corpus/";
const std::string kStockholmText = kCorpus + "stockholm-riktlinjer-internationellt-arbete-2012.txt";
const std::string kStockholmPdf = kCorpus + "stockholm-riktlinjer-internationellt-arbete-2012.pdf";
const std::string kOrebro = kCorpus + "orebro-riktlinjer-internationellt-engagemang.txt";
const std::string kJonkoping = kCorpus + "jonkoping-policy-internationellt-arbete-2011.txt";

std::vector<nlohmann::json> jsonl(const std::string& text) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : lines_of(text)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

void write_stub_by_hand(const std::string& path, const std::string& line) {
  std::ofstream(path) << line << '\n';
}

// A hit as the set of places its text has (the shown clause and its folded copies): which
// copy represents the group may differ when copies score exactly the same (see below).
std::set<std::string> places(const nlohmann::json& hit) {
  std::set<std::string> ids{hit["clause_id"].get<std::string>()};
  if (hit.contains("duplicates")) {
    for (const auto& place : hit["duplicates"]) ids.insert(place["clause_id"].get<std::string>());
  }
  return ids;
}

// similar's candidates are the first N of each region in BM25 order: two exact copies of a
// clause (the guideline's text and PDF) tie there, and only one may make the cut. Which one
// is a tie break, so a similar hit is identified by its text.
std::set<std::string> text_of(const nlohmann::json& hit) {
  return {hit["text"].get<std::string>()};
}

using HitIdentity = std::set<std::string> (*)(const nlohmann::json&);

double score_key(const nlohmann::json& hit) {
  return std::round(hit["score"].get<double>() * 1e9) / 1e9;
}

// Scores must be equal one by one (Xapian combines BM25 statistics over shards, so they are
// the same as on one index) and so must the order, except among hits of exactly equal score:
// Xapian breaks such ties by document id, and shard document ids interleave (on one index
// too, ingest --jobs 2 writes files in the order they finish). Hits tied with the last one
// shown (overall for search, per region for similar) may therefore be other hits of that
// score altogether: the cut falls inside the tie.
void expect_same_hits(const std::vector<nlohmann::json>& one,
                      const std::vector<nlohmann::json>& sharded, const std::string& what,
                      HitIdentity identity = places, bool cut_per_region = false) {
  ASSERT_EQ(one.size(), sharded.size()) << what;
  ASSERT_FALSE(one.empty()) << what;
  std::map<std::string, double> cut;  // region ("" overall) -> lowest score shown
  for (const auto& hit : one) {
    const std::string region = cut_per_region ? hit["region"].get<std::string>() : "";
    cut[region] = cut.count(region) ? std::min(cut[region], score_key(hit)) : score_key(hit);
  }
  auto at_cut = [&](const nlohmann::json& hit) {
    return score_key(hit) == cut[cut_per_region ? hit["region"].get<std::string>() : ""];
  };
  std::map<std::pair<std::string, double>, std::multiset<std::set<std::string>>> tied_one,
      tied_sharded;
  for (size_t i = 0; i < one.size(); ++i) {
    const double score = one[i]["score"].get<double>();
    EXPECT_NEAR(score, sharded[i]["score"].get<double>(), 1e-9 * std::max(1.0, score))
        << what << " rank " << i + 1;
    if (!at_cut(one[i])) tied_one[{one[i]["region"], score_key(one[i])}].insert(identity(one[i]));
    if (!at_cut(sharded[i])) {
      tied_sharded[{sharded[i]["region"], score_key(sharded[i])}].insert(identity(sharded[i]));
    }
  }
  EXPECT_EQ(tied_one, tied_sharded) << what;
}

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    ingest({kCorpus}, single());  // the folder: its klausul.csv gives the metadata
    // Stockholm's guideline as text in one shard and as PDF in the (remote) Örebro shard:
    // the same clauses in two shards, which must fold into one hit.
    ingest({kStockholmText, kCorpus + "stockholm-internationella-funktionen-webb.txt",
            kCorpus + "stockholm-pa-vag-mot-nya-riktlinjer-slides.txt"},
           shard("stockholm"));
    ingest({kOrebro, kStockholmPdf}, shard("orebro"));
    ingest({kJonkoping}, shard("jonkoping"));
    server_ = new XapianTcpServer(shard("orebro"));
    ASSERT_NE(server_->port(), 0u) << "xapian-tcpsrv did not start (package xapian-tools)";
    CommandResult made = run_klausul(
        {"shards", stub(), shard("stockholm"), "tcp://" + server_->address(), shard("jonkoping")});
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }
  static void TearDownTestSuite() {
    delete server_;  // stops xapian-tcpsrv, also when a test failed
    server_ = nullptr;
    delete dir_;
  }
  static void ingest(std::vector<std::string> files, const std::string& db) {
    std::vector<std::string> args{"ingest"};
    args.insert(args.end(), files.begin(), files.end());
    args.insert(args.end(), {"--manifest", kCorpus + "klausul.csv", "--db", db, "--jobs", "2"});
    CommandResult r = run_klausul(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static std::string single() { return *dir_ / "single"; }
  static std::string shard(const std::string& region) { return *dir_ / ("shards/" + region); }
  static std::string stub() { return *dir_ / "all.stub"; }

  // The same command on the single index and on the stub: (single, sharded) stdout.
  static std::pair<std::string, std::string> both(std::vector<std::string> args) {
    std::vector<std::string> on_single = args;
    on_single.insert(on_single.end(), {"--db", single()});
    args.insert(args.end(), {"--db", stub()});
    CommandResult a = run_klausul(on_single);
    CommandResult b = run_klausul(args);
    EXPECT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(b.exit_code, 0) << b.err;
    return {a.out, b.out};
  }

  static TempDir* dir_;
  static XapianTcpServer* server_;
};
TempDir* ShardsTest::dir_ = nullptr;
XapianTcpServer* ShardsTest::server_ = nullptr;

TEST_F(ShardsTest, SearchGivesTheSameHitsAsOneIndex) {
  for (const char* query :
       {"EU", "bevaka och påverka", "internationellt arbete", "samverkan", "regionfullmäktige",
        "titel:riktlinjer", "\"internationella frågor\"", "EU-medel OR EU-finansiering"}) {
    auto [one, sharded] = both({"search", query, "--format", "jsonl", "--limit", "50"});
    expect_same_hits(jsonl(one), jsonl(sharded), std::string("search ") + query);
  }
  auto [one, sharded] = both({"search", "EU", "--region", "orebro", "--format", "jsonl"});
  expect_same_hits(jsonl(one), jsonl(sharded), "search EU --region orebro");
}

TEST_F(ShardsTest, DuplicateClauseInAnotherShardIsFolded) {
  CommandResult r = run_klausul({"search", "bevaka och påverka", "--region", "stockholm",
                                 "--format", "jsonl", "--db", stub()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool folded_across_shards = false;
  for (const auto& hit : jsonl(r.out)) {
    std::set<std::string> paths{hit["path"].get<std::string>()};
    if (hit.contains("duplicates")) {
      for (const auto& place : hit["duplicates"]) paths.insert(place["path"].get<std::string>());
    }
    // The text copy lives in the local Stockholm shard, the PDF in the remote Örebro shard.
    folded_across_shards |= paths.count(kStockholmText) && paths.count(kStockholmPdf);
  }
  EXPECT_TRUE(folded_across_shards) << r.out;
}

TEST_F(ShardsTest, SimilarGivesTheSameClausesAsOneIndex) {
  CommandResult seeds = run_klausul(
      {"search", "EU samverkan", "--format", "jsonl", "--limit", "6", "--db", single()});
  std::vector<std::string> ids;
  for (const auto& hit : jsonl(seeds.out)) ids.push_back(hit["clause_id"]);
  ASSERT_GE(ids.size(), 3u) << seeds.err;
  for (const std::string& id : ids) {
    auto [one, sharded] = both({"similar", "--clause", id, "--format", "jsonl"});
    expect_same_hits(jsonl(one), jsonl(sharded), "similar " + id, text_of, true);
  }
  auto [one, sharded] =
      both({"similar", "--text", "Landstinget ska bevaka EU:s policyområden", "--format", "jsonl"});
  expect_same_hits(jsonl(one), jsonl(sharded), "similar --text", text_of, true);
}

TEST_F(ShardsTest, TheStubHasItsOwnTermModelOverAllShards) {
  // Written by `shards` itself (the seeds are too small to learn from: an empty model that
  // says so), so similar through the stub never falls back to a shard's model.
  EXPECT_TRUE(std::filesystem::exists(stub() + ".terms.model"));
  EXPECT_FALSE(std::filesystem::exists(stub() + ".terms.model.log"));  // settled at once
}

TEST_F(ShardsTest, CoverageGivesTheSameVerdictsAsOneIndex) {
  auto [one, sharded] = both({"coverage", "--text", "Landstinget ska bevaka EU:s policyområden",
                              "--format", "jsonl"});
  const auto a = jsonl(one), b = jsonl(sharded);
  ASSERT_EQ(a.size(), 21u);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["region"], b[i]["region"]);
    EXPECT_EQ(a[i]["verdict"], b[i]["verdict"]) << a[i]["region"];
    EXPECT_EQ(a[i]["score"].is_null(), b[i]["score"].is_null()) << a[i]["region"];
    if (!a[i]["score"].is_null() && !b[i]["score"].is_null()) {
      EXPECT_NEAR(a[i]["score"].get<double>(), b[i]["score"].get<double>(), 1e-9);
    }
  }
}

TEST_F(ShardsTest, CompareListShowAndStatsAreTheSame) {
  auto [compared_one, compared_sharded] =
      both({"compare", kJonkoping, kOrebro, "--format", "jsonl"});
  EXPECT_FALSE(compared_one.empty());
  EXPECT_EQ(compared_one, compared_sharded);
  auto [listed_one, listed_sharded] = both({"list", "--format", "jsonl"});
  EXPECT_EQ(jsonl(listed_one).size(), 6u);
  EXPECT_EQ(listed_one, listed_sharded);
  auto [shown_one, shown_sharded] = both({"show", kStockholmPdf, "--format", "jsonl"});
  EXPECT_EQ(shown_one, shown_sharded);

  auto [stats_one, stats_sharded] = both({"stats"});
  // All but the lines about where the index is and how big its tables are (three folders,
  // one of them remote, against one).
  auto counts = [](const std::string& text) {
    std::vector<std::string> kept;
    for (const std::string& line : lines_of(text)) {
      const bool size_line = line.rfind("index size:", 0) == 0 ||
                             line.find("x the text)") != std::string::npos;
      if (line.rfind("index:", 0) != 0 && line.rfind("shards:", 0) != 0 && !size_line) {
        kept.push_back(line);
      }
    }
    return kept;
  };
  EXPECT_EQ(counts(stats_one), counts(stats_sharded));
  EXPECT_NE(stats_sharded.find("shards: 3\n"), std::string::npos) << stats_sharded;
  EXPECT_NE(stats_sharded.find("(local shards only)"), std::string::npos) << stats_sharded;
}

TEST_F(ShardsTest, ShardThatIsDownGivesExit4NamingItWithoutHanging) {
  std::string down_address;
  {
    XapianTcpServer jonkoping(shard("jonkoping"));
    ASSERT_NE(jonkoping.port(), 0u);
    down_address = jonkoping.address();
    CommandResult made =
        run_klausul({"shards", *dir_ / "down.stub", shard("stockholm"), "tcp://" + down_address});
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }  // the server stops here
  const auto start = std::chrono::steady_clock::now();
  CommandResult r = run_klausul({"search", "EU", "--db", *dir_ / "down.stub"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("klausul search: cannot open shard remote " + down_address, 0), 0u)
      << r.err;

  // A server that accepts but never answers: the reply timeout ends the wait.
  SilentServer silent;
  ASSERT_NE(silent.port(), 0u);
  write_stub_by_hand(*dir_ / "silent.stub", "remote 127.0.0.1:" + std::to_string(silent.port()));
  ::setenv("KLAUSUL_SHARD_TIMEOUT", "1", 1);
  const auto silent_start = std::chrono::steady_clock::now();
  CommandResult hung = run_klausul({"list", "--db", *dir_ / "silent.stub"});
  ::unsetenv("KLAUSUL_SHARD_TIMEOUT");
  EXPECT_LT(std::chrono::steady_clock::now() - silent_start, std::chrono::seconds(4));
  EXPECT_EQ(hung.exit_code, 4);
  EXPECT_NE(hung.err.find("cannot open shard remote 127.0.0.1:"), std::string::npos) << hung.err;
}

TEST_F(ShardsTest, WritingThroughTheStubIsRefused) {
  CommandResult ingest = run_klausul({"ingest", kJonkoping, "--db", stub()});
  EXPECT_EQ(ingest.exit_code, 2);
  EXPECT_NE(ingest.err.find("is a stub of 3 shards: ingest into"), std::string::npos) << ingest.err;
  CommandResult remove = run_klausul({"remove", kJonkoping, "--db", stub()});
  EXPECT_EQ(remove.exit_code, 2);
  EXPECT_NE(remove.err.find("is a stub of 3 shards"), std::string::npos) << remove.err;
}

TEST_F(ShardsTest, ShardsChecksEveryShardBeforeWriting) {
  const std::string stub_path = *dir_ / "bad.stub";
  CommandResult missing = run_klausul({"shards", stub_path, shard("stockholm"), shard("gone")});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_NE(missing.err.find("cannot open shard auto " + shard("gone")), std::string::npos)
      << missing.err;
  CommandResult dead = run_klausul(
      {"shards", stub_path, shard("stockholm"), "tcp://127.0.0.1:" + std::to_string(free_port())});
  EXPECT_EQ(dead.exit_code, 4) << dead.err;
  CommandResult malformed = run_klausul({"shards", stub_path, "tcp://127.0.0.1"});
  EXPECT_EQ(malformed.exit_code, 2) << malformed.err;
  EXPECT_FALSE(std::filesystem::exists(stub_path));
}

}  // namespace
}  // namespace klausul::testing

namespace klausul::testing {
namespace {

// Versions no longer in force stay out of search and similar when the versions and the
// documents naming them lie in different shards: through local shards (each shard leaves out
// its own clauses of them) and through a remote one (xapian-tcpsrv), as on one index.
TEST(ShardsVersions, HiddenVersionsStayOutThroughLocalAndRemoteShards) {
  TempDir dir;
  ::setenv("KLAUSUL_TODAY", "2024-05-01", 1);
  const std::string body =
      "Regionen ska minska sina utsläpp från tjänsteresor varje år.\n\n"
      "Resor kortare än femtio mil ska göras med tåg.\n\n";
  auto policy = [&](const std::string& date, const std::string& extra) {
    return "Resepolicy för Region Uppsala\n\nBeslutad av regionfullmäktige den " + date + "\n\n" +
           body + extra;
  };
  auto write = [](const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  };
  std::filesystem::create_directories(dir / "a");
  std::filesystem::create_directories(dir / "b");
  write(dir / "a/resepolicy-2015.txt",
        policy("3 mars 2015", "Flyg får väljas för resor till fjällen när tåget tar över en dag.\n"));
  write(dir / "a/klimatplan.txt",
        "Klimatplan för Region Uppsala\n\nBeslutad av regionfullmäktige den 1 april 2016\n\n"
        "Regionen ska ha en fossilfri fordonsflotta.\n");
  write(dir / "a/klausul.csv", "path,status,replaced_by\nklimatplan.txt,utgången,Klimatplan 2021\n");
  write(dir / "b/resepolicy-2019.txt",
        policy("5 juni 2019", "Videomöten ska väljas när det går.\n"));
  for (const char* shard : {"a", "b"}) {
    CommandResult r = run_klausul({"ingest", dir / shard, "--db", dir / (std::string(shard) + ".db"),
                                   "--learn", "no"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  XapianTcpServer server(dir / "a.db");
  ASSERT_NE(server.port(), 0u) << "xapian-tcpsrv did not start (package xapian-tools)";
  ASSERT_EQ(run_klausul({"shards", dir / "local.stub", dir / "a.db", dir / "b.db", "--learn", "no"})
                .exit_code,
            0);
  ASSERT_EQ(run_klausul({"shards", dir / "remote.stub", "tcp://" + server.address(), dir / "b.db",
                         "--learn", "no"})
                .exit_code,
            0);
  for (const std::string stub : {dir / "local.stub", dir / "remote.stub"}) {
    auto search = [&](const std::string& words, bool all_versions) {
      std::vector<std::string> args{"search", words, "--db", stub, "--format", "jsonl"};
      if (all_versions) args.push_back("--all-versions");
      CommandResult r = run_klausul(args);
      EXPECT_EQ(r.exit_code, 0) << r.err;
      return jsonl(r.out);
    };
    // A clause only the replaced policy has, and one of the expired plan.
    EXPECT_TRUE(search("flyg fjällen", false).empty()) << stub;
    EXPECT_TRUE(search("fossilfri fordonsflotta", false).empty()) << stub;
    const auto flights = search("flyg fjällen", true);
    ASSERT_EQ(flights.size(), 1u) << stub;
    EXPECT_EQ(flights[0]["status"], "ersatt") << stub;
    ASSERT_EQ(search("fossilfri fordonsflotta", true).size(), 1u) << stub;
    // A clause of both versions is the one in force.
    const auto trains = search("femtio mil tåg", false);
    ASSERT_EQ(trains.size(), 1u) << stub;
    EXPECT_EQ(trains[0]["path"], dir / "b/resepolicy-2019.txt") << stub;
    // similar answers from texts in force only.
    CommandResult similar = run_klausul({"similar", "--text",
                                         "Flyg får väljas för resor till fjällen.", "--db", stub,
                                         "--format", "jsonl"});
    ASSERT_EQ(similar.exit_code, 0) << similar.err;
    const auto similar_hits = jsonl(similar.out);
    EXPECT_FALSE(similar_hits.empty()) << stub;
    for (const auto& hit : similar_hits) {
      EXPECT_NE(hit["path"], dir / "a/resepolicy-2015.txt") << stub << similar.out;
      EXPECT_NE(hit["path"], dir / "a/klimatplan.txt") << stub << similar.out;
    }
  }
}

// The same file ingested into two shards (an archive split by hand, a re-import into the
// wrong folder) is still one file: `list` shows it once and `stats` counts it once.
TEST(ShardsOverlap, AFileInTwoShardsIsListedOnce) {
  TempDir dir;
  for (const char* shard : {"a", "b"}) {
    CommandResult r = run_klausul({"ingest", kOrebro, "--manifest", kCorpus + "klausul.csv",
                                   "--db", dir / shard, "--learn", "no"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  CommandResult other = run_klausul({"ingest", kJonkoping, "--manifest", kCorpus + "klausul.csv",
                                     "--db", dir / "b", "--learn", "no"});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  ASSERT_EQ(run_klausul({"shards", dir / "all.stub", dir / "a", dir / "b", "--learn", "no"})
                .exit_code,
            0);
  CommandResult list = run_klausul({"list", "--db", dir / "all.stub", "--format", "jsonl"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto documents = jsonl(list.out);
  ASSERT_EQ(documents.size(), 2u) << list.out;
  EXPECT_EQ(documents[0]["path"], kJonkoping);
  EXPECT_EQ(documents[1]["path"], kOrebro);
  CommandResult stats = run_klausul({"stats", "--db", dir / "all.stub"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("documents: 2\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("shards: 2\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("index size: "), std::string::npos) << stats.out;
}

}  // namespace
}  // namespace klausul::testing
