// The whole ingest pipeline for one file: read, detect, extract, normalise, metadata, segment.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/extractor.h"
#include "ingest/manifest.h"
#include "ingest/regions.h"
#include "ingest/source_bytes.h"

namespace klausul {

/// A file turned into what the index stores.
struct IngestedFile {
  DocumentInfo info;
  std::vector<Clause> clauses;
};

/// Options for one file.
struct IngestOptions {
  const RegionTable* regions = nullptr;  // required
  const Manifest* manifest = nullptr;    // optional
  std::string region_override;           // --region: a region key, wins over everything
  std::int64_t max_file_bytes = 512LL * 1024 * 1024;
  // OCR of PDF pages without a text layer (--no-ocr turns it off); ocr_engine and converter
  // replace Tesseract / LibreOffice (tests); time_budget bounds the slow steps per file, and
  // every scanned page read by OCR adds ocr_time_per_page to it (ExtractOptions).
  bool ocr = true;
  const OcrEngine* ocr_engine = nullptr;
  const DocumentConverter* converter = nullptr;
  std::chrono::milliseconds time_budget{300000};
  std::chrono::milliseconds ocr_time_per_page{0};
  std::function<void(std::chrono::milliseconds)> on_budget_extended;
  // The manifest's entry for this file, already looked up (an extraction worker has no
  // manifest): used instead of manifest->lookup(path) when set.
  std::optional<ManifestEntry> manifest_entry;
};

/// Ingests bytes already read from `path`. Throws IngestError with the reason.
IngestedFile ingest_bytes(const std::string& bytes, const std::string& path,
                          const IngestOptions& options);

}  // namespace klausul
