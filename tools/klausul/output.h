// Where results go: stdout, or --output FILE written atomically (a temporary file in the same
// folder renamed into place on success, removed on failure, so a failed export never leaves a
// half file behind).
#pragma once

#include <fstream>
#include <ostream>
#include <memory>
#include <string>

#include "search/export.h"

namespace klausul::cli {

class Output {
 public:
  /// `path` empty means stdout. Throws UsageError when the file cannot be created.
  explicit Output(const std::string& path);
  ~Output();  // removes the temporary file unless commit() succeeded
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::ostream& stream();
  /// For a library that writes the file itself (libxlsxwriter): closes the stream and returns
  /// the temporary path to write; commit() renames it into place as usual. Throws UsageError
  /// when the output is stdout.
  std::string path_for_library();
  /// True when writing to a terminal (colours and progress bars are allowed).
  bool is_terminal() const;
  /// Flushes and renames the temporary file into place. Throws UsageError on failure.
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream file_;
  bool committed_ = false;
};

/// Checks before any work that `format` can go where --output says: xlsx is a binary file and
/// is never written to stdout. Throws UsageError.
void check_output_target(OutputFormat format, const std::string& output_path);

/// The export writer of `format` (not text) writing to `output`, which must outlive it.
std::unique_ptr<ExportWriter> open_export(Output& output, OutputFormat format,
                                          const ExportOptions& options);

}  // namespace klausul::cli
