#include "tools/klausul/output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "ingest/error.h"
#include "search/export_xlsx.h"

namespace klausul::cli {

Output::Output(const std::string& path) : path_(path) {
  if (path_.empty()) return;
  temp_path_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    const int error = errno;
    temp_path_.clear();  // nothing was created
    throw UsageError("cannot write " + path_ + ": " + std::strerror(error));
  }
}

Output::~Output() {
  if (!temp_path_.empty() && !committed_) {
    file_.close();
    std::remove(temp_path_.c_str());
  }
}

std::ostream& Output::stream() { return path_.empty() ? std::cout : file_; }

std::string Output::path_for_library() {
  if (path_.empty()) throw UsageError("this format needs --output FILE");
  file_.close();
  return temp_path_;
}

bool Output::is_terminal() const {
  return path_.empty() && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void Output::commit() {
  if (path_.empty()) {
    std::cout.flush();
    return;
  }
  if (file_.is_open()) file_.close();
  if (file_.fail()) throw UsageError("cannot write " + path_ + ": write failed (disk full?)");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw UsageError("cannot write " + path_ + ": " + std::strerror(errno));
  }
  committed_ = true;
}

void check_output_target(OutputFormat format, const std::string& output_path) {
  if (format == OutputFormat::xlsx && output_path.empty()) {
    throw UsageError("--format xlsx writes a binary file: give --output FILE.xlsx");
  }
}

std::unique_ptr<ExportWriter> open_export(Output& output, OutputFormat format,
                                          const ExportOptions& options) {
  if (format == OutputFormat::xlsx) return make_xlsx_writer(output.path_for_library());
  return make_stream_writer(format, output.stream(), options);
}

}  // namespace klausul::cli
