// Fuzz target: the office extractors (DOCX, PPTX, ODT, ODP) on arbitrary XML parts. Mutating a
// real ZIP rarely gets past its CRCs and deflate streams, so this target builds the package
// itself: the input is a list of parts, each introduced by a line "==> name", stored into a
// ZIP in memory and read through ZipExtractor and segmentation.
#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <utility>
#include <vector>

#include "ingest/extract_zip.h"
#include "ingest/segment.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

std::vector<std::pair<std::string, std::string>> split_parts(std::string_view input) {
  std::vector<std::pair<std::string, std::string>> parts;
  constexpr std::string_view kMarker = "==> ";
  std::size_t pos = 0;
  while (pos < input.size()) {
    std::size_t line_end = input.find('\n', pos);
    if (line_end == std::string_view::npos) line_end = input.size();
    const std::string_view line = input.substr(pos, line_end - pos);
    const std::size_t next = line_end < input.size() ? line_end + 1 : line_end;
    if (line.starts_with(kMarker)) {
      parts.emplace_back(std::string(line.substr(kMarker.size())), "");
    } else if (!parts.empty()) {
      parts.back().second.append(input.substr(pos, next - pos));
    }
    pos = next;
  }
  return parts;
}

// A stored (uncompressed) ZIP written by libarchive, so the reader sees a valid package.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts,
                     std::size_t input_size) {
  std::vector<char> buffer(input_size * 2 + parts.size() * 512 + 4096);
  std::size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_set_options(a, "zip:compression=store");
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  for (const auto& [name, content] : parts) {
    if (name.empty()) continue;
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    if (archive_write_header(a, e) == ARCHIVE_OK) {
      archive_write_data(a, content.data(), content.size());
    }
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = split_parts(klausul::fuzz::as_view(data, size));
  if (parts.empty() || parts.size() > 200) return 0;  // the ZIP reader's own limits are fuzzed by zip
  const std::string zip = make_zip(parts, size);
  klausul::fuzz::expect_only_documented_errors([&] {
    klausul::Document doc = klausul::ZipExtractor().extract(zip, "/fuzz/input", {});
    doc.info.id = "fuzz";
    (void)klausul::segment(doc);
  });
  return 0;
}
