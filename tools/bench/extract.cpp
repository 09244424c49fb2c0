// Extraction throughput of one format: reads every FILE into memory, then times klausul's
// extractor on all of them (format detection + extraction; no segmentation, no index), and
// prints pages (or slides) per second.
//   bench_extract FILE...
// Output: "<format> files=N units=U seconds=S per_second=R" with units pages for PDF, slides
// for decks, documents for formats without pages (HTML, DOCX).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "ingest/detect_format.h"
#include "ingest/error.h"
#include "ingest/extract_html.h"
#include "ingest/extract_legacy.h"
#include "ingest/extract_pdf.h"
#include "ingest/extract_zip.h"
#include "ingest/ocr.h"

namespace {

std::unique_ptr<klausul::Extractor> extractor_for(klausul::Format format) {
  using namespace klausul;
  switch (format) {
    case Format::pdf: return std::make_unique<PdfExtractor>();
    case Format::html: return std::make_unique<HtmlExtractor>();
    case Format::zip: return std::make_unique<ZipExtractor>();
    case Format::ole2:
      return std::make_unique<LegacyOfficeExtractor>(
          [](std::string_view) { return std::make_unique<ZipExtractor>(); });
    default: return nullptr;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_extract FILE...\n";
    return 2;
  }
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    files.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  klausul::warm_up_pdf_backend();
  klausul::ExtractOptions options;
  options.ocr = &klausul::TesseractCli::shared();
  std::string format;
  long units = 0;
  const auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < files.size(); ++i) {
    auto extractor = extractor_for(klausul::detect_format(files[i]));
    if (!extractor) {
      std::cerr << argv[i + 1] << ": not a format this bench knows\n";
      return 1;
    }
    try {
      klausul::Document doc = extractor->extract(files[i], argv[i + 1], options);
      format = doc.info.format;
      units += doc.info.slides > 0 ? doc.info.slides : doc.info.pages > 0 ? doc.info.pages : 1;
    } catch (const klausul::IngestError& e) {
      std::cerr << argv[i + 1] << ": " << e.what() << '\n';
      return 1;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s files=%zu units=%ld seconds=%.3f per_second=%.1f\n", format.c_str(),
              files.size(), units, seconds, units / seconds);
  return 0;
}
