// PDF text layer through Poppler (poppler-cpp), keeping page numbers.
#pragma once

#include "ingest/extractor.h"

namespace klausul {

/// Reads the text layer page by page from word boxes with font sizes
/// (page::text_list(text_list_include_font)), never Poppler's reading-order text, because that
/// deletes line-final hyphens ("hälso-\noch" -> "hälsooch"). Lines are rebuilt from box
/// positions, paragraphs from vertical gaps, headings from font size. Line-end hyphenation is
/// left for normalisation. Throws IngestError for encrypted, damaged or non-PDF input.
class PdfExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

/// Poppler's colour-profile setup is not thread-safe on first use: call once,
/// single-threaded, before extracting PDFs in parallel.
void warm_up_pdf_backend();

}  // namespace klausul
