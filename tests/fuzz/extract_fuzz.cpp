// Fuzz target: whole-file ingest of arbitrary bytes through ingest_bytes(), the function the
// importer calls for every file: format detection by content, then the PDF (Poppler), ZIP
// (DOCX/PPTX/ODT/ODP), HTML or text extractor, metadata, boilerplate removal, segmentation.
#include <string>

#include "ingest/convert_legacy.h"
#include "ingest/ingest_file.h"
#include "ingest/ocr.h"
#include "ingest/regions.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

// Scanned pages are still rendered by Poppler (hostile MediaBoxes are part of the attack
// surface); only the Tesseract subprocess is replaced, by canned text that exercises the OCR
// block builder (hyphenation, list items) at the speed a fuzzer needs.
class CannedOcr : public klausul::OcrEngine {
 public:
  std::string recognise(const klausul::GrayImage&,
                        std::chrono::steady_clock::time_point) const override {
    return "Rubrik\n\nEn mening om utveck-\nlingen av vården.\n- en punkt\n";
  }
};

// No LibreOffice subprocess per input: legacy DOC/PPT stop after the OLE2 sniffing.
class NoConverter : public klausul::DocumentConverter {
 public:
  bool available() const override { return true; }
  std::string convert(std::string_view, const std::string&, const std::string&,
                      std::chrono::steady_clock::time_point) const override {
    throw klausul::IngestError("no converter while fuzzing");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CannedOcr ocr;
  static const NoConverter converter;
  klausul::IngestOptions options;
  options.regions = &klausul::RegionTable::builtin();
  options.ocr_engine = &ocr;
  options.converter = &converter;
  // The importer's own per-file budget is 300 s; a fuzzer reports slower inputs as timeouts.
  options.time_budget = std::chrono::seconds(20);
  const std::string bytes(klausul::fuzz::as_view(data, size));
  klausul::fuzz::expect_only_documented_errors([&] {
    // A name without extension: the content alone decides the format, as for most files.
    klausul::IngestedFile file = klausul::ingest_bytes(bytes, "/fuzz/input", options);
    (void)file;
  });
  return 0;
}
