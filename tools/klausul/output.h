// Where results go: stdout, or --output FILE written atomically (a temporary file in the same
// folder renamed into place on success, removed on failure).
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace klausul::cli {

class Output {
 public:
  /// `path` empty means stdout. Throws UsageError when the file cannot be created.
  explicit Output(const std::string& path);
  ~Output();  // removes the temporary file unless commit() succeeded
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::ostream& stream();
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

}  // namespace klausul::cli
