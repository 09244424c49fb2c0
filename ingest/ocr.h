// Optical character recognition for PDF pages that have no text layer (scanned documents).
// A seam: the PDF extractor talks to OcrEngine, tests inject a fake, ingest uses Tesseract.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/error.h"

namespace klausul {

/// OCR ran out of the file's time budget. The pages read so far are kept.
class OcrTimeout : public IngestError {
 public:
  OcrTimeout() : IngestError("OCR time budget exceeded") {}
};

/// An 8-bit grayscale page image, rows top to bottom, `width` bytes per row.
struct GrayImage {
  int width = 0;
  int height = 0;
  int dpi = 0;
  std::vector<std::uint8_t> pixels;
};

/// Reads the text of a page image. Returns plain text: lines separated by '\n', paragraphs by
/// a blank line. Throws IngestError when recognition fails or the deadline passes.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  virtual std::string recognise(const GrayImage& image,
                                std::chrono::steady_clock::time_point deadline) const = 0;
};

/// Tesseract's command-line program with Swedish language data (Debian's tesseract-ocr and
/// tesseract-ocr-swe): the image goes to a private temporary folder as PGM, the text comes
/// back on stdout. A subprocess, not libtesseract: a crash or a hang on a hostile scan kills
/// one child, never the ingest, and the deadline is enforced by killing it.
class TesseractCli : public OcrEngine {
 public:
  explicit TesseractCli(std::string language = "swe") : language_(std::move(language)) {}
  std::string recognise(const GrayImage& image,
                        std::chrono::steady_clock::time_point deadline) const override;

  /// One shared instance for ingest (it holds no state).
  static const TesseractCli& shared();

 private:
  std::string language_;
};

/// Turns recognised text into blocks of `page`, all marked `ocr`: blank lines separate
/// paragraphs, lines are joined with join_pdf_lines() (so "utveck-\nlingen" is mended),
/// lines opening with a bullet or dash become list items.
std::vector<Block> ocr_text_blocks(const std::string& text, int page);

/// Writes an image as binary PGM (P5), the simplest format Tesseract's Leptonica reads.
std::string to_pgm(const GrayImage& image);

}  // namespace klausul
