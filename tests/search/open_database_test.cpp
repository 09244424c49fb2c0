#include "search/open_database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "index/database.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/searcher.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

IngestedFile make_file(const std::string& id, const std::string& region,
                       const std::vector<std::string>& texts) {
  return testing::ingested_file(id, region, texts);
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Expects `call` to throw E whose message contains `needle`.
template <typename E, typename Call>
void expect_error(Call call, const std::string& needle) {
  try {
    call();
    ADD_FAILURE() << "no exception; expected one containing '" << needle << "'";
  } catch (const E& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

// Two shards of different regions; the same clause text is in both (a guideline quoted by
// another region), so duplicates must fold across shards.
class OpenDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Xapian::WritableDatabase a = open_for_writing(shard_a());
      IndexWriter writer(a);
      writer.replace_file(make_file("sth", "stockholm",
                                    {"Landstinget ska bevaka och påverka EU:s policyområden.",
                                     "Internationellt arbete ska följas upp varje år."}));
    }
    {
      Xapian::WritableDatabase b = open_for_writing(shard_b());
      IndexWriter writer(b);
      writer.replace_file(make_file("ore", "orebro",
                                    {"Regionen söker EU-medel för utvecklingsprojekt.",
                                     "Internationellt arbete ska följas upp varje år."}));
    }
  }
  std::string shard_a() const { return dir / "shards/stockholm"; }
  std::string shard_b() const { return dir / "shards/orebro"; }
  std::string stub() const { return dir / "all.stub"; }
  void make_two_shard_stub() const {
    make_stub(stub(), {parse_shard_argument(shard_a()), parse_shard_argument(shard_b())}, {});
  }
  testing::TempDir dir;
};

TEST_F(OpenDatabaseTest, OpensAnIndexFolder) {
  Xapian::Database db = open_for_reading(shard_a());
  EXPECT_EQ(load_clause(db, "sth:1").document.region, "stockholm");
}

TEST_F(OpenDatabaseTest, StubOfTwoLocalShardsIsSearchedAsOneIndex) {
  make_two_shard_stub();
  Xapian::Database db = open_for_reading(stub());
  // Clauses and records are found by their terms, whatever shard (and interleaved docid).
  EXPECT_EQ(load_clause(db, "sth:2").clause.text,
            "Internationellt arbete ska följas upp varje år.");
  EXPECT_EQ(load_clause(db, "ore:1").document.region, "orebro");
  ASSERT_TRUE(find_document_by_id(db, "ore").has_value());
  EXPECT_EQ(find_document_by_path(db, "/corpus/sth.txt")->id, "sth");
  EXPECT_EQ(list_documents(db).size(), 2u);

  SearchRequest request;
  request.query = "EU";
  SearchResult result = run_search(db, request, RegionTable::builtin());
  ASSERT_EQ(result.hits.size(), 2u);
  EXPECT_EQ(result.region_counts["stockholm"], 1u);
  EXPECT_EQ(result.region_counts["orebro"], 1u);
}

TEST_F(OpenDatabaseTest, RemoteShardsAreKnownByTheirPlaceInTheStub) {
  make_two_shard_stub();
  EXPECT_TRUE(remote_shards(open_for_reading(stub())).empty());
  // The second shard served by xapian-progsrv (a remote backend over a pipe, no port).
  write_text(dir / "mixed.stub",
             "auto " + shard_a() + "\nremote :xapian-progsrv " + shard_b() + "\n");
  const Xapian::Database mixed = open_for_reading(dir / "mixed.stub");
  EXPECT_EQ(remote_shards(mixed), (std::vector<bool>{false, true}));
  EXPECT_TRUE(has_remote_shard(mixed));
  EXPECT_FALSE(has_remote_shard(open_for_reading(shard_a())));
}

TEST_F(OpenDatabaseTest, SameClauseInTwoShardsIsOneHitWithTheOtherPlace) {
  make_two_shard_stub();
  Xapian::Database db = open_for_reading(stub());
  SearchRequest request;
  request.query = "följas upp";
  SearchResult result = run_search(db, request, RegionTable::builtin());
  ASSERT_EQ(result.hits.size(), 1u);
  ASSERT_EQ(result.hits[0].duplicates.size(), 1u);
  EXPECT_NE(result.hits[0].duplicates[0].clause_id, result.hits[0].clause.id);
}

TEST_F(OpenDatabaseTest, StubIsXapiansOwnFormatWithRelativePathsFromTheStubFolder) {
  make_two_shard_stub();
  // Xapian's own stub reader opens what we wrote.
  EXPECT_EQ(Xapian::Database(stub()).get_doccount(), open_for_reading(stub()).get_doccount());
  write_text(dir / "relative.stub", "# two shards\n\nauto shards/stockholm\nglass shards/orebro\n");
  EXPECT_EQ(list_documents(open_for_reading(dir / "relative.stub")).size(), 2u);
  EXPECT_FALSE(std::filesystem::exists(stub() + ".tmp-" + std::to_string(::getpid())));
}

TEST_F(OpenDatabaseTest, MissingShardIsNamed) {
  write_text(stub(), "auto " + shard_a() + "\nauto " + (dir / "shards/gone") + "\n");
  expect_error<IndexError>([&] { open_for_reading(stub()); },
                           "cannot open shard auto " + (dir / "shards/gone") + " listed in " +
                               stub() + ": no such folder");
}

TEST_F(OpenDatabaseTest, RemoteShardThatDoesNotAnswerFailsFastAndIsNamed) {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  write_text(stub(), "auto " + shard_a() + "\nremote 127.0.0.1:1\n");
  const auto start = std::chrono::steady_clock::now();
  expect_error<IndexError>(
      [&] {
        open_for_reading(stub(), RemoteTimeouts{1000, 1000});
      },
      "cannot open shard remote 127.0.0.1:1 listed in " + stub() + ": ");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST_F(OpenDatabaseTest, GarbageIsNeitherIndexNorStub) {
  write_text(dir / "notes.txt", "hello world\n");
  expect_error<IndexError>([&] { open_for_reading(dir / "notes.txt"); },
                           "is neither an index folder nor a stub file");
  write_text(dir / "binary", std::string("\x89PNG\0\x01\x02", 7));
  expect_error<IndexError>([&] { open_for_reading(dir / "binary"); }, "neither");
  write_text(dir / "empty.stub", "# nothing yet\n");
  expect_error<IndexError>([&] { open_for_reading(dir / "empty.stub"); }, "lists no shards");
  expect_error<IndexError>([&] { open_for_reading(dir / "nothing-here"); }, "no index at");
  write_text(dir / "bad-port.stub", "remote localhost:http\n");
  expect_error<IndexError>([&] { open_for_reading(dir / "bad-port.stub"); }, "HOST:PORT");
}

TEST_F(OpenDatabaseTest, StubListingItselfDoesNotLoop) {
  write_text(stub(), "auto " + stub() + "\n");
  expect_error<IndexError>([&] { open_for_reading(stub()); }, "nested too deep");
}

TEST_F(OpenDatabaseTest, StubRefusesWrites) {
  make_two_shard_stub();
  expect_error<UsageError>([&] { open_for_writing(stub()); },
                           stub() + " is a stub of 2 shards: ingest into");
  write_text(dir / "notes.txt", "hello world\n");
  expect_error<IndexError>([&] { open_for_writing(dir / "notes.txt"); }, "not an index folder");
}

TEST_F(OpenDatabaseTest, MakeStubChecksEveryShardAndWritesNothingOnFailure) {
  expect_error<IndexError>(
      [&] {
        make_stub(stub(),
                  {parse_shard_argument(shard_a()), parse_shard_argument(dir / "shards/gone")}, {});
      },
      "cannot open shard auto " + (dir / "shards/gone") + ": no such folder");
  EXPECT_FALSE(std::filesystem::exists(stub()));

  Xapian::WritableDatabase(dir / "other", Xapian::DB_CREATE_OR_OPEN).add_document({});
  expect_error<IndexError>([&] { make_stub(stub(), {parse_shard_argument(dir / "other")}, {}); },
                           "has no klausul documents");
  expect_error<UsageError>(
      [&] {
        make_stub(stub(), {parse_shard_argument(shard_a()), parse_shard_argument(shard_a() + "/")},
                  {});
      },
      "listed twice");
  expect_error<UsageError>([&] { make_stub(shard_a(), {parse_shard_argument(shard_b())}, {}); },
                           "is a folder");
  EXPECT_FALSE(std::filesystem::exists(stub()));

  const auto summaries =
      make_stub(stub(), {parse_shard_argument(shard_a()), parse_shard_argument(shard_b())}, {});
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].documents, 1u);
  EXPECT_EQ(summaries[0].clauses, 2u);
  const auto lines = read_stub(stub());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].line(), "auto " + shard_a());
}

TEST(ShardArgumentTest, TcpAddressesAndFolders) {
  ShardLocation remote = parse_shard_argument("tcp://search2.example.org:8201");
  EXPECT_EQ(remote.kind, ShardLocation::Kind::tcp);
  EXPECT_EQ(remote.line(), "remote search2.example.org:8201");
  expect_error<UsageError>([] { parse_shard_argument("tcp://search2.example.org"); },
                           "tcp://HOST:PORT");
  expect_error<UsageError>([] { parse_shard_argument("tcp://:8201"); }, "tcp://HOST:PORT");
  ShardLocation local = parse_shard_argument("shards/stockholm/");
  EXPECT_EQ(local.kind, ShardLocation::Kind::local);
  EXPECT_TRUE(std::filesystem::path(local.path).is_absolute());
  EXPECT_EQ(std::filesystem::path(local.path).filename(), "stockholm");
}

TEST(StubFileTest, LeadingColonIsAProgramNotALocalPort) {
  // Xapian 1.4 reads "remote :8201" as "run the program 8201", not as a TCP port.
  testing::TempDir dir;
  write_text(dir / "s", "remote :ssh host xapian-progsrv /srv/db\nremote 10.0.0.2:8201\n");
  const auto shards = read_stub(dir / "s");
  ASSERT_EQ(shards.size(), 2u);
  EXPECT_EQ(shards[0].kind, ShardLocation::Kind::program);
  EXPECT_EQ(shards[0].program, "ssh");
  EXPECT_EQ(shards[0].arguments, "host xapian-progsrv /srv/db");
  EXPECT_EQ(shards[1].host, "10.0.0.2");
  EXPECT_EQ(shards[1].port, 8201u);
}

TEST(RemoteTimeoutsTest, EnvironmentSetsBothInSeconds) {
  ::setenv("KLAUSUL_SHARD_TIMEOUT", "2.5", 1);
  RemoteTimeouts timeouts = remote_timeouts_from_environment();
  EXPECT_EQ(timeouts.connect_ms, 2500u);
  EXPECT_EQ(timeouts.reply_ms, 2500u);
  ::setenv("KLAUSUL_SHARD_TIMEOUT", "soon", 1);
  EXPECT_THROW(remote_timeouts_from_environment(), UsageError);
  ::unsetenv("KLAUSUL_SHARD_TIMEOUT");
  EXPECT_EQ(remote_timeouts_from_environment().connect_ms, RemoteTimeouts{}.connect_ms);
}

}  // namespace
}  // namespace klausul
