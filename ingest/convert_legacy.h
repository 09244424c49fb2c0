// Conversion of legacy binary Office files (DOC, PPT) to their OOXML successors, which the
// ZIP-based extractor reads. A seam: ingest uses LibreOffice, tests inject fakes.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace klausul {

/// Converts documents between formats named by file extension ("doc" -> "docx").
class DocumentConverter {
 public:
  virtual ~DocumentConverter() = default;
  /// False when the converter program is not installed.
  virtual bool available() const = 0;
  /// Returns the converted file's bytes. Throws IngestError when conversion fails or the
  /// deadline passes.
  virtual std::string convert(std::string_view bytes, const std::string& from,
                              const std::string& to,
                              std::chrono::steady_clock::time_point deadline) const = 0;
};

/// LibreOffice headless: `soffice --headless --convert-to <to> --outdir <private dir>`, with a
/// throw-away user profile in the same private folder (so parallel conversions and a user's
/// running LibreOffice never share one) and at most `max_seconds` per file, after which the
/// whole process group is killed.
class SofficeConverter : public DocumentConverter {
 public:
  explicit SofficeConverter(int max_seconds = 120) : max_seconds_(max_seconds) {}
  bool available() const override;
  std::string convert(std::string_view bytes, const std::string& from, const std::string& to,
                      std::chrono::steady_clock::time_point deadline) const override;

  static const SofficeConverter& shared();

 private:
  int max_seconds_;
};

}  // namespace klausul
