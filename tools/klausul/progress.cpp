#include "tools/klausul/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "ingest/error.h"

namespace klausul::cli {

IngestProgress::IngestProgress(size_t total, const std::string& report_path)
    : total_(total), terminal_(::isatty(STDERR_FILENO) != 0) {
  if (report_path.empty()) return;
  report_.open(report_path, std::ios::trunc);
  if (!report_) throw UsageError("cannot write report " + report_path);
}

void IngestProgress::on_file(const FileReport& report) {
  if (report.outcome != ImportOutcome::removed) ++done_;
  pages_ += report.pages;
  if (report.outcome == ImportOutcome::failed) {
    if (terminal_) std::cerr << "\r\033[K";
    std::cerr << report.path << ": " << report.detail << '\n';
  }
  if (report_.is_open()) {
    nlohmann::json line = {{"path", report.path},
                           {"outcome", import_outcome_name(report.outcome)},
                           {"clauses", report.clauses},
                           {"pages", report.pages},
                           {"seconds", report.seconds}};
    if (!report.detail.empty()) {
      const bool error = report.outcome == ImportOutcome::failed ||
                         report.outcome == ImportOutcome::skipped;
      line[error ? "error" : "other_path"] = report.detail;
    }
    report_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    report_.flush();  // a killed run still leaves a report of what was done
  }
  draw(false);
}

void IngestProgress::draw(bool force) {
  const auto now = std::chrono::steady_clock::now();
  const double since_draw = std::chrono::duration<double>(now - last_draw_).count();
  // A terminal gets a live bar (redrawn at most 10 times a second); a log a line per 5 s.
  if (!force && since_draw < (terminal_ ? 0.1 : 5.0)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const double rate = elapsed > 0 ? done_ / elapsed : 0;
  const double eta = rate > 0 ? (total_ - done_) / rate : 0;
  char line[160];
  if (terminal_) {
    const int width = 24;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::snprintf(line, sizeof line, "\r[%-*s] %zu/%zu files, %d pages, %.1f files/s, ETA %d:%02d\033[K",
                  width, std::string(static_cast<size_t>(filled), '#').c_str(), done_, total_,
                  pages_, rate, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  } else {
    std::snprintf(line, sizeof line, "ingest: %zu/%zu files, %d pages, %.1f files/s\n", done_,
                  total_, pages_, rate);
  }
  std::cerr << line << std::flush;
}

void IngestProgress::finish() {
  if (terminal_) {
    draw(true);
    std::cerr << '\n';
  }
}

}  // namespace klausul::cli
