#include "tools/klausul/helper_program.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "ingest/error.h"

namespace klausul::cli {

std::string helper_program_path(const std::string& name) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw UsageError("cannot find the klausul binary's folder: " + ec.message());
  return (self.parent_path() / name).string();
}

void become_helper_program(const std::string& name, char** argv) {
  std::string path = helper_program_path(name);
  std::vector<char*> arguments{path.data()};
  for (char** a = argv + 1; *a != nullptr; ++a) arguments.push_back(*a);
  arguments.push_back(nullptr);
  ::execv(path.c_str(), arguments.data());
  throw UsageError("cannot start " + path + ": " + std::strerror(errno) +
                   " (it is built and installed beside klausul)");
}

}  // namespace klausul::cli
