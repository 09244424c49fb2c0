// PowerPoint (OOXML PresentationML) slide decks.
#pragma once

#include <string>

#include "ingest/extractor.h"
#include "ingest/zip_reader.h"

namespace klausul {

/// Slides in presentation order (ppt/presentation.xml p:sldIdLst through its .rels, never file
/// names); per slide the title (placeholder title/ctrTitle) as a slide_title block, then the
/// other shapes top to bottom: bulleted paragraphs as list items with their a:pPr lvl,
/// tables a row per block, then the speaker notes (notesSlide linked from the slide's rels) as
/// paragraphs with Block::note set. Slide numbers, placeholders for dates and footers are
/// skipped. docProps/core.xml gives title and date.
class PptxExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

/// The same from an open ZIP whose main part (from [Content_Types].xml) is `main_part`.
Document extract_pptx(ZipReader& zip, const std::string& main_part = "ppt/presentation.xml");

}  // namespace klausul
