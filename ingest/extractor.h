// One interface for every format: bytes + name in, Document (metadata + blocks) out.
#pragma once

#include <chrono>
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
