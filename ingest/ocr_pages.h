// The scanned-PDF step: pages without a text layer are rendered with Poppler and read by OCR.
#pragma once

#include <vector>

#include "ingest/document.h"
#include "ingest/extractor.h"

namespace poppler {
class document;
}

namespace klausul {

/// Reads `pages` (0-based indexes of pages that gave no word boxes) of `pdf` with
/// options.ocr and merges the blocks into out.blocks in page order. Counts the pages in
/// out.info.ocr_pages, or in out.info.skipped_pages when OCR is off (options.ocr == nullptr)
/// or the time budget (options.deadline, moved by options.ocr_time_per_page for every page
/// read) ran out; blank pages count as neither. Other OCR
/// failures (Tesseract missing) throw IngestError.
void read_textless_pages(poppler::document& pdf, const std::vector<int>& pages,
                         const ExtractOptions& options, Document& out);

}  // namespace klausul
