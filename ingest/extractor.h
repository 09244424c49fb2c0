// One interface for every format: bytes + name in, Document (metadata + blocks) out.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "ingest/document.h"

namespace klausul {

class OcrEngine;          // ingest/ocr.h
class DocumentConverter;  // ingest/convert_legacy.h

/// Options an extractor may honour.
struct ExtractOptions {
  std::string charset_hint;  // for text formats; empty = detect
  // Slow steps that run other programs. ocr reads PDF pages without a text layer (null: such
  // pages are skipped and counted); converter turns legacy DOC/PPT into DOCX/PPTX (null:
  // LibreOffice); both stop at the deadline, the file's time budget.
  const OcrEngine* ocr = nullptr;
  const DocumentConverter* converter = nullptr;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  // OCR of a long scan gets a budget per page: each page handed to `ocr` first moves the
  // deadline by ocr_time_per_page and tells on_budget_extended (the extraction worker passes
  // it on to its supervisor, which moves its own deadline for the file the same way).
  std::chrono::milliseconds ocr_time_per_page{0};
  std::function<void(std::chrono::milliseconds)> on_budget_extended;
};

/// Turns the bytes of one file into a Document. Implementations set info.format, info.pages /
/// info.slides, info.title when the format carries one, and the blocks with page/slide.
/// They throw IngestError with a one-line reason when the bytes cannot be read.
class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual Document extract(std::string_view bytes, const std::string& name,
                           const ExtractOptions& options) const = 0;
};

}  // namespace klausul
