#include "tools/klausul/output.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "ingest/error.h"

namespace klausul::cli {

Output::Output(const std::string& path) : path_(path) {
  if (path_.empty()) return;
  temp_path_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!file_) throw UsageError("cannot write " + path_ + ": folder missing or not writable");
}

Output::~Output() {
  if (!temp_path_.empty() && !committed_) {
    file_.close();
    std::remove(temp_path_.c_str());
  }
}

std::ostream& Output::stream() { return path_.empty() ? std::cout : file_; }

bool Output::is_terminal() const {
  return path_.empty() && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void Output::commit() {
  if (path_.empty()) {
    std::cout.flush();
    return;
  }
  file_.close();
  if (file_.fail()) throw UsageError("cannot write " + path_ + ": write failed (disk full?)");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw UsageError("cannot write " + path_ + ": rename failed");
  }
  committed_ = true;
}

}  // namespace klausul::cli
