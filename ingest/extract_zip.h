// ZIP-based documents: decides by the package's content which office extractor reads it.
#pragma once

#include "ingest/extractor.h"

namespace klausul {

/// DOCX / PPTX by the main part's content type in [Content_Types].xml (falling back to the
/// presence of word/document.xml or ppt/presentation.xml), ODT / ODP by the `mimetype` entry
/// (falling back to content.xml's office:body). Anything else throws IngestError("ZIP archive
/// that is not a DOCX, PPTX, ODT or ODP document"). The file name plays no part.
class ZipExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

}  // namespace klausul
