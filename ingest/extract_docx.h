// Word (OOXML WordprocessingML) documents.
#pragma once

#include <string>

#include "ingest/extractor.h"
#include "ingest/zip_reader.h"

namespace klausul {

/// Body paragraphs in order: heading styles (Heading N / Rubrik N / Title, or an outline level,
/// directly or through w:basedOn) give heading blocks with levels; numbered paragraphs (w:numPr)
/// list items with level ilvl+1; a table row is one table_cell block ("cell | cell"); foot- and
/// endnotes follow the paragraph that cites them as paragraphs with Block::note set (uncited
/// ones at the end). docProps/core.xml gives title and date. Deleted revisions and field codes
/// are not text.
class DocxExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

/// The same from an open ZIP whose main part (from [Content_Types].xml) is `main_part`.
Document extract_docx(ZipReader& zip, const std::string& main_part = "word/document.xml");

}  // namespace klausul
