#include "index/stub_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ingest/error.h"

namespace klausul {
namespace {

// A stub lists shards, not data: anything larger is not a stub (a PDF given as --db).
constexpr std::uintmax_t kMaxStubBytes = 1 << 20;

ShardLocation parse_remote(const std::string& rest, const std::string& where) {
  ShardLocation shard;
  if (!rest.empty() && rest[0] == ':') {
    // Xapian 1.4: "remote :PROGRAM ARGS" runs PROGRAM (an ssh tunnel, xapian-progsrv).
    const size_t space = rest.find(' ');
    shard.kind = ShardLocation::Kind::program;
    shard.program = rest.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    shard.arguments = space == std::string::npos ? "" : rest.substr(space + 1);
    if (shard.program.empty()) throw IndexError(where + ": remote program missing");
    return shard;
  }
  const size_t colon = rest.rfind(':');
  const std::string port = colon == std::string::npos ? "" : rest.substr(colon + 1);
  if (colon == std::string::npos || colon == 0 || port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) == 0 ||
      std::stoul(port) > 65535) {
    throw IndexError(where + ": expected 'remote HOST:PORT', not 'remote " + rest + "'");
  }
  shard.kind = ShardLocation::Kind::tcp;
  shard.host = rest.substr(0, colon);
  shard.port = static_cast<unsigned>(std::stoul(port));
  return shard;
}

ShardLocation parse_line(const std::string& line, const std::filesystem::path& folder,
                         const std::string& where) {
  const size_t space = line.find(' ');
  const std::string type = line.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
  if (type == "remote") return parse_remote(rest, where);
  if (type == "auto" || type == "glass" || type == "chert") {
    if (rest.empty()) throw IndexError(where + ": '" + type + "' needs a path");
    ShardLocation shard;
    shard.backend = type;
    // As Xapian does: a relative path is relative to the stub file's folder.
    shard.path = (folder / rest).lexically_normal().string();
    return shard;
  }
  throw IndexError(where + ": not a stub line: '" + line.substr(0, 60) + "'");
}

}  // namespace

std::string ShardLocation::line() const {
  switch (kind) {
    case Kind::local:
      return backend + " " + path;
    case Kind::tcp:
      return "remote " + host + ":" + std::to_string(port);
    case Kind::program:
      return "remote :" + program + (arguments.empty() ? "" : " " + arguments);
  }
  return "";
}

bool is_stub_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

std::vector<ShardLocation> read_stub(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw IndexError("cannot read " + path + ": " + ec.message());
  if (size > kMaxStubBytes) throw IndexError(path + " is not an index folder or a stub file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IndexError("cannot read " + path + ": " + std::strerror(errno));
  const auto folder = std::filesystem::absolute(path, ec).parent_path();
  std::vector<ShardLocation> shards;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(number);
    if (line.find('\0') != std::string::npos) {
      throw IndexError(where + ": not a stub file (binary data)");
    }
    shards.push_back(parse_line(line, folder, where));
  }
  if (shards.empty()) throw IndexError("stub file " + path + " lists no shards");
  return shards;
}

void write_stub(const std::string& path, const std::vector<ShardLocation>& shards) {
  std::string text = "# klausul shards: searched together (Xapian stub database format)\n";
  for (const ShardLocation& shard : shards) text += shard.line() + "\n";
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IndexError("cannot write " + path + ": " + std::strerror(errno));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!written || std::rename(temp.c_str(), path.c_str()) != 0) {
    const int rename_error = written ? errno : error;
    std::remove(temp.c_str());
    throw IndexError("cannot write " + path + ": " + std::strerror(rename_error));
  }
}

}  // namespace klausul
