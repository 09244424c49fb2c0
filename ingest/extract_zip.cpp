#include "ingest/extract_zip.h"

#include "ingest/error.h"
#include "ingest/extract_docx.h"
#include "ingest/extract_odf.h"
#include "ingest/extract_pptx.h"
#include "ingest/normalize.h"
#include "ingest/xml_reader.h"
#include "ingest/zip_reader.h"

namespace klausul {
namespace {

enum class Package { unknown, docx, pptx, odt, odp };

struct MainPart {
  Package package = Package::unknown;
  std::string part;
};

// Main-part content types, including macro-enabled files and templates, which read the same.
Package package_of_content_type(const std::string& type) {
  for (const char* docx :
       {"wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
        "ms-word.document.macroEnabled.main+xml",
        "ms-word.template.macroEnabledTemplate.main+xml"}) {
    if (type.ends_with(docx)) return Package::docx;
  }
  for (const char* pptx :
       {"presentationml.presentation.main+xml", "presentationml.slideshow.main+xml",
        "presentationml.template.main+xml", "ms-powerpoint.presentation.macroEnabled.main+xml",
        "ms-powerpoint.slideshow.macroEnabled.main+xml"}) {
    if (type.ends_with(pptx)) return Package::pptx;
  }
  return Package::unknown;
}

MainPart ooxml_main_part(ZipReader& zip) {
  if (auto types = zip.read("[Content_Types].xml")) {
    const XmlNode root = parse_xml(*types, "[Content_Types].xml");
    for (const XmlNode* override_ : root.children_named("Override")) {
      const Package package = package_of_content_type(override_->attr("ContentType"));
      std::string part = override_->attr("PartName");
      if (!part.empty() && part.front() == '/') part.erase(0, 1);
      if (package != Package::unknown && zip.contains(part)) return {package, part};
    }
  }
  if (zip.contains("word/document.xml")) return {Package::docx, "word/document.xml"};
  if (zip.contains("ppt/presentation.xml")) return {Package::pptx, "ppt/presentation.xml"};
  return {};
}

// ODF names its type in a `mimetype` entry; without one, content.xml's body says it.
Package odf_package(ZipReader& zip) {
  std::string type;
  if (auto mimetype = zip.read("mimetype")) type = collapse_whitespace(*mimetype);
  if (type == "application/vnd.oasis.opendocument.text" ||
      type == "application/vnd.oasis.opendocument.text-template") {
    return Package::odt;
  }
  if (type == "application/vnd.oasis.opendocument.presentation" ||
      type == "application/vnd.oasis.opendocument.presentation-template") {
    return Package::odp;
  }
  if (!type.empty() || !zip.contains("content.xml")) return Package::unknown;
  const XmlNode content = parse_xml(*zip.read("content.xml"), "content.xml");
  const XmlNode* body = content.child("body");
  if (body != nullptr && body->child("text") != nullptr) return Package::odt;
  if (body != nullptr && body->child("presentation") != nullptr) return Package::odp;
  return Package::unknown;
}

}  // namespace

Document ZipExtractor::extract(std::string_view bytes, const std::string&,
                               const ExtractOptions&) const {
  ZipReader zip(bytes);
  const MainPart main = ooxml_main_part(zip);
  if (main.package == Package::docx) return extract_docx(zip, main.part);
  if (main.package == Package::pptx) return extract_pptx(zip, main.part);
  switch (odf_package(zip)) {
    case Package::odt:
      return extract_odt(zip);
    case Package::odp:
      return extract_odp(zip);
    default:
      break;
  }
  throw IngestError("ZIP archive that is not a DOCX, PPTX, ODT or ODP document");
}

}  // namespace klausul
