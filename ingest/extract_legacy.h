// Legacy binary Office documents (Word 97-2003 .doc, PowerPoint 97-2003 .ppt): converted to
// DOCX/PPTX by a DocumentConverter (LibreOffice) and read by the ZIP-based extractor.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "ingest/extractor.h"

namespace klausul {

/// Which legacy Office application wrote an OLE2 compound file.
enum class LegacyKind { unknown, doc, ppt, xls };

/// Decides from the compound file's stream names (UTF-16LE in its directory):
/// "WordDocument" -> doc, "PowerPoint Document" -> ppt, "Workbook"/"Book" -> xls.
LegacyKind legacy_kind(std::string_view bytes);

/// Converts with options.converter (null: SofficeConverter::shared()) and hands the result to
/// the extractor `make_zip_extractor` returns for the converted bytes; the Document then says
/// format "doc" or "ppt".
/// When the converter is not installed: IngestError("legacy .doc needs LibreOffice: install
/// it with tools/bootstrap --with-legacy (package libreoffice-writer-nogui)"), and the same
/// with libreoffice-impress-nogui for .ppt.
class LegacyOfficeExtractor : public Extractor {
 public:
  // Picks the extractor for the converted bytes (ingest's own ZIP dispatch).
  using ExtractorFactory = std::function<std::unique_ptr<Extractor>(std::string_view)>;
  explicit LegacyOfficeExtractor(ExtractorFactory make_zip_extractor)
      : make_zip_extractor_(std::move(make_zip_extractor)) {}

  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;

 private:
  ExtractorFactory make_zip_extractor_;
};

}  // namespace klausul
