// Fuzz target: the manifest CSV parser (ingest/manifest.h) and its lookups.
#include <string>

#include "ingest/manifest.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  klausul::fuzz::expect_only_documented_errors([&] {
    klausul::Manifest manifest =
        klausul::Manifest::parse(klausul::fuzz::as_view(data, size), "/fuzz/base");
    (void)manifest.lookup("/fuzz/base/a.pdf");
    (void)manifest.lookup("/fuzz/base/sub/dir/b.txt");
    (void)manifest.lookup("/elsewhere/c.docx");
    klausul::Manifest merged;
    merged.merge(manifest);
    merged.merge(manifest);
    (void)merged.lookup("/fuzz/base/a.pdf");
  });
  return 0;
}
