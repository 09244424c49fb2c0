// One bounded ZIP reader for every ZIP-based format (DOCX, PPTX, ODT, ODP), on libarchive,
// reading from memory. Sizes in ZIP headers can lie, so every limit counts the bytes actually
// inflated.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// Limits that keep a hostile archive from exhausting memory or time.
struct ZipLimits {
  // An office document has tens to a few thousand parts; 10,000 is far beyond any real one.
  std::size_t max_entries = 10'000;
  // The largest XML part of a real policy document is a few MB; 64 MB leaves a wide margin.
  std::int64_t max_entry_bytes = 64LL << 20;
  // Everything one document may inflate, over all reads of one reader.
  std::int64_t max_total_bytes = 256LL << 20;
  // XML compresses at most ~20:1 in practice; 200:1 is the signature of a bomb.
  std::int64_t max_ratio = 200;
  // Small entries (a part full of spaces) may legitimately exceed the ratio; check only
  // entries that have inflated past this size.
  std::int64_t ratio_min_bytes = 1LL << 20;
};

/// Reads named entries of a ZIP archive held in memory. The constructor lists the entries
/// (headers only, nothing inflated); read() inflates only the entries asked for.
/// Throws IngestError: "damaged ZIP archive (...)" for corrupt input, "zip bomb: ..." when a
/// limit is exceeded, "encrypted ZIP entry ..." for password-protected parts.
class ZipReader {
 public:
  explicit ZipReader(std::string_view bytes, ZipLimits limits = {});

  /// Entry names as stored (directories excluded), in archive order.
  const std::vector<std::string>& names() const { return names_; }
  bool contains(const std::string& name) const;

  /// Inflates every entry whose name `wanted` accepts, in one pass over the archive.
  std::map<std::string, std::string> read(const std::function<bool(const std::string&)>& wanted);

  /// Inflates one entry; nullopt when the archive has no entry of that name.
  std::optional<std::string> read(const std::string& name);

  /// Bytes inflated so far by this reader (for tests and diagnostics).
  std::int64_t inflated_bytes() const { return total_; }

 private:
  std::string_view bytes_;
  ZipLimits limits_;
  std::vector<std::string> names_;
  std::int64_t total_ = 0;
};

}  // namespace klausul
