// End to end: klausul and its helper programs (tools/klausul/helper_program.h). The binary
// every command starts links neither the parsers nor the web server; `ingest` extracts in
// klausul-extract and `serve` becomes klausul-serve, both found beside the binary, and a
// missing helper is one clear line.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/run_command.h"

namespace klausul::testing {
namespace {

namespace fs = std::filesystem;

// The shared libraries a program names (DT_NEEDED), as readelf prints them.
std::string needed_libraries(const std::string& program) {
  const std::string command = "readelf -d " + shell_quote(program) + " 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  std::string out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    const std::string line = buffer;
    if (line.find("(NEEDED)") != std::string::npos) out += line;
  }
  ::pclose(pipe);
  return out;
}

TEST(HelperPrograms, TheBinaryLinksNeitherTheParsersNorTheWebServer) {
  const std::string klausul = needed_libraries(KLAUSUL_BINARY);
  ASSERT_NE(klausul.find("libxapian"), std::string::npos) << klausul;
  for (const char* library : {"poppler", "libarchive", "libxml2", "httplib", "libssl"}) {
    EXPECT_EQ(klausul.find(library), std::string::npos) << library << " in\n" << klausul;
  }
  const fs::path folder = fs::path(KLAUSUL_BINARY).parent_path();
  const std::string extract = needed_libraries(folder / "klausul-extract");
  EXPECT_NE(extract.find("libpoppler"), std::string::npos) << extract;
  EXPECT_NE(extract.find("libarchive"), std::string::npos) << extract;
  const std::string serve = needed_libraries(folder / "klausul-serve");
  EXPECT_NE(serve.find("httplib"), std::string::npos) << serve;
}

TEST(HelperPrograms, IngestExtractsInTheWorkerBesideTheBinary) {
  TempDir dir;
  fs::create_directories(dir / "docs");
  std::ofstream(dir / "docs/riktlinje.txt") << "Riktlinje\n\nRegionen ska bevaka och påverka "
                                               "beslut inom EU som rör hälso- och sjukvård.\n";
  const CommandResult ingest =
      run_klausul({"ingest", dir / "docs", "--db", dir / "db", "--jobs", "1", "--learn", "no"});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const CommandResult search = run_klausul({"search", "påverka", "--db", dir / "db"});
  EXPECT_NE(search.out.find("beslut inom EU som rör hälso- och sjukvård"), std::string::npos)
      << search.out;
}

TEST(HelperPrograms, AMissingHelperIsOneLineNamingItsPath) {
  TempDir dir;
  const std::string lonely = dir / "klausul";
  fs::copy_file(KLAUSUL_BINARY, lonely);
  fs::create_directories(dir / "docs");
  std::ofstream(dir / "docs/a.txt") << "Regionen ska bevaka frågor om EU.\n";

  const CommandResult ingest = run_program(lonely, {"ingest", dir / "docs", "--db", dir / "db"});
  EXPECT_EQ(ingest.exit_code, 2);
  EXPECT_NE(ingest.err.find("cannot open " + dir / "klausul-extract"), std::string::npos)
      << ingest.err;
  EXPECT_EQ(lines_of(ingest.err).size(), 1u) << ingest.err;

  const CommandResult serve = run_program(lonely, {"serve", "--port", "0", "--db", dir / "db"});
  EXPECT_EQ(serve.exit_code, 2);
  EXPECT_NE(serve.err.find("cannot start " + dir / "klausul-serve"), std::string::npos)
      << serve.err;
  EXPECT_EQ(lines_of(serve.err).size(), 1u) << serve.err;

  // Commands that need no helper run as ever.
  const CommandResult help = run_program(lonely, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
}

}  // namespace
}  // namespace klausul::testing
