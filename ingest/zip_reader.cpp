#include "ingest/zip_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

#include "ingest/error.h"

namespace klausul {
namespace {

// Inflate in slices so a bomb is caught after at most one slice past a limit.
constexpr std::size_t kSlice = 64 * 1024;

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

std::string reason(archive* a) {
  const char* message = archive_error_string(a);
  return message != nullptr && *message != '\0' ? message : "unreadable";
}

[[noreturn]] void damaged(archive* a) {
  throw IngestError("damaged ZIP archive (" + reason(a) + ")");
}

// ZIP only: libarchive would otherwise happily read tar, 7z, ... that merely start like one.
ArchivePtr open_zip(std::string_view bytes) {
  ArchivePtr a(archive_read_new());
  if (!a) throw IngestError("cannot allocate a ZIP reader");
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) damaged(a.get());
  return a;
}

// Next entry header; false at the end of the archive.
bool next_entry(archive* a, archive_entry** entry) {
  const int status = archive_read_next_header(a, entry);
  if (status == ARCHIVE_EOF) return false;
  if (status < ARCHIVE_WARN) damaged(a);
  return true;
}

std::string entry_name(archive_entry* entry) {
  const char* name = archive_entry_pathname_utf8(entry);
  if (name == nullptr) name = archive_entry_pathname(entry);
  return name != nullptr ? name : "";
}

bool is_directory(archive_entry* entry, const std::string& name) {
  return archive_entry_filetype(entry) == AE_IFDIR || (!name.empty() && name.back() == '/');
}

std::string mb(std::int64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

ZipReader::ZipReader(std::string_view bytes, ZipLimits limits) : bytes_(bytes), limits_(limits) {
  ArchivePtr a = open_zip(bytes_);
  archive_entry* entry = nullptr;
  std::size_t entries = 0;
  while (next_entry(a.get(), &entry)) {
    if (++entries > limits_.max_entries) {
      throw IngestError("zip bomb: more than " + std::to_string(limits_.max_entries) + " entries");
    }
    std::string name = entry_name(entry);
    if (!is_directory(entry, name)) names_.push_back(std::move(name));
  }
}

bool ZipReader::contains(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::map<std::string, std::string> ZipReader::read(
    const std::function<bool(const std::string&)>& wanted) {
  std::map<std::string, std::string> out;
  ArchivePtr a = open_zip(bytes_);
  archive_entry* entry = nullptr;
  std::size_t entries = 0;
  while (next_entry(a.get(), &entry)) {
    if (++entries > limits_.max_entries) break;  // the constructor already reported it
    const std::string name = entry_name(entry);
    if (is_directory(entry, name) || !wanted(name) || out.count(name) > 0) continue;
    if (archive_entry_is_encrypted(entry)) {
      throw IngestError("encrypted ZIP entry " + name + " (password-protected document)");
    }
    // Compressed bytes this entry consumed: the raw stream position moves by them.
    const la_int64_t start = archive_filter_bytes(a.get(), -1);
    std::string data;
    char buffer[kSlice];
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
      if (n < 0) damaged(a.get());
      if (n == 0) break;
      data.append(buffer, static_cast<std::size_t>(n));
      total_ += n;
      const auto size = static_cast<std::int64_t>(data.size());
      if (size > limits_.max_entry_bytes) {
        throw IngestError("zip bomb: " + name + " inflates past " + mb(limits_.max_entry_bytes));
      }
      if (total_ > limits_.max_total_bytes) {
        throw IngestError("zip bomb: archive inflates past " + mb(limits_.max_total_bytes));
      }
      const std::int64_t packed =
          std::max<std::int64_t>(archive_filter_bytes(a.get(), -1) - start, 1);
      if (size > limits_.ratio_min_bytes && size / packed > limits_.max_ratio) {
        throw IngestError("zip bomb: " + name + " compressed more than " +
                          std::to_string(limits_.max_ratio) + ":1");
      }
    }
    out.emplace(name, std::move(data));
  }
  return out;
}

std::optional<std::string> ZipReader::read(const std::string& name) {
  if (!contains(name)) return std::nullopt;
  auto entries = read([&name](const std::string& n) { return n == name; });
  auto it = entries.find(name);
  if (it == entries.end()) return std::nullopt;
  return std::move(it->second);
}

}  // namespace klausul
