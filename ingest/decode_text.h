// Decoding of text files into UTF-8: BOMs, strict UTF-8 validation, then ICU charset
// detection as a hint and iconv for the conversion.
#pragma once

#include <string>
#include <string_view>

namespace klausul {

/// The result of decoding: UTF-8 text and the charset it was decoded from.
struct DecodedText {
  std::string utf8;
  std::string charset;  // "UTF-8", "UTF-16LE", "windows-1252", ...
};

/// Decodes bytes to UTF-8. Order: a BOM (UTF-8, UTF-16LE/BE) wins; valid UTF-8 is taken as
/// UTF-8; otherwise `charset_hint` (e.g. from a manifest) when given; otherwise ICU's detector
/// among 8-bit charsets, where ISO-8859-1 is read as windows-1252 (its superset).
/// Throws IngestError when the bytes cannot be converted.
DecodedText decode_text(std::string_view bytes, const std::string& charset_hint = "");

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

}  // namespace klausul
