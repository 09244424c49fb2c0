// One interface for every format: bytes + name in, Document (metadata + blocks) out.
#pragma once

#include <string>
#include <string_view>

#include "ingest/document.h"

namespace klausul {

/// Options an extractor may honour.
struct ExtractOptions {
  std::string charset_hint;  // for text formats; empty = detect
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
