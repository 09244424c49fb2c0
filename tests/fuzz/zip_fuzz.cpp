// Fuzz target: the bounded ZIP reader (ingest/zip_reader.h) on raw bytes: listing, inflating
// every entry in one pass, and the single-entry read the extractors use.
#include <string>

#include "ingest/zip_reader.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = klausul::fuzz::as_view(data, size);
  klausul::fuzz::expect_only_documented_errors([&] {
    klausul::ZipReader zip(bytes);
    const auto entries = zip.read([](const std::string&) { return true; });
    (void)entries;
    if (!zip.names().empty()) {
      const auto first = zip.read(zip.names().front());
      (void)first;
    }
    (void)zip.read(std::string("word/document.xml"));
  });
  // Tight limits reach the bomb checks (entry size, total, ratio) with small inputs.
  klausul::fuzz::expect_only_documented_errors([&] {
    klausul::ZipLimits limits;
    limits.max_entries = 8;
    limits.max_entry_bytes = 4096;
    limits.max_total_bytes = 8192;
    limits.ratio_min_bytes = 256;
    limits.max_ratio = 10;
    klausul::ZipReader zip(bytes, limits);
    (void)zip.read([](const std::string&) { return true; });
  });
  return 0;
}
