// OpenDocument text (ODT) and presentations (ODP), from content.xml and meta.xml.
#pragma once

#include "ingest/extractor.h"
#include "ingest/zip_reader.h"

namespace klausul {

/// ODT: text:h with text:outline-level as headings, text:p as paragraphs, text:list items with
/// their nesting level, a table row per table_cell block ("cell | cell"), footnotes
/// (text:note) after their paragraph with Block::note set; tables of contents skipped.
class OdtExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

/// ODP: draw:page in document order, one slide each; the frame of presentation:class "title"
/// as slide_title, the other frames top to bottom (outline lists as list items with level),
/// tables, then presentation:notes as paragraphs with Block::note set. Page numbers, footers
/// and dates are skipped.
class OdpExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

/// The same from an open ZIP (the dispatcher has already read the mimetype).
Document extract_odt(ZipReader& zip);
Document extract_odp(ZipReader& zip);

}  // namespace klausul
