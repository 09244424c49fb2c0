#include <fstream>

#include "ingest/error.h"
#include "ingest/ocr.h"
#include "ingest/subprocess.h"

namespace klausul {

std::string to_pgm(const GrayImage& image) {
  std::string pgm = "P5\n" + std::to_string(image.width) + " " + std::to_string(image.height) +
                    "\n255\n";
  pgm.append(reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size());
  return pgm;
}

std::string TesseractCli::recognise(const GrayImage& image,
                                    std::chrono::steady_clock::time_point deadline) const {
  if (find_program("tesseract").empty()) {
    throw IngestError("scanned PDF needs Tesseract: install it with tools/bootstrap "
                      "(packages tesseract-ocr tesseract-ocr-swe)");
  }
  PrivateTempDir dir;
  const std::string image_path = dir / "page.pgm";
  {
    std::ofstream out(image_path, std::ios::binary);
    out << to_pgm(image);
    if (!out) throw IngestError("cannot write a page image for OCR");
  }
  std::vector<std::string> argv = {"tesseract", image_path, "stdout", "-l", language_,
                                   "--psm", "3"};
  if (image.dpi > 0) argv.insert(argv.end(), {"--dpi", std::to_string(image.dpi)});
  // One thread per page: parallel ingest already keeps the cores busy, and OpenMP threads
  // inside each tesseract would only fight over them.
  ProcessResult result = run_process(argv, deadline, {"OMP_THREAD_LIMIT=1"});
  if (result.timed_out) throw OcrTimeout();
  if (result.exit_code != 0) {
    std::string reason = result.err.substr(0, result.err.find('\n'));
    if (result.err.find("Failed loading language") != std::string::npos) {
      reason = "Swedish language data missing: install tesseract-ocr-" + language_;
    }
    throw IngestError("OCR failed: " + reason);
  }
  return result.out;
}

const TesseractCli& TesseractCli::shared() {
  static const TesseractCli engine;
  return engine;
}

}  // namespace klausul
