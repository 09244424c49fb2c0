#include "ingest/extract_legacy.h"

#include "ingest/convert_legacy.h"
#include "ingest/error.h"

namespace klausul {
namespace {

// Directory entries of a compound file name their streams in UTF-16LE.
bool has_stream_name(std::string_view bytes, std::string_view ascii_name) {
  std::string utf16;
  for (char c : ascii_name) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16 += std::string(2, '\0');  // the name's terminating NUL: "Book" is not "Bookmarks"
  return bytes.find(utf16) != std::string_view::npos;
}

struct Target {
  const char* from;     // "doc"
  const char* to;       // "docx"
  const char* package;  // Debian package with the LibreOffice filter
};

Target target_for(LegacyKind kind) {
  switch (kind) {
    case LegacyKind::doc: return {"doc", "docx", "libreoffice-writer-nogui"};
    case LegacyKind::ppt: return {"ppt", "pptx", "libreoffice-impress-nogui"};
    case LegacyKind::xls:
      throw IngestError("legacy Excel workbook (.xls): spreadsheets are not indexed");
    case LegacyKind::unknown: break;
  }
  throw IngestError("OLE2 compound file that is neither a Word nor a PowerPoint document");
}

}  // namespace

LegacyKind legacy_kind(std::string_view bytes) {
  if (has_stream_name(bytes, "PowerPoint Document")) return LegacyKind::ppt;
  if (has_stream_name(bytes, "WordDocument")) return LegacyKind::doc;
  if (has_stream_name(bytes, "Workbook") || has_stream_name(bytes, "Book")) {
    return LegacyKind::xls;
  }
  return LegacyKind::unknown;
}

Document LegacyOfficeExtractor::extract(std::string_view bytes, const std::string& name,
                                        const ExtractOptions& options) const {
  const Target target = target_for(legacy_kind(bytes));
  const DocumentConverter& converter =
      options.converter != nullptr ? *options.converter : SofficeConverter::shared();
  if (!converter.available()) {
    throw IngestError(std::string("legacy .") + target.from +
                      " needs LibreOffice: install it with tools/bootstrap --with-legacy "
                      "(package " + target.package + ")");
  }
  const std::string converted = converter.convert(bytes, target.from, target.to, options.deadline);
  Document doc = make_zip_extractor_(converted)->extract(converted, name, options);
  doc.info.format = target.from;
  return doc;
}

}  // namespace klausul
