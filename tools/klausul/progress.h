// Ingest progress on stderr: a live bar on a terminal, plain periodic lines otherwise; one
// line per failed file always; and the per-file JSON Lines report of --report.
#pragma once

#include <chrono>
#include <fstream>
#include <string>

#include "index/importer.h"

namespace klausul::cli {

class IngestProgress : public ImportObserver {
 public:
  /// `total` files will be reported; `report_path` empty means no --report file.
  /// Throws UsageError when the report file cannot be created.
  IngestProgress(size_t total, const std::string& report_path);
  void on_file(const FileReport& report) override;
  /// Ends the live bar (if any) so the summary starts on its own line.
  void finish();

 private:
  void draw(bool force);

  size_t total_;
  size_t done_ = 0;
  int pages_ = 0;
  bool terminal_;
  std::ofstream report_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace klausul::cli
