#include "ingest/source_bytes.h"

#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ingest/error.h"

namespace klausul {

std::string read_source_file(const std::string& path, std::int64_t max_bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw IngestError("cannot read: " + ec.message());
  if (static_cast<std::int64_t>(size) > max_bytes) {
    throw IngestError("file too large (" + std::to_string(size >> 20) + " MB, limit " +
                      std::to_string(max_bytes >> 20) + " MB)");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    throw IngestError("cannot read (file changed while reading?)");
  }
  return bytes;
}

std::string content_id(const std::string& bytes) {
  XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash.high64));
  return hex;
}

}  // namespace klausul
