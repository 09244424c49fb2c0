// End to end: the real `klausul serve` on the real corpus, through HTTP.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "tests/e2e/run_command.h"
#include "tests/e2e/serve_process.h"

namespace klausul::testing {
namespace {

const std::string kScript = "<script>alert(1)</script>";

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    CommandResult ingest = run_klausul({"ingest", KLAUSUL_SOURCE_DIR "/corpus", "--db", db()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    server_ = new ServeProcess({"--port", "0", "--db", db()});
    ASSERT_FALSE(server_->url().empty()) << server_->log();
  }
  static void TearDownTestSuite() {
    delete server_;  // SIGTERM and wait: no process outlives the suite
    server_ = nullptr;
    delete dir_;
  }
  static std::string db() { return *dir_ / "db"; }

  // "http://127.0.0.1:PORT/" -> a client of that host and port.
  static httplib::Client client() {
    const std::string url = server_->url();
    const size_t colon = url.rfind(':');
    const std::string host = url.substr(7, colon - 7);
    const int port = std::stoi(url.substr(colon + 1));
    return httplib::Client(host, port);
  }
  static httplib::Result get(const std::string& path) { return client().Get(path); }
  static nlohmann::json get_json(const std::string& path, int expected_status = 200) {
    auto res = get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    return nlohmann::json::parse(res->body);
  }
  static std::string clause_id(const std::string& words, const std::string& region) {
    auto body = get_json("/api/search?q=" + httplib::detail::encode_query_param(words) +
                         "&region=" + region + "&limit=1");
    return body["hits"].empty() ? "" : body["hits"][0]["clause_id"].get<std::string>();
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* ServeTest::dir_ = nullptr;
ServeProcess* ServeTest::server_ = nullptr;

TEST_F(ServeTest, BindsToLoopbackByDefaultAndPrintsTheUrl) {
  EXPECT_EQ(server_->url().rfind("http://127.0.0.1:", 0), 0u) << server_->url();
}

TEST_F(ServeTest, SearchReturnsClausesWithTheCliFields) {
  auto body = get_json("/api/search?q=bevaka+och+p%C3%A5verka+EU");
  ASSERT_FALSE(body["hits"].empty());
  const auto& hit = body["hits"][0];
  for (const char* key : {"rank", "score", "clause_id", "document_id", "region", "region_name",
                          "organisation", "title", "doc_type", "year", "section", "page",
                          "slide", "text", "path", "snippet", "snippet_parts"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_NE(hit["text"].get<std::string>().find("bevaka och påverka EU"), std::string::npos);
  bool marked = false;
  for (const auto& part : hit["snippet_parts"]) marked = marked || part["mark"].get<bool>();
  EXPECT_TRUE(marked);
  EXPECT_GT(body["total"].get<int>(), 0);
  ASSERT_FALSE(body["region_counts"].empty());
  EXPECT_TRUE(body["region_counts"][0].contains("region_name"));
}

TEST_F(ServeTest, RegionFilterAndPaging) {
  auto body = get_json("/api/search?q=internationellt&region=%C3%96rebro&limit=3");
  ASSERT_FALSE(body["hits"].empty());
  for (const auto& hit : body["hits"]) EXPECT_EQ(hit["region"], "orebro");
  ASSERT_EQ(body["region_counts"].size(), 1u);
  EXPECT_EQ(body["region_counts"][0]["region"], "orebro");
  auto next = get_json("/api/search?q=internationellt&region=orebro&limit=3&offset=3");
  ASSERT_FALSE(next["hits"].empty());
  EXPECT_NE(next["hits"][0]["clause_id"], body["hits"][0]["clause_id"]);
}

TEST_F(ServeTest, BadParametersAre400AndUnknownIdsAre404) {
  EXPECT_TRUE(get_json("/api/search", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/search?q=eu&limit=100000", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/search?q=eu&region=atlantis", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/search?q=eu&year=tjugo", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/similar?clause=x:1&per_region=500", 400).contains("error"));
  EXPECT_TRUE(get_json("/api/similar?clause=nosuch:1", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/compare?a=nosuch&b=other", 404).contains("error"));
  EXPECT_TRUE(get_json("/api/export?kind=search&format=exe&q=eu", 400).contains("error"));
}

TEST_F(ServeTest, SimilarFindsClausesOfOtherRegions) {
  const std::string id = clause_id("är en ambassadör för landstinget", "stockholm");
  ASSERT_FALSE(id.empty());
  auto body = get_json("/api/similar?clause=" + id + "&per_region=2");
  EXPECT_EQ(body["query"]["clause_id"], id);
  ASSERT_FALSE(body["hits"].empty());
  std::set<std::string> regions;
  for (const auto& hit : body["hits"]) {
    EXPECT_NE(hit["region"], "stockholm");
    EXPECT_EQ(hit["query_region"], "stockholm");
    EXPECT_LE(hit["rank"].get<int>(), 2);
    EXPECT_TRUE(hit.contains("matched_terms"));
    regions.insert(hit["region"]);
  }
  EXPECT_TRUE(regions.count("orebro"));
}

TEST_F(ServeTest, CompareAlignsTwoDocumentsFromTheList) {
  auto documents = get_json("/api/documents")["documents"];
  std::string a, b;
  for (const auto& d : documents) {
    const std::string path = d["path"];
    if (path.find("jonkoping-policy") != std::string::npos) a = d["document_id"];
    if (path.find("orebro-riktlinjer") != std::string::npos) b = d["document_id"];
    EXPECT_TRUE(d.contains("clauses") && d.contains("region_name") && d.contains("format"));
  }
  ASSERT_FALSE(a.empty() || b.empty());
  auto body = get_json("/api/compare?a=" + a + "&b=" + b);
  int matched = 0, only_a = 0, only_b = 0;
  for (const auto& row : body["rows"]) {
    matched += row["status"] == "matched";
    only_a += row["status"] == "only_a";
    only_b += row["status"] == "only_b";
    if (row["status"] == "only_b") {
      EXPECT_TRUE(row["a_clause_id"].is_null());
    }
  }
  EXPECT_GT(matched, 0);
  EXPECT_GT(only_a + only_b, 0);
  EXPECT_EQ(body["summary"], std::to_string(matched) + " matchade, " + std::to_string(only_a) +
                                 " bara i A, " + std::to_string(only_b) + " bara i B");
}

TEST_F(ServeTest, ExportsAreDownloadsWithTheCliColumns) {
  auto csv = get("/api/export?kind=search&format=csv&q=bevaka+EU&region=stockholm");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"klausul-sok.csv\"");
  EXPECT_EQ(csv->body.rfind("\xEF\xBB\xBFrank,region_name,organisation,title,", 0), 0u) << csv->body;
  EXPECT_GE(lines_of(csv->body).size(), 2u);
  EXPECT_NE(csv->body.find("Region Stockholm"), std::string::npos);

  auto xlsx = get("/api/export?kind=search&format=xlsx&q=bevaka+EU");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx->body.rfind("PK", 0), 0u);  // a ZIP package

  const std::string id = clause_id("är en ambassadör för landstinget", "stockholm");
  auto similar = get("/api/export?kind=similar&format=jsonl&clause=" + id);
  ASSERT_TRUE(similar);
  EXPECT_EQ(similar->status, 200);
  EXPECT_NE(similar->body.find("\"query_region\":\"stockholm\""), std::string::npos);
}

TEST_F(ServeTest, QueryMarkupIsEscapedInEveryHtmlAndJsonResponse) {
  const std::string q = httplib::detail::encode_query_param(kScript);
  for (const std::string& path :
       {"/api/search?q=" + q, "/api/search?q=eu&region=" + q, "/api/search?q=eu&year=" + q,
        "/api/similar?text=" + q, "/api/similar?clause=" + q,
        "/api/export?kind=search&format=html&q=" + q,
        "/api/export?kind=search&format=md&q=" + q,
        "/api/export?kind=similar&format=html&text=" + q + "+internationellt+arbete",
        "/api/export?kind=search&format=" + q, "/" + q, "/?q=" + q}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->body.find("<script>alert"), std::string::npos) << path << "\n" << res->body;
    const std::string type = res->get_header_value("Content-Type");
    if (type.rfind("application/json", 0) == 0) {
      EXPECT_EQ(res->body.find('<'), std::string::npos) << path;
    }
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
  auto html = get("/api/export?kind=search&format=html&q=" + q);
  EXPECT_NE(html->body.find("&lt;script&gt;"), std::string::npos) << html->body;
}

TEST_F(ServeTest, ThePageAndItsAssetsAreEmbeddedWithSecurityHeaders) {
  auto page = get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("Liknande formuleringar i andra regioner"), std::string::npos);
  EXPECT_NE(page->body.find("Jämför dokument"), std::string::npos);
  EXPECT_EQ(page->get_header_value("Content-Security-Policy").rfind("default-src 'self'", 0), 0u);
  EXPECT_EQ(get("/app.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/app.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(get("/app.js")->body.find("innerHTML"), std::string::npos);
}

TEST_F(ServeTest, NoFileOutsideTheAssetsIsServed) {
  for (const char* path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/../CMakeLists.txt",
        "/CMakeLists.txt", "/tools/klausul/web/assets/app.js", "/index.html", "/api/",
        "/appxcss", "/etc/passwd"}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(ServeTest, WritingMethodsAreRefused) {
  httplib::Client c = client();
  for (const char* path : {"/", "/api/search", "/api/import", "/api/remove"}) {
    auto post = c.Post(path, "path=/etc", "application/x-www-form-urlencoded");
    ASSERT_TRUE(post);
    EXPECT_TRUE(post->status == 405 || post->status == 404) << path << " " << post->status;
    auto put = c.Put(path, "x", "text/plain");
    ASSERT_TRUE(put);
    EXPECT_TRUE(put->status == 405 || put->status == 404) << path;
    auto del = c.Delete(path);
    ASSERT_TRUE(del);
    EXPECT_TRUE(del->status == 405 || del->status == 404) << path;
  }
  auto big = c.Post("/api/search", std::string(1 << 20, 'x'), "text/plain");  // bounded body
  EXPECT_TRUE(!big || big->status == 413 || big->status == 405);
}

// The id of the indexed document whose list entry has `format`.
std::string document_of_format(const nlohmann::json& documents, const std::string& format) {
  for (const auto& d : documents["documents"]) {
    if (d["format"] == format) return d["document_id"];
  }
  return "";
}

TEST_F(ServeTest, CoverageAnswersEveryRegionWithAWrittenVerdict) {
  auto body = get_json("/api/coverage?text=" + httplib::detail::encode_query_param(
                           "Landstinget ska bevaka och påverka de policyområden inom EU."));
  ASSERT_EQ(body["rows"].size(), 21u);
  int without = 0;
  for (const auto& row : body["rows"]) {
    EXPECT_FALSE(row["verdict_label"].get<std::string>().empty());
    if (row["verdict"] == "inga_dokument") ++without;
    if (row["region"] == "stockholm") {
      EXPECT_EQ(row["verdict"], "motsvarighet");
      ASSERT_FALSE(row["clauses"].empty());
      EXPECT_TRUE(row["clauses"][0].contains("clause_id"));
    }
  }
  EXPECT_EQ(without, 18);
  EXPECT_GT(body["thresholds"]["motsvarighet"].get<double>(),
            body["thresholds"]["narliggande"].get<double>());
  EXPECT_NE(body["summary"].get<std::string>().find("inga dokument 18"), std::string::npos);
  auto csv = get("/api/export?kind=coverage&format=csv&per_region=1&text=" +
                 httplib::detail::encode_query_param("Landstinget ska bevaka EU."));
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("klausul-tackning.csv"),
            std::string::npos);
  EXPECT_GE(lines_of(csv->body).size(), 22u);  // header + 21 regions (+ extra clauses)
  EXPECT_NE(csv->body.find("region_name,verdict,rank,score"), std::string::npos);
  get_json("/api/coverage?clause=nosuch:1", 404);
  get_json("/api/coverage", 400);
  get_json("/api/coverage?text=x&clause=y", 400);
}

TEST_F(ServeTest, AClauseInContextNamesItsDocumentAndOpensThePdfAtItsPage) {
  const std::string pdf = document_of_format(get_json("/api/documents"), "pdf");
  ASSERT_FALSE(pdf.empty());
  auto body = get_json("/api/clause?id=" + pdf + ":12&context=2");
  ASSERT_EQ(body["clauses"].size(), 5u);
  EXPECT_EQ(body["focus"], 2);
  EXPECT_EQ(body["clauses"][2]["clause_id"], pdf + ":12");
  EXPECT_EQ(body["document"]["region"], "stockholm");
  const int page = body["clauses"][2]["page"].get<int>();
  EXPECT_EQ(body["source_url"], "/source/" + pdf + "#page=" + std::to_string(page));
  get_json("/api/clause?id=" + pdf + ":99999", 404);
  get_json("/api/clause?id=" + pdf + ":1&context=500", 400);
}

TEST_F(ServeTest, SourceServesOnlyIndexedFilesByDocumentId) {
  const auto documents = get_json("/api/documents");
  auto pdf = get("/source/" + document_of_format(documents, "pdf"));
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
  auto text = get("/source/" + document_of_format(documents, "text"));
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 200);
  EXPECT_EQ(text->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_NE(text->get_header_value("Content-Security-Policy").find("sandbox"), std::string::npos);
  for (const char* path : {"/source/0123456789abcdef", "/source/..%2F..%2Fetc%2Fpasswd",
                           "/source/../../etc/passwd", "/source/", "/source/%2Fetc%2Fpasswd"}) {
    auto res = get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  auto post = client().Post("/source/" + document_of_format(documents, "pdf"), "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(ServeTest, AReviewListExportIsAReadOfTheClausesItNames) {
  const std::string a = clause_id("ambassadör för landstinget", "stockholm");
  const std::string b = clause_id("tydliga uppdrag och mandat", "orebro");
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  auto item = [](const std::string& id, const std::string& note) {
    return "&item=" + httplib::detail::encode_query_param(
                          nlohmann::json{{"clause_id", id}, {"note", note},
                                         {"origin", "Sökning: test"}, {"added", "2026-12-01"}}
                              .dump());
  };
  auto res = get("/api/export?kind=review&format=csv" + item(b, "först") + item(a, "") +
                 item("borta:1", "gammal"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::vector<std::string> lines = lines_of(res->body);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[0].find("position,note,region_name"), std::string::npos);
  EXPECT_EQ(lines[1].rfind("1,först,Region Örebro län", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find(b), std::string::npos);
  EXPECT_NE(lines[1].find("2026-12-01"), std::string::npos);
  EXPECT_EQ(lines[2].rfind("2,,Region Stockholm", 0), 0u) << lines[2];
  EXPECT_NE(lines[3].find("finns inte längre i indexet"), std::string::npos);
  EXPECT_EQ(get("/api/export?kind=review&format=csv")->status, 400);
  EXPECT_EQ(get("/api/export?kind=review&format=csv&item=nojson")->status, 400);
  auto md = get("/api/export?kind=review&format=md" + item(a, "Ta upp på mötet"));
  ASSERT_EQ(md->status, 200);
  EXPECT_NE(md->body.find("Anteckning:** Ta upp på mötet"), std::string::npos);
}

TEST_F(ServeTest, ARequestForAnotherHostIsRefused) {
  httplib::Headers headers = {{"Host", "evil.example:80"}};
  auto res = client().Get("/api/documents", headers);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(ServeTest, KeepsAnsweringWhileAnIngestChangesTheIndex) {
  EXPECT_TRUE(get_json("/api/search?q=zebrafinkpolicyn")["hits"].empty());
  TempDir source;
  const std::string file = source / "gotland-zebrafink.txt";
  std::ofstream(file) << "Zebrafinkpolicyn\n\nRegionen ska följa zebrafinkpolicyn i allt "
                         "internationellt arbete.\n";
  CommandResult ingest = run_klausul({"ingest", file, "--db", db(), "--region", "gotland"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  auto body = get_json("/api/search?q=zebrafinkpolicyn");
  ASSERT_FALSE(body["hits"].empty());
  EXPECT_EQ(body["hits"][0]["region"], "gotland");
  EXPECT_FALSE(get_json("/api/search?q=internationellt")["hits"].empty());
}

// A compaction swaps new table files into the folder: the server's idle handles were opened
// on the old files and must not be reused, and later ingests must show up.
TEST_F(ServeTest, KeepsAnsweringAfterTheIndexIsCompacted) {
  const nlohmann::json before = get_json("/api/search?q=internationellt&limit=5");
  ASSERT_FALSE(before["hits"].empty());
  CommandResult compacted = run_klausul({"compact", "--db", db()});
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  const nlohmann::json after = get_json("/api/search?q=internationellt&limit=5");
  EXPECT_EQ(after["total"], before["total"]);
  ASSERT_EQ(after["hits"].size(), before["hits"].size());
  for (size_t i = 0; i < after["hits"].size(); ++i) {
    EXPECT_EQ(after["hits"][i]["score"], before["hits"][i]["score"]) << i;
  }
  TempDir source;
  const std::string file = source / "gotland-kolibri.txt";
  std::ofstream(file) << "Kolibripolicyn\n\nRegionen ska följa kolibripolicyn i allt arbete.\n";
  CommandResult ingest = run_klausul({"ingest", file, "--db", db(), "--region", "gotland"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_FALSE(get_json("/api/search?q=kolibripolicyn")["hits"].empty());
}

TEST(ServeStart, UnopenableIndexIs503AndSigtermStopsCleanly) {
  TempDir dir;
  ServeProcess server({"--port", "0", "--db", dir / "missing"});
  ASSERT_FALSE(server.url().empty()) << server.log();
  const std::string url = server.url();
  httplib::Client c("127.0.0.1", std::stoi(url.substr(url.rfind(':') + 1)));
  auto res = c.Get("/api/search?q=eu");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_NE(res->body.find("\"error\""), std::string::npos);
  EXPECT_EQ(server.stop(), 0) << server.log();
  EXPECT_NE(server.log().find("GET /api/search 503"), std::string::npos) << server.log();
}

TEST(ServeStart, HelpSaysItIsReadOnly) {
  CommandResult help = run_klausul({"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("read-only"), std::string::npos);
  EXPECT_NE(help.out.find("no import or remove endpoints"), std::string::npos);
  EXPECT_EQ(run_klausul({"serve", "--port", "70000"}).exit_code, 2);
}

}  // namespace
}  // namespace klausul::testing
