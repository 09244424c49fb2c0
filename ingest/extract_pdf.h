// PDF text layer through Poppler's TextOutputDev (libpoppler-private-dev), keeping page
// numbers; scanned pages are rendered through poppler-cpp for OCR (ocr_pages.h).
#pragma once

#include "ingest/extractor.h"

#include <string>
#include <vector>

namespace klausul {

/// Reads the text layer page by page from word boxes with font sizes (TextOutputDev's word
/// list, as poppler-cpp's page::text_list(text_list_include_font) gives it), never Poppler's
/// reading-order text, because that deletes line-final hyphens ("hälso-\noch" -> "hälsooch").
/// Lines are rebuilt from box positions, paragraphs from vertical gaps, headings from font
/// size or bold faces, list items from a leading bullet, dash or number; lines are joined with
/// join_pdf_lines(). Throws IngestError for encrypted, damaged or non-PDF input and for more
/// than 5000 pages.
class PdfExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

/// Joins the lines of one paragraph with spaces, undoing line-end hyphenation: a line ending
/// in "-" is glued to a next line that starts in lowercase, dropping the hyphen
/// ("utveck-" + "lingen" -> "utvecklingen") unless the part before it is uppercase or digits
/// ("EU-" + "frågor" -> "EU-frågor"). A suspended compound keeps hyphen and space when the next
/// word is och/eller/samt/resp/respektive/till ("hälso-" + "och sjukvård"). Soft hyphens
/// (U+00AD) at a line end are always joined.
std::string join_pdf_lines(const std::vector<std::string>& lines);

/// Poppler's colour-profile setup is not thread-safe on first use: call once,
/// single-threaded, before extracting PDFs in parallel.
void warm_up_pdf_backend();

}  // namespace klausul
