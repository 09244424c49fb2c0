#include "ingest/ingest_file.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include "ingest/boilerplate.h"
#include "ingest/detect_format.h"
#include "ingest/error.h"
#include "ingest/extract_html.h"
#include "ingest/extract_legacy.h"
#include "ingest/extract_pdf.h"
#include "ingest/validity.h"
#include "ingest/extract_text.h"
#include "ingest/extract_zip.h"
#include "ingest/metadata.h"
#include "ingest/ocr.h"
#include "ingest/segment.h"

namespace klausul {
namespace {

std::unique_ptr<Extractor> extractor_for(Format format, std::string_view bytes) {
  switch (format) {
    case Format::text: return std::make_unique<TextExtractor>();
    case Format::pdf: return std::make_unique<PdfExtractor>();
    case Format::empty: throw IngestError("empty file");
    case Format::html: return std::make_unique<HtmlExtractor>();
    case Format::zip: return std::make_unique<ZipExtractor>();
    case Format::ole2:  // converted, then read like the DOCX/PPTX it became
      return std::make_unique<LegacyOfficeExtractor>(
          [](std::string_view converted) { return extractor_for(Format::zip, converted); });
    case Format::unknown: break;
  }
  throw IngestError("unknown format (" + describe_start(bytes) + ")");
}

// A file whose name promises a format its bytes do not have ("x.pdf" starting with "PK") is
// reported as such: that is what the user needs to hear, not the format it happens to be.
void check_name_matches_content(const std::string& path, Format format, std::string_view bytes) {
  struct Promise {
    const char* extension;
    Format format;
    const char* label;
  };
  static const Promise kPromises[] = {
      {".pdf", Format::pdf, "PDF"},          {".docx", Format::zip, "DOCX document"},
      {".pptx", Format::zip, "PPTX presentation"}, {".odt", Format::zip, "ODT document"},
      {".odp", Format::zip, "ODP presentation"},   {".doc", Format::ole2, "DOC document"},
      {".ppt", Format::ole2, "PPT presentation"}};
  if (format == Format::empty) return;
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Promise& promise : kPromises) {
    if (lower.ends_with(promise.extension) && format != promise.format) {
      throw IngestError(std::string("not a ") + promise.label + " (" + describe_start(bytes) + ")");
    }
  }
}

// The user's manifest beats everything the document says about itself.
void apply_manifest(DocumentInfo& info, const ManifestEntry& entry, const RegionTable& regions) {
  if (!entry.region.empty()) {
    auto region = regions.find(entry.region);
    if (!region) throw IngestError("manifest names unknown region '" + entry.region + "'");
    info.region = region->key;
    info.region_name = region->name;
  }
  if (!entry.organisation.empty()) info.organisation = entry.organisation;
  if (!entry.doc_type.empty()) info.doc_type = entry.doc_type;
  if (entry.year > 0) info.year = entry.year;
  if (!entry.title.empty()) info.title = entry.title;
  if (!entry.diarienummer.empty()) info.diarienummer = entry.diarienummer;
}

// The manifest's validity columns set or correct what the text says; each names its line.
void apply_manifest_validity(Validity& v, const ManifestEntry& entry) {
  auto set = [&entry](ValidityFact& fact, const std::string& value) {
    if (!value.empty()) fact = ValidityFact{value, 0, entry.origin};
  };
  set(v.decided, entry.decided);
  set(v.decided_by, entry.decided_by);
  set(v.valid_from, entry.valid_from);
  set(v.valid_to, entry.valid_to);
  set(v.revise_by, entry.revise_by);
  set(v.diarienummer, entry.diarienummer);
  set(v.replaced_by, entry.replaced_by);
  set(v.status, entry.status);
  if (!entry.replaces.empty()) {
    v.replaces.clear();
    std::size_t start = 0;
    while (start <= entry.replaces.size()) {
      const std::size_t end = std::min(entry.replaces.find('|', start), entry.replaces.size());
      std::string part = entry.replaces.substr(start, end - start);
      while (!part.empty() && part.front() == ' ') part.erase(0, 1);
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) v.replaces.push_back(ValidityFact{part, 0, entry.origin});
      start = end + 1;
    }
  }
}

}  // namespace

IngestedFile ingest_bytes(const std::string& bytes, const std::string& path,
                          const IngestOptions& options) {
  std::optional<ManifestEntry> entry = options.manifest_entry;
  if (!entry && options.manifest != nullptr) entry = options.manifest->lookup(path);

  ExtractOptions extract_options;
  if (entry) extract_options.charset_hint = entry->charset;
  if (options.ocr) {
    extract_options.ocr = options.ocr_engine ? options.ocr_engine : &TesseractCli::shared();
  }
  extract_options.converter = options.converter;
  extract_options.deadline = std::chrono::steady_clock::now() + options.time_budget;
  extract_options.ocr_time_per_page = options.ocr_time_per_page;
  extract_options.on_budget_extended = options.on_budget_extended;
  Format format = detect_format(bytes);
  check_name_matches_content(path, format, bytes);
  Document doc = extractor_for(format, bytes)->extract(bytes, path, extract_options);
  doc.info.id = content_id(bytes);
  doc.info.path = path;
  doc.info.size = static_cast<std::int64_t>(bytes.size());

  if (entry) apply_manifest(doc.info, *entry, *options.regions);
  if (!options.region_override.empty()) {
    auto region = options.regions->find(options.region_override);
    if (!region) throw UsageError("unknown region '" + options.region_override + "'");
    doc.info.region = region->key;
    doc.info.region_name = region->name;
  }
  // A slide deck is a presentation whatever its words say (the manifest may still say more).
  const std::string& name = doc.info.format;
  if (doc.info.doc_type.empty() && (name == "pptx" || name == "odp" || name == "ppt")) {
    doc.info.doc_type = "presentation";
  }
  detect_metadata(doc, *options.regions);  // before cleaning: chrome tells the document type
  remove_boilerplate(doc);
  number_transcript_slides(doc);  // after cleaning, so chrome after the last slide is gone

  IngestedFile file;
  file.clauses = segment(doc);
  file.info = std::move(doc.info);
  file.info.clauses = static_cast<int>(file.clauses.size());
  file.info.validity = detect_validity(file.clauses, file.info.diarienummer);
  if (entry) apply_manifest_validity(file.info.validity, *entry);
  // A decision date is the document's date when nothing better was found.
  if (file.info.date.empty() && file.info.validity.decided.value.size() == 10) {
    file.info.date = file.info.validity.decided.value;
  }
  return file;
}

}  // namespace klausul
