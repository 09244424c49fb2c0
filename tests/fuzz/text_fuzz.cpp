// Fuzz target: decoding (BOMs, strict UTF-8, ICU detection, iconv), ICU normalisation, the
// plain-text extractor, metadata detection, boilerplate removal and clause segmentation.
//
// An input starting "charset=NAME\n" passes NAME as the charset hint, as a manifest line does,
// so arbitrary charset names reach iconv too.
#include <string>

#include "ingest/boilerplate.h"
#include "ingest/decode_text.h"
#include "ingest/extract_text.h"
#include "ingest/metadata.h"
#include "ingest/normalize.h"
#include "ingest/regions.h"
#include "ingest/segment.h"
#include "ingest/sentences.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = klausul::fuzz::as_view(data, size);
  klausul::ExtractOptions options;
  constexpr std::string_view kHint = "charset=";
  if (bytes.starts_with(kHint)) {
    const std::size_t end = bytes.find('\n');
    if (end != std::string_view::npos) {
      options.charset_hint = std::string(bytes.substr(kHint.size(), end - kHint.size()));
      bytes.remove_prefix(end + 1);
    }
  }
  klausul::fuzz::expect_only_documented_errors([&] {
    const klausul::DecodedText decoded = klausul::decode_text(bytes, options.charset_hint);
    (void)klausul::is_valid_utf8(bytes);
    (void)klausul::to_nfc(decoded.utf8);
    (void)klausul::fold_for_index(decoded.utf8);
    (void)klausul::ascii_key(decoded.utf8);
    (void)klausul::collapse_whitespace(decoded.utf8);
    (void)klausul::cut_at_sentences(decoded.utf8, 200);
  });
  // Normalisation promises to cope with invalid UTF-8 itself (U+FFFD), so it gets the raw bytes.
  (void)klausul::to_nfc(bytes);
  (void)klausul::fold_for_index(bytes);
  (void)klausul::ascii_key(bytes);
  (void)klausul::collapse_whitespace(bytes);
  klausul::fuzz::expect_only_documented_errors([&] {
    klausul::Document doc = klausul::TextExtractor().extract(bytes, "/fuzz/input.txt", options);
    doc.info.id = "fuzz";
    klausul::detect_metadata(doc, klausul::RegionTable::builtin());
    klausul::remove_boilerplate(doc);
    klausul::number_transcript_slides(doc);
    (void)klausul::segment(doc);
  });
  return 0;
}
