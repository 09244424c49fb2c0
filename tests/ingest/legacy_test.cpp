// Legacy DOC/PPT: OLE2 sniffing, the converter seam (missing, slow, fake), the real
// LibreOffice when installed, and the subprocess runner underneath.
#include "ingest/extract_legacy.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "ingest/convert_legacy.h"
#include "ingest/error.h"
#include "ingest/ingest_file.h"
#include "ingest/subprocess.h"
#include "tests/ingest/document_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

using Clock = std::chrono::steady_clock;

std::string ingest_error(const std::string& relative, const IngestOptions& options) {
  try {
    ingest_bytes(read_repo_file(relative), "/arkiv/" + relative, options);
  } catch (const IngestError& e) {
    return e.what();
  }
  return "(no error)";
}

IngestOptions options_with(const DocumentConverter* converter) {
  IngestOptions options;
  options.regions = &RegionTable::builtin();
  options.converter = converter;
  return options;
}

class MissingConverter : public DocumentConverter {
 public:
  bool available() const override { return false; }
  std::string convert(std::string_view, const std::string&, const std::string&,
                      Clock::time_point) const override {
    ADD_FAILURE() << "convert called on a missing converter";
    return "";
  }
};

// Takes forever unless the deadline stops it, like a LibreOffice stuck on a hostile file.
class SlowConverter : public DocumentConverter {
 public:
  bool available() const override { return true; }
  std::string convert(std::string_view, const std::string&, const std::string&,
                      Clock::time_point deadline) const override {
    ProcessResult r = run_process({"sleep", "30"}, deadline);
    if (r.timed_out) throw IngestError("conversion timed out (killed)");
    return "";
  }
};

class RecordingConverter : public DocumentConverter {
 public:
  bool available() const override { return true; }
  std::string convert(std::string_view bytes, const std::string& from, const std::string& to,
                      Clock::time_point) const override {
    call = from + "->" + to + " " + std::to_string(bytes.size());
    return "converted " + to;
  }
  mutable std::string call;
};

class RecordingExtractor : public Extractor {
 public:
  explicit RecordingExtractor(std::string* seen) : seen_(seen) {}
  Document extract(std::string_view bytes, const std::string&,
                   const ExtractOptions&) const override {
    *seen_ = std::string(bytes);
    Document doc;
    doc.info.format = "docx";
    doc.blocks.push_back(Block{BlockKind::paragraph, "Text", 0, 0, 0});
    return doc;
  }

 private:
  std::string* seen_;
};

TEST(LegacyKind, FromStreamNames) {
  EXPECT_EQ(legacy_kind(read_repo_file("tests/fixtures/jonkoping-policy.doc")), LegacyKind::doc);
  EXPECT_EQ(legacy_kind(read_repo_file("tests/fixtures/stockholm-slides.ppt")), LegacyKind::ppt);
  EXPECT_EQ(legacy_kind(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "nothing"),
            LegacyKind::unknown);
}

TEST(LegacyOffice, MissingLibreOfficeSaysWhatToInstall) {
  MissingConverter missing;
  EXPECT_EQ(ingest_error("tests/fixtures/jonkoping-policy.doc", options_with(&missing)),
            "legacy .doc needs LibreOffice: install it with tools/bootstrap --with-legacy "
            "(package libreoffice-writer-nogui)");
  EXPECT_EQ(ingest_error("tests/fixtures/stockholm-slides.ppt", options_with(&missing)),
            "legacy .ppt needs LibreOffice: install it with tools/bootstrap --with-legacy "
            "(package libreoffice-impress-nogui)");
}

TEST(LegacyOffice, NoSofficeInPathIsDetected) {
  const std::string saved = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
  ::setenv("PATH", "/nonexistent-klausul", 1);
  const bool available = SofficeConverter().available();
  const std::string error = ingest_error("tests/fixtures/jonkoping-policy.doc", options_with(nullptr));
  ::setenv("PATH", saved.c_str(), 1);
  EXPECT_FALSE(available);
  EXPECT_NE(error.find("legacy .doc needs LibreOffice"), std::string::npos) << error;
}

TEST(LegacyOffice, ASlowConverterIsStoppedByTheTimeBudget) {
  SlowConverter slow;
  IngestOptions options = options_with(&slow);
  options.time_budget = std::chrono::seconds(1);
  const auto start = Clock::now();
  const std::string error = ingest_error("tests/fixtures/jonkoping-policy.doc", options);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_NE(error.find("timed out"), std::string::npos) << error;
  EXPECT_LT(seconds, 5.0);
}

TEST(LegacyOffice, ConvertedBytesGoToTheZipExtractor) {
  RecordingConverter converter;
  std::string seen;
  LegacyOfficeExtractor extractor(
      [&](std::string_view) { return std::make_unique<RecordingExtractor>(&seen); });
  ExtractOptions options;
  options.converter = &converter;
  const std::string bytes = read_repo_file("tests/fixtures/stockholm-slides.ppt");
  Document doc = extractor.extract(bytes, "x.ppt", options);
  EXPECT_EQ(converter.call, "ppt->pptx " + std::to_string(bytes.size()));
  EXPECT_EQ(seen, "converted pptx");
  EXPECT_EQ(doc.info.format, "ppt");
}

TEST(LegacyOffice, ExcelAndUnknownCompoundFilesAreRefused) {
  RecordingConverter converter;
  LegacyOfficeExtractor extractor([](std::string_view) -> std::unique_ptr<Extractor> {
    return nullptr;
  });
  ExtractOptions options;
  options.converter = &converter;
  std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  for (char c : std::string("Workbook")) xls += {c, '\0'};
  xls += std::string(2, '\0');
  EXPECT_THROW(extractor.extract(xls, "x.xls", options), IngestError);
  EXPECT_TRUE(converter.call.empty());
}

bool has_clause(const IngestedFile& file, const std::string& needle, int slide = -1) {
  for (const Clause& c : file.clauses) {
    if (c.text.find(needle) != std::string::npos && (slide < 0 || c.slide == slide)) return true;
  }
  return false;
}

TEST(LegacyOffice, LibreOfficeConvertsTheDocAndThePpt) {
  if (!SofficeConverter().available()) GTEST_SKIP() << "LibreOffice not installed";
  const IngestOptions options = options_with(nullptr);
  IngestedFile doc = ingest_bytes(read_repo_file("tests/fixtures/jonkoping-policy.doc"),
                                  "/arkiv/jonkoping/jonkoping-policy.doc", options);
  EXPECT_EQ(doc.info.format, "doc");
  EXPECT_TRUE(has_clause(doc, "För en stor och kunskapsintensiv organisation som Landstinget "
                              "spelar omvärldskontakter"));
  IngestedFile ppt = ingest_bytes(read_repo_file("tests/fixtures/stockholm-slides.ppt"),
                                  "/arkiv/stockholm/stockholm-slides.ppt", options);
  EXPECT_EQ(ppt.info.format, "ppt");
  EXPECT_EQ(ppt.info.slides, 8);
  EXPECT_TRUE(has_clause(ppt, "Fokus på aktiviteter inom samarbetsavtal med Mazovieregionen", 2));
}

TEST(Subprocess, CapturesOutputAndExitCode) {
  ProcessResult r = run_process({"sh", "-c", "printf 'hälsa'; printf fel >&2; exit 3"},
                                Clock::now() + std::chrono::seconds(10));
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "hälsa");
  EXPECT_EQ(r.err, "fel");
}

TEST(Subprocess, DeadlineKillsTheWholeProcessGroup) {
  const auto start = Clock::now();
  // The grandchild keeps stdout open: only killing the group ends the wait.
  ProcessResult r = run_process({"sh", "-c", "sleep 30 & sleep 30"},
                                start + std::chrono::milliseconds(300));
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0);
}

TEST(Subprocess, MissingProgramIsAnIngestError) {
  EXPECT_THROW(run_process({"klausul-no-such-program"}, Clock::now() + std::chrono::seconds(5)),
               IngestError);
  EXPECT_TRUE(find_program("klausul-no-such-program").empty());
}

}  // namespace
}  // namespace klausul
